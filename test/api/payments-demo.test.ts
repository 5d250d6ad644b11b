/**
 * The built-in local payment provider pays at once: it is for demos and tests only. Outside a demo a buyer cannot
 * pay with nothing (issue 11, item 1); in a demo the simulated payment works and the platform says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

const shipTo = { name: '李明', phone: '13800138000', address: '上海市浦东新区世纪大道 100 号', divisionCode: '310115' };
const POINT = 'site_ld3_530621110205';

async function setUp(t: TestApp) {
  const as: Record<string, { cookie: string }> = {};
  for (const who of ['county', 'merchant', 'village', 'consumer']) as[who] = await signIn(t.app, `demo.${who}`);
  const sellerId = (await t.app.inject({ url: '/api/v1/parties/sellers', headers: as.merchant })).json().items[0].id;
  const skuId = (await t.app.inject({ url: `/api/v1/catalog/manage/products?sellerId=${sellerId}`, headers: as.merchant })).json().items[0].skus[0].id;
  await t.app.inject({ method: 'PUT', url: `/api/v1/catalog/skus/${skuId}/stock`, headers: as.merchant, payload: { location: 'seller', onHand: 1000 } });
  return { as, skuId };
}

/** The county's poverty-alleviation income (fen): what the households were credited. */
async function income(t: TestApp, county: { cookie: string }): Promise<number> {
  const rows = (await t.app.inject({ url: '/api/v1/parties/ledger?by=township', headers: county })).json().items as { incomeFen: number }[];
  return rows.reduce((n, r) => n + r.incomeFen, 0);
}

describe('the demo setting', () => {
  it('follows COUNTYHUB_DEMO_DATA unless COUNTYHUB_DEMO says otherwise', () => {
    expect(loadConfig({}).demoMode).toBe(true);
    expect(loadConfig({ COUNTYHUB_DEMO_DATA: 'false' }).demoMode).toBe(false);
    expect(loadConfig({ COUNTYHUB_DEMO_DATA: 'true', COUNTYHUB_DEMO: 'false' }).demoMode).toBe(false);
    expect(loadConfig({ COUNTYHUB_DEMO_DATA: 'false', COUNTYHUB_DEMO: 'true' }).demoMode).toBe(true);
  });
});

describe.each(engines())('local payments outside a demo on %s', (engine) => {
  let t: TestApp;
  let as: Record<string, { cookie: string }>;
  let skuId = '';
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoMode: false });
    ({ as, skuId } = await setUp(t));
  });
  afterAll(() => t.close());

  it('says so on the public health check', async () => {
    expect((await t.app.inject({ url: '/api/health' })).json()).toMatchObject({ status: 'ok', demo: false });
  });

  it('refuses an online checkout naming the payment method, and stores nothing', async () => {
    const before = (await t.app.inject({ url: '/api/v1/orders?limit=200', headers: as.consumer })).json().items.length;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/orders/checkout', headers: as.consumer, payload: { items: [{ skuId, quantity: 4 }], paymentMethod: 'online', delivery: 'parcel', shipTo } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'PAYMENT_UNAVAILABLE', details: { field: 'body.paymentMethod' } });
    expect((await t.app.inject({ url: '/api/v1/orders?limit=200', headers: as.consumer })).json().items.length).toBe(before);
  });

  it('refuses backing a presale online too', async () => {
    const campaign = (await t.app.inject({ method: 'POST', url: '/api/v1/orders/campaigns', headers: as.merchant, payload: { skuId, title: '新季青花椒预售', priceFen: 2990, targetQty: 10, deadline: '2099-08-03T12:00:00.000Z', shipDate: '2099-08-10' } })).json();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/orders/campaigns/${campaign.id}/back`, headers: as.consumer, payload: { quantity: 1, paymentMethod: 'online', delivery: 'parcel', shipTo } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.field).toBe('body.paymentMethod');
  });

  it("gives a buyer who calls the local pay route on their own order no 'paid' and credits no household", async () => {
    const incomeBefore = await income(t, as.county);
    const [order] = (await t.app.inject({ method: 'POST', url: '/api/v1/orders/checkout', headers: as.consumer, payload: { items: [{ skuId, quantity: 4 }], paymentMethod: 'village_cash', pickupSiteId: POINT, delivery: 'parcel', shipTo } })).json().orders;
    expect(order.status).toBe('pending_payment');
    expect(order.payUrl).toBeUndefined();
    const pay = await t.app.inject({ method: 'POST', url: `/api/v1/payments/local/lp_${'0'.repeat(24)}/pay?order=${order.id}`, headers: as.consumer });
    expect(pay.statusCode).toBe(404);
    const callback = await t.app.inject({ method: 'POST', url: '/api/v1/payments/callback/local', headers: { 'content-type': 'application/json', 'x-payment-signature': 'ab'.repeat(32) }, payload: JSON.stringify({ providerRef: 'lp_x', orderId: order.id, amountFen: order.totalFen, status: 'succeeded' }) });
    expect(callback.statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/orders/${order.id}`, headers: as.consumer })).json().status).toBe('pending_payment');
    expect(await income(t, as.county)).toBe(incomeBefore);
    // Cash at the village point still works.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/cash-received`, headers: as.village })).json().status).toBe('paid');
  });
});

describe.each(engines())('local payments in a demo on %s', (engine) => {
  let t: TestApp;
  let as: Record<string, { cookie: string }>;
  let skuId = '';
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoMode: true });
    ({ as, skuId } = await setUp(t));
  });
  afterAll(() => t.close());

  it('says the payments are simulated, and the simulated payment pays', async () => {
    expect((await t.app.inject({ url: '/api/health' })).json()).toMatchObject({ status: 'ok', demo: true });
    const [order] = (await t.app.inject({ method: 'POST', url: '/api/v1/orders/checkout', headers: as.consumer, payload: { items: [{ skuId, quantity: 1 }], paymentMethod: 'online', delivery: 'parcel', shipTo } })).json().orders;
    expect(order.payUrl).toMatch(/^\/api\/v1\/payments\/local\//);
    expect((await t.app.inject({ method: 'POST', url: order.payUrl, headers: as.consumer })).json()).toEqual({ orderId: order.id, status: 'paid' });
  });
});
