import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropPostgresSchema, openDatabase, type Database, type DialectName } from '../../src/kernel/db.js';
import { JobRunner, jobMigrations } from '../../src/kernel/jobs/index.js';
import { createUnits, doneCount, openGate, UNITS_JOB, unitsJob } from './job-units.js';
import { engines } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const UNITS = 200;
const KILL_AT = 60;
const START = '2026-06-01T02:00:00.000Z';
/** Past the units job's one-minute lease. */
const AFTER_LEASE = '2026-06-01T02:01:00.001Z';

/** A database two processes can open: a SQLite file, or a PostgreSQL schema of its own. */
async function openShared(engine: DialectName): Promise<{ database: Database; where: string; dispose(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-job-kill-'));
    const where = path.join(dir, 'jobs.sqlite');
    const database = await openDatabase({ sqliteFile: where });
    return { database, where, dispose: async () => (await database.close(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const where = `t_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ url, pgSchema: where, poolSize: 4 });
  return { database, where, dispose: async () => (await database.close(), await dropPostgresSchema(url, where)) };
}

/**
 * A process killed with SIGKILL in the middle of a job: when the lease has run out, another process claims the job
 * again and finishes it. Every unit of the job's work is done exactly once, and the runs read "lost", then "succeeded".
 */
describe.each(engines())('a job whose process is killed half-way on %s', (engine) => {
  let shared: Awaited<ReturnType<typeof openShared>>;
  beforeEach(async () => {
    shared = await openShared(engine);
    for (const m of jobMigrations) await m.up(shared.database.db, engine);
    await createUnits(shared.database.db, UNITS, KILL_AT);
  });
  afterEach(() => shared.dispose());

  it('is claimed again after its lease, finishes, and does every unit exactly once', async () => {
    const { db } = shared.database;
    const runnerAt = (at: string) => new JobRunner({ db, dialect: engine, clock: { now: () => new Date(at) }, jobs: [unitsJob(db)], processId: 'survivor' });
    await runnerAt(START).enqueue(db, UNITS_JOB, null);

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/crash/job-child.ts', engine, shared.where, START], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // The child stops at the gate once KILL_AT units are done; it is killed there, its job still leased to it.
    while ((await doneCount(db)) < KILL_AT) {
      if (child.exitCode !== null) throw new Error(`the child stopped before it was killed:\n${out}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    expect(await exited, out).toBe('SIGKILL');
    expect(await doneCount(db)).toBe(KILL_AT);

    // Before the lease runs out nobody may take the job; after it, another process does and finishes the work.
    await openGate(db, UNITS);
    expect(await runnerAt(START).tick()).toBe(0);
    const survivor = runnerAt(AFTER_LEASE);
    expect(await survivor.tick()).toBe(1);

    const units = db as Kysely<{ crash_units: { id: string; done: number; times: number }; crash_effects: { unit_id: string } }>;
    const rows = await units.selectFrom('crash_units').select(['id', 'done', 'times']).execute();
    expect(rows).toHaveLength(UNITS);
    expect(rows.filter((r) => Number(r.done) !== 1 || Number(r.times) !== 1)).toEqual([]);
    const effects = await units.selectFrom('crash_effects').select('unit_id').execute();
    expect(effects).toHaveLength(UNITS);
    expect(new Set(effects.map((e) => e.unit_id)).size).toBe(UNITS);

    const runs = (await survivor.runs(UNITS_JOB, 10)).items;
    expect(runs.map((r) => [r.processId, r.attempt, r.outcome, r.summary])).toEqual([
      ['survivor', 2, 'succeeded', { did: UNITS - KILL_AT }],
      ['child', 1, 'lost', null],
    ]);
    const [view] = await survivor.overview();
    expect(view).toMatchObject({ running: false, queued: 0, nextDueAt: null, failuresInRow: 0, lastRun: { outcome: 'succeeded' } });
  }, 120_000);

  it('runs a due job once when two processes tick at the same moment', async () => {
    const second = engine === 'sqlite' ? await openDatabase({ sqliteFile: shared.where }) : await openDatabase({ url: process.env.TEST_DATABASE_URL, pgSchema: shared.where, poolSize: 4 });
    try {
      await openGate(shared.database.db, UNITS);
      const runnerOn = (database: Database, processId: string) => new JobRunner({ db: database.db, dialect: engine, clock: { now: () => new Date(START) }, jobs: [unitsJob(database.db)], processId });
      await runnerOn(shared.database, 'first').enqueue(shared.database.db, UNITS_JOB, null);
      const ran = await Promise.all([runnerOn(shared.database, 'first').tick(), runnerOn(second, 'second').tick()]);
      expect(ran.sort()).toEqual([0, 1]);
      expect(await doneCount(shared.database.db)).toBe(UNITS);
      const runs = await (shared.database.db as Kysely<{ kernel_job_runs: { outcome: string } }>).selectFrom('kernel_job_runs').select('outcome').execute();
      expect(runs).toEqual([{ outcome: 'succeeded' }]);
    } finally {
      await second.close();
    }
  });
});
