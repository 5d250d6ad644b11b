import { evaluate, type EvaluationRow } from './evaluation.js';
import { grainOf, monthRange, periodLabel, reportTitle, shiftMonth, type ReportKind } from './periods.js';
import type { BreakdownRow, Dim, FigureValue, Grain, ReportFigures, Unit } from './ports.js';
import { writeSummary } from './summary.js';

/** Plain data (it crosses to the rendering thread): everything a report shows, read from the stats door once. */
export interface ReportModel {
  kind: ReportKind;
  period: string;
  grain: Exclude<Grain, 'day'>;
  county: string;
  title: string;
  periodLabel: string;
  version: number;
  generatedAt: string;
  /** The period has not ended: its figures are those so far. */
  ongoing: boolean;
  /** The period's figures, in sections. */
  sections: { title: string; figures: FigureValue[] }[];
  /** 13 months ending with the period's last month. */
  trend: { months: string[]; lines: { indicator: string; name: string; unit: Unit; values: (number | null)[] }[] };
  breakdowns: { title: string; indicator: string; indicatorName: string; unit: Unit; dim: Dim; rows: BreakdownRow[] }[];
  summary: string[];
  evaluation: EvaluationRow[] | null;
}

const SECTIONS: { title: string; keys: string[] }[] = [
  { title: '网络销售', keys: ['online_retail_fen', 'produce_online_retail_fen', 'platform_sales_fen', 'external_sales_fen', 'orders', 'buyers'] },
  { title: '市场主体与网店', keys: ['sellers', 'active_shops', 'external_shops', 'ecommerce_enterprises'] },
  { title: '物流快递', keys: ['parcels_down', 'parcels_up', 'parcels_arrived', 'parcels_on_time', 'on_time_share'] },
  { title: '扶贫带动', keys: ['poor_households_benefiting', 'poor_household_income_fen'] },
  { title: '质量与服务', keys: ['traced_produce_share', 'complaints'] },
  { title: '站点服务', keys: ['station_services', 'station_service_amount', 'station_poor_served'] },
  { title: '网络覆盖', keys: ['station_coverage', 'point_coverage', 'poor_village_coverage', 'logistics_coverage'] },
  { title: '培训', keys: ['training_person_times', 'training_poor_person_times', 'training_person_times_total', 'training_poor_person_times_total', 'training_trainees', 'training_completions', 'training_outcomes'] },
];

const TREND = ['online_retail_fen', 'produce_online_retail_fen', 'platform_sales_fen', 'external_sales_fen', 'orders', 'parcels_down', 'parcels_up', 'on_time_share'];

const BREAKDOWNS: { title: string; indicator: string; dim: Dim }[] = [
  { title: '网络零售额·按乡镇', indicator: 'online_retail_fen', dim: 'township' },
  { title: '网络零售额·按渠道（本平台与外部平台）', indicator: 'online_retail_fen', dim: 'source' },
  { title: '外部平台销售额·按平台', indicator: 'external_sales_fen', dim: 'platform' },
  { title: '本平台销售额·按品类', indicator: 'platform_sales_fen', dim: 'category' },
  { title: '本平台销售额·按销售渠道', indicator: 'platform_sales_fen', dim: 'channel' },
  { title: '本平台销售额·按特色馆与扶贫馆', indicator: 'platform_sales_fen', dim: 'pavilion' },
  { title: '贫困户增收·按乡镇', indicator: 'poor_household_income_fen', dim: 'township' },
  { title: '下行包裹·按乡镇', indicator: 'parcels_down', dim: 'township' },
  { title: '站点服务人次·按服务类型', indicator: 'station_services', dim: 'kind' },
  { title: '站点服务人次·按乡镇', indicator: 'station_services', dim: 'township' },
  { title: '电商培训人次·按乡镇', indicator: 'training_person_times', dim: 'township' },
  { title: '电商培训人次·按培训类别', indicator: 'training_person_times', dim: 'track' },
  { title: '外部平台网店数·按平台', indicator: 'external_shops', dim: 'platform' },
];

export type Progress = (pct: number, step: string) => Promise<void>;

/** Reads what a report shows from the stats door (county level). */
export async function gatherReport(figures: ReportFigures, q: { kind: ReportKind; period: string; version: number; county: string; now: Date }, progress: Progress): Promise<ReportModel> {
  const grain = grainOf(q.kind);
  const catalogue = figures.indicators();
  const period = await figures.period(grain, q.period);
  const byKey = new Map(period.map((f) => [f.indicator, f]));
  const listed = new Set(SECTIONS.flatMap((s) => s.keys));
  const headline = (key: string) => catalogue.find((i) => i.key === key)?.headline !== false;
  const sections = SECTIONS.map((s) => ({ title: s.title, figures: s.keys.map((k) => byKey.get(k)).filter((f): f is FigureValue => !!f) }));
  const others = period.filter((f) => !listed.has(f.indicator) && headline(f.indicator));
  if (others.length > 0) sections.push({ title: '其他指标', figures: others });
  await progress(15, '读取趋势');

  const last = monthRange(grain, q.period).last;
  const months = Array.from({ length: 13 }, (_, i) => shiftMonth(last, i - 12));
  const lines: ReportModel['trend']['lines'] = [];
  for (const key of TREND) {
    const info = byKey.get(key);
    if (!info) continue;
    const series = await figures.series({ indicator: key, grain: 'month', from: months[0], to: months[12] });
    const at = new Map(series.map((p) => [p.period, p.value]));
    lines.push({ indicator: key, name: info.name, unit: info.unit, values: months.map((m) => (info.status === 'awaiting_source' ? null : (at.get(m) ?? null))) });
  }
  await progress(25, '读取分项');

  const breakdowns: ReportModel['breakdowns'] = [];
  for (const b of BREAKDOWNS) {
    const info = byKey.get(b.indicator);
    if (!info || info.status !== 'live') continue;
    try {
      const rows = await figures.breakdown({ indicator: b.indicator, grain, period: q.period, dim: b.dim });
      breakdowns.push({ title: b.title, indicator: b.indicator, indicatorName: info.name, unit: info.unit, dim: b.dim, rows: [...rows].sort((x, y) => y.value - x.value) });
    } catch {
      // A dimension the indicator does not carry is left out, not reported as zero.
    }
  }
  const label = periodLabel(q.kind, q.period);
  // Not over while its last month holds today (Shanghai): no change is printed for it (本期未结束).
  const ongoing = last >= new Date(q.now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
  return {
    kind: q.kind,
    period: q.period,
    grain,
    county: q.county,
    title: reportTitle(q.county, q.kind, q.period),
    periodLabel: label,
    version: q.version,
    generatedAt: q.now.toISOString(),
    ongoing,
    sections,
    trend: { months, lines },
    breakdowns,
    summary: writeSummary(q.county, label, period, ongoing),
    evaluation: q.kind === 'self_evaluation' ? evaluate(q.period, period, new Set(catalogue.filter((i) => i.cumulativeOf).map((i) => i.key))) : null,
  };
}
