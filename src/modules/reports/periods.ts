import { invalidField } from '../../kernel/errors.js';
import type { Grain } from './ports.js';

/** What a report covers: a month, a quarter, a year, or the year a performance self-evaluation judges. */
export const REPORT_KINDS = ['month', 'quarter', 'year', 'self_evaluation'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const KIND_NAMES: Record<ReportKind, string> = { month: '月报', quarter: '季报', year: '年报', self_evaluation: '绩效自评' };

const PATTERNS: Record<ReportKind, RegExp> = {
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
  self_evaluation: /^\d{4}$/,
};
const EXAMPLES: Record<ReportKind, string> = { month: '2026-11', quarter: '2026-Q4', year: '2026', self_evaluation: '2026' };

export const grainOf = (kind: ReportKind): Exclude<Grain, 'day'> => (kind === 'self_evaluation' ? 'year' : kind);

/** The first and last month (YYYY-MM) a period covers. */
export function monthRange(grain: Exclude<Grain, 'day'>, period: string): { first: string; last: string } {
  const year = period.slice(0, 4);
  if (grain === 'month') return { first: period, last: period };
  if (grain === 'year') return { first: `${year}-01`, last: `${year}-12` };
  const q = Number(period.slice(6));
  return { first: `${year}-${String(q * 3 - 2).padStart(2, '0')}`, last: `${year}-${String(q * 3).padStart(2, '0')}` };
}

/** A month moved by n months. */
export function shiftMonth(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The Shanghai month of an instant. */
export const shanghaiMonth = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7);

/**
 * Checks a report's period against its kind and that it has begun (Asia/Shanghai): a report of a month not yet
 * begun would hold nothing. The current period is allowed (figures so far).
 */
export function checkReportPeriod(kind: ReportKind, period: string, now: Date, field = 'body.period'): string {
  if (!PATTERNS[kind].test(period)) throw invalidField(field, `报告期应形如 ${EXAMPLES[kind]} (${kind}) The period must look like ${EXAMPLES[kind]}`);
  const { first } = monthRange(grainOf(kind), period);
  if (first > shanghaiMonth(now)) throw invalidField(field, `报告期 ${period} 尚未开始 The period has not begun`, 'PERIOD_NOT_BEGUN');
  if (Number(period.slice(0, 4)) < 2000) throw invalidField(field, `报告期 ${period} 过早 The period is too early`);
  return period;
}

/** 2026年11月, 2026年第四季度, 2026年. */
export function periodLabel(kind: ReportKind, period: string): string {
  const year = period.slice(0, 4);
  if (kind === 'month') return `${year}年${Number(period.slice(5, 7))}月`;
  if (kind === 'quarter') return `${year}年第${'一二三四'[Number(period.slice(6)) - 1]}季度`;
  return `${year}年`;
}

/** The title of a report: 鲁甸县农村电子商务统计月报（2026年11月）. */
export function reportTitle(county: string, kind: ReportKind, period: string): string {
  if (kind === 'self_evaluation') return `${county}电子商务进农村综合示范项目绩效自评报告（${periodLabel(kind, period)}）`;
  return `${county}农村电子商务统计${KIND_NAMES[kind]}（${periodLabel(kind, period)}）`;
}
