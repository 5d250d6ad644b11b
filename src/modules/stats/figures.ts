import { createHash } from 'node:crypto';
import { invalidField } from '../../kernel/errors.js';
import { CHANNEL_LABELS, DIMS, INDICATORS, indicatorOf, KIND_LABELS, PAVILION_LABELS, PLATFORM_LABELS, SOURCE_LABELS, TRACK_LABELS, type Dim, type IndicatorDef, type Unit } from './indicators.js';
import { checkPeriod, firstDayOf, lastDayOf, monthsOf, periodRange, previousPeriod, previousYear, shift, type Grain } from './periods.js';
import type { StatsRepository } from './stats.repository.js';
import type { StatsTargetRow } from './stats.tables.js';

export interface FigureTarget {
  value: number | null;
  growthPct: number | null;
  due: string | null;
  label: string;
}

export interface FigureValue {
  indicator: string;
  name: string;
  unit: Unit;
  value: number | null;
  previousPeriod: number | null;
  previousYear: number | null;
  momPct: number | null;
  yoyPct: number | null;
  target: FigureTarget | null;
  status: 'live' | 'awaiting_source';
  /**
   * The period holds today (Asia/Shanghai, by the module's clock): its figures are those so far, and momPct/yoyPct
   * are null — a part of a period is never compared with a whole one (a target's progress is progress so far).
   */
  open: boolean;
}

export interface Place {
  township?: string;
  village?: string;
}

export interface BreakdownItem {
  key: string;
  label: string;
  value: number;
  share: number | null;
  yoyPct: number | null;
}

/** The door other modules call (reports, the upward push): every figure read from rollups, by primary-key ranges. */
export interface StatsFigures {
  indicators(): IndicatorDef[];
  period(grain: Grain, period: string, place?: Place): Promise<FigureValue[]>;
  series(q: { indicator: string; grain: Grain; from: string; to: string; dim?: Dim; dimValue?: string }): Promise<{ period: string; value: number | null }[]>;
  breakdown(q: { indicator: string; grain: Grain; period: string; dim: Dim; township?: string }): Promise<BreakdownItem[]>;
  /** A fingerprint of a period's county figures: changes when any figure of that period changes (late events). */
  fingerprint(grain: Grain, period: string): Promise<string>;
}

/** Percent change, one decimal; null when there is nothing to compare with. */
export function changePct(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return Math.round(((now - before) * 1000) / Math.abs(before)) / 10;
}

/** numerator / denominator as a percent with one decimal, half up on the counts. */
export function ratioPct(num: number, den: number): number | null {
  if (den === 0) return null;
  return Math.round((num * 1000) / den) / 10;
}

interface Where {
  dim: Dim | '';
  value: string;
}

const placeWhere = (place?: Place): Where => (place?.village ? { dim: 'village', value: place.village } : place?.township ? { dim: 'township', value: place.township } : { dim: '', value: '' });

/** Labels of code-like dimension values that are fixed (channels, sources, platforms, pavilions, kinds). */
const FIXED_LABELS: Partial<Record<Dim, Record<string, string>>> = { channel: CHANNEL_LABELS, source: SOURCE_LABELS, platform: PLATFORM_LABELS, pavilion: PAVILION_LABELS, kind: KIND_LABELS, track: TRACK_LABELS };

export class Figures implements StatsFigures {
  constructor(
    private readonly repo: StatsRepository,
    private readonly targets: () => Promise<StatsTargetRow[]>,
    /** Today in Asia/Shanghai by the module's clock (which periods are still open). */
    private readonly today: () => string,
  ) {}

  /** Whether a period holds today: it is not over, and its figures are those so far. */
  isOpen(grain: Grain, period: string): boolean {
    const today = this.today();
    return firstDayOf(grain, period) <= today && today <= lastDayOf(grain, period);
  }

  indicators(): IndicatorDef[] {
    return INDICATORS;
  }

  /** One indicator's value for a period at a place or dimension value; null when it has no source or no such dimension. */
  async value(def: IndicatorDef, grain: Grain, period: string, where: Where): Promise<number | null> {
    return (await this.evaluate([def], grain, [period], where)).get(`${def.key}|${period}`) ?? null;
  }

