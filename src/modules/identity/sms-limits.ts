import type { Kysely } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import { isUniqueViolation } from '../../kernel/db.js';
import type { SmsSignInTables } from './sms-sign-in.tables.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * How many sign-in codes may go out, so the form cannot be used to bomb a phone or run up the county's SMS bill.
 * A phone's limits hold whoever asks and whether or not it has an account, so they tell nothing about accounts.
 */
export const SMS_CODE_LIMITS = {
  /** A phone waits this long between two codes. */
  resendMs: MINUTE,
  /** A code works this long after it was sent. */
  ttlMs: 5 * MINUTE,
  /** Wrong tries a code takes before it is void. */
  maxTries: 5,
  phoneHour: { windowMs: HOUR, max: 5 },
  phoneDay: { windowMs: 24 * HOUR, max: 10 },
  /** One address (a village point's shared connection too) across all phones. */
  addressHour: { windowMs: HOUR, max: 30 },
} as const;

export interface Window {
  windowMs: number;
  max: number;
}

/** A code counted in a window; given back when the code is not sent after all. */
export interface Taken {
  key: string;
  windowEnd: string;
}

/**
 * Fixed-window counters in `identity_sms_limits`, shared by every process. A count is taken with one conditional
 * UPDATE, so requests sent at the same moment cannot pass the cap together (as sign-in-guard.ts does).
 */
export class SmsWindows {
  constructor(
    private readonly db: Kysely<SmsSignInTables>,
    private readonly clock: Clock,
  ) {}

  /** Counts one in the key's current window; returns how long until the window ends when it is full. */
  async take(key: string, window: Window): Promise<Taken | { waitMs: number }> {
    const now = this.clock.now();
    const iso = now.toISOString();
    const row = await this.db.selectFrom('identity_sms_limits').selectAll().where('key', '=', key).executeTakeFirst();
    if (!row || row.window_end <= iso) {
      if (row) await this.db.deleteFrom('identity_sms_limits').where('key', '=', key).where('window_end', '=', row.window_end).execute();
      try {
        await this.db.insertInto('identity_sms_limits').values({ key, window_end: new Date(now.getTime() + window.windowMs).toISOString(), count: 0 }).execute();
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
    const counted = await this.db
      .updateTable('identity_sms_limits')
      .set((eb) => ({ count: eb('count', '+', 1) }))
      .where('key', '=', key)
      .where('count', '<', window.max)
      .returning('window_end')
      .executeTakeFirst();
    if (counted) return { key, windowEnd: counted.window_end };
    const current = await this.db.selectFrom('identity_sms_limits').select('window_end').where('key', '=', key).executeTakeFirst();
    return { waitMs: Math.max(1000, Date.parse(current?.window_end ?? iso) - now.getTime()) };
  }

  /** Gives counts back (the code did not go out), unless their window has since been replaced. */
  async giveBack(taken: Taken[]): Promise<void> {
    for (const t of taken) {
      await this.db
        .updateTable('identity_sms_limits')
        .set((eb) => ({ count: eb('count', '-', 1) }))
        .where('key', '=', t.key)
        .where('window_end', '=', t.windowEnd)
        .where('count', '>', 0)
        .execute();
    }
  }

  /** Removes windows that have ended. */
  async purge(): Promise<void> {
    await this.db.deleteFrom('identity_sms_limits').where('window_end', '<=', this.clock.now().toISOString()).execute();
  }
}
