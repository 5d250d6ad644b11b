import type { Kysely } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import { AppError } from '../../kernel/errors.js';
import { isUniqueViolation } from '../../kernel/db.js';
import type { IdentityTables } from './identity.tables.js';

/** Wrong passwords one user name may take from one address before that address waits. */
export const MAX_FAILURES = 5;
/** The waits, one after another for the same name and address; the last one repeats. */
export const DELAYS_MS = [1, 5, 15, 60].map((minutes) => minutes * 60_000);
/** A name and address with no failure for this long start again from the first wait. */
const FORGET_MS = 24 * 3600_000;
const IP_WINDOW_MS = 10 * 60_000;
const IP_MAX_ATTEMPTS = 30;

/** A sign-in attempt that has been counted and may check its password. */
export interface Attempt {
  key: string;
  failures: number;
  strikes: number;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The one answer for a name and address that must wait, whether or not the name is an account. */
function delayed(waitMs: number): AppError {
  const wait = seconds(waitMs);
  return new AppError(429, 'SIGN_IN_DELAYED', `Too many wrong passwords for this user name from your address; try again in ${Math.ceil(wait / 60)} min`, {
    retryAfterSeconds: wait,
  });
}

/**
 * Sign-in throttling, kept in the database so every process sees it: at most 30 attempts per address per
 * 10 minutes across all names, and per (user name, address) a growing wait after every 5 wrong passwords.
 * A stranger's guesses only make the stranger's own address wait; the owner signs in from theirs.
 */
export class SignInGuard {
  constructor(
    private readonly db: Kysely<IdentityTables>,
    private readonly clock: Clock,
  ) {}

  /** Counts an attempt from this address; refuses once the window is full. Counted atomically, like `begin`. */
  async checkAddress(ip: string): Promise<void> {
    const key = `ip:${ip}`;
    const now = this.clock.now();
    const row = await this.db.selectFrom('identity_login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    if (!row || now.getTime() - Date.parse(row.window_start) > IP_WINDOW_MS) {
      if (row) await this.db.deleteFrom('identity_login_throttle').where('key', '=', key).where('window_start', '=', row.window_start).execute();
      try {
        await this.db.insertInto('identity_login_throttle').values({ key, window_start: now.toISOString(), attempts: 0 }).execute();
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
    const counted = await this.db
      .updateTable('identity_login_throttle')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('key', '=', key)
      .where('attempts', '<', IP_MAX_ATTEMPTS)
      .returning('attempts')
      .executeTakeFirst();
    if (!counted) {
      const current = await this.db.selectFrom('identity_login_throttle').select('window_start').where('key', '=', key).executeTakeFirst();
      const wait = Date.parse(current?.window_start ?? now.toISOString()) + IP_WINDOW_MS - now.getTime();
      throw new AppError(429, 'SIGN_IN_RATE_LIMITED', 'Too many sign-in attempts from this address; wait a few minutes', { retryAfterSeconds: seconds(wait) });
    }
  }

  /**
   * Counts the attempt before its password is checked, so attempts made at the same moment cannot pass the
   * limit together; throws SIGN_IN_DELAYED while this name and address wait.
   */
  async begin(username: string, ip: string): Promise<Attempt> {
    const key = `${ip} ${username}`;
    const now = this.clock.now();
    const iso = now.toISOString();
    const row = await this.db.selectFrom('identity_sign_in_failures').selectAll().where('key', '=', key).executeTakeFirst();
    if (row?.delayed_until && row.delayed_until > iso) throw delayed(Date.parse(row.delayed_until) - now.getTime());
    if (row && now.getTime() - Date.parse(row.updated_at) > FORGET_MS) {
      await this.db.deleteFrom('identity_sign_in_failures').where('key', '=', key).where('updated_at', '=', row.updated_at).execute();
    }
    try {
      await this.db.insertInto('identity_sign_in_failures').values({ key, failures: 0, strikes: 0, delayed_until: null, updated_at: iso }).execute();
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const counted = await this.db
      .updateTable('identity_sign_in_failures')
      .set((eb) => ({ failures: eb('failures', '+', 1), updated_at: iso }))
      .where('key', '=', key)
      .where('failures', '<', MAX_FAILURES)
      .where((eb) => eb.or([eb('delayed_until', 'is', null), eb('delayed_until', '<=', iso)]))
      .returning(['failures', 'strikes'])
      .executeTakeFirst();
    if (!counted) {
      // Another attempt used the last try meanwhile; its wait is being written now.
      const current = await this.db.selectFrom('identity_sign_in_failures').selectAll().where('key', '=', key).executeTakeFirst();
      const until = current?.delayed_until && current.delayed_until > iso ? Date.parse(current.delayed_until) : now.getTime() + delayFor(current?.strikes ?? 0);
      throw delayed(until - now.getTime());
    }
    return { key, failures: counted.failures, strikes: counted.strikes };
  }

  /** A wrong password: the fifth in a row makes the name and address wait. Returns the end of that wait. */
  async failed(attempt: Attempt): Promise<string | null> {
    if (attempt.failures < MAX_FAILURES) return null;
    const now = this.clock.now();
    const until = new Date(now.getTime() + delayFor(attempt.strikes)).toISOString();
    await this.db
      .updateTable('identity_sign_in_failures')
      .set({ failures: 0, strikes: attempt.strikes + 1, delayed_until: until, updated_at: now.toISOString() })
      .where('key', '=', attempt.key)
      .execute();
    return until;
  }

  /** The right password: this name and address start afresh. */
  async succeeded(attempt: Attempt): Promise<void> {
    await this.db.deleteFrom('identity_sign_in_failures').where('key', '=', attempt.key).execute();
  }

  /** Removes counters that no longer count. */
  async purge(): Promise<void> {
    const now = this.clock.now().getTime();
    await this.db.deleteFrom('identity_login_throttle').where('window_start', '<', new Date(now - IP_WINDOW_MS).toISOString()).execute();
    await this.db.deleteFrom('identity_sign_in_failures').where('updated_at', '<', new Date(now - FORGET_MS).toISOString()).execute();
  }
}

const delayFor = (strikes: number) => DELAYS_MS[Math.min(strikes, DELAYS_MS.length - 1)];
