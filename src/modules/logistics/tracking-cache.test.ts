import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../kernel/clock.js';
import { systemContext } from '../../kernel/context.js';
import { dropPostgresSchema, openDatabase, type Database, type DialectName } from '../../kernel/db.js';
import { createSealer } from '../../kernel/sealed.js';
import { logisticsInit } from './migrations/2026-12-02-logistics.js';
import { logisticsGuessing } from './migrations/2026-12-07-guessing.js';
import { logisticsRevision } from './migrations/2026-12-07-revision.js';
import { logisticsSmsLimits } from './migrations/2026-12-07-sms-limits.js';
import { LogisticsRepository } from './logistics.repository.js';
import { newParcelRow } from './parcel-rows.js';
import type { LogisticsPlaces } from './ports.js';
import { TrackingService } from './tracking.js';

const engines: DialectName[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** Two app processes on one database: two handles with their own connections (SQLite: one file). */
async function openTwo(engine: DialectName): Promise<{ first: Database; second: Database; dispose(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracking-cache-'));
    const file = path.join(dir, 'db.sqlite');
    const [first, second] = [await openDatabase({ sqliteFile: file }), await openDatabase({ sqliteFile: file })];
    return { first, second, dispose: async () => (await Promise.all([first.close(), second.close()]), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const [first, second] = [await openDatabase({ url, pgSchema: schema, poolSize: 2 }), await openDatabase({ url, pgSchema: schema, poolSize: 2 })];
  return { first, second, dispose: async () => (await Promise.all([first.close(), second.close()]), await dropPostgresSchema(url, schema)) };
}

const places: LogisticsPlaces = { placeBook: async () => ({ warehouseSiteId: null, townships: [], villages: [], siteDivision: new Map(), siteName: new Map(), siteKind: new Map(), countyName: '鲁甸县' }) };
const clock: Clock = { now: () => new Date('2026-12-06T10:00:00Z') };
const sealer = createSealer(randomBytes(32));

describe.each(engines)('cached tracking answers with two processes on %s', (engine) => {
  let dbs: Awaited<ReturnType<typeof openTwo>>;
  beforeEach(async () => {
    dbs = await openTwo(engine);
    for (const m of [logisticsInit, logisticsGuessing, logisticsSmsLimits, logisticsRevision]) await m.up(dbs.first.db, dbs.first.dialect);
  });
  afterEach(() => dbs.dispose());

  it('follow a logistics write made by the other process as soon as it commits, and only then', async () => {
    const here = new LogisticsRepository(dbs.first.db);
    const there = new LogisticsRepository(dbs.second.db);
    // Answers kept for a minute of a clock that does not move: only the revision can make them go.
    const tracking = new TrackingService(here, places, sealer, clock, 60_000);
    const parcel = newParcelRow(clock.now(), { direction: 'down', status: 'received_county', match_state: 'matched', waybill_no: 'YT1234567890', recipient_name: '张三', recipient_phone: sealer.seal('13800009876'), phone_last4: '9876' });
    await there.transaction((trx) => trx.insertInto('logistics_parcels').values(parcel).execute());
    const ctx = systemContext();
    expect((await tracking.lookup('YT1234567890', '9876', ctx)).status).toBe('received_county');

    // Behind the repository's back nothing is marked changed: the kept answer is given (it is a cache).
    await dbs.second.db.updateTable('logistics_parcels').set({ status: 'sorted' }).where('id', '=', parcel.id).execute();
    expect((await tracking.lookup('YT1234567890', '9876', ctx)).status).toBe('received_county');

    await there.transaction((trx) => trx.updateTable('logistics_parcels').set({ status: 'arrived_village' }).where('id', '=', parcel.id).execute());
    expect((await tracking.lookup('YT1234567890', '9876', ctx)).status).toBe('arrived_village');
  });
});
