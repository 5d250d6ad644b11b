import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const shipTo = { name: '王芳', phone: '13900139000', address: '昆明市五华区', divisionCode: '530102' };
const POINT = 'site_ld3_530621110205';

describe.each(engines())('a presale takes no money for a seller that may not sell, on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  const clock = manualClock('2026-08-01T02:00:00.000Z');
  let sellerId = '';
  let skuId = '';
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, clock });
    for (const who of ['merchant', 'village', 'consumer', 'county']) as[who] = await signIn(t.app, `demo.${who}`);
    sellerId = (await t.app.inject({ url: '/api/v1/parties/sellers', headers: as.merchant })).json().items[0].id;
    skuId = (await t.app.inject({ url: `/api/v1/catalog/manage/products?sellerId=${sellerId}`, headers: as.merchant })).json().items[0].skus[0].id;
  });
  afterAll(() => t.close());

  const post = (url: string, who: string, payload?: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as[who], payload });
  const open = (sku = skuId) => post('/orders/campaigns', 'merchant', { skuId: sku, title: '2026 新季青花椒预售', priceFen: 100000, targetQty: 2, deadline: '2026-08-03T12:00:00.000Z', shipDate: '2026-08-10' });
  const back = (id: string, quantity: number) => post(`/orders/campaigns/${id}/back`, 'consumer', { quantity, paymentMethod: 'village_cash', delivery: 'parcel', pickupSiteId: POINT, shipTo });
  const pay = (orderId: string) => post(`/orders/${orderId}/cash-received`, 'village');
  const publicList = async () => ((await t.app.inject({ url: '/api/v1/orders/campaigns?limit=100' })).json().items as { id: string }[]).map((c) => c.id);
  const order = async (id: string) => (await t.app.inject({ url: `/api/v1/orders/${id}`, headers: as.consumer })).json();

  it('refuses to open or back a presale, hides it and refuses its money while the seller is suspended', async () => {
    const campaign = (await open()).json();
    const early = (await back(campaign.id, 1)).json();
    const [online] = (await post('/orders/checkout', 'consumer', { items: [{ skuId, quantity: 1 }], paymentMethod: 'online', delivery: 'parcel', shipTo })).json().orders;
    expect((await post(`/parties/sellers/${sellerId}/suspend`, 'county', { reason: '抽检不合格' })).statusCode).toBe(200);

    const opened = await open();
    expect(opened.statusCode).toBe(409);
    expect(opened.json().error).toMatchObject({ code: 'NOT_ON_SALE', details: { field: 'body.skuId' } });
    const backed = await back(campaign.id, 2);
    expect(backed.statusCode).toBe(409);
    expect(backed.json().error).toMatchObject({ code: 'NOT_ON_SALE', details: { field: 'params.id' } });
    // A backing made before the suspension cannot be paid now.
    const paid = await pay(early.id);
    expect(paid.statusCode).toBe(409);
    expect(paid.json().error.code).toBe('NOT_ON_SALE');
    // So is a checkout made before it: money the provider sends now goes back.
    expect((await post(online.payUrl.replace('/api/v1', ''), 'consumer')).json()).toEqual({ orderId: online.id, status: 'cancelled' });
    expect(await order(online.id)).toMatchObject({ status: 'cancelled', payments: [{ method: 'online', status: 'refunded' }] });
    expect(await publicList()).not.toContain(campaign.id);
    expect((await t.app.inject({ url: `/api/v1/orders/campaigns/${campaign.id}` })).statusCode).toBe(404);

    // Lifted: the presale shows and takes backers again.
    await post(`/parties/sellers/${sellerId}/reinstate`, 'county');
    expect(await publicList()).toContain(campaign.id);
    expect((await back(campaign.id, 1)).statusCode).toBe(201);
  });

  it('fails a presale whose seller is suspended at its deadline and refunds every backer, even at target', async () => {
    const campaign = (await open()).json();
    const orders = [(await back(campaign.id, 1)).json(), (await back(campaign.id, 1)).json()];
    for (const o of orders) expect((await pay(o.id)).statusCode).toBe(200);
    await post(`/parties/sellers/${sellerId}/suspend`, 'county', { reason: '抽检不合格' });
    clock.advance(3 * 86400_000);
    for (const who of ['village', 'consumer', 'county']) as[who] = await signIn(t.app, `demo.${who}`);
    await t.modules.orders.campaigns.settleDue();
    for (const o of orders) expect(await order(o.id)).toMatchObject({ status: 'refunded', payments: [{ method: 'village_cash', status: 'refunded' }] });
    await post(`/parties/sellers/${sellerId}/reinstate`, 'county');
    expect((await t.app.inject({ url: `/api/v1/orders/campaigns/${campaign.id}` })).json().status).toBe('failed');
    clock.advance(-3 * 86400_000);
  });

  it('refuses a presale of a product that is not listed', async () => {
    for (const who of ['merchant', 'village', 'consumer', 'county']) as[who] = await signIn(t.app, `demo.${who}`);
    const product = (await post('/catalog/products', 'merchant', { sellerId, categoryId: 'cat_pepper', name: '待上架花椒', originCode: '530621110205', status: 'draft', skus: [{ spec: '250克', unit: '袋', netWeightG: 250, priceFen: 3000, stock: 5 }] })).json();
    const res = await open(product.skus[0].id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'NOT_ON_SALE', details: { field: 'body.skuId' } });
  });
});
