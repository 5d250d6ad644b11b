import type { Kysely } from 'kysely';
import { openTwoDatabases, type TwoDatabases } from '../../../test/two-databases.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, DialectName } from '../db.js';
import { defineJob, type JobDef } from './job-def.js';
import { JobRunner } from './job-runner.js';
import { jobMigrations } from './jobs.migrations.js';
import type { JobTables } from './jobs.tables.js';
import { jobRunsPurge } from './purge-job-runs.js';

// The kernel imports nothing of ours, so these tests open their databases themselves (as test/helpers.ts does).
const engines: DialectName[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];


function manualClock(start = '2026-06-01T02:00:00.000Z') {
  let now = new Date(start);
  return { now: () => new Date(now), advance: (ms: number) => void (now = new Date(now.getTime() + ms)) };
}

const MINUTE = 60_000;

/** Polls until `check` holds (a state another runner reaches), without timing anything. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (await check()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('state never reached');
}

describe.each(engines)('jobs claimed from the database on %s', (engine) => {
  let dbs: TwoDatabases;
  let db: Kysely<JobTables & { effects: { job: string; attempt: number } }>;
  let clock: ReturnType<typeof manualClock>;
  const runnerOn = (database: Database, jobs: JobDef[], processId = 'p1', at = clock) => new JobRunner({ db: database.db, dialect: database.dialect, clock: at, jobs, processId });
  const effects = async () => (await db.selectFrom('effects').select(['job', 'attempt']).orderBy('job').orderBy('attempt').execute()).map((e) => `${e.job}#${e.attempt}`);
  const jobRows = () => db.selectFrom('kernel_jobs').select(['name', 'kind', 'state', 'due_at', 'attempts', 'lease_owner', 'run_id']).orderBy('id').execute();
  /** A job that writes one effect a run, and fails while `failing` says so. */
  const recording = (name: string, opts: { every?: number; failing?: () => boolean; maxAttempts?: number } = {}) =>
    defineJob({
      name,
      title: `测试 ${name}`,
      every: opts.every,
      maxAttempts: opts.maxAttempts,
      run: async ({ payload, attempt }) => {
        if (opts.failing?.()) throw new Error(`坏了 broken on attempt ${attempt}`);
        const job = typeof payload === 'string' ? payload : name;
        await db.insertInto('effects').values({ job, attempt }).execute();
        return { did: job };
      },
    });

  beforeEach(async () => {
    clock = manualClock();
    dbs = await openTwoDatabases(engine);
    for (const m of jobMigrations) await m.up(dbs.first.db, dbs.first.dialect);
    db = dbs.first.db as never;
    await db.schema.createTable('effects').addColumn('job', 'text', (c) => c.notNull()).addColumn('attempt', 'integer', (c) => c.notNull()).execute();
  });
  afterEach(() => dbs.dispose());

  it('keeps one schedule row per scheduled job however many processes sync at once', async () => {
    const jobs = [recording('test.hourly', { every: 60 * MINUTE }), recording('test.once')];
    await Promise.all([runnerOn(dbs.first, jobs).sync(), runnerOn(dbs.second, jobs, 'p2').sync(), runnerOn(dbs.first, jobs, 'p3').sync()]);
    expect(await jobRows()).toEqual([{ name: 'test.hourly', kind: 'scheduled', state: 'ready', due_at: '2026-06-01T02:00:00.000Z', attempts: 0, lease_owner: null, run_id: null }]);
  });

  it('runs a scheduled job when due, records the run, and makes it due again one interval on', async () => {
    const runner = runnerOn(dbs.first, [recording('test.hourly', { every: 60 * MINUTE })]);
    await runner.sync();
    expect(await runner.tick()).toBe(1);
    expect(await runner.tick()).toBe(0);
    clock.advance(59 * MINUTE);
    expect(await runner.tick()).toBe(0);
    clock.advance(MINUTE);
    expect(await runner.tick()).toBe(1);
    expect(await effects()).toEqual(['test.hourly#1', 'test.hourly#1']);
    expect(await jobRows()).toEqual([{ name: 'test.hourly', kind: 'scheduled', state: 'ready', due_at: '2026-06-01T04:00:00.000Z', attempts: 0, lease_owner: null, run_id: null }]);
    const runs = await runner.runs('test.hourly', 10);
    expect(runs.items.map((r) => [r.startedAt, r.finishedAt, r.outcome, r.attempt, r.error, r.summary, r.processId])).toEqual([
      ['2026-06-01T03:00:00.000Z', '2026-06-01T03:00:00.000Z', 'succeeded', 1, null, { did: 'test.hourly' }, 'p1'],
      ['2026-06-01T02:00:00.000Z', '2026-06-01T02:00:00.000Z', 'succeeded', 1, null, { did: 'test.hourly' }, 'p1'],
    ]);
    const [view] = await runner.overview();
    expect(view).toEqual({
      name: 'test.hourly',
      title: '测试 test.hourly',
      scheduled: true,
      everyMs: 3_600_000,
      schedule: '每小时 Every hour',
      nextDueAt: '2026-06-01T04:00:00.000Z',
      running: false,
      queued: 0,
      lastRun: runs.items[0],
      failuresInRow: 0,
    });
  });

  it('retries a failing one-off job after 30 s, 60 s, … and fails it after its last attempt', async () => {
    const runner = runnerOn(dbs.first, [recording('test.once', { failing: () => true, maxAttempts: 3 })]);
    await runner.enqueue(dbs.first.db, 'test.once', 'parcel-1');
    expect(await runner.tick()).toBe(1);
    expect((await jobRows())[0]).toMatchObject({ state: 'ready', attempts: 1, due_at: '2026-06-01T02:00:30.000Z' });
    clock.advance(29_999);
    expect(await runner.tick()).toBe(0);
    clock.advance(1);
    expect(await runner.tick()).toBe(1);
    expect((await jobRows())[0]).toMatchObject({ state: 'ready', attempts: 2, due_at: '2026-06-01T02:01:30.000Z' });
    clock.advance(60_000);
    expect(await runner.tick()).toBe(1);
    expect((await jobRows())[0]).toMatchObject({ state: 'failed', attempts: 3, run_id: null });
    clock.advance(3_600_000);
    expect(await runner.tick()).toBe(0);
    const runs = (await runner.runs('test.once', 10)).items;
    expect(runs.map((r) => [r.attempt, r.outcome, r.error])).toEqual([
      [3, 'failed', '坏了 broken on attempt 3'],
      [2, 'failed', '坏了 broken on attempt 2'],
      [1, 'failed', '坏了 broken on attempt 1'],
    ]);
    expect((await runner.overview())[0]).toMatchObject({ scheduled: false, schedule: '按需 On demand', queued: 0, nextDueAt: null, failuresInRow: 3, lastRun: runs[0] });
    expect(await effects()).toEqual([]);
  });

  it('keeps a failing scheduled job on its schedule, shows its failures, and clears them on its next success', async () => {
    let failing = true;
    const runner = runnerOn(dbs.first, [recording('test.hourly', { every: 60 * MINUTE, maxAttempts: 2, failing: () => failing })]);
    await runner.sync();
    await runner.tick();
    clock.advance(30_000);
    await runner.tick();
    expect((await jobRows())[0]).toMatchObject({ state: 'ready', attempts: 0, due_at: '2026-06-01T03:00:30.000Z' });
    expect((await runner.overview())[0]).toMatchObject({ failuresInRow: 2, nextDueAt: '2026-06-01T03:00:30.000Z', lastRun: { outcome: 'failed', attempt: 2 } });
    failing = false;
    clock.advance(60 * MINUTE);
    expect(await runner.tick()).toBe(1);
    expect((await runner.overview())[0]).toMatchObject({ failuresInRow: 0, lastRun: { outcome: 'succeeded', attempt: 1 } });
  });

  it('keeps one live one-off job per key, and takes the key again once that job is done', async () => {
    const runner = runnerOn(dbs.first, [recording('test.once')]);
    await runner.enqueue(dbs.first.db, 'test.once', 'first', { key: 'order-1' });
    await runner.enqueue(dbs.first.db, 'test.once', 'second', { key: 'order-1' });
    await runner.enqueue(dbs.first.db, 'test.once', 'other', { key: 'order-2' });
    await runner.enqueue(dbs.first.db, 'test.once', 'later', { runAt: new Date('2026-06-01T03:00:00.000Z') });
    expect((await runner.overview())[0]).toMatchObject({ queued: 3, nextDueAt: '2026-06-01T02:00:00.000Z' });
    expect(await runner.tick()).toBe(2);
    await runner.enqueue(dbs.first.db, 'test.once', 'third', { key: 'order-1' });
    expect(await runner.tick()).toBe(1);
    expect(await effects()).toEqual(['first#1', 'other#1', 'third#1']);
    clock.advance(60 * MINUTE);
    expect(await runner.tick()).toBe(1);
    expect(await effects()).toEqual(['first#1', 'later#1', 'other#1', 'third#1']);
  });

  it('enqueues in the caller\'s transaction: nothing runs if it rolls back', async () => {
    const runner = runnerOn(dbs.first, [recording('test.once')]);
    await expect(
      dbs.first.db.transaction().execute(async (trx) => {
        await runner.enqueue(trx, 'test.once', 'rolled-back');
        throw new Error('the caller changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    expect(await runner.tick()).toBe(0);
    expect(await jobRows()).toEqual([]);
  });

  it('records a run whose lease ran out as lost, runs the job again, and keeps the late finisher from overwriting', async () => {
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const slow = defineJob({
      name: 'test.slow',
      title: '慢任务 Slow',
      leaseMs: 5 * MINUTE,
      run: async ({ attempt }) => {
        calls++;
        if (calls === 1) await hold;
        await db.insertInto('effects').values({ job: 'slow', attempt }).execute();
      },
    });
    const first = runnerOn(dbs.first, [slow], 'p1');
    await first.enqueue(dbs.first.db, 'test.slow', null);
    const firstTick = first.tick();
    await until(async () => (await jobRows())[0]?.lease_owner === 'p1');
    expect((await first.overview())[0]).toMatchObject({ running: true, lastRun: null });

    const later = manualClock('2026-06-01T02:05:00.001Z');
    const second = runnerOn(dbs.second, [slow], 'p2', later);
    expect(await second.tick()).toBe(1);
    release();
    expect(await firstTick).toBe(1);
    const runs = (await second.runs('test.slow', 10)).items;
    expect(runs.map((r) => [r.processId, r.attempt, r.outcome, r.finishedAt])).toEqual([
      ['p2', 2, 'succeeded', '2026-06-01T02:05:00.001Z'],
      ['p1', 1, 'lost', '2026-06-01T02:05:00.001Z'],
    ]);
    expect(runs[1].error).toMatch(/^进程中断/);
    expect(await jobRows()).toEqual([expect.objectContaining({ state: 'done', run_id: null, lease_owner: null })]);
  });

  it('gives up a one-off job whose last attempt was lost, without running it again', async () => {
    const never = defineJob({ name: 'test.hang', title: '挂起 Hangs', maxAttempts: 1, run: () => new Promise(() => undefined) });
    const first = runnerOn(dbs.first, [never], 'p1');
    await first.enqueue(dbs.first.db, 'test.hang', null);
    void first.tick();
    await until(async () => (await jobRows())[0]?.lease_owner === 'p1');
    const second = runnerOn(dbs.second, [never], 'p2', manualClock('2026-06-01T03:00:00.000Z'));
    expect(await second.tick()).toBe(0);
    expect(await jobRows()).toEqual([expect.objectContaining({ state: 'failed', run_id: null })]);
    expect((await second.runs('test.hang', 10)).items.map((r) => r.outcome)).toEqual(['lost']);
  });

  it('runs each due job once when two processes tick at the same time', async () => {
    const jobs = [recording('test.once'), recording('test.minutely', { every: MINUTE })];
    const a = runnerOn(dbs.first, jobs, 'p1');
    const b = runnerOn(dbs.second, jobs, 'p2');
    await Promise.all([a.sync(), b.sync()]);
    for (let i = 0; i < 30; i++) await a.enqueue(dbs.first.db, 'test.once', `job-${String(i).padStart(2, '0')}`);
    const [ranA, ranB] = await Promise.all([a.tick(), b.tick()]);
    expect(ranA + ranB).toBe(31);
    expect(await effects()).toEqual([...Array.from({ length: 30 }, (_, i) => `job-${String(i).padStart(2, '0')}#1`), 'test.minutely#1']);
    const runs = await db.selectFrom('kernel_job_runs').select(['outcome']).execute();
    expect(runs.map((r) => r.outcome)).toEqual(Array(31).fill('succeeded'));
  });

  it('makes a scheduled job due now on request, and refuses one-off and unknown jobs', async () => {
    const runner = runnerOn(dbs.first, [recording('test.daily', { every: 86_400_000 }), recording('test.once')]);
    await runner.sync();
    await runner.tick();
    clock.advance(MINUTE);
    expect(await runner.tick()).toBe(0);
    await runner.runNow('test.daily');
    expect((await runner.overview())[0]).toMatchObject({ name: 'test.daily', nextDueAt: '2026-06-01T02:01:00.000Z' });
    expect(await runner.tick()).toBe(1);
    await expect(runner.runNow('test.once')).rejects.toMatchObject({ status: 409, code: 'JOB_NOT_SCHEDULED' });
    await expect(runner.runNow('test.nothing')).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
    await expect(runner.runs('test.nothing', 10)).rejects.toMatchObject({ status: 404 });
  });

  it('pages a job\'s runs newest first', async () => {
    const runner = runnerOn(dbs.first, [recording('test.minutely', { every: MINUTE })]);
    await runner.sync();
    for (let i = 0; i < 5; i++) {
      await runner.tick();
      clock.advance(MINUTE);
    }
    const first = await runner.runs('test.minutely', 2);
    const second = await runner.runs('test.minutely', 2, first.nextCursor!);
    const third = await runner.runs('test.minutely', 2, second.nextCursor!);
    expect([...first.items, ...second.items, ...third.items].map((r) => r.startedAt.slice(11, 16))).toEqual(['02:04', '02:03', '02:02', '02:01', '02:00']);
    expect(third.nextCursor).toBeNull();
  });

  it('purges run records and finished one-off jobs older than 30 days, daily', async () => {
    const runner = runnerOn(dbs.first, [recording('test.once'), jobRunsPurge(dbs.first.db)]);
    await runner.sync();
    await runner.enqueue(dbs.first.db, 'test.once', 'old');
    await runner.tick(); // the purge (due at once, nothing old yet) and the old job
    clock.advance(29 * 86_400_000);
    await runner.enqueue(dbs.first.db, 'test.once', 'recent');
    await runner.tick(); // the purge's daily turn is long past: it runs, and the recent job
    clock.advance(2 * 86_400_000);
    expect(await runner.tick()).toBe(1);
    const runs = await db.selectFrom('kernel_job_runs').select(['name', 'started_at']).orderBy('started_at').execute();
    expect(runs).toEqual([
      { name: 'kernel.purge-job-runs', started_at: '2026-06-30T02:00:00.000Z' },
      { name: 'test.once', started_at: '2026-06-30T02:00:00.000Z' },
      { name: 'kernel.purge-job-runs', started_at: '2026-07-02T02:00:00.000Z' },
    ]);
    expect((await runner.runs('kernel.purge-job-runs', 1)).items[0].summary).toEqual({ runsRemoved: 2, jobsRemoved: 1 });
    expect((await jobRows()).map((j) => j.kind)).toEqual(['scheduled', 'once']);
  });

  it('waits for the run in flight when stopped, and claims nothing after', async () => {
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const job = defineJob({ name: 'test.held', title: '等待 Held', run: async () => void (await hold) });
    const runner = runnerOn(dbs.first, [job]);
    await runner.enqueue(dbs.first.db, 'test.held', null);
    await runner.enqueue(dbs.first.db, 'test.held', null);
    runner.start(60_000);
    await until(async () => (await jobRows()).some((j) => j.lease_owner === 'p1'));
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await until(async () => (await jobRows()).some((j) => j.lease_owner === 'p1'));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await jobRows()).map((j) => j.state)).toEqual(['done', 'ready']);
  });
});
