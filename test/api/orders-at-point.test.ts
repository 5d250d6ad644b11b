import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isShortNo, ordersModule } from '../../src/modules/orders/index.js';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, run by demo.village, 每天 8:00–20:00
const VILLAGE = '530621110205';
const shipTo = { name: '李明', phone: '13800138000', address: '乐红村三组', divisionCode: VILLAGE };
const HOUR = 3600_000;

describe.each(engines())('short order numbers, the point’s hours and orders for walk-in villagers on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  // Thursday 2026-10-01, 10:00 in Ludian.
  const clock = manualClock('2026-10-01T02:00:00.000Z');
  let skuId = '';
  /** Signed in again after the clock jumps a day (sessions end after 12 idle hours). */
  const signInAll = async () => {
    for (const who of ['county', 'merchant', 'village', 'consumer', 'township']) as[who] = await signIn(t.app, `demo.${who}`);
  };
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, clock });
    await signInAll();
    const sellerId = (await t.app.inject({ url: '/api/v1/parties/sellers', headers: as.merchant })).json().items[0].id;
    skuId = (await t.app.inject({ url: `/api/v1/catalog/manage/products?sellerId=${sellerId}`, headers: as.merchant })).json().items[0].skus[0].id;
    await t.app.inject({ method: 'PUT', url: `/api/v1/catalog/skus/${skuId}/stock`, headers: as.merchant, payload: { location: 'seller', onHand: 1000 } });
  });
  afterAll(() => t.close());

  const get = (url: string, who: string) => t.app.inject({ url: `/api/v1${url}`, headers: as[who] });
  const post = (url: string, who: string, payload?: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as[who], payload });
  const buy = async (paymentMethod: string) =>
    (await post('/orders/checkout', 'consumer', { items: [{ skuId, quantity: 1 }], paymentMethod, delivery: 'parcel', shipTo, ...(paymentMethod === 'village_cash' && { pickupSiteId: POINT }) })).json().orders[0];

  it('gives every order its own 8-digit number, and each finds its order for those who may see it', async () => {
    const orders = [await buy('village_cash'), await buy('online'), await buy('cod')];
    for (const o of orders) expect(isShortNo(o.shortNo), o.shortNo).toBe(true);
    expect(new Set(orders.map((o) => o.shortNo)).size).toBe(3);

    const cash = orders[0];
    const spaced = `${cash.shortNo.slice(0, 4)} ${cash.shortNo.slice(4)}`;
    const found = await get(`/orders?as=pickup&q=${encodeURIComponent(spaced)}`, 'village');
    expect(found.json().items.map((o: { id: string }) => o.id)).toEqual([cash.id]);
    expect((await get(`/orders?q=${cash.shortNo}`, 'consumer')).json().items.map((o: { shortNo: string }) => o.shortNo)).toEqual([cash.shortNo]);
    // The first digits find it too; the online order is not the point's to find.
    expect((await get(`/orders?as=pickup&q=${cash.shortNo.slice(0, 5)}`, 'village')).json().items.map((o: { id: string }) => o.id)).toContain(cash.id);
    expect((await get(`/orders?as=pickup&q=${orders[1].shortNo}`, 'village')).json().items).toEqual([]);
    // A scanned QR code carries a console link with the number.
    expect((await get(`/orders?as=pickup&q=${encodeURIComponent(`http://localhost/pickup-orders?no=${cash.shortNo}`)}`, 'village')).json().items).toHaveLength(1);
  });

  it('tells a mistyped number from an unknown one, naming the field', async () => {
    const order = await buy('cod');
    const typo = `${order.shortNo.slice(0, 7)}${(Number(order.shortNo[7]) + 1) % 10}`;
    const res = await get(`/orders?q=${typo}`, 'consumer');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'ORDER_NO_INVALID', details: { field: 'querystring.q' } });
    const letters = await get('/orders?q=abc', 'consumer');
    expect(letters.statusCode).toBe(400);
    expect(letters.json().error.details.field).toBe('querystring.q');
  });

  it('keeps a cash order at the point open until the point closes on its next opening day; online still 30 minutes', async () => {
    const cash = await buy('village_cash');
    const online = await buy('online');
    // Placed Thursday 10:00: the point's next opening day is Friday, closing 20:00.
    expect(cash.expiresAt).toBe('2026-10-02T12:00:00.000Z');
    expect(cash.cashWindow).toEqual({ hours: '每天 08:00–20:00', assumed: false });
    expect(online.expiresAt).toBe(new Date(clock.now().getTime() + 30 * 60_000).toISOString());
    expect(online.cashWindow).toBeNull();

    clock.advance(HOUR);
    await t.modules.orders.service.expireOverdue();
    expect((await get(`/orders/${cash.id}`, 'consumer')).json().status).toBe('pending_payment');
    expect((await get(`/orders/${online.id}`, 'consumer')).json().status).toBe('cancelled');

    clock.advance(34 * HOUR); // Friday 21:00 in Ludian
    await t.modules.orders.service.expireOverdue();
    await signInAll();
    expect((await get(`/orders/${cash.id}`, 'consumer')).json()).toMatchObject({ status: 'cancelled', cancelReason: '超时未付款，已自动取消' });
  });

  it('falls back to 08:00–20:00 when the point’s hours cannot be read, and says so', async () => {
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/network/sites/${POINT}`, headers: as.county, payload: { openingHours: '电话联系' } })).statusCode).toBe(200);
    try {
      const cash = await buy('village_cash');
      expect(cash.cashWindow).toEqual({ hours: '每天 08:00–20:00', assumed: true });
    } finally {
      await t.app.inject({ method: 'PATCH', url: `/api/v1/network/sites/${POINT}`, headers: as.county, payload: { openingHours: '每天 8:00–20:00' } });
    }
  });

  it('lets the point order for a walk-in villager: cash at that point, the number texted, the phone the point’s and the county’s', async () => {
    const res = await post('/orders/walk-in', 'village', { items: [{ skuId, quantity: 2 }], name: '王秀英', phone: '13912345678' });
    expect(res.statusCode).toBe(201);
    const [order] = res.json().orders;
    expect(order).toMatchObject({ walkIn: true, paymentMethod: 'village_cash', pickupSiteId: POINT, status: 'pending_payment', shipTo: { name: '王秀英', phone: '13912345678', divisionCode: VILLAGE } });
    expect(order.shipTo.address).toContain('乐红村电商服务点');
    expect(isShortNo(order.shortNo)).toBe(true);

    const sent = await t.modules.notify.outbox.sentTo('13912345678');
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toContain(`订单号${order.shortNo.slice(0, 4)} ${order.shortNo.slice(4)}`);
    expect(sent[0].body).toContain('乐红村电商服务点');

    expect((await get(`/orders/${order.id}`, 'county')).json().shipTo.phone).toBe('13912345678');
    expect((await get(`/orders/${order.id}`, 'merchant')).json().shipTo.phone).toBe('139****5678');
    expect((await get(`/orders/${order.id}`, 'consumer')).statusCode).toBe(404);

    const found = (await get(`/orders?as=pickup&q=${order.shortNo}`, 'village')).json().items;
    expect(found.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect((await post(`/orders/${order.id}/cash-received`, 'village')).json().status).toBe('paid');
  });

  it('refuses a walk-in order from anyone but a village point, and bad input naming the field', async () => {
    const body = { items: [{ skuId, quantity: 1 }], name: '王秀英', phone: '13912345678' };
    for (const who of ['merchant', 'consumer', 'county', 'township']) expect((await post('/orders/walk-in', who, body)).statusCode, who).toBe(403);
    const badPhone = await post('/orders/walk-in', 'village', { ...body, phone: '12345' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.details.field).toBe('body.phone');
    const noName = await post('/orders/walk-in', 'village', { ...body, name: '' });
    expect(noName.json().error.details.field).toBe('body.name');
  });

  it('gives orders placed before short numbers existed one each when the migration runs', async () => {
    const { db, dialect } = t.database;
    const shortNo = ordersModule.migrations.find((m) => m.name === '2026-12-07-orders-short-no')!;
    await shortNo.down(db, dialect);
    await shortNo.up(db, dialect);
    const rows = (await db.selectFrom('orders_orders').select(['id', 'short_no']).execute()) as { id: string; short_no: string }[];
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(isShortNo(r.short_no), r.id).toBe(true);
    expect(new Set(rows.map((r) => r.short_no)).size).toBe(rows.length);
  });
});
