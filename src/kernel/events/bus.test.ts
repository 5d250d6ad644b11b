import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyKysely, Database } from '../db.js';
import { EventBus } from './bus.js';
import { inline } from './define.js';
import { eventMigrations } from './migrations.js';
import { engines, manualClock, openEventDatabases, OrderPaid, OrderRefunded } from './__tests__/databases.js';

describe.each(engines)('publishing events on %s', (engine) => {
  let dbs: Awaited<ReturnType<typeof openEventDatabases>>;
  let database: Database;
  let db: AnyKysely;
  const clock = manualClock();
  beforeEach(async () => {
    dbs = await openEventDatabases(engine);
    database = dbs.handles[0];
    db = database.db;
    await db.schema.createTable('test_orders').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('state', 'text', (c) => c.notNull()).execute();
    await db.schema.createTable('test_ledger').addColumn('order_id', 'text', (c) => c.notNull()).addColumn('amount_fen', 'integer', (c) => c.notNull()).execute();
  });
  afterEach(() => dbs.dispose());

  const newBus = () => new EventBus({ db, dialect: database.dialect, clock });
  /** A producer: marks the order paid and publishes that, in one transaction. */
  const pay = (bus: EventBus, orderId: string, amountFen: number, after?: () => Promise<void>) =>
    db.transaction().execute(async (trx) => {
      await trx.insertInto('test_orders').values({ id: orderId, state: 'paid' }).execute();
      await bus.publish(trx, OrderPaid, orderId, { orderId, amountFen });
      await after?.();
    });
  const outbox = () => db.selectFrom('kernel_events').select(['seq', 'type', 'version', 'aggregate', 'aggregate_id', 'payload', 'occurred_at']).orderBy('id').execute();
  const ledger = () => db.selectFrom('test_ledger').selectAll().orderBy('order_id').execute();
  const orders = () => db.selectFrom('test_orders').selectAll().execute();

  it('writes the event in the producer’s transaction and runs inline handlers there, in registration order', async () => {
    const bus = newBus();
    const seen: string[] = [];
    bus.register([
      inline(OrderPaid, async (trx, event) => {
        seen.push(`credit ${event.payload.orderId}`);
        await trx.insertInto('test_ledger').values({ order_id: event.payload.orderId, amount_fen: event.payload.amountFen }).execute();
      }),
      inline(OrderPaid, async (_trx, event) => void seen.push(`second ${JSON.stringify(event)}`)),
      inline(OrderRefunded, async () => void seen.push('refund handler ran')),
    ]);
    await pay(bus, 'ord_1', 1250);
    expect(seen).toEqual(['credit ord_1', `second ${JSON.stringify({ seq: null, type: 'orders.paid', version: 1, aggregateId: 'ord_1', payload: { orderId: 'ord_1', amountFen: 1250 }, occurredAt: '2026-12-06T02:00:00.000Z' })}`]);
    expect(await outbox()).toEqual([{ seq: null, type: 'orders.paid', version: 1, aggregate: 'order', aggregate_id: 'ord_1', payload: '{"orderId":"ord_1","amountFen":1250}', occurred_at: '2026-12-06T02:00:00.000Z' }]);
    expect(await ledger()).toEqual([{ order_id: 'ord_1', amount_fen: 1250 }]);
  });

  it('leaves no event and no inline effect when the producer’s transaction rolls back', async () => {
    const bus = newBus();
    bus.register([inline(OrderPaid, async (trx, event) => void (await trx.insertInto('test_ledger').values({ order_id: event.payload.orderId, amount_fen: event.payload.amountFen }).execute()))]);
    const cancelled = new Error('the producer changed its mind');
    await expect(
      pay(bus, 'ord_1', 990, async () => {
        throw cancelled;
      }),
    ).rejects.toBe(cancelled);
    expect(await outbox()).toEqual([]);
    expect(await ledger()).toEqual([]);
    expect(await orders()).toEqual([]);
  });

  it('aborts the producer’s change when an inline handler throws, with the handler’s own error', async () => {
    const bus = newBus();
    const refused = new Error('ledger closed');
    bus.register([
      inline(OrderPaid, async (trx, event) => void (await trx.insertInto('test_ledger').values({ order_id: event.payload.orderId, amount_fen: event.payload.amountFen }).execute())),
      inline(OrderPaid, async () => {
        throw refused;
      }),
    ]);
    await expect(pay(bus, 'ord_1', 990)).rejects.toBe(refused);
    expect(await orders()).toEqual([]);
    expect(await outbox()).toEqual([]);
    expect(await ledger()).toEqual([]);
  });

  it('refuses a payload that does not match its schema, before writing anything', async () => {
    const bus = newBus();
    const wrong = { orderId: 'ord_1', amountFen: 12.5 };
    await expect(bus.publish(db, OrderPaid, 'ord_1', wrong)).rejects.toThrow('Event orders.paid@v1: payload does not match its schema: /amountFen must be integer');
    // @ts-expect-error a payload missing a field is refused by the compiler as well
    await expect(bus.publish(db, OrderPaid, 'ord_1', { orderId: 'ord_1' })).rejects.toThrow(/amountFen/);
    expect(await outbox()).toEqual([]);
  });

  it('refuses two async subscribers of one name', () => {
    const bus = newBus();
    expect(() => bus.register([{ kind: 'async', name: 'stats.sales', defs: [OrderPaid], handler: async () => undefined }, { kind: 'async', name: 'stats.sales', defs: [OrderRefunded], handler: async () => undefined }])).toThrow(
      'Two event subscribers are named stats.sales',
    );
  });

  it('has migrations that go down and up again', async () => {
    // Run by hand: Kysely's migrator reads every schema's tables, and other test files drop theirs meanwhile.
    for (const m of [...eventMigrations].reverse()) await m.down(db, database.dialect);
    await expect(outbox()).rejects.toThrow(/kernel_events/);
    for (const m of eventMigrations) await m.up(db, database.dialect);
    expect(await outbox()).toEqual([]);
  });
});
