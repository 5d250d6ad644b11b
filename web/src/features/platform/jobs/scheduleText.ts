import type { JobsText } from './jobs.messages.js';

const UNITS = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
] as const;

/** 每小时, 每 5 分钟 … in the current language; one-off jobs run 按需. */
export function scheduleText(everyMs: number | null, text: JobsText): string {
  if (everyMs === null) return text('jobs.onDemand');
  const [ms, unit] = UNITS.find(([size]) => everyMs % size === 0) ?? UNITS[UNITS.length - 1];
  const n = Math.round(everyMs / ms);
  return n === 1 ? text(`jobs.every.${unit}`) : text(`jobs.every.${unit}s`, { n });
}
