import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { AnyKysely } from '../db.js';
import { newId } from '../ids.js';
import type { JobTables } from './jobs.tables.js';

export interface EnqueueOptions {
  /** When it may run first (default now). */
  runAt?: Date;
  /** At most one live job of this name and key: a second enqueue while one waits or runs does nothing. */
  key?: string;
}

/** The live key of a one-off job with a dedupe key (shared with the runner). */
export const onceKey = (name: string, key: string) => `once:${name}:${key}`;

/**
 * A one-off job, written in the caller's transaction (it runs only if that commits). Modules call this from their
 * services (they are built before the runner exists); the runner's `enqueue` is the same with a check that the
 * job is defined. A job whose name no runner defines is never claimed.
 */
export async function enqueueJob(trx: AnyKysely, clock: Clock, name: string, payload: unknown, opts: EnqueueOptions = {}): Promise<void> {
  const now = clock.now().toISOString();
  await (trx as Kysely<JobTables>)
    .insertInto('kernel_jobs')
    .values({
      id: newId('job'),
      name,
      kind: 'once',
      payload: JSON.stringify(payload ?? null),
      live_key: opts.key === undefined ? null : onceKey(name, opts.key),
      state: 'ready',
      due_at: (opts.runAt ?? clock.now()).toISOString(),
      attempts: 0,
      lease_owner: null,
      lease_until: null,
      run_id: null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('live_key').doNothing())
    .execute();
}