  /**
   * Many indicators over some periods of one grain at one place, in a handful of queries (one per kind of row:
   * sums, distinct counts, levels, snapshots), all by primary-key ranges: flat in the number of orders. The answer
   * is keyed `indicator|period`.
   */
  async evaluate(defs: IndicatorDef[], grain: Grain, periods: string[], where: Where): Promise<Map<string, number | null>> {
    const live = (d: IndicatorDef) => d.status === 'live' && (where.dim === '' || d.dims.includes(where.dim));
    const parts = new Map<string, IndicatorDef>();
    const need = (d: IndicatorDef) => {
      if (d.kind === 'ratio') for (const k of [d.numerator!, d.denominator!]) parts.set(k, indicatorOf(k)!);
      else parts.set(d.key, d);
    };
    for (const d of defs) if (live(d)) need(d);
    const all = [...parts.values()];
    const sums = all.filter((d) => d.kind === 'sum' && !(grain === 'day' && d.monthlyOnly)).map((d) => d.key);
    const distinct = all.filter((d) => d.kind === 'distinct').map((d) => d.key);
    const flows = [...new Set(all.filter((d) => d.kind === 'snapshot' && d.cumulativeOf).map((d) => d.cumulativeOf!))];
    const snaps = all.filter((d) => d.kind === 'snapshot' && !d.cumulativeOf).map((d) => d.key);
    const base = { dim: where.dim, dimValue: where.value };
    const months = grain === 'day' ? [] : [...new Set(periods.flatMap((p) => monthsOf(grain, p)))];
    const lastMonth = (p: string) => (grain === 'day' ? p.slice(0, 7) : monthsOf(grain, p).at(-1)!);
    const maxMonth = periods.map(lastMonth).sort().at(-1)!;
    const days = grain === 'day' ? [...new Set(periods.flatMap((p) => periodRange('day', `${p.slice(0, 7)}-01`, p, 31)))] : [];
    const [sumRows, distinctRows, flowMonths, flowDays, snapMonths, snapDays] = await Promise.all([
      sums.length ? this.repo.values({ indicators: sums, grain: grain === 'day' ? 'day' : 'month', periods: grain === 'day' ? periods : months, ...base }) : [],
      distinct.length ? this.repo.values({ indicators: distinct, grain, periods, ...base }) : [],
      flows.length ? this.repo.upTo({ indicators: flows, grain: 'month', upTo: maxMonth, ...base }) : [],
      flows.length && grain === 'day' ? this.repo.values({ indicators: flows, grain: 'day', periods: days, ...base }) : [],
      snaps.length ? this.repo.upTo({ indicators: snaps, grain: 'month', upTo: maxMonth, ...base }) : [],
      snaps.length && grain === 'day' ? this.repo.values({ indicators: snaps, grain: 'day', periods, ...base }) : [],
    ]);
    const cell = new Map<string, number>();
    for (const r of [...sumRows, ...distinctRows, ...flowDays, ...snapDays]) cell.set(`${r.indicator}|${r.grain}|${r.period}`, r.value);
    const byIndicator = (rows: { indicator: string; period: string; value: number }[]) => {
      const out = new Map<string, { period: string; value: number }[]>();
      for (const r of rows) (out.get(r.indicator) ?? out.set(r.indicator, []).get(r.indicator)!).push(r);
      for (const list of out.values()) list.sort((a, b) => a.period.localeCompare(b.period));
      return out;
    };
    const flowHistory = byIndicator(flowMonths);
    const snapHistory = byIndicator(snapMonths);

    const raw = (d: IndicatorDef, period: string): number | null => {
      switch (d.kind) {
        case 'sum':
          if (grain === 'day' && d.monthlyOnly) return null;
          if (grain === 'day') return cell.get(`${d.key}|day|${period}`) ?? 0;
          return monthsOf(grain, period).reduce((n, m) => n + (cell.get(`${d.key}|month|${m}`) ?? 0), 0);
        case 'distinct':
          return cell.get(`${d.key}|${grain}|${period}`) ?? 0;
        case 'snapshot': {
          if (d.cumulativeOf) {
            const flow = d.cumulativeOf;
            const upTo = grain === 'day' ? shift('month', period.slice(0, 7), -1) : lastMonth(period);
            let level = (flowHistory.get(flow) ?? []).reduce((n, r) => (r.period <= upTo ? n + r.value : n), 0);
            if (grain === 'day') for (const day of periodRange('day', `${period.slice(0, 7)}-01`, period, 31)) level += cell.get(`${flow}|day|${day}`) ?? 0;
            return level;
          }
          // Written by stats.snapshot (a day's row and its month's, the last value winning): a period reads the
          // value of its last day, else the last month written up to it; null before the first snapshot.
          if (grain === 'day' && cell.has(`${d.key}|day|${period}`)) return cell.get(`${d.key}|day|${period}`)!;
          const upTo = lastMonth(period);
          const rows = (snapHistory.get(d.key) ?? []).filter((r) => r.period <= upTo);
          return rows.at(-1)?.value ?? null;
        }
        case 'ratio': {
          const n = raw(parts.get(d.numerator!)!, period);
          const den = raw(parts.get(d.denominator!)!, period);
          return n === null || den === null ? null : ratioPct(n, den);
        }
      }
    };
    const out = new Map<string, number | null>();
    for (const d of defs) for (const p of periods) out.set(`${d.key}|${p}`, live(d) ? raw(d, p) : null);
    return out;
  }

