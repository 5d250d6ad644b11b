import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineJob, JobRunner } from '../../src/kernel/jobs/index.js';
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
  /** The county's poverty-alleviation income (fen), as the ledger's auditors read it. */
  const income = async () => ((await t.app.inject({ url: '/api/v1/parties/ledger?by=township', headers: as.county })).json().items as { incomeFen: number }[]).reduce((n, r) => n + r.incomeFen, 0);
  const view = async (orderId: string) => (await t.app.inject({ url: `/api/v1/orders/${orderId}`, headers: as.consumer })).json();
  const status = async (orderId: string) => (await view(orderId)).status;

  it('refunds every backer when the target is missed', async () => {
    const campaign = (await open(10)).json();
    expect(campaign).toMatchObject({ status: 'open', backedQty: 0, targetQty: 10 });
    expect((await back(campaign.id, 1, 'cod')).json().error.details.field).toBe('body.paymentMethod');
    const paid = [(await back(campaign.id, 3)).json(), (await back(campaign.id, 3)).json()];
    for (const o of paid) await pay(o.id);
    const unpaid = (await back(campaign.id, 2)).json();
    const unpaidOnline = (await back(campaign.id, 1, 'online')).json();
    expect(unpaidOnline.payments).toEqual([expect.objectContaining({ method: 'online', status: 'pending', amountFen: unpaidOnline.totalFen })]);
    expect((await t.app.inject({ url: `/api/v1/orders/campaigns/${campaign.id}` })).json().backedQty).toBe(6);

    await advance(3 * 86400_000);
    await t.modules.orders.campaigns.settleDue();
    expect((await t.app.inject({ url: `/api/v1/orders/campaigns/${campaign.id}` })).json().status).toBe('failed');
    for (const o of paid) expect(await view(o.id)).toMatchObject({ status: 'refunded', payments: [{ method: 'village_cash', status: 'refunded' }] });
    expect(await view(unpaid.id)).toMatchObject({ status: 'cancelled', payments: [] });
    // The cancelled backer's online payment ends cancelled, not pending; if its money arrives now, it goes back.
    expect(await view(unpaidOnline.id)).toMatchObject({ status: 'cancelled', payments: [{ method: 'online', status: 'cancelled' }] });
    expect((await post(unpaidOnline.payUrl.replace('/api/v1', ''), 'consumer')).json()).toEqual({ orderId: unpaidOnline.id, status: 'cancelled' });
    expect(await view(unpaidOnline.id)).toMatchObject({ status: 'cancelled', payments: [{ method: 'online', status: 'refunded' }] });
    expect((await back(campaign.id, 1)).json().error.code).toBe('CAMPAIGN_CLOSED');
  });

  it('finishes a settlement cut short, refunding each backer once, and refuses to take money for a closed presale', async () => {
    await advance(-3 * 86400_000);
    const campaign = (await open(100)).json();
    const before = await income();
    const paid = [];
    for (let i = 0; i < 6; i++) {
      const o = (await back(campaign.id, 1)).json();
      await pay(o.id);
      paid.push(o);
    }
    const late = (await back(campaign.id, 1)).json();
    expect(await income()).toBeGreaterThan(before);
    await advance(3 * 86400_000);
    // A backing left unpaid at the deadline can no longer be paid.
    expect((await pay(late.id)).json().error.code).toBe('CAMPAIGN_CLOSED');

    // The first run dies after two refunds (as a crash would), the second finishes, the third finds nothing to do.
    const orders = t.modules.orders.service;
    const cancel = orders.cancel.bind(orders);
    let calls = 0;
    orders.cancel = async (...args: Parameters<typeof cancel>) => {
      if (++calls > 2) throw new Error('the process died here');
      return cancel(...args);
    };
    try {
      await expect(t.modules.orders.campaigns.settleDue()).rejects.toThrow('the process died here');
    } finally {
      orders.cancel = cancel;
    }
    const closed = (await Promise.all([...paid, late].map((o) => status(o.id)))).filter((s) => s === 'refunded' || s === 'cancelled');
    expect(closed).toHaveLength(2);
    expect((await t.app.inject({ url: `/api/v1/orders/campaigns/${campaign.id}` })).json().status).toBe('failed');
    await t.modules.orders.campaigns.settleDue();
    expect(await t.modules.orders.campaigns.settleDue()).toBe(0);
    for (const o of paid) expect(await view(o.id)).toMatchObject({ status: 'refunded', payments: [{ status: 'refunded' }] });
    expect(await status(late.id)).toBe('cancelled');
    for (const o of paid) {
      const audit = (await t.app.inject({ url: `/api/v1/identity/audit?entityId=${o.id}`, headers: as.county })).json().items;
      expect(audit.filter((a: { action: string }) => a.action === 'order.refunded')).toHaveLength(1);
    }
    // Each household credit is given back once: the ledger's income is what it was before these backings.
    expect(await income()).toBe(before);
  });

  it('settles presales in its job even when another job fails', async () => {
    await advance(-3 * 86400_000);
    const campaign = (await open(50)).json();
    const backing = (await back(campaign.id, 1)).json();
    await pay(backing.id);
    await advance(3 * 86400_000);
    // The order expiry job fails first (due first, by name), then the settlement job runs all the same.
    const jobs = t.modules.orders.jobs!.map((job) => (job.name === 'orders.expire-overdue' ? defineJob({ ...job, every: job.every!, run: () => Promise.reject(new Error('the database went away')) }) : job));
    const runner = new JobRunner({ db: t.database.db, dialect: t.database.dialect, clock, jobs, processId: 'test', log: { error: () => {} } });
    await runner.sync();
    await runner.runNow('orders.expire-overdue');
    await runner.runNow('orders.settle-presales');
    await runner.tick();
    const outcomes = Object.fromEntries((await runner.overview()).map((j) => [j.name, j.lastRun?.outcome]));
    expect(outcomes).toEqual({ 'orders.expire-overdue': 'failed', 'orders.settle-presales': 'succeeded' });
    expect(await view(backing.id)).toMatchObject({ status: 'refunded', payments: [{ status: 'refunded' }] });
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
