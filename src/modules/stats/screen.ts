import ExcelJS from 'exceljs';
import type { Clock } from '../../kernel/clock.js';
import type { RequestContext } from '../../kernel/context.js';
import { changePct, fingerprintOf, type Figures, type Place } from './figures.js';
import { CHANNEL_LABELS, indicatorOf, type Dim } from './indicators.js';
import { checkPeriod, periodRange, previousYear, shift, type Grain } from './periods.js';
import type { StatsPlaces } from './ports.js';
import type { ScreenView } from './stats.schema.js';
import type { StatsService } from './stats.service.js';

/** The year-to-date headlines: flows whose months add up (sums of the month rollups). */
const YEAR_TO_DATE = ['online_retail_fen', 'produce_online_retail_fen', 'platform_sales_fen', 'external_sales_fen', 'orders', 'parcels_down', 'parcels_up'];
const HEADLINE = ['online_retail_fen', 'produce_online_retail_fen', 'orders', 'buyers', 'active_shops', 'parcels_down', 'parcels_up', 'on_time_share'];
const GAUGES = ['station_coverage', 'point_coverage', 'poor_village_coverage', 'logistics_coverage', 'training_person_times_total', 'training_poor_person_times_total'];
/** A cumulative gauge's flow: this month's figure shown beside the total since the programme began. */
const MONTH_OF: Record<string, string> = { training_person_times_total: 'training_person_times', training_poor_person_times_total: 'training_poor_person_times' };
const COUNTY = { dim: '' as const, value: '' };

/** The data screen's one answer and the drill-down workbook, read from the rollups. */
export class StatsScreen {
  constructor(
    private readonly service: StatsService,
    private readonly figures: Figures,
    private readonly places: StatsPlaces,
    private readonly clock: Clock,
  ) {}

