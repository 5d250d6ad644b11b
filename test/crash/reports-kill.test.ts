import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { systemContext } from '../../src/kernel/context.js';
import { dropPostgresSchema, openDatabase, type Database, type DialectName } from '../../src/kernel/db.js';
import { engines, manualClock } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const START = '2026-11-20T02:00:00.000Z';
/** Past the generate job's five-minute lease. */
const AFTER_LEASE = 5 * 60_000 + 1;

async function openShared(engine: DialectName): Promise<{ open(): Promise<Database>; where: string; dataDir: string; dispose(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-reports-kill-'));
  if (engine === 'sqlite') {
    const where = path.join(dataDir, 'reports.sqlite');
    return { open: () => openDatabase({ sqliteFile: where }), where, dataDir, dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const where = `t_${randomBytes(6).toString('hex')}`;
  return { open: () => openDatabase({ url, pgSchema: where, poolSize: 4 }), where, dataDir, dispose: async () => (await dropPostgresSchema(url, where), fs.rmSync(dataDir, { recursive: true, force: true })) };
}

type Reports = Kysely<{ reports_reports: { id: string; status: string; progress: number; attempts: number; xlsx_key: string | null; pdf_key: string | null } }>;

/**
 * A process killed while it makes a report (its workbook stored, its PDF being drawn): after the job's lease another
 * process claims the job again and makes the report from the start, writing the same two keys, so the report ends
 * done with exactly one workbook and one PDF, and the runs read "lost", then "succeeded".
 */
describe.each(engines())('a report whose process is killed half-way on %s', (engine) => {
  let shared: Awaited<ReturnType<typeof openShared>>;
  beforeEach(async () => {
    shared = await openShared(engine);
  });
  afterEach(() => shared.dispose());

  it('is made again by another process, ending with one pair of files', async () => {
    const clock = manualClock(START);
    const { app, modules, jobs, database } = await buildApp({ config: { dataDir: shared.dataDir, databaseUrl: '', secureCookies: false, trustProxy: false, dataKey: '' }, database: await shared.open(), clock });
    try {
      await modules.network.service.saveDivision(systemContext(), { code: '530621', name: '鲁甸县', kind: 'county', validFrom: '2020-01-01' });
      const report = await modules.reports.service.request(systemContext(), { kind: 'month', period: '2026-11' });
      const db = database.db as unknown as Reports;
      const row = () => db.selectFrom('reports_reports').selectAll().where('id', '=', report.id).executeTakeFirstOrThrow();

      const child = spawn(process.execPath, ['--import', 'tsx', 'test/crash/reports-child.ts', engine, shared.where, shared.dataDir, START], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (out += chunk));
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      // The workbook is stored at 80 %; the PDF follows. Killed there, the row is running with no keys.
      while (Number((await row()).progress) < 80) {
        if (child.exitCode !== null) throw new Error(`the child stopped before it was killed:\n${out}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      child.kill('SIGKILL');
      expect(await exited, out).toBe('SIGKILL');
      expect(await row()).toMatchObject({ status: 'running', attempts: 1, xlsx_key: null, pdf_key: null });

      // Nobody takes the job while the dead process's lease holds; after it, this process makes the report.
      await jobs.tick();
      expect((await row()).status).toBe('running');
      clock.advance(AFTER_LEASE);
      await jobs.tick();
      const done = await row();
      expect(done).toMatchObject({ status: 'done', progress: 100, attempts: 2, xlsx_key: `reports/${report.id}-v1.xlsx`, pdf_key: `reports/${report.id}-v1.pdf` });
      const files = fs.readdirSync(path.join(shared.dataDir, 'files', 'reports')).filter((f) => f.startsWith(report.id));
      expect(files.sort()).toEqual([`${report.id}-v1.pdf`, `${report.id}-v1.xlsx`]);
      const pdf = fs.readFileSync(path.join(shared.dataDir, 'files', done.pdf_key!));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

      const runs = await (database.db as unknown as Kysely<{ kernel_job_runs: { name: string; outcome: string; attempt: number; id: string; summary: string | null } }>)
        .selectFrom('kernel_job_runs')
        .select(['outcome', 'attempt'])
        .where('name', '=', 'reports.generate')
        .where('summary', 'like', `%${report.id}%`)
        .orderBy('id')
        .execute();
      const lost = await (database.db as unknown as Kysely<{ kernel_job_runs: { name: string; outcome: string } }>).selectFrom('kernel_job_runs').select('outcome').where('name', '=', 'reports.generate').where('outcome', '=', 'lost').execute();
      expect(lost).toHaveLength(1);
      expect(runs).toEqual([{ outcome: 'succeeded', attempt: 2 }]);
    } finally {
      await app.close();
    }
  }, 300_000);
});
