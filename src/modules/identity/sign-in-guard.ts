import type { Kysely } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import { AppError } from '../../kernel/errors.js';
import { isUniqueViolation } from '../../kernel/db.js';
import { addressGroup } from './address-group.js';
import type { IdentityTables } from './identity.tables.js';

/** Wrong passwords one user name may take from one address before that address waits. */
export const MAX_FAILURES = 5;
/** The waits, one after another for the same name and address; the last one repeats. */
export const DELAYS_MS = [1, 5, 15, 60].map((minutes) => minutes * 60_000);
/** A name and address with no failure for this long start again from the first wait. */
const FORGET_MS = 24 * 3600_000;
const IP_WINDOW_MS = 10 * 60_000;
const IP_MAX_ATTEMPTS = 30;
/** Wrong passwords one user name may take per hour, across all addresses, from browsers not known for it. */
export const ACCOUNT_MAX_FAILURES = 20;
const ACCOUNT_WINDOW_MS = 3600_000;
/** Wrong current passwords one session may give (changing its password) before it is signed out. */
export const SESSION_MAX_FAILURES = 10;
/** No session outlives this (see identity.service.ts), so neither does its count. */
const SESSION_COUNT_MS = 7 * 24 * 3600_000;

/** A sign-in attempt that has been counted and may check its password. */
export interface Attempt {
  key: string;
  failures: number;
  strikes: number;
}

/** One attempt counted in a fixed window; given back when the password turns out right. */
export interface Slot {
  key: string;
  windowStart: string;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The one answer for a name that must wait, whether or not the name is an account, and whichever limit holds it. */
function delayed(waitMs: number): AppError {
  const wait = seconds(waitMs);
  return new AppError(429, 'SIGN_IN_DELAYED', `Too many wrong passwords for this user name; try again in ${Math.ceil(wait / 60)} min`, {
    retryAfterSeconds: wait,
  });
}

/**
 * Sign-in throttling, kept in the database so every process sees it:
 * - per address (an IPv6 address as its /64), at most 30 attempts per 10 minutes across all names; a right
 *   password gives its attempt back, so many people behind one address are not held by each other;
 * - per (user name, address), a growing wait after every 5 wrong passwords;
 * - per user name, at most 20 wrong passwords an hour from browsers not known for that account (see
 *   known-devices.ts), so guesses spread over many addresses stop too, while the owner's usual devices pass.
 */
export class SignInGuard {
  constructor(
    private readonly db: Kysely<IdentityTables>,
    private readonly clock: Clock,
  ) {}

