import { createHash } from 'node:crypto';
import { invalidField } from '../../kernel/errors.js';
import { CHANNEL_LABELS, DIMS, INDICATORS, indicatorOf, KIND_LABELS, PAVILION_LABELS, PLATFORM_LABELS, SOURCE_LABELS, type Dim, type IndicatorDef, type Unit } from './indicators.js';
import { checkPeriod, lastDayOf, monthsOf, periodRange, previousPeriod, previousYear, shift, type Grain } from './periods.js';
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
const FIXED_LABELS: Partial<Record<Dim, Record<string, string>>> = { channel: CHANNEL_LABELS, source: SOURCE_LABELS, platform: PLATFORM_LABELS, pavilion: PAVILION_LABELS, kind: KIND_LABELS };

export class Figures implements StatsFigures {
  constructor(
    private readonly repo: StatsRepository,
    private readonly targets: () => Promise<StatsTargetRow[]>,
  ) {}

  indicators(): IndicatorDef[] {
    return INDICATORS;
  }

  /** One indicator's value for a period at a place or dimension value; null when it has no source or no such dimension. */
  async value(def: IndicatorDef, grain: Grain, period: string, where: Where): Promise<number | null> {
    if (def.status === 'awaiting_source') return null;
    if (where.dim !== '' && !def.dims.includes(where.dim)) return null;
    switch (def.kind) {
      case 'sum': {
        if (grain === 'day' && def.monthlyOnly) return null;
        const periods = grain === 'day' ? [period] : monthsOf(grain, period);
        const rows = await this.repo.values({ indicators: [def.key], grain: grain === 'day' ? 'day' : 'month', periods, dim: where.dim, dimValue: where.value });
        return rows.reduce((n, r) => n + r.value, 0);
      }
      case 'distinct': {
        const rows = await this.repo.values({ indicators: [def.key], grain, periods: [period], dim: where.dim, dimValue: where.value });
        return rows[0]?.value ?? 0;
      }
      case 'ratio': {
        const num = indicatorOf(def.numerator!)!;
        const den = indicatorOf(def.denominator!)!;
        const [n, d] = await Promise.all([this.value(num, grain, period, where), this.value(den, grain, period, where)]);
        return n === null || d === null ? null : ratioPct(n, d);
      }
      case 'snapshot': {
        if (def.cumulativeOf) return this.level(def.cumulativeOf, grain, period, where);
        // Written each day by stats.snapshot: a period reads the last value at or before its last day.
        return this.repo.latestSnapshot({ indicator: def.key, grain: 'day', upTo: lastDayOf(grain, period), dim: where.dim, dimValue: where.value });
      }
    }
  }

  /** A level from a flow: everything up to the end of the period (a day adds its month's days so far). */
  private async level(flow: string, grain: Grain, period: string, where: Where): Promise<number> {
    if (grain !== 'day') {
      const months = monthsOf(grain, period);
      const total = await this.repo.cumulative({ indicator: flow, upToMonth: months[months.length - 1]!, dim: where.dim, dimValue: where.value });
      return total.get(where.value) ?? 0;
    }
    const month = period.slice(0, 7);
    const before = await this.repo.cumulative({ indicator: flow, upToMonth: shift('month', month, -1), dim: where.dim, dimValue: where.value });
    const days = periodRange('day', `${month}-01`, period, 31);
    const rows = await this.repo.values({ indicators: [flow], grain: 'day', periods: days, dim: where.dim, dimValue: where.value });
    return (before.get(where.value) ?? 0) + rows.reduce((n, r) => n + r.value, 0);
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
    return Promise.all(
      INDICATORS.filter((d) => d.headline).map(async (def) => {
        const [value, before, yearAgo] = await Promise.all([this.value(def, grain, period, where), this.value(def, grain, prev, where), this.value(def, grain, lastYear, where)]);
        return {
          indicator: def.key,
          name: def.name,
          unit: def.unit,
          value,
          previousPeriod: before,
          previousYear: yearAgo,
          momPct: def.unit === 'percent' ? null : changePct(value, before),
          yoyPct: def.unit === 'percent' ? null : changePct(value, yearAgo),
          target: where.dim === '' ? targetFor(def, grain, period, yearAgo, targets) : null,
          status: def.status,
        };
      }),
    );
  }

  async series(q: { indicator: string; grain: Grain; from: string; to: string; dim?: Dim; dimValue?: string }): Promise<{ period: string; value: number | null }[]> {
    const def = indicatorOf(q.indicator);
    if (!def) throw invalidField('indicator', `no indicator ${q.indicator}`);
    if (q.dim && !q.dimValue) throw invalidField('dimValue', 'dimValue is needed with dim');
    if (q.dim && !DIMS.includes(q.dim)) throw invalidField('dim', `no dimension ${q.dim}`);
    const periods = periodRange(q.grain, q.from, q.to, 400);
    const where: Where = q.dim ? { dim: q.dim, value: q.dimValue! } : { dim: '', value: '' };
    return Promise.all(periods.map(async (period) => ({ period, value: await this.value(def, q.grain, period, where) })));
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
    const labels = await this.labelsOf(q.dim, keys);
    return keys
      .map((key) => {
        const value = now.get(key)!;
        return {
          key,
          label: labels.get(key) ?? key,
          value,
          share: def.unit === 'percent' || total === null || total === 0 ? null : Math.round((value * 1000) / total) / 1000,
          yoyPct: def.unit === 'percent' ? null : changePct(value, yearAgo.get(key) ?? null),
        };
      })
      .filter((item) => item.value !== 0)
      .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
  }

  /** Every value of a dimension for a period (a map from dimension value to figure). */
  async valuesBy(def: IndicatorDef, grain: Grain, period: string, dim: Dim): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const addRows = (rows: { dim_value: string; value: number }[]) => {
      for (const r of rows) out.set(r.dim_value, (out.get(r.dim_value) ?? 0) + r.value);
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
        const day = await this.repo.latestSnapshot({ indicator: def.key, grain: 'day', upTo: lastDayOf(grain, period), dim: '', dimValue: '' });
        if (day === null) return out;
        const at = await this.repo.latestSnapshotDay(def.key, lastDayOf(grain, period));
        if (at) addRows(await this.repo.values({ indicators: [def.key], grain: 'day', periods: [at], dim }));
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
    const figures = await this.period(grain, period);
    const hash = createHash('sha256');
    for (const f of figures) hash.update(`${f.indicator}=${f.value ?? 'null'};`);
    return hash.digest('hex').slice(0, 32);
  }
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