  /** A flow summed from the start up to the end of a month (parcels in transit: registered down − arrived). */
  async levelOf(flow: string, upToMonth: string): Promise<number> {
    return (await this.repo.cumulative({ indicator: flow, upToMonth, dim: '', dimValue: '' })).get('') ?? 0;
  }

  async period(grain: Grain, period: string, place?: Place): Promise<FigureValue[]> {
    checkPeriod(grain, period);
    const where = placeWhere(place);
    const targets = await this.targets();
    const prev = previousPeriod(grain, period);
    const lastYear = previousYear(grain, period);
    const defs = INDICATORS.filter((d) => d.headline);
    const values = await this.evaluate(defs, grain, [period, prev, lastYear], where);
    const open = this.isOpen(grain, period);
    const compare = (def: IndicatorDef, now: number | null, before: number | null) => (open || def.unit === 'percent' ? null : changePct(now, before));
    return defs.map((def) => {
      const value = values.get(`${def.key}|${period}`) ?? null;
      const before = values.get(`${def.key}|${prev}`) ?? null;
      const yearAgo = values.get(`${def.key}|${lastYear}`) ?? null;
      return {
        indicator: def.key,
        name: def.name,
        unit: def.unit,
        value,
        previousPeriod: before,
        previousYear: yearAgo,
        momPct: compare(def, value, before),
        yoyPct: compare(def, value, yearAgo),
        target: where.dim === '' ? targetFor(def, grain, period, yearAgo, targets) : null,
        status: def.status,
        open,
      };
    });
  }

  async series(q: { indicator: string; grain: Grain; from: string; to: string; dim?: Dim; dimValue?: string }): Promise<{ period: string; value: number | null }[]> {
    const def = indicatorOf(q.indicator);
    if (!def) throw invalidField('indicator', `no indicator ${q.indicator}`);
    if (q.dim && !q.dimValue) throw invalidField('dimValue', 'dimValue is needed with dim');
    if (q.dim && !DIMS.includes(q.dim)) throw invalidField('dim', `no dimension ${q.dim}`);
    const periods = periodRange(q.grain, q.from, q.to, 400);
    const where: Where = q.dim ? { dim: q.dim, value: q.dimValue! } : { dim: '', value: '' };
    const values = await this.evaluate([def], q.grain, periods, where);
    return periods.map((period) => ({ period, value: values.get(`${def.key}|${period}`) ?? null }));
  }

