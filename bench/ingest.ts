// Batch scan ingest for `npm run bench`: events per second through POST /api/v1/logistics/scans/batch (HTTP,
// JSON, checks, replay of each parcel's state) against a raw better-sqlite3 batched insert of the same rows into
// a table of the same shape, same pragmas, same batch size, measured one after the other in this process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { buildApp } from '../src/app.js';
import { bootstrap } from '../src/flows/bootstrap.js';
import { openDatabase } from '../src/kernel/db.js';

const PARCELS = 10_000;
const BATCH = 5_000;
const ROUNDS = ['received_county', 'sorted', 'loaded'] as const;

export async function measureIngest(): Promise<{ apiEventsPerSec: number; rawEventsPerSec: number; events: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-ingest-'));
  try {
    const config = { dataDir, databaseUrl: '', secureCookies: false, trustProxy: false, countyCode: '530621', dataKey: '', adminPassword: 'bench-admin-2026', demoData: true };
    const database = await openDatabase({ sqliteFile: path.join(dataDir, 'countyhub.sqlite') });
    const { app, modules } = await buildApp({ config, database });
    await bootstrap(modules, config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1`;
    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo.courier', password: 'ludian-demo-2026' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const post = async (url: string, body: object) => {
      const res = await fetch(`${base}${url}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status >= 300) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    };
    const waybills = Array.from({ length: PARCELS }, (_, i) => `BI${String(i).padStart(10, '0')}`);
    for (let i = 0; i < PARCELS; i += BATCH) {
      await post('/logistics/manifests', { carrier: 'zhongtong', parcels: waybills.slice(i, i + BATCH).map((waybillNo, k) => ({ waybillNo, recipientName: '张三', recipientPhone: '13800001234', address: ['鲁甸县乐红镇乐红村', '鲁甸县龙头山镇八宝村', '鲁甸县小寨镇海子村'][k % 3] })) });
    }
    const t0 = Date.parse('2026-11-01T00:00:00Z');
    const batches = ROUNDS.flatMap((type, round) => Array.from({ length: PARCELS / BATCH }, (_, b) => waybills.slice(b * BATCH, (b + 1) * BATCH).map((waybillNo, k) => ({ eventId: `bi-${type}-${b}-${k}`, waybillNo, type, at: new Date(t0 + round * 3600_000 + k).toISOString() }))));
    let started = performance.now();
    for (const scans of batches) await post('/logistics/scans/batch', { scans });
    const apiSeconds = (performance.now() - started) / 1000;
    await app.close();

    // The same rows, straight into a table of the same shape (primary key and index) with the same pragmas.
    const raw = new SQLite(path.join(dataDir, 'raw.sqlite'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.exec(`create table events (event_id text primary key, parcel_id text not null, type text not null, at text not null, recorded_at text not null, site_id text, run_id text, actor_user_id text, note text, flagged integer not null default 0, flag_reason text);
      create index events_parcel on events (parcel_id, at);`);
    const insert = raw.prepare('insert into events (event_id, parcel_id, type, at, recorded_at, site_id, run_id, actor_user_id, note, flagged, flag_reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)');
    const write = raw.transaction((rows: { eventId: string; waybillNo: string; type: string; at: string }[]) => {
      const now = new Date().toISOString();
      for (const r of rows) insert.run(r.eventId, r.waybillNo, r.type, r.at, now, null, null, 'bench', null, null);
    });
    started = performance.now();
    for (const scans of batches) write(scans);
    const rawSeconds = (performance.now() - started) / 1000;
    raw.close();
    const events = batches.length * BATCH;
    return { apiEventsPerSec: events / apiSeconds, rawEventsPerSec: events / rawSeconds, events };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
