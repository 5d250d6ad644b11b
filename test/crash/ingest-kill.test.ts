import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/kernel/db.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BATCH = 500;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The real server, on a SQLite file, killed with SIGKILL while batches of scans are arriving: every batch it
 * answered 200 to is on disk after the restart, and a batch it had not answered is either all there or not at all.
 */
describe('a server killed in the middle of batch ingest', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-kill-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('loses no acknowledged scan and half-writes no batch', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', COUNTYHUB_DEMO_DATA: 'false', COUNTYHUB_ADMIN_PASSWORD: 'kill-test-password-1', LOG_LEVEL: 'warn', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('is running')) resolve();
      });
      child.stderr.on('data', (chunk) => (out += chunk));
      child.on('exit', () => reject(new Error(`server stopped before it was ready:\n${out}`)));
    });
    const base = `http://127.0.0.1:${port}/api/v1`;
    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'kill-test-password-1' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];

    const acknowledged: string[][] = [];
    const unanswered: string[][] = [];
    let sent = 0;
    const sendBatch = async () => {
      const n = sent++;
      // Warehouse receipts of waybills no manifest has announced yet: each makes a parcel and an event.
      const scans = Array.from({ length: BATCH }, (_, i) => ({ eventId: `kill-${n}-${i}`, waybillNo: `KL${String(n).padStart(5, '0')}${String(i).padStart(4, '0')}`, type: 'received_county' }));
      const ids = scans.map((s) => s.eventId);
      try {
        const res = await fetch(`${base}/logistics/scans/batch`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ scans }) });
        if (res.status === 200) acknowledged.push(ids);
        else throw new Error(`batch ${n}: ${res.status} ${await res.text()}`);
      } catch (err) {
        if (err instanceof Error && err.message.startsWith('batch')) throw err;
        unanswered.push(ids);
      }
    };
    // Two senders keep a batch in flight at all times; the kill lands after a few batches are acknowledged.
    let killed = false;
    const sender = async () => {
      while (!killed) await sendBatch();
    };
    const senders = [sender(), sender()];
    while (acknowledged.length < 6) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    killed = true;
    await Promise.all(senders);
    expect(await exited).toBe('SIGKILL');

    const database = await openDatabase({ sqliteFile: path.join(dataDir, 'countyhub.sqlite') });
    try {
      const stored = new Set((await database.db.selectFrom('logistics_events').select('event_id').execute()).map((r: { event_id: string }) => r.event_id));
      for (const batch of acknowledged) expect(batch.every((id) => stored.has(id))).toBe(true);
      for (const batch of unanswered) {
        const present = batch.filter((id) => stored.has(id)).length;
        expect([0, BATCH]).toContain(present);
      }
      const parcels = await database.db.selectFrom('logistics_parcels').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(parcels.n)).toBe(stored.size);
    } finally {
      await database.close();
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(6);
  }, 120_000);
});