  /** Makes the key's counter at zero unless another request just made it. */
  private async openCounter(key: string, now: Date): Promise<void> {
    try {
      await this.db.insertInto('identity_login_throttle').values({ key, window_start: now.toISOString(), attempts: 0, noticed: 0 }).execute();
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }

  /**
   * Counts an attempt in the key's current window, atomically, so attempts sent at once cannot pass the cap
   * together. Returns the slot, or how long until the window ends when it is full.
   */
  private async take(key: string, windowMs: number, max: number): Promise<Slot | { waitMs: number }> {
    const now = this.clock.now();
    const row = await this.db.selectFrom('identity_login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    if (!row || now.getTime() - Date.parse(row.window_start) > windowMs) {
      if (row) await this.db.deleteFrom('identity_login_throttle').where('key', '=', key).where('window_start', '=', row.window_start).execute();
      await this.openCounter(key, now);
    }
    const counted = await this.db
      .updateTable('identity_login_throttle')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('key', '=', key)
      .where('attempts', '<', max)
      .returning('window_start')
      .executeTakeFirst();
    if (counted) return { key, windowStart: counted.window_start };
    const current = await this.db.selectFrom('identity_login_throttle').select('window_start').where('key', '=', key).executeTakeFirst();
    return { waitMs: Date.parse(current?.window_start ?? now.toISOString()) + windowMs - now.getTime() };
  }

  /** Gives an attempt back to its window (a right password), unless that window has since been replaced. */
  async giveBack(slot: Slot | null): Promise<void> {
    if (!slot) return;
    await this.db
      .updateTable('identity_login_throttle')
      .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
      .where('key', '=', slot.key)
      .where('window_start', '=', slot.windowStart)
      .where('attempts', '>', 0)
      .execute();
  }

  /** Counts an attempt from this address; refuses once the window is full. */
  async checkAddress(ip: string): Promise<Slot> {
    const taken = await this.take(`ip:${addressGroup(ip)}`, IP_WINDOW_MS, IP_MAX_ATTEMPTS);
    if ('waitMs' in taken) {
      throw new AppError(429, 'SIGN_IN_RATE_LIMITED', 'Too many sign-in attempts from this address; wait a few minutes', { retryAfterSeconds: seconds(taken.waitMs) });
    }
    return taken;
  }

  /** Counts an attempt, from a browser not known for this account, on the user name; refuses while the hour is full. */
  async checkAccount(username: string): Promise<Slot> {
    const taken = await this.take(`account:${username}`, ACCOUNT_WINDOW_MS, ACCOUNT_MAX_FAILURES);
    if ('waitMs' in taken) throw delayed(taken.waitMs);
    return taken;
  }

  /**
   * After a wrong password counted on the account: the end of the hour when this failure filled it, the first
   * time in that hour only (for the audit), otherwise null.
   */
  async accountFilled(slot: Slot): Promise<string | null> {
    const marked = await this.db
      .updateTable('identity_login_throttle')
      .set({ noticed: 1 })
      .where('key', '=', slot.key)
      .where('window_start', '=', slot.windowStart)
      .where('noticed', '=', 0)
      .where('attempts', '>=', ACCOUNT_MAX_FAILURES)
      .returning('key')
      .executeTakeFirst();
    return marked ? new Date(Date.parse(slot.windowStart) + ACCOUNT_WINDOW_MS).toISOString() : null;
  }

  /**
   * Counts the attempt before its password is checked, so attempts made at the same moment cannot pass the
   * limit together; throws SIGN_IN_DELAYED while this name and address wait.
   */
  async begin(username: string, ip: string): Promise<Attempt> {
    const key = `${addressGroup(ip)} ${username}`;
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

  /** The right password: this name and address start afresh, and the attempt is given back to the address and account. */
  async succeeded(attempt: Attempt, address: Slot | null, account: Slot | null): Promise<void> {
    await this.db.deleteFrom('identity_sign_in_failures').where('key', '=', attempt.key).execute();
    await this.giveBack(address);
    await this.giveBack(account);
  }

  /**
   * Counts a wrong current password given in this session (identity_sessions.id); true once it reaches
   * SESSION_MAX_FAILURES, when the session is to be signed out. Never given back.
   */
  async sessionFailed(sessionId: string): Promise<boolean> {
    const key = `session:${sessionId}`;
    await this.openCounter(key, this.clock.now());
    const counted = await this.db
      .updateTable('identity_login_throttle')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('key', '=', key)
      .returning('attempts')
      .executeTakeFirst();
    return (counted?.attempts ?? 0) >= SESSION_MAX_FAILURES;
  }

  /** Removes counters that no longer count. */
  async purge(): Promise<void> {
    const now = this.clock.now().getTime();
    await this.db.deleteFrom('identity_login_throttle').where('key', 'like', 'ip:%').where('window_start', '<', new Date(now - IP_WINDOW_MS).toISOString()).execute();
    await this.db.deleteFrom('identity_login_throttle').where('key', 'not like', 'session:%').where('window_start', '<', new Date(now - ACCOUNT_WINDOW_MS).toISOString()).execute();
    await this.db.deleteFrom('identity_login_throttle').where('key', 'like', 'session:%').where('window_start', '<', new Date(now - SESSION_COUNT_MS).toISOString()).execute();
    await this.db.deleteFrom('identity_sign_in_failures').where('updated_at', '<', new Date(now - FORGET_MS).toISOString()).execute();
  }
}

const delayFor = (strikes: number) => DELAYS_MS[Math.min(strikes, DELAYS_MS.length - 1)];
