import type { Unit } from '../../api/stats.js';

const wan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

/** Money in whole fen as 万元 with two decimals, the way county reports write sales: 1 234 500 fen → 1.23. */
export const fenToWan = (fen: number) => fen / 1_000_000;
export const formatWan = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '—' : wan.format(fenToWan(fen)));
/** Yuan with two decimals, for small sums (a village's month). */
export const formatYuan = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '—' : wan.format(fen / 100));

/** A percent figure: the API sends ratios as percentages with one decimal (92.3 → 92.3%). */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${oneDecimal.format(value)}%`;
}

/** The number part of a figure (no unit), as a big card shows it. */
export function figureNumber(unit: Unit, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'fen') return formatWan(value);
  if (unit === 'percent') return formatPercent(value);
  return whole.format(value);
}

/** 同比 / 环比 as "+12.3%" / "−4.0%"; null (no earlier figure) → —. The API sends percentage points (12.3). */
export function formatChange(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return '—';
  const text = oneDecimal.format(Math.abs(pct));
  return pct > 0 ? `+${text}%` : pct < 0 ? `−${text}%` : '0%';
}

/** Colour of a change: up is red and down green, as Chinese dashboards show rises. */
export const changeColor = (pct: number | null | undefined, dark = false): string | undefined =>
  pct === null || pct === undefined || pct === 0 ? undefined : pct > 0 ? (dark ? '#ff7875' : '#cf1322') : dark ? '#73d13d' : '#389e0d';
