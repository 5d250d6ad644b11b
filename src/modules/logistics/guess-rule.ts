/**
 * Counting wrong guesses of something only the recipient knows (the phone's last four digits for tracking), per
 * key (an address, a waybill): `limit` misses within `windowMs` of the first lock the key for `lockMs(strike)`,
 * the strike-th lock in a row; strikes are forgotten `forgetMs` after the last lock ended.
 */
export interface GuessRule {
  limit: number;
  windowMs: number;
  lockMs: (strike: number) => number;
  forgetMs: number;
}

/** What is stored per key. Times are ISO-8601. */
export interface GuessCounter {
  misses: number;
  window_start: string;
  strikes: number;
  locked_until: string | null;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** One address: 20 misses in ten minutes, then ten minutes off (a village behind one carrier address is not shut out for long). */
export const ADDRESS_RULE: GuessRule = { limit: 20, windowMs: 10 * MINUTE, lockMs: () => 10 * MINUTE, forgetMs: 0 };

/**
 * One waybill, from any number of addresses: 5 wrong digits in 24 hours lock it for 15 minutes, then 30, 60, …, at
 * most a day; about 35 guesses in the first day and 5 a day after, of 10 000. The recipient, shut out meanwhile,
 * still has the SMS with the point and the code.
 */
export const WAYBILL_RULE: GuessRule = { limit: 5, windowMs: DAY, lockMs: (strike) => Math.min(15 * MINUTE * 2 ** (strike - 1), DAY), forgetMs: DAY };

/** The counter after one more miss at `now` (given the counter as stored before it); `locked` when this miss locks the key. */
export function afterMiss(rule: GuessRule, before: GuessCounter | undefined, now: Date): { counter: GuessCounter; locked: boolean } {
  const at = now.getTime();
  const iso = now.toISOString();
  let counter: GuessCounter = before ? { ...before } : { misses: 0, window_start: iso, strikes: 0, locked_until: null };
  if (at - Date.parse(counter.window_start) >= rule.windowMs) counter = { ...counter, misses: 0, window_start: iso };
  if (counter.locked_until && at - Date.parse(counter.locked_until) >= rule.forgetMs) counter = { ...counter, strikes: 0 };
  counter.misses++;
  if (counter.misses < rule.limit) return { counter, locked: false };
  const strikes = counter.strikes + 1;
  return { counter: { misses: 0, window_start: iso, strikes, locked_until: new Date(at + rule.lockMs(strikes)).toISOString() }, locked: true };
}

/** Whole seconds until a lock ends (at least 1), or 0 when it has ended. */
export function secondsLeft(lockedUntil: string | null, now: Date): number {
  if (!lockedUntil) return 0;
  const ms = Date.parse(lockedUntil) - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}
