import type { Grain } from '../../api/stats.js';
import { todayInShanghai } from '../../app/format.js';

/** Periods as the API names them, in the county's time zone: 2026-12-07, 2026-12, 2026-Q4, 2026. */
export type PeriodGrain = Exclude<Grain, 'day'>;

export const PERIOD_GRAINS: readonly PeriodGrain[] = ['month', 'quarter', 'year'];

/** The period of this grain that holds `day` (YYYY-MM-DD; today in Shanghai by default). */
export function periodOf(grain: Grain, day = todayInShanghai()): string {
  const [year, month] = day.split('-');
  if (grain === 'day') return day;
  if (grain === 'month') return `${year}-${month}`;
  if (grain === 'quarter') return `${year}-Q${Math.floor((Number(month) - 1) / 3) + 1}`;
  return year;
}

/** The last period of a grain that is over (last month, last quarter, last year): what the drill-down opens on. */
export const lastClosedPeriod = (grain: PeriodGrain): string => shiftPeriod(grain, periodOf(grain), -1);

export const isPeriod = (grain: Grain, period: string | undefined): period is string =>
  !!period &&
  (grain === 'month'
    ? /^\d{4}-(0[1-9]|1[0-2])$/.test(period)
    : grain === 'quarter'
      ? /^\d{4}-Q[1-4]$/.test(period)
      : grain === 'year'
        ? /^\d{4}$/.test(period)
        : /^\d{4}-\d{2}-\d{2}$/.test(period));

/** The period `steps` after (negative: before) this one. */
export function shiftPeriod(grain: PeriodGrain, period: string, steps: number): string {
  if (grain === 'year') return String(Number(period) + steps);
  if (grain === 'quarter') {
    const [y, q] = period.split('-Q').map(Number);
    const n = y * 4 + (q - 1) + steps;
    return `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
  }
  const [y, m] = period.split('-').map(Number);
  const n = y * 12 + (m - 1) + steps;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** The `count` periods ending with `period`, oldest first. */
export function periodsEnding(grain: PeriodGrain, period: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(grain, period, i - count + 1));
}

/** How many periods a trend shows: two years of months, three of quarters, five years. */
export const TREND_LENGTH: Record<PeriodGrain, number> = { month: 24, quarter: 12, year: 5 };

/** 2026年12月 / 2026年第4季度 / 2026年 (and English). */
export function periodLabel(grain: Grain, period: string, lang: 'zh' | 'en'): string {
  if (grain === 'year') return lang === 'zh' ? `${period}年` : period;
  if (grain === 'quarter') {
    const [y, q] = period.split('-Q');
    return lang === 'zh' ? `${y}年第${q}季度` : `Q${q} ${y}`;
  }
  if (grain === 'month') {
    const [y, m] = period.split('-');
    return lang === 'zh' ? `${y}年${Number(m)}月` : `${y}-${m}`;
  }
  return period;
}

/** A short axis label: 12月 (with the year on January), Q4, 2026. */
export function axisLabel(grain: Grain, period: string, lang: 'zh' | 'en'): string {
  if (grain === 'month') {
    const [y, m] = period.split('-');
    if (lang === 'en') return m === '01' ? `${y}-01` : m;
    return m === '01' ? `${y.slice(2)}年1月` : `${Number(m)}月`;
  }
  if (grain === 'quarter') return period.slice(2).replace('-', ' ');
  return period;
}
