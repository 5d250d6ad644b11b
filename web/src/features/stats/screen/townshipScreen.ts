import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, fetchAll } from '../../../api/http.js';
import { SCREEN_REFRESH_MS, type Breakdown, type Figures, type PlaceRow, type Series } from '../../../api/stats.js';
import { periodOf, periodsEnding } from '../period.js';
import type { Headline, ScreenModel } from './screenModel.js';

/**
 * A township's wall: the API's one screen answer is the whole county's (county office and regulators), so a township
 * operator's board is put together from the answers it may read for its own township — its figures today, this month
 * and this year, its 24 months, its villages (the network, the rankings) — and read again every 30 s like the county's.
 * What the API has for the county only (products, brands and pavilions by township, the plan's targets) is left out.
 */
async function load(township: string, countyName: string, signal: AbortSignal): Promise<ScreenModel> {
  const today = periodOf('day');
  const month = periodOf('month');
  const year = periodOf('year');
  const months = periodsEnding('month', month, 24);
  const figures = (grain: 'day' | 'month' | 'year', period: string) => api<Figures>('/stats/figures', { query: { grain, period, township }, signal });
  const series = (indicator: string) => api<Series>('/stats/series', { query: { indicator, grain: 'month', from: months[0], to: month, dim: 'township', dimValue: township }, signal });
  const [day, mon, yr, platform, external, villagesMonth, villagesYear] = await Promise.all([
    figures('day', today),
    figures('month', month),
    figures('year', year),
    series('platform_sales_fen'),
    series('external_sales_fen'),
    fetchAll<PlaceRow>('/stats/places', { grain: 'month', period: month, township }, signal),
    api<Breakdown>('/stats/breakdown', { query: { indicator: 'online_retail_fen', grain: 'year', period: year, dim: 'village', township }, signal }),
  ]);
  const of = (f: Figures, indicator: string) => f.figures.find((x) => x.indicator === indicator);
  const head = (f: Figures, indicator: string, key: Headline['key']): Headline => {
    const x = of(f, indicator);
    return { key, unit: x?.unit === 'fen' ? 'fen' : 'count', value: x?.value ?? null, yoyPct: x?.yoyPct ?? null };
  };
  const value = (f: Figures, indicator: string) => of(f, indicator)?.value ?? null;
  const pointOf = (s: Series, period: string) => s.points.find((p) => p.period === period)?.value ?? null;
  const gauge = (indicator: string) => {
    const x = of(mon, indicator);
    return x ? [{ key: indicator, label: x.name, pct: x.status === 'live' ? x.value : null, target: x.target?.value ?? null }] : [];
  };
  return {
    level: 'township',
    countyName,
    townshipName: mon.place.name,
    asOf: new Date().toISOString(),
    headlines: [
      head(day, 'online_retail_fen', 'today'),
      head(mon, 'online_retail_fen', 'month'),
      head(yr, 'online_retail_fen', 'year'),
      head(yr, 'produce_online_retail_fen', 'yearProduce'),
      head(yr, 'orders', 'yearOrders'),
      head(mon, 'active_shops', 'activeShops'),
    ],
    trend: {
      periods: months,
      platformFen: months.map((p) => pointOf(platform, p)),
      externalFen: months.map((p) => pointOf(external, p)),
      targetFen: months.map(() => null),
    },
    topProducts: villagesYear.items.filter((r) => r.value > 0).map((r) => ({ label: r.label, value: r.value })),
    topBrands: [...villagesMonth].filter((r) => r.parcelsDown > 0).sort((a, b) => b.parcelsDown - a.parcelsDown).map((r) => ({ label: r.name, value: r.parcelsDown })),
    pavilions: [],
    poorHouseholds: value(yr, 'poor_households_benefiting'),
    poorIncomeFen: value(yr, 'poor_household_income_fen'),
    coverage: [...gauge('point_coverage'), ...gauge('poor_village_coverage')],
    training: { value: null, poor: null, target: null },
    parcelsToday: { down: value(day, 'parcels_down') ?? 0, up: value(day, 'parcels_up') ?? 0, arrived: value(day, 'parcels_arrived') ?? 0, inTransit: null },
    townships: villagesMonth.map((r) => ({ code: r.code, name: r.name, points: r.points, down: r.parcelsDown, up: r.parcelsUp, salesFen: r.onlineRetailFen })),
  };
}

export function useTownshipScreen(township: string | null, countyName: string | undefined) {
  return useQuery({
    queryKey: ['stats', 'screen', 'township', township, countyName],
    queryFn: ({ signal }) => load(township!, countyName ?? '', signal),
    enabled: !!township && countyName !== undefined,
    refetchInterval: SCREEN_REFRESH_MS,
    refetchIntervalInBackground: true,
    placeholderData: keepPreviousData,
  });
}
