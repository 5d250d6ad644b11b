import type { Kysely, Selectable } from 'kysely';
import { afterKey, cursorKey, toKeysetPage } from '../http/keyset.js';
import type { PageResult } from '../http/paging.js';
import type { JobDef } from './job-def.js';
import type { JobTables, KernelJobRunsTable, RunOutcome } from './jobs.tables.js';
import { scheduleWords } from './schedule-words.js';

export interface RunView {
  id: string;
  attempt: number;
  startedAt: string;
  finishedAt: string | null;
  outcome: RunOutcome;
  error: string | null;
  /** What the run returned (JSON), or null. */
  summary: unknown;
  /** The app process that ran it (host, pid and a random tag). */
  processId: string;
}

export interface JobView {
  name: string;
  title: string;
  scheduled: boolean;
  everyMs: number | null;
  /** The interval in words, Chinese first: `每小时 Every hour`; `按需 On demand` for one-off jobs. */
  schedule: string;
  /** When it is due next (a scheduled job), or when the first waiting one-off job is; null when nothing waits. */
  nextDueAt: string | null;
  /** A run holds the job's lease right now. */
  running: boolean;
  /** One-off jobs of this name waiting to run (0 for scheduled jobs). */
  queued: number;
  /** The newest finished run. */
  lastRun: RunView | null;
  /** Failed or lost runs since the last success (counted over the newest 50 runs). */
  failuresInRow: number;
}

const RECENT = 50;

const parseSummary = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export const toRunView = (r: Selectable<KernelJobRunsTable>): RunView => ({
  id: r.id,
  attempt: r.attempt,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  outcome: r.outcome,
  error: r.error,
  summary: parseSummary(r.summary),
  processId: r.process_id,
});

/** Every registered job, by name, with what waits, what runs and how its newest runs went. */
export async function jobOverview(db: Kysely<JobTables>, defs: JobDef[], now: Date): Promise<JobView[]> {
  const names = defs.map((d) => d.name);
  if (names.length === 0) return [];
  const live = await db
    .selectFrom('kernel_jobs')
    .where('state', '=', 'ready')
    .where('name', 'in', names)
    .select((eb) => ['name', eb.fn.min('due_at').as('next_due_at'), eb.fn.countAll<number>().as('waiting'), eb.fn.max('lease_until').as('lease_until')])
    .groupBy('name')
    .execute();
  const byName = new Map(live.map((l) => [l.name, l]));
  const views = await Promise.all(
    defs.map(async (def): Promise<JobView> => {
      const recent = await db.selectFrom('kernel_job_runs').selectAll().where('name', '=', def.name).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(RECENT).execute();
      const finished = recent.filter((r) => r.outcome !== 'running');
      const streak = finished.findIndex((r) => r.outcome === 'succeeded');
      const row = byName.get(def.name);
      return {
        name: def.name,
        title: def.title,
        scheduled: def.every !== null,
        everyMs: def.every,
        schedule: scheduleWords(def.every),
        nextDueAt: row?.next_due_at ?? null,
        running: !!row?.lease_until && row.lease_until > now.toISOString(),
        queued: def.every === null ? Number(row?.waiting ?? 0) : 0,
        lastRun: finished.length > 0 ? toRunView(finished[0]) : null,
        failuresInRow: streak === -1 ? finished.length : streak,
      };
    }),
  );
  return views.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A job's runs, newest first. */
export async function jobRuns(db: Kysely<JobTables>, name: string, limit: number, cursor: string | undefined): Promise<PageResult<RunView>> {
  const key = cursorKey(cursor, 2);
  let query = db.selectFrom('kernel_job_runs').selectAll().where('name', '=', name);
  if (key) query = query.where((eb) => afterKey(eb, ['started_at', 'id'], key, 'desc'));
  const rows = await query.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  return toKeysetPage(rows.map(toRunView), limit, (r) => [r.startedAt, r.id]);
}
