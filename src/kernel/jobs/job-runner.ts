import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { AnyKysely, DialectName } from '../db.js';
import { conflict, notFound } from '../errors.js';
import type { PageResult } from '../http/paging.js';
import { newId } from '../ids.js';
import type { JobDef } from './job-def.js';
import { enqueueJob, type EnqueueOptions } from './enqueue.js';
import { findDue, finishRun, settle, settleLost, startRun, takeLease, writeTogether, type JobRow } from './job-store.js';
import { jobOverview, jobRuns, type JobView, type RunView } from './job-views.js';
import type { JobTables } from './jobs.tables.js';
import { afterFailure, afterSuccess } from './retry-rule.js';

export interface JobRunnerOptions {
  db: AnyKysely;
  dialect: DialectName;
  clock: Clock;
  jobs: JobDef[];
  /** Names this process in leases and run records. */
  processId: string;
  log?: { error(obj: object, msg: string): void };
}

interface Claim {
  row: JobRow;
  def: JobDef;
  runId: string;
  attempt: number;
}

/** A tick ends after this many runs even if more are due, so that stop() is not kept waiting by a long queue. */
const MAX_RUNS_PER_TICK = 200;
const LOST_ERROR = '进程中断，租约到期 The process stopped before the run finished (its lease ran out)';
const MAX_TEXT = 2000;
const MAX_SUMMARY = 10_000;

const scheduleKey = (name: string) => `schedule:${name}`;
/** A one-off row follows the one-off rules even if its name is also scheduled. */
const rulesFor = (def: JobDef, row: JobRow) => ({ ...def, every: row.kind === 'scheduled' ? def.every : null });

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function summaryText(result: unknown): string | null {
  if (result === undefined) return null;
  const text = JSON.stringify(result) ?? null;
  return text !== null && text.length > MAX_SUMMARY ? JSON.stringify({ note: 'summary too long to keep' }) : text;
}

/**
 * Runs scheduled and one-off jobs claimed from the database, so that with several app processes each due job runs
 * once. A claim is a lease: a run whose process dies is recorded as lost when its lease runs out and the job is
 * claimed again. Failures are retried with a doubling backoff; every run is recorded.
 */
export class JobRunner {
  private readonly db: Kysely<JobTables>;
  private readonly defs: Map<string, JobDef>;
  private readonly names: string[];
  private inFlight: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(private readonly opts: JobRunnerOptions) {
    this.db = opts.db as Kysely<JobTables>;
    this.defs = new Map();
    for (const def of opts.jobs) {
      if (this.defs.has(def.name)) throw new Error(`Job ${def.name} is defined twice`);
      this.defs.set(def.name, def);
    }
    this.names = [...this.defs.keys()];
  }

  /** A schedule row for every scheduled job, first due now; inserted once however many processes do this at once. */
  async sync(): Promise<void> {
    for (const def of this.defs.values()) if (def.every !== null) await this.insertSchedule(def);
  }

