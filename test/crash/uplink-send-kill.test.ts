import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/kernel/context.js';
import { dropPostgresSchema, openDatabase, type Database, type DialectName } from '../../src/kernel/db.js';
import { createSealer } from '../../src/kernel/sealed.js';
import { kernelMigrations } from '../../src/kernel/kernel-migrations.js';
import { uplinkModule, uplinkParts, closedPeriods, type UplinkPorts } from '../../src/modules/uplink/index.js';
import { engines } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const KEY = randomBytes(32).toString('base64');
const INDICATORS = 12;
/** The receiver holds back its answer to this message; the sender is killed while it waits. */
const HELD = 5;

async function openShared(engine: DialectName): Promise<{ database: Database; where: string; dispose(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-uplink-kill-'));
    const where = path.join(dir, 'uplink.sqlite');
    const database = await openDatabase({ sqliteFile: where });
    return { database, where, dispose: async () => (await database.close(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const where = `t_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ url, pgSchema: where, poolSize: 4 });
  return { database, where, dispose: async () => (await database.close(), await dropPostgresSchema(url, where)) };
}

/**
 * A sender killed with SIGKILL after its POST reached the city and before it recorded the answer: the delivery stays
 * held until its hold runs out, then another process sends the same version again with the same Idempotency-Key;
 * the city, which keeps each key once, stores every version exactly once, and every delivery ends sent.
 */
describe.each(engines())('a push whose sender is killed mid-send on %s', (engine) => {
  let shared: Awaited<ReturnType<typeof openShared>>;
  let city: http.Server;
  const posts: string[] = [];
  const stored = new Map<string, number>();
  let releaseHeld: (() => void) | undefined;
  let heldArrived: Promise<void>;

  beforeEach(async () => {
    shared = await openShared(engine);
    for (const m of [...kernelMigrations, ...uplinkModule.migrations]) await m.up(shared.database.db, engine);
    let arrived!: () => void;
    heldArrived = new Promise((resolve) => (arrived = resolve));
    city = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const key = String(req.headers['idempotency-key']);
        posts.push(key);
        const duplicate = stored.has(key);
        if (!duplicate) stored.set(key, 1);
        const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: !duplicate, duplicate }));
        if (posts.length === HELD) {
          // Stored, but the answer is held: the sender dies waiting for it.
          releaseHeld = answer;
          arrived();
        } else answer();
      });
    });
    await new Promise<void>((resolve) => city.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    releaseHeld?.();
    city.closeAllConnections();
    await new Promise((resolve) => city.close(resolve));
    await shared.dispose();
  });

  it('sends again after the hold with the same key, and the city keeps every version once', async () => {
    const { db } = shared.database;
    const month = closedPeriods('month', new Date(), 1)[0];
    const door: UplinkPorts = {
      figures: {
        indicators: () => [],
        period: async (grain, period) =>
          grain === 'month' && period === month ? Array.from({ length: INDICATORS }, (_, i) => ({ indicator: `indicator_${String(i).padStart(2, '0')}`, name: `指标${i}`, unit: 'count', value: 100 + i, previousPeriod: null, previousYear: null, momPct: null, yoyPct: null, status: 'live' })) : [],
      },
      county: { county: async () => ({ code: '530621', name: '鲁甸县' }) },
    };
    const kernel = { db, sealer: createSealer(Buffer.from(KEY, 'base64')), clock: { now: () => new Date() } };
    const parts = uplinkParts(kernel, door);
    await parts.endpoints.create(systemContext('530621'), { name: '昭通市平台', level: 'city', url: `http://127.0.0.1:${(city.address() as AddressInfo).port}/in`, algorithm: 'hmac-sha256', grains: ['month'] });
    expect(await parts.push.prepare()).toMatchObject({ made: INDICATORS });

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/crash/uplink-send-child.ts', engine, shared.where, KEY], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await Promise.race([heldArrived, exited.then(() => Promise.reject(new Error(`the child stopped before it was killed:\n${out}`)))]);
    child.kill('SIGKILL');
    expect(await exited, out).toBe('SIGKILL');

    const deliveries = db as Kysely<{ uplink_deliveries: { indicator: string; status: string; attempts: number } }>;
    const statuses = async () => (await deliveries.selectFrom('uplink_deliveries').select(['indicator', 'status', 'attempts']).orderBy('indicator').execute()).map((d) => `${d.status}/${d.attempts}`);
    expect(await statuses()).toEqual([...Array(HELD - 1).fill('sent/1'), 'sending/1', ...Array(INDICATORS - HELD).fill('pending/0')]);

    // Now: the held one is not taken while its hold lasts; the rest are sent.
    expect(await parts.push.send()).toEqual({ sent: INDICATORS - HELD, failed: 0, givenUp: 0 });
    // After the hold (30 s), the held one goes again, with the same key.
    expect(await parts.push.send(new Date(Date.now() + 31_000))).toEqual({ sent: 1, failed: 0, givenUp: 0 });
    expect(await statuses()).toEqual([...Array(HELD - 1).fill('sent/1'), 'sent/2', ...Array(INDICATORS - HELD).fill('sent/1')]);

    const heldKey = `530621:month:${month}:indicator_${String(HELD - 1).padStart(2, '0')}:v1`;
    expect(posts.filter((k) => k === heldKey)).toHaveLength(2);
    expect(posts.filter((k) => k !== heldKey)).toHaveLength(INDICATORS - 1);
    expect(new Set(posts.filter((k) => k !== heldKey)).size).toBe(INDICATORS - 1);
    expect([...stored.keys()].sort()).toHaveLength(INDICATORS);
  });
});
