import type { Kysely } from 'kysely';
import { afterMiss, secondsLeft, type GuessCounter, type GuessRule } from './guess-rule.js';
import type { LogisticsTables } from './logistics.tables.js';

/** A key that has just been locked by a miss. */
export interface Locked {
  key: string;
  counter: GuessCounter;
  retryAfterSeconds: number;
}

/** Guess counters in the database, so every app process sees the same counts and locks. */
export class GuessCounters {
  constructor(private readonly db: Kysely<LogisticsTables>) {}

  /** The longest lock still running on any of these keys, in whole seconds; 0 when none is locked. */
  async lockedFor(keys: string[], now: Date): Promise<number> {
    const rows = await this.db.selectFrom('logistics_guess_counters').select('locked_until').where('key', 'in', keys).where('locked_until', '>', now.toISOString()).execute();
    return Math.max(0, ...rows.map((r) => secondsLeft(r.locked_until, now)));
  }

  /**
   * Counts one miss on each key under its rule, in one transaction; answers the keys this miss locked. The first
   * statement takes the row (PostgreSQL locks it until commit), so two processes counting at once do not lose one.
   */
  async miss(counts: [key: string, rule: GuessRule][], now: Date): Promise<Locked[]> {
    return this.db.transaction().execute(async (trx) => {
      const locked: Locked[] = [];
      for (const [key, rule] of counts) {
        const before = await trx
          .insertInto('logistics_guess_counters')
          .values({ key, misses: 0, window_start: now.toISOString(), strikes: 0, locked_until: null })
          .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ misses: eb.ref('logistics_guess_counters.misses') })))
          .returning(['misses', 'window_start', 'strikes', 'locked_until'])
          .executeTakeFirstOrThrow();
        const { counter, locked: lockedNow } = afterMiss(rule, before, now);
        await trx.updateTable('logistics_guess_counters').set(counter).where('key', '=', key).execute();
        if (lockedNow) locked.push({ key, counter, retryAfterSeconds: secondsLeft(counter.locked_until, now) });
      }
      return locked;
    });
  }

  /** Drops counters that no longer matter: no miss for a day and no lock running or remembered (housekeeping). */
  async purge(now: Date): Promise<void> {
    const dayAgo = new Date(now.getTime() - 24 * 3600_000).toISOString();
    await this.db
      .deleteFrom('logistics_guess_counters')
      .where('window_start', '<', dayAgo)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', dayAgo)]))
      .execute();
  }
}