  /** The values of one dimension for a period, largest first, each with its share of the county's figure and its change on a year before. */
  async breakdown(q: { indicator: string; grain: Grain; period: string; dim: Dim; township?: string }): Promise<BreakdownItem[]> {
    const def = indicatorOf(q.indicator);
    if (!def) throw invalidField('indicator', `no indicator ${q.indicator}`);
    if (!DIMS.includes(q.dim)) throw invalidField('dim', `no dimension ${q.dim}`);
    checkPeriod(q.grain, q.period);
    if (q.township && q.dim !== 'village') throw invalidField('township', 'a breakdown within a township is by village (dim=village)');
    if (!def.dims.includes(q.dim) || def.status === 'awaiting_source') return [];
    const [now, yearAgo, total] = await Promise.all([
      this.valuesBy(def, q.grain, q.period, q.dim),
      this.valuesBy(def, q.grain, previousYear(q.grain, q.period), q.dim),
      this.value(def, q.grain, q.period, { dim: '', value: '' }),
    ]);
    const keys = [...now.keys()].filter((k) => !q.township || k.startsWith(q.township));
    const open = this.isOpen(q.grain, q.period);
    const labels = await this.labelsOf(q.dim, keys);
    return keys
      .map((key) => {
        const value = now.get(key)!;
        return {
          key,
          label: labels.get(key) ?? key,
          value,
          share: def.unit === 'percent' || total === null || total === 0 ? null : Math.round((value * 1000) / total) / 1000,
          yoyPct: open || def.unit === 'percent' ? null : changePct(value, yearAgo.get(key) ?? null),
        };
      })
      .filter((item) => item.value !== 0)
      .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
  }

  /**
   * Several sum, distinct or ratio indicators by one dimension for a period, in one query per kind of row (the
   * drill-down table's columns): indicator → dimension value → figure.
   */
  async valuesByMany(defs: IndicatorDef[], grain: Grain, period: string, dim: Dim): Promise<Map<string, Map<string, number>>> {
    const parts = new Map<string, IndicatorDef>();
    for (const d of defs) {
      if (d.status !== 'live' || !d.dims.includes(dim)) continue;
      if (d.kind === 'ratio') for (const k of [d.numerator!, d.denominator!]) parts.set(k, indicatorOf(k)!);
      else if (d.kind === 'sum' || d.kind === 'distinct') parts.set(d.key, d);
    }
    const sums = [...parts.values()].filter((d) => d.kind === 'sum' && !(grain === 'day' && d.monthlyOnly)).map((d) => d.key);
    const distinct = [...parts.values()].filter((d) => d.kind === 'distinct').map((d) => d.key);
    const [sumRows, distinctRows] = await Promise.all([
      sums.length ? this.repo.values({ indicators: sums, grain: grain === 'day' ? 'day' : 'month', periods: grain === 'day' ? [period] : monthsOf(grain, period), dim }) : [],
      distinct.length ? this.repo.values({ indicators: distinct, grain, periods: [period], dim }) : [],
    ]);
    const raw = new Map<string, Map<string, number>>();
    for (const r of [...sumRows, ...distinctRows]) {
      const m = raw.get(r.indicator) ?? raw.set(r.indicator, new Map()).get(r.indicator)!;
      m.set(r.dim_value, (m.get(r.dim_value) ?? 0) + r.value);
    }
    const out = new Map<string, Map<string, number>>();
    for (const d of defs) {
      if (d.kind !== 'ratio') {
        out.set(d.key, raw.get(d.key) ?? new Map());
        continue;
      }
      const num = raw.get(d.numerator!) ?? new Map<string, number>();
      const ratios = new Map<string, number>();
      for (const [key, den] of raw.get(d.denominator!) ?? []) {
        const pct = ratioPct(num.get(key) ?? 0, den);
        if (pct !== null) ratios.set(key, pct);
      }
      out.set(d.key, ratios);
    }
    return out;
  }

