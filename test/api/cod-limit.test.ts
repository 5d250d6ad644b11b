import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const shipTo = { name: '李明', phone: '13800138000', address: '上海市浦东新区世纪大道 100 号', divisionCode: '310115' };
const POINT = 'site_ld3_530621110205';

describe.each(engines())('cash on delivery cannot hoard stock, on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  let skuId = '';
  let productId = '';
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, clock: manualClock('2026-10-01T02:00:00.000Z') });
    for (const who of ['merchant', 'village', 'consumer']) as[who] = await signIn(t.app, `demo.${who}`);
    const sellerId = (await t.app.inject({ url: '/api/v1/parties/sellers', headers: as.merchant })).json().items[0].id;
    const product = (await t.app.inject({ url: `/api/v1/catalog/manage/products?sellerId=${sellerId}`, headers: as.merchant })).json().items[0];
    productId = product.id;
    skuId = product.skus[0].id;
    await t.app.inject({ method: 'PUT', url: `/api/v1/catalog/skus/${skuId}/stock`, headers: as.merchant, payload: { location: 'seller', onHand: 1000 } });
  });
  afterAll(() => t.close());

  const checkout = (quantity: number, paymentMethod = 'cod') =>
    t.app.inject({ method: 'POST', url: '/api/v1/orders/checkout', headers: as.consumer, payload: { items: [{ skuId, quantity }], paymentMethod, delivery: 'parcel', shipTo, pickupSiteId: paymentMethod === 'village_cash' ? POINT : undefined } });
  const available = async () => (await t.app.inject({ url: `/api/v1/catalog/manage/products/${productId}`, headers: as.merchant })).json().skus.find((k: { id: string }) => k.id === skuId).available;

  it('caps the units of one SKU a buyer holds in unshipped cash-on-delivery orders at 50', async () => {
    const before = await available();
    const hoard = await checkout(165);
    expect(hoard.statusCode).toBe(409);
    expect(hoard.json().error).toMatchObject({ code: 'COD_LIMIT', details: { field: 'body.items.0.quantity', limit: 50 } });
    expect(await available()).toBe(before);

    const [first] = (await checkout(30)).json().orders;
    expect(first.status).toBe('confirmed');
    expect((await checkout(20)).statusCode).toBe(201);
    const over = await checkout(1);
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('COD_LIMIT');
    // Paid up front (online, or cash at a village point for many villagers) is not capped: unpaid, it expires.
    expect((await checkout(165, 'village_cash')).statusCode).toBe(201);
    // Shipped or cancelled orders hold nothing any more.
    await t.app.inject({ method: 'POST', url: `/api/v1/orders/${first.id}/cancel`, headers: as.consumer, payload: { reason: '买多了' } });
    expect((await checkout(30)).statusCode).toBe(201);
  });
});
