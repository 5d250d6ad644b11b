import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const POINT = 'site_ld3_530621110205';

/** Produce for a marketplace order goes up from the village point; handed to a carrier, the order ships with that waybill. */
describe.each(engines())('a marketplace order carried up by the county\'s runs, on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  const clock = manualClock('2026-11-30T00:00:00.000Z');
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false, clock });
    for (const who of ['county', 'merchant', 'village', 'consumer', 'courier']) as[who] = await signIn(t.app, `demo.${who}`);
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: as[who], payload });

  it('links the order and its parcel both ways', async () => {
    const sellerId = (await call('GET', '/parties/sellers', 'merchant')).json().items[0].id;
    const product = (await call('GET', `/catalog/manage/products?sellerId=${sellerId}`, 'merchant')).json().items[0];
    await t.app.inject({ method: 'PUT', url: `/api/v1/catalog/skus/${product.skus[0].id}/stock`, headers: as.merchant, payload: { location: 'seller', onHand: 50 } });
    const shipTo = { name: '李明', phone: '13800138000', address: '上海市浦东新区世纪大道 100 号', divisionCode: '310115' };
    const [order] = (await call('POST', '/orders/checkout', 'consumer', { items: [{ skuId: product.skus[0].id, quantity: 1 }], paymentMethod: 'village_cash', delivery: 'parcel', pickupSiteId: POINT, shipTo })).json().orders;
    expect((await call('POST', `/orders/${order.id}/cash-received`, 'village')).statusCode).toBe(200);

    const opened = await call('POST', '/logistics/shipments', 'village', { originSiteId: 'site_ld6_530621110205', description: product.name, orderId: order.id });
    expect(opened.statusCode, opened.body).toBe(201);
    const parcel = opened.json();
    expect(parcel).toMatchObject({ direction: 'up', status: 'opened', orderId: order.id, recipientName: '李明', recipientPhone: '138****8000' });
    // The buyer's phone is the buyer's: the point that sends it up and the county warehouse see it masked.
    expect((await call('GET', `/logistics/parcels/${parcel.id}`, 'courier')).json().recipientPhone).toBe('138****8000');

    const route = (await call('POST', '/logistics/routes', 'courier', { name: '乐红村上行', mode: 'postal_van', stops: ['site_ld6_530621110205'], departures: ['08:00'] })).json();
    const run = (await call('POST', '/logistics/runs', 'courier', { routeId: route.id, date: '2026-11-30' })).json();
    expect(run.stops[0].pickUp.map((p: { id: string }) => p.id)).toContain(parcel.id);
    await call('POST', `/logistics/runs/${run.id}/depart`, 'courier', {});
    await call('POST', `/logistics/runs/${run.id}/stops/site_ld6_530621110205/handover`, 'village', { signedBy: '乐红村 马文学' });
    await call('POST', `/logistics/runs/${run.id}/complete`, 'courier', {});
    expect((await call('POST', `/logistics/parcels/${parcel.id}/hand-to-carrier`, 'village', { carrier: 'ems', waybillNo: 'EM000000001CN' })).statusCode).toBe(403);
    const handed = await call('POST', `/logistics/parcels/${parcel.id}/hand-to-carrier`, 'courier', { carrier: 'ems', waybillNo: 'EM000000001CN' });
    expect(handed.statusCode, handed.body).toBe(200);

    const shipped = (await call('GET', `/orders/${order.id}`, 'consumer')).json();
    expect(shipped).toMatchObject({ status: 'shipped', carrier: 'ems', waybillNo: 'EM000000001CN' });
    const mine = (await call('GET', `/logistics/parcels?orderId=${order.id}`, 'consumer')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: parcel.id, status: 'handed_to_carrier', recipientPhone: '13800138000' });
    // Handing it over again with the same waybill changes nothing; another waybill is refused.
    expect((await call('POST', `/logistics/parcels/${parcel.id}/hand-to-carrier`, 'courier', { carrier: 'ems', waybillNo: 'EM000000001CN' })).statusCode).toBe(200);
    expect((await call('POST', `/logistics/parcels/${parcel.id}/hand-to-carrier`, 'courier', { carrier: 'ems', waybillNo: 'EM000000002CN' })).json().error.code).toBe('ALREADY_HANDED');
  });
});
