import { shanghaiDate } from '../../kernel/clock.js';

export const GRAINS = ['day', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

/** How many closed periods back `uplink.prepare` looks, so a late event that changes one is sent as a correction. */
export const LOOKBACK: Record<Grain, number> = { day: 7, month: 12, quarter: 4, year: 2 };

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The closed periods of a grain at `now` (Asia/Shanghai), newest first: the last one and those before it within the
 * look-back (the previous 12 months for months). The current, still open period is never pushed.
 */
export function closedPeriods(grain: Grain, now: Date, count = LOOKBACK[grain]): string[] {
  const today = shanghaiDate(now);
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const out: string[] = [];
  for (let i = 1; i <= count; i++) {
    if (grain === 'day') out.push(shanghaiDate(new Date(Date.parse(`${today}T00:00:00+08:00`) - i * 86_400_000)));
    else if (grain === 'month') {
      const k = y * 12 + (m - 1) - i;
      out.push(`${Math.floor(k / 12)}-${pad((k % 12) + 1)}`);
    } else if (grain === 'quarter') {
      const k = y * 4 + Math.floor((m - 1) / 3) - i;
      out.push(`${Math.floor(k / 4)}-Q${(k % 4) + 1}`);
    } else out.push(String(y - i));
  }
  return out;
}

/** Attempts after which a delivery is given up (about two days of tries). */
export const MAX_ATTEMPTS = 12;
const FIRST_WAIT_MS = 60_000;
const LONGEST_WAIT_MS = 6 * 3600_000;

/** The wait after the n-th failed attempt (n ≥ 1): 1 minute, doubling, at most 6 hours. */
export const retryWaitMs = (attempts: number) => Math.min(FIRST_WAIT_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
