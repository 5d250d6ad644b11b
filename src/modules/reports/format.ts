import type { Unit } from './ports.js';

/** 待接入: an indicator whose source module does not exist yet. Never shown as 0. */
export const AWAITING = '待接入';

const grouped = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** 元 with two decimals, from integer fen (exact: integer arithmetic, no float rounding of the fen). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  return `${sign}${grouped(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

/** 万元 with two decimals, for sentences (¥1,234,567.89 reads 123.46 万元). */
export const wanYuan = (fen: number) => `${grouped(fen / 1_000_000, 2)} 万元`;

const UNIT_WORDS: Record<Unit, string> = { fen: '元', count: '', person_times: '人次', percent: '%', households: '户' };

/** What a missing figure of a live indicator shows (a share with nothing to divide, a level not yet taken). */
export const NO_DATA = '无数据';
/** Where a change would be printed for a period not yet over: a part is never compared with a whole. */
export const OPEN_PERIOD = '本期未结束';

/** A figure as a table shows it: 1,234.56 元, 1,234, 87.5%; null is 待接入 (no source yet) or 无数据 (`live`). */
export function formatValue(unit: Unit, value: number | null, status: 'live' | 'awaiting_source' = 'awaiting_source'): string {
  if (value === null) return status === 'live' ? NO_DATA : AWAITING;
  if (unit === 'fen') return `${yuan(value)} 元`;
  if (unit === 'percent') return `${grouped(value, 1)}%`;
  const word = UNIT_WORDS[unit];
  return word ? `${grouped(value)} ${word}` : grouped(value);
}

/** A figure inside a sentence: money in 万元 when large. */
export function sayValue(unit: Unit, value: number | null): string {
  if (value === null) return AWAITING;
  if (unit === 'fen' && Math.abs(value) >= 1_000_000) return wanYuan(value);
  return formatValue(unit, value);
}

/** +12.3% / -4.5% / — for a change that cannot be computed. */
export function formatPct(pct: number | null): string {
  if (pct === null || !Number.isFinite(pct)) return '—';
  return `${pct > 0 ? '+' : ''}${grouped(pct, 1)}%`;
}

/** A unit's word for a sheet's column header. */
export const unitLabel = (unit: Unit) => ({ fen: '元', count: '个/笔', person_times: '人次', percent: '%', households: '户' })[unit];
