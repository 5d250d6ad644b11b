import type { Kysely, Selectable } from 'kysely';
import type { AnyKysely, DialectName } from '../db.js';
import type { NextState } from './retry-rule.js';
import type { JobTables, KernelJobsTable, RunOutcome } from './jobs.tables.js';

export type JobRow = Selectable<KernelJobsTable>;
type Exec = Kysely<JobTables>;

/**
 * Writes that belong together. PostgreSQL: one transaction. SQLite has a single writer and the claim there is one
 * conditional UPDATE; each statement commits on its own, so no write lock is held across an await (two
 * connections to one file in one process would otherwise wait on each other until the busy timeout).
 */
export function writeTogether<T>(db: AnyKysely, dialect: DialectName, work: (exec: Exec) => Promise<T>): Promise<T> {
  if (dialect === 'postgres') return db.transaction().execute((trx) => work(trx as Exec));
  return work(db as Exec);
}

/** The ready job due first whose lease is free or ran out; on PostgreSQL locked, skipping rows other processes hold. */
export async function findDue(exec: Exec, dialect: DialectName, names: string[], now: string): Promise<JobRow | undefined> {
  const query = exec
    .selectFrom('kernel_jobs')
    .selectAll()
    .where('state', '=', 'ready')
    .where('name', 'in', names)
    .where('due_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
    .orderBy('due_at')
    .orderBy('id')
    .limit(1);
  return dialect === 'postgres' ? query.forUpdate().skipLocked().executeTakeFirst() : query.executeTakeFirst();
}

/** Still as it was read: ready, due, its lease free or run out, and held by the same run (or none). */
function unchanged(exec: Exec, row: JobRow, now: string) {
  return exec
    .updateTable('kernel_jobs')
    .where('id', '=', row.id)
    .where('state', '=', 'ready')
    .where('due_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
    .where((eb) => (row.run_id === null ? eb('run_id', 'is', null) : eb('run_id', '=', row.run_id)));
}

/** Takes the lease for a new run; false when another runner took the job first. */
export async function takeLease(exec: Exec, row: JobRow, lease: { owner: string; until: string; runId: string; now: string }): Promise<boolean> {
  const result = await unchanged(exec, row, lease.now)
    .set({ lease_owner: lease.owner, lease_until: lease.until, run_id: lease.runId, attempts: row.attempts + 1, updated_at: lease.now })
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const settlement = (next: NextState, now: string) =>
  next.state === 'ready'
    ? { state: 'ready' as const, due_at: next.dueAt.toISOString(), attempts: next.attempts, lease_owner: null, lease_until: null, run_id: null, updated_at: now }
    : { state: next.state, live_key: null, lease_owner: null, lease_until: null, run_id: null, updated_at: now };

/** Moves a job on after its run `runId`; false when that run no longer holds it (its lease ran out and it was taken). */
export async function settle(exec: Exec, jobId: string, runId: string, next: NextState, now: string): Promise<boolean> {
  const result = await exec.updateTable('kernel_jobs').set(settlement(next, now)).where('id', '=', jobId).where('run_id', '=', runId).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives up a job whose lost run was its last attempt, if it is still as it was read. */
export async function settleLost(exec: Exec, row: JobRow, next: NextState, now: string): Promise<boolean> {
  const result = await unchanged(exec, row, now).set(settlement(next, now)).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function startRun(exec: Exec, run: { id: string; jobId: string; name: string; attempt: number; processId: string; now: string }): Promise<void> {
  await exec
    .insertInto('kernel_job_runs')
    .values({ id: run.id, job_id: run.jobId, name: run.name, attempt: run.attempt, process_id: run.processId, started_at: run.now, finished_at: null, outcome: 'running', error: null, summary: null })
    .execute();
}

/** Records how a run ended, once: a run already marked lost by the runner that took its job over stays lost. */
export async function finishRun(exec: Exec, runId: string, end: { outcome: Exclude<RunOutcome, 'running'>; error: string | null; summary: string | null; now: string }): Promise<void> {
  await exec
    .updateTable('kernel_job_runs')
    .set({ outcome: end.outcome, error: end.error, summary: end.summary, finished_at: end.now })
    .where('id', '=', runId)
    .where('outcome', '=', 'running')
    .execute();
}
