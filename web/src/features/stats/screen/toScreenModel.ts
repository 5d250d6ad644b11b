import type { Screen } from '../../../api/stats.js';
import type { Headline, ScreenModel, TrainingGauge } from './screenModel.js';

type ApiHeadline = Screen['headline']['today'][number];

/** A headline card from one of the answer's lists (missing: an empty card, never a made-up number). */
export function headlineOf(list: ApiHeadline[], indicator: string, key: Headline['key'], changes: Headline['changes']): Headline {
  const f = list.find((h) => h.indicator === indicator);
  return { key, unit: f?.unit === 'fen' ? 'fen' : 'count', value: f?.value ?? null, yoyPct: changes === 'none' ? null : (f?.yoyPct ?? null), momPct: changes === 'yoyMom' ? (f?.momPct ?? null) : null, changes };
}

const COVERAGE = ['station_coverage', 'point_coverage', 'poor_village_coverage', 'logistics_coverage'];

/** The API's screen answer as the board draws it: which headline comes from which period, gauges split from training. */
export function toScreenModel(a: Screen): ScreenModel {
  const { lastMonth, yearToDate } = a.headline;
  const gauge = (key: string) => a.gauges.find((g) => g.indicator === key);
  const trainingOf = (key: TrainingGauge['key'], indicator: string): TrainingGauge => {
    const g = gauge(indicator);
    return { key, total: g?.status === 'live' ? g.value : null, target: g?.target ?? null, month: g?.status === 'live' ? g.month : null };
  };
  return {
    level: 'county',
    countyName: a.county.name,
    townshipName: null,
    asOf: a.asOf,
    headlines: [
      headlineOf(a.headline.today, 'online_retail_fen', 'today', 'none'),
      headlineOf(lastMonth.figures, 'online_retail_fen', 'lastMonth', 'yoyMom'),
      headlineOf(yearToDate.figures, 'online_retail_fen', 'yearToDate', 'yoy'),
      headlineOf(yearToDate.figures, 'produce_online_retail_fen', 'yearToDateProduce', 'yoy'),
      headlineOf(yearToDate.figures, 'orders', 'yearToDateOrders', 'yoy'),
      headlineOf(lastMonth.figures, 'active_shops', 'activeShops', 'yoyMom'),
    ],
    periods: { lastMonth: lastMonth.month, yearToDate: { from: yearToDate.from, to: yearToDate.to } },
    trend: {
      periods: a.trend.map((p) => p.month),
      platformFen: a.trend.map((p) => p.platformFen),
      externalFen: a.trend.map((p) => p.externalFen),
      targetFen: a.trend.map((p) => p.targetFen),
    },
    topProducts: a.topProducts,
    topBrands: a.topBrands,
    pavilions: a.pavilions,
    poorHouseholds: a.poverty.households,
    poorIncomeFen: a.poverty.incomeFen,
    coverage: COVERAGE.flatMap((key) => {
      const g = gauge(key);
      return g ? [{ key, label: g.name, pct: g.status === 'live' ? g.value : null, target: g.target }] : [];
    }),
    training: [trainingOf('all', 'training_person_times_total'), trainingOf('poor', 'training_poor_person_times_total')],
    parcelsToday: a.parcelsToday,
    townships: a.townships.map((r) => ({ code: r.code, name: r.name, points: r.points, down: r.parcelsDown, up: r.parcelsUp, salesFen: r.salesFen })),
  };
}
