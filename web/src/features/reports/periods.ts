import type { ReportKind } from '../../api/reports.js';
import type { ReportsText } from './reports.messages.js';

/** This month in Asia/Shanghai (YYYY-MM), whatever the browser's zone. */
export const shanghaiMonth = (now = new Date()) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);

const shift = (month: string, n: number) => {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

/**
 * The periods one may ask a report of, newest first: begun ones only (the server refuses a period not begun).
 * Months: the last 24; quarters: the last 8; years: the last 5.
 */
export function periodChoices(kind: ReportKind, text: ReportsText, now = new Date()): { value: string; label: string }[] {
  const month = shanghaiMonth(now);
  const year = Number(month.slice(0, 4));
  if (kind === 'month') {
    return Array.from({ length: 24 }, (_, i) => {
      const m = shift(month, -i);
      return { value: m, label: text('reports.month', { y: m.slice(0, 4), m: Number(m.slice(5)), mm: m.slice(5) }) };
    });
  }
  if (kind === 'quarter') {
    const q0 = Math.floor((Number(month.slice(5)) - 1) / 3);
    return Array.from({ length: 8 }, (_, i) => {
      const index = year * 4 + q0 - i;
      const y = Math.floor(index / 4);
      const q = (index % 4) + 1;
      return { value: `${y}-Q${q}`, label: text('reports.quarter', { y, q }) };
    });
  }
  return Array.from({ length: 5 }, (_, i) => ({ value: String(year - i), label: text('reports.year', { y: year - i }) }));
}

/** The period a kind starts on: last month for a monthly report (the usual one to make), else the current one. */
export const defaultPeriod = (kind: ReportKind, now = new Date()) => {
  const month = shanghaiMonth(now);
  if (kind === 'month') return shift(month, -1);
  if (kind === 'quarter') return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5)) - 1) / 3) + 1}`;
  return month.slice(0, 4);
};
