import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropPostgresSchema, openDatabase, type Database, type DialectName } from '../../src/kernel/db.js';
import { kernelMigrations } from '../../src/kernel/kernel-migrations.js';
import { JobRunner } from '../../src/kernel/jobs/index.js';
import { migrateUp } from '../../src/kernel/migrator.js';
import { FOLLOW_UP_JOB, trainingModule } from '../../src/modules/training/index.js';
import { engines } from '../helpers.js';
import { AFTER_LEASE, createTrainees, followUpService, OUTCOMES, POINTS, SELLERS, START } from './training-follow-up-units.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const KILL_AT = 50;

async function openShared(engine: DialectName): Promise<{ database: Database; where: string; dispose(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-follow-up-kill-'));
    const where = path.join(dir, 'training.sqlite');
    const database = await openDatabase({ sqliteFile: where });
    return { database, where, dispose: async () => (await database.close(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const where = `t_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ url, pgSchema: where, poolSize: 4 });
  return { database, where, dispose: async () => (await database.close(), await dropPostgresSchema(url, where)) };
}

/**
 * Training's hourly follow-up killed half-way: the outcomes it committed stay (each with its event, in one
 * transaction), the next process claims the job after its lease and records the rest — no outcome and no
 * `training.outcome-recorded` twice, none left out.
 */
describe.each(engines())('training follow-up killed half-way on %s', (engine) => {
  let shared: Awaited<ReturnType<typeof openShared>>;
  beforeEach(async () => {
    shared = await openShared(engine);
    await migrateUp(shared.database, [
      { owner: 'kernel', migrations: kernelMigrations },
      { owner: 'training', migrations: trainingModule.migrations },
    ]);
    await createTrainees(shared.database.db);
  });
  afterEach(() => shared.dispose());

  it('resumes in another process after the lease and records every outcome and its event exactly once', async () => {
    const { db } = shared.database;
    const outcomes = async () => (await sql<{ trainee_id: string; kind: string; ref: string; id: string }>`select id, trainee_id, kind, ref from training_outcomes order by id`.execute(db)).rows;
    const recorded = async () => (await sql<{ payload: string }>`select payload from kernel_events where type = 'training.outcome-recorded' order by id`.execute(db)).rows.map((r) => JSON.parse(r.payload) as { outcomeId: string; kind: string });

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/crash/training-follow-up-child.ts', engine, shared.where, String(KILL_AT)], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    while ((await outcomes()).length < KILL_AT) {
      if (child.exitCode !== null) throw new Error(`the child stopped before it was killed:\n${out}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    expect(await exited, out).toBe('SIGKILL');
    // Killed half-way: what it committed, each outcome with its event.
    const halfway = await outcomes();
    expect(halfway.length).toBe(KILL_AT);
    expect((await recorded()).map((e) => e.outcomeId).sort()).toEqual(halfway.map((o) => o.id).sort());

    const runnerAt = (at: string) => new JobRunner({ db, dialect: engine, clock: { now: () => new Date(at) }, jobs: [followUpService(db, engine, { now: () => new Date(at) }).job()], processId: 'survivor' });
    // Its lease holds the job until it runs out.
    expect(await runnerAt(START).tick()).toBe(0);
    const survivor = runnerAt(AFTER_LEASE);
    expect(await survivor.tick()).toBe(1);

    const all = await outcomes();
    expect(all.length).toBe(OUTCOMES);
    expect(new Set(all.map((o) => `${o.trainee_id}|${o.kind}|${o.ref}`)).size).toBe(OUTCOMES);
    expect(all.filter((o) => o.kind === 'seller').length).toBe(SELLERS);
    expect(all.filter((o) => o.kind === 'point_operator').length).toBe(POINTS);
    const events = await recorded();
    expect(events.length).toBe(OUTCOMES);
    expect(events.map((e) => e.outcomeId).sort()).toEqual(all.map((o) => o.id).sort());
    // The kept halfway outcomes are the same rows (not recorded again under new ids).
    expect(all.map((o) => o.id)).toEqual(expect.arrayContaining(halfway.map((o) => o.id)));

    const runs = (await survivor.runs(FOLLOW_UP_JOB, 10)).items;
    expect(runs.map((r) => [r.processId, r.attempt, r.outcome])).toEqual([
      ['survivor', 2, 'succeeded'],
      ['child', 1, 'lost'],
    ]);
    // Run again: nothing new.
    expect(await followUpService(db, engine, { now: () => new Date(AFTER_LEASE) }).autoMatch()).toEqual({ checked: 90, recorded: 0 });
  }, 180_000);
});