  private async insertSchedule(def: JobDef): Promise<void> {
    const now = this.opts.clock.now().toISOString();
    await this.db
      .insertInto('kernel_jobs')
      .values({ id: newId('job'), name: def.name, kind: 'scheduled', payload: null, live_key: scheduleKey(def.name), state: 'ready', due_at: now, attempts: 0, lease_owner: null, lease_until: null, run_id: null, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('live_key').doNothing())
      .execute();
  }

  /**
   * A one-off job, written in the caller's transaction (it runs only if that commits). With `key`, at most one job of
   * this name and key is waiting or running at a time: a second enqueue while one is live does nothing.
   */
  async enqueue(trx: AnyKysely, name: string, payload: unknown, opts: EnqueueOptions = {}): Promise<void> {
    if (!this.defs.has(name)) throw new Error(`No job named ${name}`);
    await enqueueJob(trx, this.opts.clock, name, payload, opts);
  }

  /** Makes a scheduled job due now (the console's 立即运行); it runs at the next tick of any process. */
  async runNow(name: string): Promise<void> {
    const def = this.defs.get(name);
    if (!def) throw notFound('Job');
    if (def.every === null) throw conflict('JOB_NOT_SCHEDULED', '一次性任务不能立即运行 A one-off job runs when it is queued, not on demand');
    await this.insertSchedule(def);
    const now = this.opts.clock.now().toISOString();
    await this.db.updateTable('kernel_jobs').set({ due_at: now, updated_at: now }).where('live_key', '=', scheduleKey(name)).where('state', '=', 'ready').where('due_at', '>', now).execute();
  }

  /** Claims due jobs one at a time and runs each, until none is due; returns how many ran. One tick at a time. */
  tick(): Promise<number> {
    const ticked = this.inFlight.then(() => this.drain());
    this.inFlight = ticked.catch(() => undefined);
    return ticked;
  }

  /** Ticks every `pollMs` until stopped (the timer does not keep the process alive). */
  start(pollMs = 5_000): void {
    if (this.timer) return;
    this.stopping = false;
    const loop = async () => {
      try {
        await this.tick();
      } catch (err) {
        this.opts.log?.error({ err }, 'job runner: tick failed');
      }
      if (!this.stopping) {
        this.timer = setTimeout(loop, pollMs);
        this.timer.unref();
      }
    };
    this.timer = setTimeout(loop, 0);
    this.timer.unref();
  }

  /** Stops polling and waits for the run in flight; jobs not yet claimed are left to the next start or process. */
  async stop(): Promise<void> {
    // Until start() again: a tick called after this claims nothing.
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  overview(): Promise<JobView[]> {
    return jobOverview(this.db, [...this.defs.values()], this.opts.clock.now());
  }

  async runs(name: string, limit: number, cursor?: string): Promise<PageResult<RunView>> {
    if (!this.defs.has(name)) throw notFound('Job');
    return jobRuns(this.db, name, limit, cursor);
  }

  private async drain(): Promise<number> {
    let ran = 0;
    while (ran < MAX_RUNS_PER_TICK && !this.stopping) {
      const claim = await this.claimNext();
      if (!claim) break;
      await this.execute(claim);
      ran++;
    }
    return ran;
  }

  /** The next due job, leased to this process with its run recorded; a lost run found on the way is recorded as lost. */
  private async claimNext(): Promise<Claim | null> {
    if (this.names.length === 0) return null;
    for (let tries = 0; tries < 100; tries++) {
      const now = this.opts.clock.now();
      const at = now.toISOString();
      const outcome = await writeTogether(this.opts.db, this.opts.dialect, async (exec): Promise<Claim | 'none' | 'again'> => {
        const row = await findDue(exec, this.opts.dialect, this.names, at);
        if (!row) return 'none';
        const def = this.defs.get(row.name)!;
        const lost = row.run_id;
        if (lost !== null && row.attempts >= def.maxAttempts) {
          // The lost run was the last attempt: the job gives up as after a failure, and is not run again now.
          if (!(await settleLost(exec, row, afterFailure(rulesFor(def, row), row.attempts, now), at))) return 'again';
          await finishRun(exec, lost, { outcome: 'lost', error: LOST_ERROR, summary: null, now: at });
          return 'again';
        }
        const runId = newId('jrun', now.getTime());
        const until = new Date(now.getTime() + def.leaseMs).toISOString();
        if (!(await takeLease(exec, row, { owner: this.opts.processId, until, runId, now: at }))) return 'again';
        if (lost !== null) await finishRun(exec, lost, { outcome: 'lost', error: LOST_ERROR, summary: null, now: at });
        await startRun(exec, { id: runId, jobId: row.id, name: row.name, attempt: row.attempts + 1, processId: this.opts.processId, now: at });
        return { row, def, runId, attempt: row.attempts + 1 };
      });
      if (outcome === 'none') return null;
      if (outcome !== 'again') return outcome;
    }
    return null;
  }

  private async execute({ row, def, runId, attempt }: Claim): Promise<void> {
    let failure: unknown = null;
    let result: unknown;
    try {
      result = await def.run({ payload: row.payload === null ? null : JSON.parse(row.payload), attempt, now: this.opts.clock.now() });
    } catch (err) {
      failure = err ?? new Error('failed');
      this.opts.log?.error({ err, job: def.name, attempt }, `job ${def.name} failed (attempt ${attempt})`);
    }
    const now = this.opts.clock.now();
    const at = now.toISOString();
    const rules = rulesFor(def, row);
    const next = failure === null ? afterSuccess(rules, now) : afterFailure(rules, attempt, now);
    await writeTogether(this.opts.db, this.opts.dialect, async (exec) => {
      const held = await settle(exec, row.id, runId, next, at);
      // A run that outlived its lease was taken over and recorded as lost; the new run's outcome is the one that counts.
      if (held) await finishRun(exec, runId, failure === null ? { outcome: 'succeeded', error: null, summary: summaryText(result), now: at } : { outcome: 'failed', error: errorText(failure), summary: null, now: at });
    });
  }
}
