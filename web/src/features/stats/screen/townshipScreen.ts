import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, fetchAll } from '../../../api/http.js';
import { SCREEN_REFRESH_MS, type Breakdown, type Figures, type PlaceRow, type Series } from '../../../api/stats.js';
import { periodOf, periodsEnding, shiftPeriod } from '../period.js';
import type { Headline, ScreenModel } from './screenModel.js';
import { headlineOf } from './toScreenModel.js';

/**
 * A township's wall: the API's one screen answer is the whole county's (county office and regulators), so a township
 * operator's board is put together from the answers it may read for its own township — its figures today, last month
 * (the last closed one) and this year, its 24 months, the closed months of the year against the same months a year
 * before (summed from its monthly series, as the county's answer does), its villages (the network, the rankings) — and
 * read again every 30 s like the county's.
 * What the API has for the county only (products, brands and pavilions by township, the plan's targets) is left out.
 */
async function load(township: string, countyName: string, signal: AbortSignal): Promise<ScreenModel> {
  const today = periodOf('day');
  const month = periodOf('month');
  const year = periodOf('year');
  const months = periodsEnding('month', month, 24);
  // Only closed periods are compared: last month, and the year's closed months (in January, last year, all of it).
  const lastMonth = shiftPeriod('month', month, -1);
  const ytdYear = lastMonth.slice(0, 4);
  const ytdMonths = periodsEnding('month', lastMonth, Number(lastMonth.slice(5, 7)));
  const yearBefore = (m: string) => `${Number(m.slice(0, 4)) - 1}${m.slice(4)}`;
  const figures = (grain: 'day' | 'month' | 'year', period: string) => api<Figures>('/stats/figures', { query: { grain, period, township }, signal });
  const series = (indicator: string, from = months[0], to = month) => api<Series>('/stats/series', { query: { indicator, grain: 'month', from, to, dim: 'township', dimValue: township }, signal });
  const ytdSeries = (indicator: string) => series(indicator, `${Number(ytdYear) - 1}-01`, lastMonth);
  const [day, mon, last, yr, platform, external, ytdSales, ytdProduce, ytdOrders, villagesMonth, villagesYear] = await Promise.all([
    figures('day', today),
    figures('month', month),
    figures('month', lastMonth),
    figures('year', year),
    series('platform_sales_fen'),
    series('external_sales_fen'),
    ytdSeries('online_retail_fen'),
    ytdSeries('produce_online_retail_fen'),
    ytdSeries('orders'),
    fetchAll<PlaceRow>('/stats/places', { grain: 'month', period: month, township }, signal),
    api<Breakdown>('/stats/breakdown', { query: { indicator: 'online_retail_fen', grain: 'year', period: year, dim: 'village', township }, signal }),
  ]);
  const of = (f: Figures, indicator: string) => f.figures.find((x) => x.indicator === indicator);
  const head = (f: Figures, indicator: string, key: Headline['key'], changes: Headline['changes']): Headline => headlineOf(f.figures, indicator, key, changes);
  const sumOf = (s: Series, periods: string[]) => periods.reduce((n, p) => n + (s.points.find((x) => x.period === p)?.value ?? 0), 0);
  const yearToDate = (s: Series, unit: 'fen' | 'count', key: Headline['key']): Headline => {
    const value = sumOf(s, ytdMonths);
    const before = sumOf(s, ytdMonths.map(yearBefore));
    return { key, unit, value, yoyPct: before === 0 ? null : Math.round(((value - before) * 1000) / before) / 10, momPct: null, changes: 'yoy' };
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
      head(day, 'online_retail_fen', 'today', 'none'),
      head(last, 'online_retail_fen', 'lastMonth', 'yoyMom'),
      yearToDate(ytdSales, 'fen', 'yearToDate'),
      yearToDate(ytdProduce, 'fen', 'yearToDateProduce'),
      yearToDate(ytdOrders, 'count', 'yearToDateOrders'),
      head(last, 'active_shops', 'activeShops', 'yoyMom'),
    ],
    periods: { lastMonth, yearToDate: { from: ytdMonths[0], to: lastMonth } },
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
    // The plan's targets are the county's: a township's board shows its own counts, without a target.
    training: [
      { key: 'all', total: value(mon, 'training_person_times_total'), target: null, month: value(mon, 'training_person_times') },
      { key: 'poor', total: value(mon, 'training_poor_person_times_total'), target: null, month: value(mon, 'training_poor_person_times') },
    ],
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
