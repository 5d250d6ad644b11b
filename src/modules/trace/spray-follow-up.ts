import { addDays } from './interval-rule.js';

/** A pesticide bought at a station should show up as a pesticide record within this many days. */
export const SPRAY_WINDOW_DAYS = 30;
export const SPRAY_MISSING_TEXT = `购药后${SPRAY_WINDOW_DAYS}天未见用药记录`;

/**
 * What the farm records say after a pesticide was bought:
 * - `recorded`: a pesticide record on one of the producer's plots from the day it was bought to 30 days after;
 * - `waiting`: none yet, but the 30 days are not over (`until`, the last day of the window);
 * - `missing`: none in the 30 days — 「购药后30天未见用药记录」, so a missing spray record can be noticed.
 * Seeds and fertiliser are not followed (`null`).
 */
export type SprayFollowUp = { status: 'recorded'; appliedOn: string; until: string } | { status: 'waiting'; until: string } | { status: 'missing'; until: string; text: string };

/**
 * `boughtOn`, `today` and `sprayDays` (the days of the producer's pesticide records that count, any plot) are
 * Shanghai dates, YYYY-MM-DD.
 */
export function sprayFollowUp(kind: string, boughtOn: string, sprayDays: readonly string[], today: string): SprayFollowUp | null {
  if (kind !== 'pesticide') return null;
  const until = addDays(boughtOn, SPRAY_WINDOW_DAYS);
  const applied = sprayDays.filter((d) => d >= boughtOn && d <= until).sort()[0];
  if (applied) return { status: 'recorded', appliedOn: applied, until };
  if (today <= until) return { status: 'waiting', until };
  return { status: 'missing', until, text: SPRAY_MISSING_TEXT };
}
