/** Times are stored in UTC and shown in Asia/Shanghai, whatever the browser's zone. */
const dateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** 2026-11-28 18:11:56 (Beijing time). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** 0.4567 → 45.7 %; null → —. */
export function formatShare(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined) return '—';
  return `${(share * 100).toFixed(digits).replace(/\.0+$/, '')}%`;
}

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString('zh-CN', { maximumFractionDigits: digits });
}

const shanghaiDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date (YYYY-MM-DD) in the county's time zone, as the server counts days. */
export const todayInShanghai = (): string => shanghaiDay.format(new Date());

/** A share in basis points as a percentage: 6000 → 60%, 1250 → 12.5%, 5 → 0.05%. */
export function formatShareBp(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  return `${(bp / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}%`;
}

const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Money is kept in whole fen (分): 12800 → ¥128.00; null → —. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return `¥${yuan.format(fen / 100)}`;
}

/** A price as people type it, in yuan with at most two decimals, to whole fen: 12.8 → 1280. */
export const yuanToFen = (yuanValue: number) => Math.round(yuanValue * 100);

/** A net weight: 500 → 500 g, 2500 → 2.5 kg. */
export function formatGrams(grams: number): string {
  return grams >= 1000 ? `${(grams / 1000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} kg` : `${grams} g`;
}
