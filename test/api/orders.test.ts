import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const shipTo = { name: '李明', phone: '13800138000', address: '上海市浦东新区世纪大道 100 号', divisionCode: '310115' };
const POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, run by demo.village

describe.each(engines())('checkout and orders on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  const clock = manualClock('2026-10-01T02:00:00.000Z');
  let skuId = '';
  let productId = '';
  let sellerId = '';
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, clock });
    for (const who of ['county', 'merchant', 'village', 'consumer', 'courier']) as[who] = await signIn(t.app, `demo.${who}`);
    sellerId = (await t.app.inject({ url: '/api/v1/parties/sellers', headers: as.merchant })).json().items[0].id;
    const product = (await t.app.inject({ url: `/api/v1/catalog/manage/products?sellerId=${sellerId}`, headers: as.merchant })).json().items[0];
    productId = product.id;
    skuId = product.skus[0].id;
    await t.app.inject({ method: 'PUT', url: `/api/v1/catalog/skus/${skuId}/stock`, headers: as.merchant, payload: { location: 'seller', onHand: 1000 } });
    await t.app.inject({ method: 'PUT', url: '/api/v1/orders/delivery-fees', headers: as.county, payload: { fees: [{ townshipCode: 'parcel', feeFen: 1200 }, { townshipCode: '530621110', feeFen: 300 }] } });
  });
  afterAll(() => t.close());

  const checkout = (who: string, body: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/v1/orders/checkout', headers: { ...as[who], ...headers }, payload: body });
  const available = async () => (await t.app.inject({ url: `/api/v1/catalog/manage/products/${productId}`, headers: as.merchant })).json().skus.find((k: { id: string }) => k.id === skuId).available;
  const act = (id: string, action: string, who: string, payload?: object) => t.app.inject({ method: 'POST', url: `/api/v1/orders/${id}/${action}`, headers: as[who], payload });

  it('prices from the catalogue, adds the delivery fee and reserves the stock', async () => {
    const before = await available();
    const res = await checkout('consumer', { items: [{ skuId, quantity: 3 }], paymentMethod: 'online', delivery: 'parcel', shipTo });
    expect(res.statusCode).toBe(201);
    const [order] = res.json().orders;
    expect(order).toMatchObject({ status: 'pending_payment', deliveryFeeFen: 1200, sellerId });
    expect(order.totalFen).toBe(order.itemsFen + 1200);
    expect(order.items[0].lineFen).toBe(order.items[0].unitPriceFen * 3);
    expect(order.payUrl).toMatch(/^\/api\/v1\/payments\/local\//);
    expect(await available()).toBe(before - 3);
  });

  it('returns the same order when a checkout is replayed with its Idempotency-Key', async () => {
    const body = { items: [{ skuId, quantity: 1 }], paymentMethod: 'cod', delivery: 'parcel', shipTo };
    const before = await available();
    const first = await checkout('consumer', body, { 'idempotency-key': 'cart-7f3a' });
    const again = await checkout('consumer', body, { 'idempotency-key': 'cart-7f3a' });
    expect(again.json().orders[0].id).toBe(first.json().orders[0].id);
    expect(await available()).toBe(before - 1);
  });

  it('refuses a forged payment callback and changes nothing; a signed one pays the order', async () => {
    const [order] = (await checkout('consumer', { items: [{ skuId, quantity: 1 }], paymentMethod: 'online', delivery: 'parcel', shipTo })).json().orders;
    const ref = order.payUrl.split('/')[5];
    const body = JSON.stringify({ providerRef: ref, orderId: order.id, amountFen: order.totalFen, status: 'succeeded' });
    const forged = await t.app.inject({ method: 'POST', url: '/api/v1/payments/callback/local', headers: { 'content-type': 'application/json', 'x-payment-signature': 'ab'.repeat(32) }, payload: body });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.code).toBe('BAD_SIGNATURE');
    const unsigned = await t.app.inject({ method: 'POST', url: '/api/v1/payments/callback/local', headers: { 'content-type': 'application/json' }, payload: body });
    expect(unsigned.statusCode).toBe(400);
    expect((await t.app.inject({ url: `/api/v1/orders/${order.id}`, headers: as.consumer })).json().status).toBe('pending_payment');
    const paid = await t.app.inject({ method: 'POST', url: `${order.payUrl}`, headers: as.consumer });
    expect(paid.json()).toEqual({ orderId: order.id, status: 'paid' });
  });

  it('takes cash at a village point, then the seller ships, and the linked households are credited', async () => {
    expect((await checkout('consumer', { items: [{ skuId, quantity: 2 }], paymentMethod: 'village_cash', delivery: 'same_town', shipTo: { ...shipTo, divisionCode: '530621110205' } })).json().error.details.field).toBe('body.pickupSiteId');
    const res = await checkout('consumer', { items: [{ skuId, quantity: 2 }], paymentMethod: 'village_cash', delivery: 'same_town', pickupSiteId: POINT, shipTo: { ...shipTo, divisionCode: '530621110205' } });
    const [order] = res.json().orders;
    expect(order.deliveryFeeFen).toBe(300);
    expect((await act(order.id, 'cash-received', 'merchant')).statusCode).toBe(403);
    expect((await act(order.id, 'cash-received', 'village')).json().status).toBe('paid');
    expect((await act(order.id, 'ship', 'consumer', { carrier: 'ems', waybillNo: 'EM123456789CN' })).statusCode).toBe(403);
    const shipped = await act(order.id, 'ship', 'merchant', { carrier: 'ems', waybillNo: 'EM123456789CN' });
    expect(shipped.json()).toMatchObject({ status: 'shipped', carrier: 'ems', waybillNo: 'EM123456789CN' });
    expect((await act(order.id, 'deliver', 'courier')).json().status).toBe('delivered');
    expect((await act(order.id, 'complete', 'consumer')).json().status).toBe('completed');

    const ledger = (await t.app.inject({ url: '/api/v1/parties/ledger?by=household', headers: as.county })).json().items;
    expect(ledger.length).toBeGreaterThan(0);
    const households = (await t.app.inject({ url: '/api/v1/parties/households?limit=500', headers: as.county })).json().items;
    let credited = 0;
    for (const h of households) {
      const mine = (await t.app.inject({ url: `/api/v1/parties/households/${h.id}/ledger`, headers: as.county })).json();
      const entry = mine.items.find((e: { orderId: string }) => e.orderId === order.id);
      if (entry) {
        expect(entry.creditFen).toBe(Math.floor((order.itemsFen * entry.shareBp) / 10000));
        credited++;
      }
    }
    expect(credited).toBeGreaterThan(0);
  });

  it("lists a village point's cash orders to it, and the points to anyone", async () => {
    const points = (await t.app.inject({ url: '/api/v1/network/service-points?kind=village_point' })).json().items;
    expect(points.map((p: { id: string }) => p.id)).toContain(POINT);
    expect(JSON.stringify(points)).not.toContain('operator');
    const collected = (await t.app.inject({ url: '/api/v1/orders?as=pickup', headers: as.village })).json().items;
    expect(collected.length).toBeGreaterThan(0);
    expect(collected.every((o: { pickupSiteId: string }) => o.pickupSiteId === POINT)).toBe(true);
    expect((await t.app.inject({ url: '/api/v1/orders?as=pickup', headers: as.consumer })).statusCode).toBe(403);
  });

  it('refunds a paid order cancelled before shipping: stock back, credits reversed', async () => {
    const [order] = (await checkout('consumer', { items: [{ skuId, quantity: 4 }], paymentMethod: 'village_cash', delivery: 'parcel', pickupSiteId: POINT, shipTo })).json().orders;
    await act(order.id, 'cash-received', 'village');
    const before = await available();
    const cancelled = await act(order.id, 'cancel', 'consumer', { reason: '买错了规格' });
    expect(cancelled.json()).toMatchObject({ status: 'refunded', payments: [{ method: 'village_cash', status: 'refunded', amountFen: order.totalFen }] });
    expect(await available()).toBe(before + 4);
    const summary = (await t.app.inject({ url: '/api/v1/parties/ledger?by=township', headers: as.county })).json().items;
    expect(summary.every((r: { incomeFen: number }) => r.incomeFen >= 0)).toBe(true);
    expect((await act(order.id, 'ship', 'merchant', { carrier: 'ems', waybillNo: 'EM000000001CN' })).statusCode).toBe(409);
  });

  it('lets a buyer return a delivered order: the seller accepts (refunded, credits reversed) or refuses', async () => {
    const place = async () => (await checkout('consumer', { items: [{ skuId, quantity: 1 }], paymentMethod: 'village_cash', delivery: 'parcel', pickupSiteId: POINT, shipTo })).json().orders[0];
    const deliver = async (id: string) => {
      await act(id, 'cash-received', 'village');
      await act(id, 'ship', 'merchant', { carrier: 'ems', waybillNo: 'EM222222222CN' });
      await act(id, 'deliver', 'courier');
    };
    const income = async () => ((await t.app.inject({ url: '/api/v1/parties/ledger?by=township', headers: as.county })).json().items as { incomeFen: number }[]).reduce((n, r) => n + r.incomeFen, 0);
    const before = await income();
    const first = await place();
    await deliver(first.id);
    expect(await income()).toBeGreaterThan(before);
    expect((await act(first.id, 'return', 'merchant', { reason: 'x' })).statusCode).toBe(404);
    expect((await act(first.id, 'return', 'consumer', { reason: '花椒受潮' })).json()).toMatchObject({ status: 'return_requested', returnReason: '花椒受潮' });
    expect((await act(first.id, 'return/accept', 'consumer')).statusCode).toBe(403);
    expect((await act(first.id, 'return/accept', 'merchant')).json()).toMatchObject({ status: 'returned', payments: [{ method: 'village_cash', status: 'refunded' }] });
    // The households' credits are given back, once.
    expect(await income()).toBe(before);

    const second = await place();
    await deliver(second.id);
    await act(second.id, 'return', 'consumer', { reason: '不想要了' });
    const refused = await act(second.id, 'return/refuse', 'merchant', { reason: '已拆封食品不退' });
    expect(refused.json().status).toBe('delivered');
    expect((await act(second.id, 'complete', 'consumer')).json().status).toBe('completed');
  });

  it('releases the stock of an order not paid within 30 minutes', async () => {
    // Let the unpaid orders of earlier tests run out first, so only this one is counted.
    clock.advance(31 * 60_000);
    await t.modules.orders.service.expireOverdue();
    const before = await available();
    const [order] = (await checkout('consumer', { items: [{ skuId, quantity: 5 }], paymentMethod: 'online', delivery: 'parcel', shipTo })).json().orders;
    expect(await available()).toBe(before - 5);
    clock.advance(29 * 60_000);
    await t.modules.orders.service.expireOverdue();
    expect((await t.app.inject({ url: `/api/v1/orders/${order.id}`, headers: as.consumer })).json().status).toBe('pending_payment');
    clock.advance(2 * 60_000);
    expect(await t.modules.orders.service.expireOverdue()).toBeGreaterThan(0);
    // Expired: the payment asked of the provider ends cancelled, not pending.
    expect((await t.app.inject({ url: `/api/v1/orders/${order.id}`, headers: as.consumer })).json()).toMatchObject({ status: 'cancelled', payments: [{ method: 'online', status: 'cancelled', settledAt: null }] });
    expect(await available()).toBe(before);
  });

  it('shows an order to its buyer and seller only, with the phone masked for the seller', async () => {
    const [order] = (await checkout('consumer', { items: [{ skuId, quantity: 1 }], paymentMethod: 'cod', delivery: 'parcel', shipTo })).json().orders;
    expect((await t.app.inject({ url: `/api/v1/orders/${order.id}`, headers: as.consumer })).json().shipTo.phone).toBe('13800138000');
    expect((await t.app.inject({ url: `/api/v1/orders/${order.id}`, headers: as.merchant })).json().shipTo.phone).toBe('138****8000');
    expect((await t.app.inject({ url: `/api/v1/orders/${order.id}`, headers: as.village })).statusCode).toBe(404);
    const mine = (await t.app.inject({ url: '/api/v1/orders', headers: as.consumer })).json().items;
    expect(mine.every((o: { buyerUserId: string }) => o.buyerUserId === mine[0].buyerUserId)).toBe(true);
    const sales = (await t.app.inject({ url: '/api/v1/orders?as=seller', headers: as.merchant })).json().items;
    expect(sales.every((o: { sellerId: string }) => o.sellerId === sellerId)).toBe(true);
    expect((await t.app.inject({ url: '/api/v1/orders?as=county', headers: as.merchant })).statusCode).toBe(403);
  });

  it('lets 200 buyers race for 100 units: exactly 100 orders, the rest STOCK_INSUFFICIENT, never negative', async () => {
    await t.app.inject({ method: 'PUT', url: `/api/v1/catalog/skus/${skuId}/stock`, headers: as.merchant, payload: { location: 'seller', onHand: 0 } }).catch(() => undefined);
    const product = (await t.app.inject({ url: `/api/v1/catalog/manage/products/${productId}`, headers: as.merchant })).json();
    const raceSku = product.skus[1].id;
    await t.app.inject({ method: 'PUT', url: `/api/v1/catalog/skus/${raceSku}/stock`, headers: as.merchant, payload: { location: 'seller', onHand: 100 } });
    const results = await Promise.all(
      // Online: one account holding 100 units in unshipped cash-on-delivery orders would pass the COD cap.
      Array.from({ length: 200 }, () => checkout('consumer', { items: [{ skuId: raceSku, quantity: 1 }], paymentMethod: 'online', delivery: 'parcel', shipTo })),
    );
    const ok = results.filter((r) => r.statusCode === 201).length;
    const refused = results.filter((r) => r.statusCode === 409 && r.json().error.code === 'STOCK_INSUFFICIENT').length;
    expect(ok).toBe(100);
    expect(refused).toBe(100);
    const stock = await t.database.db.selectFrom('catalog_stock').selectAll().where('sku_id', '=', raceSku).execute();
    for (const row of stock) {
      expect(row.reserved).toBeLessThanOrEqual(row.on_hand);
      expect(row.on_hand - row.reserved).toBeGreaterThanOrEqual(0);
    }
    expect(stock.reduce((n, r) => n + Number(r.reserved), 0)).toBe(100);
  });

  it('pages every list of orders, presales and delivery fees with a cursor', async () => {
    const follow = async (url: string, headers: Record<string, string> = {}, limit = 2) => {
      const seen: { id?: string; townshipCode?: string }[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 50; pages++) {
        const res: { statusCode: number; body: string; json(): { items: { id?: string; townshipCode?: string }[]; nextCursor: string | null } } = await t.app.inject({ url: `${url}${url.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, headers });
        expect(res.statusCode, res.body).toBe(200);
        const page: { items: { id?: string; townshipCode?: string }[]; nextCursor: string | null } = res.json();
        expect(Object.keys(page).sort()).toEqual(['items', 'nextCursor']);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) return seen;
      }
      throw new Error('no end');
    };
    for (let i = 0; i < 3; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/orders/campaigns', headers: as.merchant, payload: { skuId, title: `分页预售 ${i}`, priceFen: 1000, targetQty: 10, deadline: `2026-12-0${i + 1}T00:00:00.000Z`, shipDate: '2026-12-20' } });
    }
    const campaigns = await follow('/api/v1/orders/campaigns');
    const all = (await t.app.inject({ url: '/api/v1/orders/campaigns?limit=500' })).json().items;
    expect(campaigns.map((c) => c.id)).toEqual(all.map((c: { id: string }) => c.id));
    expect(campaigns.length).toBeGreaterThanOrEqual(3);
    expect(new Set(campaigns.map((c) => c.id)).size).toBe(campaigns.length);
    expect((await follow(`/api/v1/orders/campaigns?sellerId=${sellerId}&status=open`)).length).toBeGreaterThanOrEqual(3);

    const fees = await follow('/api/v1/orders/delivery-fees');
    expect(fees.map((f) => f.townshipCode).at(-1)).toBe('parcel');
    expect(fees.filter((f) => f.townshipCode === 'parcel')).toHaveLength(1);
    expect(fees.length).toBeGreaterThan(2);

    const mine = await follow('/api/v1/orders?as=buyer', as.consumer, 20);
    expect(new Set(mine.map((o) => o.id)).size).toBe(mine.length);
    expect(mine.length).toBeGreaterThan(2);
    expect((await t.app.inject({ url: '/api/v1/orders/campaigns?cursor=bm90LWEtY3Vyc29y' })).json().error.details.field).toBe('querystring.cursor');
  });
});
