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
import { PROVIDER_SUBMIT_JOB, stationsModule } from '../../src/modules/stations/index.js';
import { engines } from '../helpers.js';
import { AFTER_LEASE, createRecords, recordId, RECORDS, refusedByProvider, sealerOf, START, submitter } from './stations-provider-units.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const KEY = randomBytes(32).toString('base64');
const KILL_AT = 17;

async function openShared(engine: DialectName): Promise<{ database: Database; where: string; dispose(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-provider-kill-'));
    const where = path.join(dir, 'stations.sqlite');
    const database = await openDatabase({ sqliteFile: where });
    return { database, where, dispose: async () => (await database.close(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const where = `t_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ url, pgSchema: where, poolSize: 4 });
  return { database, where, dispose: async () => (await database.close(), await dropPostgresSchema(url, where)) };
}

/**
 * `stations.provider-submit` killed with SIGKILL mid-run — before the provider is asked, or after the provider stored
 * the submission and before the answer was stored here: the next process claims the job after its lease, asks again
 * under the same record id, and every record is submitted to the provider exactly once, none lost, each record's
 * details showing the provider's one answer.
 */
describe.each(engines().flatMap((engine) => (['before', 'after'] as const).map((point) => [engine, point] as const)))('provider submissions killed mid-run on %s (%s the provider is asked)', (engine, point) => {
  let shared: Awaited<ReturnType<typeof openShared>>;
  const sealer = sealerOf(KEY);
  beforeEach(async () => {
    shared = await openShared(engine);
    await migrateUp(shared.database, [
      { owner: 'kernel', migrations: kernelMigrations },
      { owner: 'stations', migrations: stationsModule.migrations },
    ]);
    await createRecords(shared.database.db, sealer);
  });
  afterEach(() => shared.dispose());

  it('resumes in another process after the lease and submits every record exactly once', async () => {
    const { db } = shared.database;
    const book = async () => (await sql<{ record_id: string; asked: number; status: string; provider_ref: string | null; message: string }>`select record_id, asked, status, provider_ref, message from stations_provider_local order by record_id`.execute(db)).rows;
    const submissions = async () => (await sql<{ record_id: string; status: string; attempts: number; provider_ref: string | null; message: string | null }>`select record_id, status, attempts, provider_ref, message from stations_service_submissions order by record_id`.execute(db)).rows;

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/crash/stations-provider-child.ts', engine, shared.where, KEY, String(KILL_AT), point], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const held = new Promise<void>((resolve) => child.stdout.on('data', (chunk) => ((out += chunk), out.includes('HELD') && resolve())));
    child.stderr.on('data', (chunk) => (out += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await Promise.race([held, exited.then(() => Promise.reject(new Error(`the child stopped before it was killed:\n${out}`)))]);
    child.kill('SIGKILL');
    expect(await exited, out).toBe('SIGKILL');

    // Killed mid-run: the first KILL_AT − 1 answered and stored, one held (submitting), the rest not yet taken.
    const halfway = await submissions();
    expect(halfway.map((s) => s.status)).toEqual([
      ...Array.from({ length: KILL_AT - 1 }, (_, i) => (refusedByProvider(i + 1) ? 'refused' : 'accepted')),
      'submitting',
      ...Array(RECORDS - KILL_AT).fill('pending'),
    ]);
    expect((await book()).length).toBe(point === 'after' ? KILL_AT : KILL_AT - 1);

    const runnerAt = (at: string) => new JobRunner({ db, dialect: engine, clock: { now: () => new Date(at) }, jobs: [submitter(db, sealer, { now: () => new Date(at) }).job()], processId: 'survivor' });
    // The dead run's lease holds the job until it runs out.
    expect(await runnerAt(START).tick()).toBe(0);
    const survivor = runnerAt(AFTER_LEASE);
    expect(await survivor.tick()).toBe(1);

    // Every record once at the provider; only the held one asked twice, and only when the provider had it already.
    const kept = await book();
    expect(kept.map((b) => b.record_id)).toEqual(Array.from({ length: RECORDS }, (_, i) => recordId(i + 1)));
    expect(kept.map((b) => Number(b.asked))).toEqual(Array.from({ length: RECORDS }, (_, i) => (i + 1 === KILL_AT && point === 'after' ? 2 : 1)));
    expect(kept.map((b) => b.status)).toEqual(Array.from({ length: RECORDS }, (_, i) => (refusedByProvider(i + 1) ? 'refused' : 'accepted')));
    // Our side holds the provider's one answer for each, in the submission and in the record's details.
    const done = await submissions();
    expect(done.map((s) => [s.record_id, s.status, s.provider_ref, s.message])).toEqual(kept.map((b) => [b.record_id, b.status, b.provider_ref, b.message]));
    expect(done.find((s) => s.record_id === recordId(KILL_AT))!.attempts).toBe(2);
    const details = (await sql<{ id: string; details: string }>`select id, details from stations_records order by id`.execute(db)).rows.map((r) => [r.id, JSON.parse(r.details).providerStatus, JSON.parse(r.details).providerRef]);
    expect(details).toEqual(kept.map((b) => [b.record_id, b.status, b.provider_ref]));

    const runs = (await survivor.runs(PROVIDER_SUBMIT_JOB, 10)).items;
    expect(runs.map((r) => [r.processId, r.attempt, r.outcome])).toEqual([
      ['survivor', 2, 'succeeded'],
      ['child', 1, 'lost'],
    ]);
    // Run again: nothing more.
    expect(await submitter(db, sealer, { now: () => new Date(AFTER_LEASE) }).submitDue(new Date('2026-12-08T03:00:00.000Z'))).toEqual({ accepted: 0, refused: 0, failed: 0 });
  }, 180_000);
});