  async answer(ctx: RequestContext): Promise<ScreenView> {
    await this.service.requireCountyReader(ctx);
    const today = this.service.today();
    const month = today.slice(0, 7);
    const year = today.slice(0, 4);
    // Only closed periods are compared: today has no change; the last closed month has 同比 and 环比; the year so
    // far is its closed months against the same months a year before (in January, last year against the one before).
    const lastMonth = shift('month', month, -1);
    const ytdYear = lastMonth.slice(0, 4);
    const ytdMonths = periodRange('month', `${ytdYear}-01`, lastMonth);
    const [county, dayFigures, monthFigures, yearFigures, lastMonthFigures] = await Promise.all([
      this.places.county(),
      this.figures.period('day', today),
      this.figures.period('month', month),
      this.figures.period('year', year),
      this.figures.period('month', lastMonth),
    ]);
    const fingerprint = fingerprintOf(monthFigures);
    const [headToday, headLastMonth] = await Promise.all([dayFigures, lastMonthFigures].map((f) => this.service.headline(f, HEADLINE)));
    const ytdDefs = YEAR_TO_DATE.map((k) => indicatorOf(k)!);
    const ytdBefore = ytdMonths.map((m) => previousYear('month', m));
    const ytdValues = await this.figures.evaluate(ytdDefs, 'month', [...ytdBefore, ...ytdMonths], COUNTY);
    const sumOf = (key: string, periods: string[]) => periods.reduce((n, p) => n + (ytdValues.get(`${key}|${p}`) ?? 0), 0);
    const headYearToDate = ytdDefs.map((d) => {
      const value = sumOf(d.key, ytdMonths);
      return { indicator: d.key, name: d.name, unit: d.unit, value, yoyPct: changePct(value, sumOf(d.key, ytdBefore)), momPct: null };
    });

    const months = periodRange('month', shift('month', month, -23), month);
    const trendDefs = ['platform_sales_fen', 'external_sales_fen', 'online_retail_fen'].map((k) => indicatorOf(k)!);
    const [trendValues, todayValues, yearValues] = await Promise.all([
      this.figures.evaluate(trendDefs, 'month', [...months.map((m) => previousYear('month', m)), ...months], COUNTY),
      this.figures.evaluate(['parcels_down', 'parcels_up', 'parcels_arrived'].map((k) => indicatorOf(k)!), 'day', [today], COUNTY),
      this.figures.evaluate(['poor_household_income_fen', 'poor_households_benefiting', 'online_retail_fen', 'platform_sales_fen'].map((k) => indicatorOf(k)!), 'year', [year], COUNTY),
    ]);
    const yearTotals = yearValues;
    const at = (values: Map<string, number | null>, key: string, period: string) => values.get(`${key}|${period}`) ?? 0;
    const target = monthFigures.find((f) => f.indicator === 'online_retail_fen')?.target;
    const growth = target?.growthPct ?? null;
    const trend = months.map((m) => {
      const lastYear = at(trendValues, 'online_retail_fen', previousYear('month', m));
      return { month: m, platformFen: at(trendValues, 'platform_sales_fen', m), externalFen: at(trendValues, 'external_sales_fen', m), targetFen: growth === null || !lastYear ? null : Math.round(lastYear * (1 + growth / 100)) };
    });
    // This year's largest, each with its share of the county's figure (read once with the year's figures).
    const ranked = async (indicator: string, dim: Dim, limit: number) => {
      const values = [...(await this.figures.valuesBy(indicatorOf(indicator)!, 'year', year, dim))].filter(([, v]) => v !== 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
      const labels = await this.figures.labelsOf(dim, values.map(([k]) => k));
      const total = at(yearTotals, indicator, year);
      return values.map(([key, value]) => ({ key, label: labels.get(key) ?? key, value, share: total ? Math.round((value * 1000) / total) / 1000 : null }));
    };
    const [topProducts, topBrands, pavilions] = await Promise.all([ranked('online_retail_fen', 'product', 10), ranked('online_retail_fen', 'brand', 10), ranked('platform_sales_fen', 'pavilion', 10)]);
    const income = at(yearValues, 'poor_household_income_fen', year);
    const households = at(yearValues, 'poor_households_benefiting', year);
    const gauges = GAUGES.map((key) => {
      const f = yearFigures.find((x) => x.indicator === key)!;
      const flow = MONTH_OF[key] ? monthFigures.find((x) => x.indicator === MONTH_OF[key]) : undefined;
      return { indicator: key, name: f.name, value: f.value, target: f.target?.value ?? null, targetLabel: f.target?.label ?? null, status: f.status, month: flow?.value ?? null };
    });
    const [down, up, arrived] = ['parcels_down', 'parcels_up', 'parcels_arrived'].map((k) => at(todayValues, k, today));
    const [allDown, allArrived] = await Promise.all([this.figures.levelOf('parcels_down', month), this.figures.levelOf('parcels_arrived', month)]);
    const children = await this.service.children(ctx, 'month', month, undefined);
    return {
      county,
      asOf: this.clock.now().toISOString(),
      today,
      month,
      year,
      fingerprint,
      headline: { today: headToday, lastMonth: { month: lastMonth, figures: headLastMonth }, yearToDate: { year: ytdYear, from: ytdMonths[0]!, to: lastMonth, figures: headYearToDate } },
      trend,
      topProducts,
      topBrands,
      pavilions,
      poverty: { incomeFen: income ?? 0, households: households ?? 0, povertyPavilionFen: pavilions.find((p) => p.key === 'poverty')?.value ?? 0 },
      gauges,
      parcelsToday: { down: down ?? 0, up: up ?? 0, arrived: arrived ?? 0, inTransit: Math.max(0, allDown - allArrived) },
      townships: children.map((c) => ({ code: c.code, name: c.name, isPoor: c.isPoor, points: c.points, parcelsDown: c.parcelsDown, parcelsUp: c.parcelsUp, salesFen: c.onlineRetailFen })),
    };
  }

  /** The drill-down of a place and period as a workbook: its figures, the places under it, and breakdowns. */
  async workbook(ctx: RequestContext, grain: Grain, period: string, asked: Place): Promise<{ fileName: string; body: Buffer }> {
    checkPeriod(grain, period);
    const answer = await this.service.figuresAt(ctx, grain, period, asked);
    const scope = await this.service.scopeOf(ctx);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'CountyHub';
    const sheet = workbook.addWorksheet('指标');
    sheet.columns = [
      { header: '指标', width: 26 },
      { header: '单位', width: 8 },
      { header: '本期', width: 16 },
      { header: '上期', width: 16 },
      { header: '环比%', width: 10 },
      { header: '去年同期', width: 16 },
      { header: '同比%', width: 10 },
      { header: '目标', width: 16 },
      { header: '目标说明', width: 40 },
    ];
    const UNIT = { fen: '元', count: '个', person_times: '人次', percent: '%', households: '户' } as const;
    const shown = (unit: keyof typeof UNIT, v: number | null) => (v === null ? null : unit === 'fen' ? v / 100 : v);
    for (const f of answer.figures) {
      sheet.addRow([f.name, UNIT[f.unit], shown(f.unit, f.value) ?? (f.status === 'awaiting_source' ? '待接入' : null), shown(f.unit, f.previousPeriod), f.momPct, shown(f.unit, f.previousYear), f.yoyPct, shown(f.unit, f.target?.value ?? null), f.target?.label ?? null]);
    }
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];

    const place = answer.place;
    if (place.level !== 'village') {
      const rows = await this.service.children(ctx, grain, period, place.level === 'township' ? place.code : undefined);
      const children = workbook.addWorksheet(place.level === 'county' ? '各乡镇' : '各村');
      children.columns = [
        { header: '代码', width: 14 },
        { header: '名称', width: 16 },
        { header: '贫困', width: 6 },
        { header: '服务点', width: 8 },
        { header: '网络零售额(元)', width: 16 },
        { header: '下行包裹', width: 10 },
        { header: '上行包裹', width: 10 },
        { header: '48小时到村率%', width: 14 },
        { header: '受益贫困户', width: 12 },
        { header: '培训人次', width: 10 },
        { header: '贫困人口培训人次', width: 16 },
      ];
      for (const r of rows) children.addRow([r.code, r.name, r.isPoor ? '是' : '', r.points, r.onlineRetailFen / 100, r.parcelsDown, r.parcelsUp, r.onTimeShare, r.poorHouseholdsBenefiting, r.trainingPersonTimes, r.trainingPoorPersonTimes]);
      children.getRow(1).font = { bold: true };
    }
    if (scope.kind === 'county' && place.level === 'county') {
      const parts = workbook.addWorksheet('分项');
      parts.columns = [{ header: '维度', width: 10 }, { header: '项目', width: 24 }, { header: '网络零售额(元)', width: 16 }, { header: '占比%', width: 10 }, { header: '同比%', width: 10 }];
      const DIM_NAMES: [Dim, string][] = [['source', '来源'], ['channel', '渠道'], ['platform', '平台'], ['category', '类目'], ['brand', '品牌'], ['pavilion', '场馆']];
      for (const [dim, name] of DIM_NAMES) {
        for (const item of await this.figures.breakdown({ indicator: 'online_retail_fen', grain, period, dim })) {
          parts.addRow([name, dim === 'channel' ? (CHANNEL_LABELS[item.key] ?? item.label) : item.label, item.value / 100, item.share === null ? null : Math.round(item.share * 1000) / 10, item.yoyPct]);
        }
      }
      parts.getRow(1).font = { bold: true };
    }
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    return { fileName: `统计-${place.name}-${period}.xlsx`, body };
  }
}
