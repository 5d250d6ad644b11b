import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Type } from 'typebox';
import type { Clock } from '../../clock.js';
import { dropPostgresSchema, openDatabase, type Database, type DialectName } from '../../db.js';
import { migrateUp } from '../../migrator.js';
import { defineEvent } from '../define.js';
import type { EventDispatcher } from '../dispatcher.js';
import { eventMigrations } from '../migrations.js';

// The kernel imports nothing of ours, so these tests open their databases themselves (as test/helpers.ts does).
export const engines: DialectName[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/**
 * `count` handles on one fresh database with the event tables, as `count` app processes would have: on SQLite one
 * file opened `count` times, on PostgreSQL a schema of the test's own reached through `count` pools.
 */
export async function openEventDatabases(engine: DialectName, count = 1): Promise<{ handles: Database[]; dispose(): Promise<void> }> {
  let handles: Database[];
  let cleanUp: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'events-'));
    handles = await Promise.all(Array.from({ length: count }, () => openDatabase({ sqliteFile: path.join(dir, 'db.sqlite') })));
    cleanUp = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const url = process.env.TEST_DATABASE_URL!;
    const schema = `t_${randomBytes(6).toString('hex')}`;
    handles = [];
    for (let i = 0; i < count; i += 1) handles.push(await openDatabase({ url, pgSchema: schema, poolSize: 4 }));
    cleanUp = () => dropPostgresSchema(url, schema);
  }
  await migrateUp(handles[0], [{ owner: 'kernel', migrations: eventMigrations }]);
  return {
    handles,
    dispose: async () => {
      await Promise.all(handles.map((h) => h.close()));
      await cleanUp();
    },
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-12-06T02:00:00.000Z'): Clock & { advance(ms: number): void } {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

/** Runs the dispatchers side by side, round after round, until a round in which none of them handles anything. */
export async function drain(...dispatchers: EventDispatcher[]): Promise<number> {
  let total = 0;
  for (let round = 0; round < 100; round += 1) {
    const handled = (await Promise.all(dispatchers.map((d) => d.runOnce()))).reduce((a, b) => a + b, 0);
    if (handled === 0) return total;
    total += handled;
  }
  throw new Error('the dispatchers never ran dry');
}

export const OrderPaid = defineEvent({
  type: 'orders.paid',
  version: 1,
  aggregate: 'order',
  description: '订单已付款 An order was paid',
  payload: Type.Object({ orderId: Type.String(), amountFen: Type.Integer() }),
});

export const OrderRefunded = defineEvent({
  type: 'orders.refunded',
  version: 1,
  aggregate: 'order',
  description: '订单已退款 A paid order was refunded',
  payload: Type.Object({ orderId: Type.String() }),
});

export const SiteOpened = defineEvent({
  type: 'network.site-opened',
  version: 1,
  aggregate: 'site',
  description: '服务站开业 A service site opened',
  payload: Type.Object({ siteId: Type.String() }),
});
