import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const shipTo = { name: '王芳', phone: '13900139000', address: '昆明市五华区', divisionCode: '530102' };
const POINT = 'site_ld3_530621110205';

describe.each(engines())('presale and crowdfunding on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  const clock = manualClock('2026-08-01T02:00:00.000Z');
  let skuId = '';
  /** Moves time, and signs everyone in again: sessions last 12 hours. */
  async function advance(ms: number) {
    clock.advance(ms);
    for (const who of ['merchant', 'village', 'consumer', 'county']) as[who] = await signIn(t.app, `demo.${who}`);
  }
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, clock });
    await advance(0);
    const sellerId = (await t.app.inject({ url: '/api/v1/parties/sellers', headers: as.merchant })).json().items[0].id;
    skuId = (await t.app.inject({ url: `/api/v1/catalog/manage/products?sellerId=${sellerId}`, headers: as.merchant })).json().items[0].skus[0].id;
  });
  afterAll(() => t.close());

  const post = (url: string, who: string, payload?: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as[who], payload });
  const open = (target: number) => post('/orders/campaigns', 'merchant', { skuId, title: '2026 新季青花椒预售', priceFen: 2990, targetQty: target, deadline: '2026-08-03T12:00:00.000Z', shipDate: '2026-08-10' });
  const back = (id: string, quantity: number, paymentMethod = 'village_cash') => post(`/orders/campaigns/${id}/back`, 'consumer', { quantity, paymentMethod, delivery: 'parcel', pickupSiteId: POINT, shipTo });
  const pay = (orderId: string) => post(`/orders/${orderId}/cash-received`, 'village');
  const status = async (orderId: string) => (await t.app.inject({ url: `/api/v1/orders/${orderId}`, headers: as.consumer })).json().status;

  it('refunds every backer when the target is missed', async () => {
    const campaign = (await open(10)).json();
    expect(campaign).toMatchObject({ status: 'open', backedQty: 0, targetQty: 10 });
    expect((await back(campaign.id, 1, 'cod')).json().error.details.field).toBe('body.paymentMethod');
    const paid = [(await back(campaign.id, 3)).json(), (await back(campaign.id, 3)).json()];
    for (const o of paid) await pay(o.id);
    const unpaid = (await back(campaign.id, 2)).json();
    expect((await t.app.inject({ url: `/api/v1/orders/campaigns/${campaign.id}` })).json().backedQty).toBe(6);

    await advance(3 * 86400_000);
    await t.modules.orders.campaigns.settleDue();
    expect((await t.app.inject({ url: `/api/v1/orders/campaigns/${campaign.id}` })).json().status).toBe('failed');
    for (const o of paid) expect(await status(o.id)).toBe('refunded');
    expect(await status(unpaid.id)).toBe('cancelled');
    expect((await back(campaign.id, 1)).json().error.code).toBe('CAMPAIGN_CLOSED');
  });

  it('goes to fulfilment on the ship date when the target is met', async () => {
    await advance(-3 * 86400_000);
    const campaign = (await open(5)).json();
    const orders = [(await back(campaign.id, 3)).json(), (await back(campaign.id, 3)).json()];
    for (const o of orders) await pay(o.id);
    await advance(3 * 86400_000);
    await t.modules.orders.campaigns.settleDue();
    expect((await t.app.inject({ url: `/api/v1/orders/campaigns/${campaign.id}` })).json()).toMatchObject({ status: 'succeeded', backedQty: 6 });
    for (const o of orders) expect(await status(o.id)).toBe('paid');
    const early = await post(`/orders/${orders[0].id}/ship`, 'merchant', { carrier: 'ems', waybillNo: 'EM555555555CN' });
    expect(early.json().error.code).toBe('PRESALE_NOT_DUE');
    await advance(7 * 86400_000);
    expect((await post(`/orders/${orders[0].id}/ship`, 'merchant', { carrier: 'ems', waybillNo: 'EM555555555CN' })).json().status).toBe('shipped');
  });

  it('lets only the seller open a presale', async () => {
    expect((await post('/orders/campaigns', 'consumer', { skuId, title: 'x', priceFen: 100, targetQty: 1, deadline: '2027-01-01T00:00:00.000Z', shipDate: '2027-01-10' })).statusCode).toBe(403);
    const past = await post('/orders/campaigns', 'merchant', { skuId, title: 'x', priceFen: 100, targetQty: 1, deadline: '2020-01-01T00:00:00.000Z', shipDate: '2020-01-10' });
    expect(past.json().error.details.field).toBe('body.deadline');
  });
});
