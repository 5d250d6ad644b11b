import { shanghaiDate } from '../../kernel/clock.js';
import { invalidField } from '../../kernel/errors.js';

/** The grains figures are asked for. Rollups keep day and month rows; quarter and year are sums of months. */
export const GRAINS = ['day', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

const PATTERNS: Record<Grain, RegExp> = {
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
};

/** The day and month (Asia/Shanghai) an ISO UTC instant belongs to. */
export function periodsOf(iso: string): { day: string; month: string; quarter: string; year: string } {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`Not a time: ${iso}`);
  const day = shanghaiDate(at);
  const month = day.slice(0, 7);
  return { day, month, quarter: quarterOfMonth(month), year: day.slice(0, 4) };
}

export const quarterOfMonth = (month: string) => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/** Checks a period's shape against its grain (and that a day exists), naming the field when it does not fit. */
export function checkPeriod(grain: Grain, period: string, field = 'period'): string {
  if (!PATTERNS[grain].test(period)) throw invalidField(field, `${field} must look like ${example(grain)} for grain ${grain}`);
  if (grain === 'day') {
    const d = new Date(`${period}T00:00:00Z`);
    if (d.toISOString().slice(0, 10) !== period) throw invalidField(field, `${period} is not a calendar day`);
  }
  return period;
}

const example = (grain: Grain) => ({ day: '2026-05-31', month: '2026-05', quarter: '2026-Q2', year: '2026' })[grain];

/** The months a month, quarter or year covers, in order. */
export function monthsOf(grain: Exclude<Grain, 'day'>, period: string): string[] {
  if (grain === 'month') return [period];
  const year = period.slice(0, 4);
  const first = grain === 'year' ? 1 : (Number(period.slice(6)) - 1) * 3 + 1;
  const count = grain === 'year' ? 12 : 3;
  return Array.from({ length: count }, (_, i) => `${year}-${String(first + i).padStart(2, '0')}`);
}

/** The period before, of the same grain (month-on-month). */
export function previousPeriod(grain: Grain, period: string): string {
  return shift(grain, period, -1);
}

/** The same period a year before (year-on-year). */
export function previousYear(grain: Grain, period: string): string {
  if (grain === 'day') {
    const y = Number(period.slice(0, 4)) - 1;
    const md = period.slice(5);
    // 29 February a year before is 28 February.
    if (md === '02-29') return `${y}-02-28`;
    return `${y}-${md}`;
  }
  return `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
}

/** Moves a period by n of its grain. */
export function shift(grain: Grain, period: string, n: number): string {
  if (grain === 'day') {
    const d = new Date(`${period}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }
  if (grain === 'year') return String(Number(period) + n);
  if (grain === 'quarter') {
    const index = Number(period.slice(0, 4)) * 4 + Number(period.slice(6)) - 1 + n;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every period from `from` to `to` (inclusive) of a grain; at most `max`, or the field is named. */
export function periodRange(grain: Grain, from: string, to: string, max = 400): string[] {
  checkPeriod(grain, from, 'from');
  checkPeriod(grain, to, 'to');
  if (from > to) throw invalidField('to', 'to must not be before from');
  const out: string[] = [];
  for (let p = from; p <= to; p = shift(grain, p, 1)) {
    out.push(p);
    if (out.length > max) throw invalidField('to', `at most ${max} periods at a time`);
  }
  return out;
}

/** The period of a grain that holds a Shanghai day. */
export function periodOfDay(grain: Grain, day: string): string {
  if (grain === 'day') return day;
  if (grain === 'month') return day.slice(0, 7);
  if (grain === 'quarter') return quarterOfMonth(day.slice(0, 7));
  return day.slice(0, 4);
}

/** The first Shanghai day of a period. */
export function firstDayOf(grain: Grain, period: string): string {
  return grain === 'day' ? period : `${monthsOf(grain, period)[0]!}-01`;
}

/** The last Shanghai day of a period. */
export function lastDayOf(grain: Grain, period: string): string {
  if (grain === 'day') return period;
  const months = monthsOf(grain, period);
  const last = months[months.length - 1]!;
  const d = new Date(`${last}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

/** Today in Asia/Shanghai by the clock. */
export const shanghaiToday = (clock: { now(): Date }) => shanghaiDate(clock.now());
