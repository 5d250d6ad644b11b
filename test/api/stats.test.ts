import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../src/kernel/clock.js';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

const shipTo = { name: '李明', phone: '13800138000', address: '乐红镇乐红村 3 社', divisionCode: '530621110205' };

/** Delivers every waiting event to the async subscribers, and fails on a handler's error. */
export async function deliver(t: TestApp): Promise<void> {
  while ((await t.events.runOnce()) > 0);
  const failing = await t.database.db.selectFrom('kernel_event_subscribers').select(['name', 'last_error']).where('name', '=', 'stats.rollups').where('failures', '>', 0).execute();
  expect(failing).toEqual([]);
}

interface Figure {
  indicator: string;
  value: number | null;
  previousPeriod: number | null;
  yoyPct: number | null;
  status: string;
  target: { value: number | null; growthPct: number | null; label: string } | null;
}

describe.each(engines())('statistics from real flows on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  let product: { id: string; name: string; skus: { id: string; priceFen: number }[] };
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false });
    for (const who of ['county', 'merchant', 'consumer', 'regulator', 'township', 'village']) as[who] = await signIn(t.app, `demo.${who}`);
    const sellerId = (await t.app.inject({ url: '/api/v1/parties/sellers', headers: as.merchant })).json().items[0].id;
    product = (await t.app.inject({ url: `/api/v1/catalog/manage/products?sellerId=${sellerId}`, headers: as.merchant })).json().items[0];
    await t.app.inject({ method: 'PUT', url: `/api/v1/catalog/skus/${product.skus[0].id}/stock`, headers: as.merchant, payload: { location: 'seller', onHand: 1000 } });
    await deliver(t);
  }, 120_000);
  afterAll(() => t?.close());

  const today = () => shanghaiDate(new Date());
  const figures = async (grain: string, period: string, who = 'county', place = ''): Promise<Record<string, Figure>> => {
    const res = await t.app.inject({ url: `/api/v1/stats/figures?grain=${grain}&period=${period}${place}`, headers: as[who] });
    expect(res.statusCode, res.body).toBe(200);
    return Object.fromEntries((res.json().figures as Figure[]).map((f) => [f.indicator, f]));
  };
  const order = async (quantity: number) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/orders/checkout', headers: as.consumer, payload: { items: [{ skuId: product.skus[0].id, quantity }], paymentMethod: 'online', delivery: 'parcel', shipTo } });
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json().orders[0] as { id: string; payUrl: string; totalFen: number };
    expect((await t.app.inject({ method: 'POST', url: o.payUrl, headers: as.consumer })).statusCode).toBe(200);
    return o;
  };

  it('counts a paid order in the day, month and year it was paid, and a refund takes it back', async () => {
    const day = today();
    const before = await figures('day', day);
    const paid = await order(2);
    const lineFen = product.skus[0].priceFen * 2;
    await deliver(t);
    const after = await figures('day', day);
    expect(after.online_retail_fen.value).toBe(before.online_retail_fen.value! + lineFen);
    expect(after.orders.value).toBe(before.orders.value! + 1);
    expect((await figures('month', day.slice(0, 7))).online_retail_fen.value).toBeGreaterThanOrEqual(after.online_retail_fen.value!);

    const cancel = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${paid.id}/cancel`, headers: as.consumer, payload: { reason: '买错了' } });
    expect(cancel.json().status).toBe('refunded');
    await deliver(t);
    const refunded = await figures('day', day);
    expect(refunded.online_retail_fen.value).toBe(before.online_retail_fen.value);
    expect(refunded.orders.value).toBe(before.orders.value);
  });

  it('answers the awaiting indicators with null and the plan’s targets', async () => {
    const f = await figures('year', today().slice(0, 4));
    expect(f.training_person_times).toMatchObject({ value: null, status: 'awaiting_source' });
    expect(f.online_retail_fen.target).toMatchObject({ growthPct: 20 });
  });
});
