import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyKysely, Database } from '../db.js';
import { EventBus } from './bus.js';
import { subscriber, type EventDef, type PublishedEvent, type Subscription } from './define.js';
import { EventDispatcher } from './dispatcher.js';
import { drain, engines, manualClock, openEventDatabases, OrderPaid, OrderRefunded, SiteOpened } from './__tests__/databases.js';

const START = '2026-12-06T02:00:00.000Z';

describe.each(engines)('delivering events to async subscribers on %s', (engine) => {
  let dbs: Awaited<ReturnType<typeof openEventDatabases>>;
  let database: Database;
  let db: AnyKysely;
  let clock: ReturnType<typeof manualClock>;
  /** The second process's handle: its own pool on PostgreSQL. On SQLite the same handle, because two handles in one
   *  Node process deadlock (one waits synchronously for the other's write lock, which cannot be let go meanwhile). */
  let other: Database;
  beforeEach(async () => {
    dbs = await openEventDatabases(engine, engine === 'postgres' ? 2 : 1);
    database = dbs.handles[0];
    other = dbs.handles.at(-1)!;
    db = database.db;
    clock = manualClock(START);
  });
  afterEach(() => dbs.dispose());

  /** One app process: its bus with the subscriptions, and its dispatcher. */
  const process_ = (subscriptions: Subscription[], processId = 'p1', on: Database = database, leaseMs?: number) => {
    const bus = new EventBus({ db: on.db, dialect: on.dialect, clock });
    bus.register(subscriptions);
    return { bus, dispatcher: new EventDispatcher({ db: on.db, dialect: on.dialect, clock, bus, processId, leaseMs, batchSize: 4 }) };
  };
  const publish = <P>(bus: EventBus, def: EventDef<P>, aggregateId: string, payload: NoInfer<P>) => db.transaction().execute((trx) => bus.publish(trx, def, aggregateId, payload));
  const event = (seq: number, type: string, aggregateId: string, payload: unknown, occurredAt = START) => ({ seq, type, version: 1, aggregateId, payload, occurredAt });
  const position = (name: string, position: number, more: { failures?: number; lastError?: string | null; retryAt?: string | null } = {}) => ({ name, position, failures: 0, lastError: null, retryAt: null, ...more });

  it('hands events over in the order they were published, exactly as published, skipping types it does not listen to', async () => {
    const got: PublishedEvent[] = [];
    const { bus, dispatcher } = process_([subscriber('stats.sales', [OrderPaid, OrderRefunded], async (e) => void got.push(e))]);
    await publish(bus, OrderPaid, 'ord_1', { orderId: 'ord_1', amountFen: 100 });
    await publish(bus, OrderPaid, 'ord_2', { orderId: 'ord_2', amountFen: 200 });
    await publish(bus, SiteOpened, 'site_1', { siteId: 'site_1' });
    clock.advance(1000);
    await publish(bus, OrderRefunded, 'ord_1', { orderId: 'ord_1' });
    await publish(bus, OrderPaid, 'ord_3', { orderId: 'ord_3', amountFen: 300 });
    await publish(bus, OrderRefunded, 'ord_2', { orderId: 'ord_2' });
    await publish(bus, SiteOpened, 'site_2', { siteId: 'site_2' });

    expect(await drain(dispatcher)).toBe(5);
    const later = '2026-12-06T02:00:01.000Z';
    expect(got).toEqual([
      event(1, 'orders.paid', 'ord_1', { orderId: 'ord_1', amountFen: 100 }),
      event(2, 'orders.paid', 'ord_2', { orderId: 'ord_2', amountFen: 200 }),
      event(4, 'orders.refunded', 'ord_1', { orderId: 'ord_1' }, later),
      event(5, 'orders.paid', 'ord_3', { orderId: 'ord_3', amountFen: 300 }, later),
      event(6, 'orders.refunded', 'ord_2', { orderId: 'ord_2' }, later),
    ]);
    // Past the last event, though it was of a type this subscriber does not read.
    expect(await dispatcher.positions()).toEqual([position('stats.sales', 7)]);
    expect(await dispatcher.runOnce()).toBe(0);
    expect(got).toHaveLength(5);
  });

  it('delivers again an event handled just before a crash, before its position moved (at least once)', async () => {
    const deliveries: string[] = [];
    let stall: { reached: () => void; resume: Promise<void> } | undefined;
    /** Idempotent: a read model keyed by order, written with ON CONFLICT DO NOTHING. */
    const handler = (processId: string) => async (e: PublishedEvent, on: AnyKysely) => {
      deliveries.push(`${processId} ${e.seq}`);
      await on.insertInto('test_sales').values({ order_id: e.aggregateId }).onConflict((oc) => oc.column('order_id').doNothing()).execute();
      if (processId === 'p1' && stall) {
        stall.reached();
        await stall.resume; // p1 "dies" here: handled, position not advanced
      }
    };
    await db.schema.createTable('test_sales').addColumn('order_id', 'text', (c) => c.primaryKey()).execute();
    const first = process_([subscriber('stats.sales', [OrderPaid], handler('p1'))], 'p1', database, 30_000);
    const second = process_([subscriber('stats.sales', [OrderPaid], handler('p2'))], 'p2', other, 30_000);
    for (const n of [1, 2, 3]) await publish(first.bus, OrderPaid, `ord_${n}`, { orderId: `ord_${n}`, amountFen: n });

    let resume!: () => void;
    const reached = new Promise<void>((resolve) => {
      stall = { reached: resolve, resume: new Promise<void>((r) => (resume = r)) };
    });
    const dying = first.dispatcher.runOnce();
    await reached;
    // While p1's lease lasts, p2 cannot take the subscriber over.
    expect(await second.dispatcher.runOnce()).toBe(0);
    clock.advance(30_001);
    expect(await drain(second.dispatcher)).toBe(3);
    expect(deliveries).toEqual(['p1 1', 'p2 1', 'p2 2', 'p2 3']);
    // p1 wakes up after all: it no longer holds the subscriber and moves nothing back.
    resume();
    await dying;
    expect(await second.dispatcher.positions()).toEqual([position('stats.sales', 3)]);
    expect(await db.selectFrom('test_sales').select('order_id').orderBy('order_id').execute()).toEqual([{ order_id: 'ord_1' }, { order_id: 'ord_2' }, { order_id: 'ord_3' }]);
  });

  it('never lets two processes deliver to one subscriber at once; together they deliver each event once', async () => {
    const names = ['stats.sales', 'stats.refunds', 'credit.history'];
    const delivered = new Map<string, number[]>(names.map((n) => [n, []]));
    const inFlight = new Map<string, number>();
    let mostAtOnce = 0;
    const subscriptions = names.map((name) =>
      subscriber(name, [OrderPaid, OrderRefunded], async (e, on) => {
        inFlight.set(name, (inFlight.get(name) ?? 0) + 1);
        mostAtOnce = Math.max(mostAtOnce, inFlight.get(name)!);
        await on.selectFrom('kernel_events').select('seq').where('seq', '=', e.seq).execute(); // gives the other process its turn
        delivered.get(name)!.push(e.seq!);
        inFlight.set(name, inFlight.get(name)! - 1);
      }),
    );
    const first = process_(subscriptions, 'p1', database);
    const second = process_(subscriptions, 'p2', other);
    for (let n = 1; n <= 10; n += 1) {
      await publish(n % 2 ? first.bus : second.bus, OrderPaid, `ord_${n}`, { orderId: `ord_${n}`, amountFen: n });
      await publish(first.bus, OrderRefunded, `ord_${n}`, { orderId: `ord_${n}` });
    }

    expect(await drain(first.dispatcher, second.dispatcher)).toBe(60);
    const everySeq = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(Object.fromEntries(delivered)).toEqual(Object.fromEntries(names.map((n) => [n, everySeq])));
    expect(mostAtOnce).toBe(1);
    expect(await first.dispatcher.positions()).toEqual(names.sort().map((n) => position(n, 20)));
  });

  it.skipIf(engine !== 'postgres')('still delivers an event whose transaction commits after a later one was delivered', async () => {
    const got: string[] = [];
    const { bus, dispatcher } = process_([subscriber('stats.sales', [OrderPaid], async (e) => void got.push(`${e.seq} ${e.aggregateId}`))]);
    await db.transaction().execute(async (early) => {
      await bus.publish(early, OrderPaid, 'ord_early', { orderId: 'ord_early', amountFen: 1 }); // inserted first, commits last
      await publish(bus, OrderPaid, 'ord_late', { orderId: 'ord_late', amountFen: 2 });
      await drain(dispatcher);
      expect(got).toEqual(['1 ord_late']);
    });
    await drain(dispatcher);
    expect(got).toEqual(['1 ord_late', '2 ord_early']);
    expect(await dispatcher.positions()).toEqual([position('stats.sales', 2)]);
  });

  it('replays a subscriber from the first event, so its read model is rebuilt', async () => {
    const got: number[] = [];
    const others: number[] = [];
    const { bus, dispatcher } = process_([subscriber('stats.sales', [OrderPaid], async (e) => void got.push(e.seq!)), subscriber('credit.history', [OrderPaid], async (e) => void others.push(e.seq!))]);
    for (const n of [1, 2, 3]) await publish(bus, OrderPaid, `ord_${n}`, { orderId: `ord_${n}`, amountFen: n });
    await drain(dispatcher);

    await dispatcher.replay('stats.sales');
    expect(await dispatcher.positions()).toEqual([position('credit.history', 3), position('stats.sales', 0)]);
    await drain(dispatcher);
    expect(got).toEqual([1, 2, 3, 1, 2, 3]);
    expect(others).toEqual([1, 2, 3]);
    await expect(dispatcher.replay('stats.nothing')).rejects.toThrow('No event subscriber is named stats.nothing');
  });

  it('retries a failing event with growing waits, and later events wait for it', async () => {
    const attempts: number[] = [];
    let failuresLeft = 2;
    const { bus, dispatcher } = process_([
      subscriber('stats.sales', [OrderPaid], async (e) => {
        attempts.push(e.seq!);
        if (e.seq === 2 && failuresLeft-- > 0) throw new Error('统计表被锁 summary table locked');
      }),
    ]);
    for (const n of [1, 2, 3]) await publish(bus, OrderPaid, `ord_${n}`, { orderId: `ord_${n}`, amountFen: n });
    const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

    expect(await dispatcher.runOnce()).toBe(1);
    expect(await dispatcher.positions()).toEqual([position('stats.sales', 1, { failures: 1, lastError: '统计表被锁 summary table locked', retryAt: at(1000) })]);
    clock.advance(999);
    expect(await dispatcher.runOnce()).toBe(0);
    clock.advance(1);
    expect(await dispatcher.runOnce()).toBe(0);
    expect(await dispatcher.positions()).toEqual([position('stats.sales', 1, { failures: 2, lastError: '统计表被锁 summary table locked', retryAt: at(2000) })]);
    clock.advance(1999);
    expect(await dispatcher.runOnce()).toBe(0);
    clock.advance(1);
    expect(await drain(dispatcher)).toBe(2);
    expect(attempts).toEqual([1, 2, 2, 2, 3]);
    expect(await dispatcher.positions()).toEqual([position('stats.sales', 3)]);
  });

  it('purges old events every subscriber has passed, and numbers new ones after them', async () => {
    let stuck = true;
    const got: number[] = [];
    const { bus, dispatcher } = process_([
      subscriber('stats.sales', [OrderPaid], async (e) => void got.push(e.seq!)),
      subscriber('credit.history', [OrderPaid], async (e) => {
        if (e.seq === 2 && stuck) throw new Error('信用服务不可用 credit service away');
      }),
    ]);
    for (const n of [1, 2, 3]) await publish(bus, OrderPaid, `ord_${n}`, { orderId: `ord_${n}`, amountFen: n });
    clock.advance(10 * 24 * 3600_000);
    await publish(bus, OrderPaid, 'ord_4', { orderId: 'ord_4', amountFen: 4 });
    await drain(dispatcher);
    const kept = async () => (await db.selectFrom('kernel_events').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));

    expect(await dispatcher.purgeDelivered(7)).toBe(1); // credit.history is still at 1
    expect(await kept()).toEqual([2, 3, 4]);
    stuck = false;
    clock.advance(1000);
    await drain(dispatcher);
    expect(await dispatcher.purgeDelivered(7)).toBe(2); // 4 is too recent
    expect(await kept()).toEqual([4]);

    await publish(bus, OrderPaid, 'ord_5', { orderId: 'ord_5', amountFen: 5 });
    await drain(dispatcher);
    expect(got).toEqual([1, 2, 3, 4, 5]);
  });

  it('runs in the background until stopped', async () => {
    const got: number[] = [];
    let delivered!: () => void;
    const third = new Promise<void>((resolve) => (delivered = resolve));
    const { bus, dispatcher } = process_([
      subscriber('stats.sales', [OrderPaid], async (e) => {
        got.push(e.seq!);
        if (e.seq === 3) delivered();
      }),
    ]);
    for (const n of [1, 2, 3]) await publish(bus, OrderPaid, `ord_${n}`, { orderId: `ord_${n}`, amountFen: n });
    dispatcher.start(10);
    await third;
    await dispatcher.stop(); // waits for the round under way, which advances past 3
    expect(got).toEqual([1, 2, 3]);
    expect(await dispatcher.positions()).toEqual([position('stats.sales', 3)]);
  });
});
