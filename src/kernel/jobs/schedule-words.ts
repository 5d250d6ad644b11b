const UNITS: [ms: number, zh: string, en: string][] = [
  [86_400_000, '天', 'day'],
  [3_600_000, '小时', 'hour'],
  [60_000, '分钟', 'minute'],
  [1000, '秒', 'second'],
];

/** An interval in words, Chinese first: `每小时 Every hour`, `每 5 分钟 Every 5 minutes`; one-off jobs run 按需. */
export function scheduleWords(every: number | null): string {
  if (every === null) return '按需 On demand';
  const [unit, zh, en] = UNITS.find(([ms]) => every % ms === 0) ?? UNITS[UNITS.length - 1];
  const n = Math.round(every / unit);
  return n === 1 ? `每${zh} Every ${en}` : `每 ${n} ${zh} Every ${n} ${en}s`;
}