  /** Every value of a dimension for a period (a map from dimension value to figure). */
  async valuesBy(def: IndicatorDef, grain: Grain, period: string, dim: Dim): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const addRows = (rows: { dim_value: string; value: number }[]) => {
      for (const r of rows) out.set(r.dim_value, (out.get(r.dim_value) ?? 0) + r.value);
    };
    const addRowsReplacing = (rows: { dim_value: string; value: number }[]) => {
      for (const r of rows) out.set(r.dim_value, r.value);
    };
    switch (def.kind) {
      case 'sum':
        if (grain === 'day' && def.monthlyOnly) return out;
        addRows(await this.repo.values({ indicators: [def.key], grain: grain === 'day' ? 'day' : 'month', periods: grain === 'day' ? [period] : monthsOf(grain, period), dim }));
        return out;
      case 'distinct':
        addRows(await this.repo.values({ indicators: [def.key], grain, periods: [period], dim }));
        return out;
      case 'ratio': {
        const [num, den] = await Promise.all([this.valuesBy(indicatorOf(def.numerator!)!, grain, period, dim), this.valuesBy(indicatorOf(def.denominator!)!, grain, period, dim)]);
        for (const [key, d] of den) {
          const pct = ratioPct(num.get(key) ?? 0, d);
          if (pct !== null) out.set(key, pct);
        }
        return out;
      }
      case 'snapshot': {
        if (def.cumulativeOf) {
          const months = grain === 'day' ? [shift('month', period.slice(0, 7), -1)] : monthsOf(grain, period);
          const total = await this.repo.cumulative({ indicator: def.cumulativeOf, upToMonth: months[months.length - 1]!, dim });
          if (grain === 'day') {
            const days = periodRange('day', `${period.slice(0, 7)}-01`, period, 31);
            for (const r of await this.repo.values({ indicators: [def.cumulativeOf], grain: 'day', periods: days, dim })) total.set(r.dim_value, (total.get(r.dim_value) ?? 0) + r.value);
          }
          return total;
        }
        // The last value written up to the period's end, per dimension value (a day's own row when there is one).
        const upTo = grain === 'day' ? period.slice(0, 7) : monthsOf(grain, period).at(-1)!;
        const latest = new Map<string, { period: string; value: number }>();
        for (const r of await this.repo.upTo({ indicators: [def.key], grain: 'month', upTo, dim })) {
          const seen = latest.get(r.dim_value);
          if (!seen || seen.period < r.period) latest.set(r.dim_value, r);
        }
        for (const [key, r] of latest) out.set(key, r.value);
        if (grain === 'day') addRowsReplacing(await this.repo.values({ indicators: [def.key], grain: 'day', periods: [period], dim }));
        return out;
      }
    }
  }

  async labelsOf(dim: Dim, keys: string[]): Promise<Map<string, string>> {
    const fixed = FIXED_LABELS[dim];
    if (fixed) return new Map(keys.map((k) => [k, fixed[k] ?? k]));
    return this.repo.labels(dim, keys);
  }

  async fingerprint(grain: Grain, period: string): Promise<string> {
    checkPeriod(grain, period);
    return fingerprintOf(await this.period(grain, period));
  }
}

/** A hash of a period's figures: equal figures, equal fingerprint. */
export function fingerprintOf(figures: FigureValue[]): string {
  const hash = createHash('sha256');
  for (const f of figures) hash.update(`${f.indicator}=${f.value ?? 'null'};`);
  return hash.digest('hex').slice(0, 32);
}

/**
 * The target a figure is read against: a growth target makes last year's figure × (1 + growth) the target; dated
 * targets give the first one due on or after the period's end (the last one once all are past).
 */
export function targetFor(def: IndicatorDef, grain: Grain, period: string, previousYearValue: number | null, rows: StatsTargetRow[]): FigureTarget | null {
  const mine = rows.filter((r) => r.indicator === def.key);
  if (mine.length === 0) return null;
  const growth = mine.find((r) => r.growth_pct !== null);
  if (growth) {
    const value = previousYearValue === null || previousYearValue === 0 ? null : Math.round(previousYearValue * (1 + growth.growth_pct! / 100));
    return { value, growthPct: growth.growth_pct, due: growth.due, label: growth.label };
  }
  const end = lastDayOf(grain, period);
  const dated = mine.filter((r) => r.due !== null).sort((a, b) => a.due!.localeCompare(b.due!));
  const pick = dated.find((r) => r.due! >= end) ?? dated[dated.length - 1] ?? mine[0]!;
  return { value: pick.value, growthPct: null, due: pick.due, label: pick.label };
}
