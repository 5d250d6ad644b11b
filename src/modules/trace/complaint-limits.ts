import type { Kysely } from 'kysely';
import { AppError } from '../../kernel/errors.js';

export interface ComplaintCounterRow {
  key: string;
  window_start: string;
  count: number;
}

export interface ComplaintCounterTables {
  trace_complaint_counters: ComplaintCounterRow;
}

export interface ComplaintRule {
  /** What the refusal names: the sender (an address or an account) or the code complained about. */
  kind: 'sender' | 'code';
  limit: number;
  windowSeconds: number;
}

/** Five an hour from one address (or one signed-in account): a real buyer writes once or twice. */
export const PER_SENDER: ComplaintRule = { kind: 'sender', limit: 5, windowSeconds: 3600 };
/** Twenty anonymous complaints a day about one code, from however many addresses; signed-in buyers are not held by it. */
export const PER_CODE: ComplaintRule = { kind: 'code', limit: 20, windowSeconds: 86_400 };

/**
 * Takes one place under each rule inside the caller's transaction (fixed windows), or throws 429 with
 * `retryAfterSeconds` when one is full; the caller's rollback then gives back the places taken. The first statement
 * takes the row (PostgreSQL locks it until commit), so processes counting at once do not both pass; rows are taken
 * senders first, then codes, so two transactions never wait on each other in a circle.
 */
export async function takeComplaintPlaces(trx: Kysely<ComplaintCounterTables>, counts: [key: string, rule: ComplaintRule][], now: Date): Promise<void> {
  for (const [key, rule] of counts) {
    const row = await trx
      .insertInto('trace_complaint_counters')
      .values({ key, window_start: now.toISOString(), count: 0 })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ count: eb.ref('trace_complaint_counters.count') })))
      .returning(['window_start', 'count'])
      .executeTakeFirstOrThrow();
    const ends = new Date(row.window_start).getTime() + rule.windowSeconds * 1000;
    const fresh = ends <= now.getTime();
    const count = fresh ? 0 : Number(row.count);
    if (count >= rule.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((ends - now.getTime()) / 1000));
      throw new AppError(429, 'TOO_MANY_COMPLAINTS', rule.kind === 'code' ? 'Many complaints about this code today; try again later or call 12315' : 'Too many complaints from here; try again later', { retryAfterSeconds, limit: rule.kind });
    }
    await trx
      .updateTable('trace_complaint_counters')
      .set({ count: count + 1, ...(fresh && { window_start: now.toISOString() }) })
      .where('key', '=', key)
      .execute();
  }
}

/** Drops counters whose day has passed (housekeeping may call it; a stale row is also reset when next used). */
export async function purgeComplaintCounters(db: Kysely<ComplaintCounterTables>, now: Date): Promise<void> {
  await db.deleteFrom('trace_complaint_counters').where('window_start', '<', new Date(now.getTime() - PER_CODE.windowSeconds * 1000).toISOString()).execute();
}
