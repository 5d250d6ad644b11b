import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/kernel/context.js';
import { dropPostgresSchema, openDatabase, type Database, type DialectName } from '../../src/kernel/db.js';
import { kernelMigrations } from '../../src/kernel/kernel-migrations.js';
import { JobRunner } from '../../src/kernel/jobs/index.js';
import { migrateUp } from '../../src/kernel/migrator.js';
import { statsModule, StatsRebuilds, StatsRepository, REBUILD_JOB, type StatsInput } from '../../src/modules/stats/index.js';
import { engines } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const INPUTS = 700;
const KILL_AT = 300;
const START = '2026-06-01T02:00:00.000Z';
/** Past the rebuild job's 30-minute lease. */
const AFTER_LEASE = '2026-06-01T02:30:00.001Z';

async function openShared(engine: DialectName): Promise<{ database: Database; where: string; dispose(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-stats-kill-'));
    const where = path.join(dir, 'stats.sqlite');
    const database = await openDatabase({ sqliteFile: where });
    return { database, where, dispose: async () => (await database.close(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const where = `t_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ url, pgSchema: where, poolSize: 4 });
  return { database, where, dispose: async () => (await database.close(), await dropPostgresSchema(url, where)) };
}

/** Payments and refunds over two years, in three townships, by a hundred buyers: sums, distinct counts and refunds. */
function inputs(): StatsInput[] {
  const out: StatsInput[] = [];
  for (let i = 1; i <= INPUTS; i += 1) {
    const orderId = `ord_${i % 560}`;
    const township = `53062110${i % 3}`;
    const at = new Date(Date.UTC(2025, 0, 1) + i * 11 * 3600_000).toISOString();
    const payload =
      i > 560
        ? { orderId, refundedAt: at, amountFen: 500 }
        : {
            orderId,
            sellerId: `sel_${i % 7}`,
            paidAt: at,
            lines: [{ productId: `prd_${i % 5}`, quantity: 1, lineFen: 1000 + i }],
            buyerId: `usr_${i % 100}`,
            paymentMethod: 'online',
            pointSiteId: null,
            totalFen: 1000 + i,
            _x: { products: {}, seller: { name: null, townshipCode: township, villageCode: null }, names: {} },
          };
    out.push({ seq: i, type: i > 560 ? 'orders.refunded' : 'orders.paid', version: 1, aggregateId: orderId, occurredAt: at, payload });
  }
  return out;
}

/**
 * A rebuild whose process is killed half-way: the batches it committed stay, the next process claims the job after
 * its lease and carries on from the cursor, and the rollups end exactly as live application made them — nothing
 * applied twice, nothing left out.
 */
describe.each(engines())('a statistics rebuild killed half-way on %s', (engine) => {
  let shared: Awaited<ReturnType<typeof openShared>>;
  beforeEach(async () => {
    shared = await openShared(engine);
    await migrateUp(shared.database, [
      { owner: 'kernel', migrations: kernelMigrations },
      { owner: 'stats', migrations: statsModule.migrations },
    ]);
  });
  afterEach(() => shared.dispose());

  it('resumes from its cursor in another process and ends with the figures live application made', async () => {
    const { db } = shared.database;
    const repo = new StatsRepository(db, engine);
    const clock = { now: () => new Date(START) };
    const live = new StatsRebuilds(repo, clock);
    // Live: each input in its own transaction, as the subscriber stores them.
    for (const input of inputs()) await repo.db.transaction().execute(async (trx) => (await repo.insertInput(trx, input, START)) && repo.applyBatch(trx, [input]));
    const rollups = () => repo.db.selectFrom('stats_rollups').selectAll().orderBy('indicator').orderBy('grain').orderBy('period').orderBy('dim').orderBy('dim_value').execute();
    const before = await rollups();
    expect(before.length).toBeGreaterThan(500);

    const requested = await live.request(systemContext());
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/crash/stats-rebuild-child.ts', engine, shared.where, START, String(KILL_AT)], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const done = async () => Number((await repo.db.selectFrom('stats_rebuilds').select('done').where('id', '=', requested.id).executeTakeFirstOrThrow()).done);
    while ((await done()) < KILL_AT) {
      if (child.exitCode !== null) throw new Error(`the child stopped before it was killed:\n${out}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    expect(await exited, out).toBe('SIGKILL');
    const halfway = await repo.db.selectFrom('stats_rebuilds').selectAll().where('id', '=', requested.id).executeTakeFirstOrThrow();
    expect(halfway).toMatchObject({ state: 'running' });
    expect(Number(halfway.done)).toBe(KILL_AT);
    expect(await rollups()).not.toEqual(before);

    const runnerAt = (at: string) => new JobRunner({ db, dialect: engine, clock: { now: () => new Date(at) }, jobs: [new StatsRebuilds(repo, { now: () => new Date(at) }, 100).job()], processId: 'survivor' });
    expect(await runnerAt(START).tick()).toBe(0);
    const survivor = runnerAt(AFTER_LEASE);
    expect(await survivor.tick()).toBe(1);

    expect(await repo.db.selectFrom('stats_rebuilds').selectAll().where('id', '=', requested.id).executeTakeFirstOrThrow()).toMatchObject({ state: 'done' });
    expect(Number((await live.latest(systemContext()))!.done)).toBe(INPUTS);
    expect(await rollups()).toEqual(before);
    expect(await repo.db.selectFrom('stats_state').selectAll().execute()).toEqual([{ id: 1, rebuild_id: null }]);
    const runs = (await survivor.runs(REBUILD_JOB, 10)).items;
    expect(runs.map((r) => [r.processId, r.attempt, r.outcome])).toEqual([
      ['survivor', 2, 'succeeded'],
      ['child', 1, 'lost'],
    ]);
  }, 180_000);
});
