// A server for the tracking-at-scale scenario of `npm run bench`: the real app on a SQLite file holding
// BENCH_PARCELS parcels with six scans each, bulk-loaded straight into the tables (loading a million parcels
// through the API would take longer than the measurement). Prints its port and some waybills as one JSON line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { buildApp } from '../src/app.js';
import { openDatabase } from '../src/kernel/db.js';
import { createSealer } from '../src/kernel/sealed.js';

const parcels = Number(process.env.BENCH_PARCELS ?? 10_000);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-track-'));
const file = path.join(dataDir, 'countyhub.sqlite');
const dataKey = randomBytes(32).toString('base64');
// Answers are not reused here: the scenario measures the lookup in the database at each size.
const config = { dataDir, databaseUrl: '', secureCookies: false, trustProxy: false, dataKey, trackingCacheSeconds: 0 };

// Migrate an empty database, then fill it with plain inserts.
const first = await buildApp({ config, database: await openDatabase({ sqliteFile: file }) });
await first.app.close();

const conn = new SQLite(file);
conn.pragma('journal_mode = WAL');
conn.pragma('synchronous = OFF');
const sealer = createSealer(Buffer.from(dataKey, 'base64'));
const phone = sealer.seal('13800001234');
const print = sealer.fingerprint('13800001234');
const insertParcel = conn.prepare(`insert into logistics_parcels (id, direction, carrier, waybill_no, recipient_name, recipient_phone, phone_last4, phone_print, address, match_state, village_code, township_code, point_site_id, point_code, status, received_at, arrived_at, transit_minutes, last_event_at, created_at)
  values (?, 'down', 'zhongtong', ?, '张三', ?, '1234', ?, '鲁甸县乐红镇乐红村', 'matched', '530621110205', '530621110', 'site_ld6_530621110205', '530621110205', 'picked_up', ?, ?, 1500, ?, ?)`);
const insertEvent = conn.prepare('insert into logistics_events (event_id, parcel_id, type, at, recorded_at, site_id, actor_user_id, flagged) values (?, ?, ?, ?, ?, ?, ?, 0)');
const TYPES = ['received_county', 'sorted', 'loaded', 'arrived_township', 'arrived_village', 'picked_up'];
const start = Date.parse('2026-01-01T00:00:00Z');
const loadChunk = conn.transaction((from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const id = `pcl_${String(i).padStart(9, '0')}`;
    const at = (k: number) => new Date(start + i * 30_000 + k * 3600_000).toISOString();
    insertParcel.run(id, `ZT${String(i).padStart(10, '0')}`, phone, print, at(0), at(4), at(5), at(0));
    for (const [k, type] of TYPES.entries()) insertEvent.run(`ev-${i}-${k}`, id, type, at(k), at(k), 'site_ld6_530621110205', 'bench');
  }
});
const started = Date.now();
for (let i = 0; i < parcels; i += 20_000) loadChunk(i, Math.min(parcels, i + 20_000));
conn.pragma('wal_checkpoint(TRUNCATE)');
conn.exec('analyze');
conn.close();
const loadSeconds = (Date.now() - started) / 1000;

const { app } = await buildApp({ config, database: await openDatabase({ sqliteFile: file }) });
await app.listen({ port: 0, host: '127.0.0.1' });
console.log(JSON.stringify({ port: (app.server.address() as { port: number }).port, parcels, events: parcels * TYPES.length, loadSeconds }));

process.on('SIGTERM', async () => {
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
