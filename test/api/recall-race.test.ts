import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../src/kernel/clock.js';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const POINT = 'site_ld3_530621110205';
const shipTo = { name: '李明', phone: '13800138000', address: '上海市浦东新区世纪大道 100 号', divisionCode: '310115' };
const clock = manualClock('2026-06-15T04:00:00.000Z');

interface Order {
  id: string;
  status: string;
  paymentMethod: string;
  payUrl?: string;
  payments: { status: string }[];
}

/**
 * A recall racing checkouts, payments and shipments of the batch it recalls. Whatever wins each race, the recall
 * reaches every order that holds or took the batch's units, paid or not; none of them is paid or shipped after the
 * recall (unshipped ones are cancelled and refunded, each with a notice); and stock shown anywhere is never negative.
 */
describe.each(engines())('a recall racing checkouts and payments, on %s', (engine) => {
  let t: TestApp;
  const WHO = ['merchant', 'village', 'regulator', 'consumer'] as const;
  const as = {} as Record<(typeof WHO)[number], { cookie: string }>;
  const inject = (who: (typeof WHO)[number] | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: url.startsWith('/api/') ? url : `/api/v1${url}`, headers: who ? as[who] : {}, payload: payload as object });

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false, clock });
    for (const who of WHO) as[who] = await signIn(t.app, `demo.${who}`);
  }, 120_000);
  afterAll(() => t.close());

  it('covers every order of the batch whatever its payment, lets none be paid or shipped, and never shows negative stock', async () => {
    const seller = (await inject('merchant', 'GET', '/parties/sellers')).json().items[0].id;
    const product = (await inject('merchant', 'POST', '/catalog/products', { sellerId: seller, categoryId: 'cat_pepper', name: '召回赛跑花椒', originCode: '530621110205', status: 'listed', skus: [{ spec: '250克', unit: '袋', netWeightG: 250, priceFen: 3000, stock: 0 }] })).json();
    const skuId = product.skus[0].id;
    const producer = (await inject('merchant', 'GET', '/trace/producers')).json().items.find((p: { name: string }) => p.name.includes('乐红青花椒'));
    const base = (await inject('merchant', 'POST', '/trace/bases', { producerId: producer.id, name: '赛跑基地', divisionCode: '530621110205', areaMu: 10 })).json();
    const plot = (await inject('merchant', 'POST', '/trace/plots', { baseId: base.id, name: '赛跑地块', crop: 'pepper', variety: '九叶青', areaMu: 5 })).json();
    const harvest = (await inject('merchant', 'POST', `/trace/plots/${plot.id}/records`, { kind: 'harvest', occurredOn: shanghaiDate(clock.now()), harvest: { quantity: 200, unit: 'kg' } })).json();
    const batchId = harvest.batch.id;
    expect((await inject('merchant', 'POST', `/trace/batches/${batchId}/stock`, { skuId, quantity: 80 })).statusCode).toBe(200);

    const methods = ['village_cash', 'cod', 'online'] as const;
    const checkout = (i: number) => inject('consumer', 'POST', '/orders/checkout', { items: [{ skuId, quantity: 2 }], paymentMethod: methods[i % 3], delivery: 'parcel', pickupSiteId: methods[i % 3] === 'village_cash' ? POINT : undefined, shipTo });
    const pay = (o: Order) => (o.paymentMethod === 'village_cash' ? inject('village', 'POST', `/orders/${o.id}/cash-received`) : o.payUrl ? inject('consumer', 'POST', o.payUrl) : null);
    const ship = (o: Order, i: number) => inject('merchant', 'POST', `/orders/${o.id}/ship`, { carrier: 'ems', waybillNo: `EM${String(700000000 + i)}CN` });

    // Orders placed before the recall, some paid, none shipped.
    const early: Order[] = [];
    for (let i = 0; i < 12; i++) early.push((await checkout(i)).json().orders[0]);
    for (const o of early.slice(0, 6)) await pay(o);

    // The race: more checkouts, the payment of the rest, shipments of the paid ones, and the recall, all at once.
    const racing = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => checkout(100 + i)),
      ...early.slice(6).map((o) => pay(o)),
      ...early.slice(0, 3).map((o, i) => ship(o, i)),
      inject('regulator', 'POST', '/trace/recalls', { batchIds: [batchId], reason: '抽检铅超标' }),
    ]);
    for (const res of racing) if (res) expect(res.statusCode, res.body).toBeLessThan(500);
    const recall = racing[racing.length - 1]!.json();
    expect(recall.status).toBe('open');
    const placed: Order[] = [...early, ...racing.slice(0, 30).flatMap((r) => (r!.statusCode === 201 ? r!.json().orders : []))];
    for (const r of racing.slice(0, 30)) if (r!.statusCode !== 201) expect(['STOCK_RECALLED', 'STOCK_INSUFFICIENT']).toContain(r!.json().error.code);

    // After the recall: paying or shipping any of them is refused (an online payment's replay answers what the order is).
    const after = await Promise.all(placed.flatMap((o, i) => [pay(o), ship(o, 50 + i)]));
    for (const res of after) if (res && res.statusCode !== 409) expect(res.json().status, res.body).toMatch(/^(shipped|cancelled|refunded)$/);

    const full = (await inject('regulator', 'GET', `/trace/recalls/${recall.id}`)).json();
    const noticed = new Set(full.notices.map((n: { orderId: string }) => n.orderId));
    for (const o of placed) expect(noticed.has(o.id), `order ${o.id} not reached by the recall`).toBe(true);
    const views: Order[] = await Promise.all(placed.map(async (o) => (await inject('consumer', 'GET', `/orders/${o.id}`)).json()));
    for (const o of views) {
      if (o.status === 'shipped') continue; // shipped before the recall: the buyer has the notice and answers it
      expect(o.status).toMatch(/^(cancelled|refunded)$/);
      for (const p of o.payments) expect(p.status).toMatch(/^(refunded|cancelled)$/);
    }
    const sms = await t.modules.notify.outbox.sentTo('13800138000');
    expect(sms.filter((m) => m.body.includes(harvest.batch.code)).length).toBe(noticed.size);

    // Nothing of the batch is for sale, and nothing shows below zero: the shop, the seller's console, the batch.
    expect((await inject(null, 'GET', `/catalog/products/${product.id}`)).json().skus[0].available).toBe(0);
    expect((await inject('merchant', 'GET', `/catalog/manage/products/${product.id}`)).json().skus[0].available).toBe(0);
    const shipped = views.filter((o) => o.status === 'shipped').length * 2;
    const batch = (await inject('regulator', 'GET', `/trace/batches/${batchId}`)).json();
    expect(batch).toMatchObject({ status: 'recalled', stocked: 80, sold: shipped });
    expect(full.counts.frozen).toBe(80 - shipped);
    const stock = await t.database.db.selectFrom('catalog_stock').selectAll().where('sku_id', '=', skuId).execute();
    expect(stock.map((s) => ({ onHand: Number(s.on_hand), reserved: Number(s.reserved), frozen: Number(s.frozen) }))).toEqual([{ onHand: 80 - shipped, reserved: 0, frozen: 80 - shipped }]);

    // What a crash after the recall left undone is finished by housekeeping, and doing it again changes nothing.
    expect(await t.modules.trace.recalls.withdrawPending()).toBe(0);
  }, 120_000);

  it('refunds at once an online payment that arrives for an order the recall cancelled, and for an expired order', async () => {
    const seller = (await inject('merchant', 'GET', '/parties/sellers')).json().items[0].id;
    const product = (await inject('merchant', 'POST', '/catalog/products', { sellerId: seller, categoryId: 'cat_pepper', name: '迟到付款花椒', originCode: '530621110205', status: 'listed', skus: [{ spec: '250克', unit: '袋', netWeightG: 250, priceFen: 3000, stock: 5 }] })).json();
    const skuId = product.skus[0].id;
    const [order] = (await inject('consumer', 'POST', '/orders/checkout', { items: [{ skuId, quantity: 1 }], paymentMethod: 'online', delivery: 'parcel', shipTo })).json().orders;
    expect(order.payments).toEqual([expect.objectContaining({ method: 'online', status: 'pending' })]);
    clock.advance(31 * 60_000);
    for (const who of WHO) as[who] = await signIn(t.app, `demo.${who}`);
    await t.modules.orders.service.expireOverdue();
    expect((await inject('consumer', 'GET', `/orders/${order.id}`)).json()).toMatchObject({ status: 'cancelled', payments: [{ status: 'cancelled' }] });
    const late = await inject('consumer', 'POST', order.payUrl);
    expect(late.json()).toEqual({ orderId: order.id, status: 'cancelled' });
    expect((await inject('consumer', 'GET', `/orders/${order.id}`)).json()).toMatchObject({ status: 'cancelled', payments: [{ status: 'refunded' }] });
    expect((await inject(null, 'GET', `/catalog/products/${product.id}`)).json().skus[0].available).toBe(5);
  });
});
