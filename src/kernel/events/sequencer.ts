import { sql, type Kysely } from 'kysely';
import type { AnyKysely } from '../db.js';
import type { EventTables } from './events.tables.js';

/**
 * Gives committed, unnumbered events their delivery `seq`, in insertion-id order, and returns how many it numbered.
 *
 * Why a separate step: insertion ids are handed out when a producer inserts, not when it commits, so a reader
 * going by id could pass id 8 (committed) while id 7 (still open) commits later and is never read. Numbering only
 * what has committed, one sequencer at a time (the counter row is written first: a row lock on PostgreSQL that
 * queues other processes' sequencers, the write lock on SQLite), makes every seq visible before any higher one.
 * A late commit gets the next number instead of leaving a hole behind a subscriber's position. Producers never
 * touch the counter, so they never wait on it. Rows of one aggregate keep their order as long as its producers
 * hold the aggregate's row lock when they publish (they do: they update the record in the same transaction).
 */
export async function sequenceEvents(db: AnyKysely, limit = 1000): Promise<number> {
  const events = db as Kysely<EventTables>;
  // A cheap look first (the partial index of unnumbered rows), so that idle polling writes nothing.
  if (!(await events.selectFrom('kernel_events').select('id').where('seq', 'is', null).limit(1).executeTakeFirst())) return 0;
  return events.transaction().execute(async (trx) => {
    const counter = await trx
      .updateTable('kernel_event_sequencer')
      .set({ last_seq: sql`last_seq` })
      .where('id', '=', 1)
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    const last = Number(counter.last_seq);
    const numbered = await sql`
      UPDATE kernel_events SET seq = numbered.n
      FROM (SELECT id, ${last} + row_number() OVER (ORDER BY id) AS n FROM kernel_events WHERE seq IS NULL ORDER BY id LIMIT ${limit}) AS numbered
      WHERE kernel_events.id = numbered.id`.execute(trx);
    const count = Number(numbered.numAffectedRows ?? 0);
    if (count > 0) await trx.updateTable('kernel_event_sequencer').set({ last_seq: last + count }).where('id', '=', 1).execute();
    return count;
  });
}

/** The highest seq given so far: every event up to it has committed and is visible. */
export async function lastSequenced(db: AnyKysely): Promise<number> {
  const row = await (db as Kysely<EventTables>).selectFrom('kernel_event_sequencer').select('last_seq').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.last_seq);
}
