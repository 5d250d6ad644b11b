import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, signIn } from '../helpers.js';
import { World, type Method } from './permissions/world.js';

/**
 * The matrix proves who may call a route; these prove whose records: a role that may read or change its own orders,
 * products, batches, parcels or sites reaches nobody else's. Another merchant, another township's operator and
 * another village's point try demo.merchant's, 乐红镇's and 乐红村's records: reads are 404 (ids are not probed),
 * changes 403 or 404, and nothing changes.
 */
describe.each(engines())('records of others, on %s', (engine) => {
  let w: World;
  const other: Record<string, { cookie: string }> = {};
  let shippable = '';
  let returning = '';
  let arrived = '';
  beforeAll(async () => {
    w = await World.build(engine);
    const users = [
      { username: 'other.merchant', roles: ['merchant'], scope: { kind: 'county', id: '530621' } },
      // 文屏镇 and its 砚池山村 point: another township, another village.
      { username: 'wenping.township', roles: ['township_operator'], scope: { kind: 'township', id: '530621101' } },
      { username: 'hongbu.village', roles: ['village_operator'], scope: { kind: 'site', id: 'site_ld3_530621110201' } },
    ];
    for (const u of users) {
      await w.ok('county', 'POST', '/identity/users', { ...u, displayName: u.username, password: 'other-user-pass-1' });
      other[u.username] = await signIn(w.t.app, u.username, 'other-user-pass-1');
    }
    // The other merchant has a seller of its own, so it manages something.
    const mine = await w.ok('county', 'POST', '/parties/sellers', { ...w.farmerApplication(), ownerUserId: (await w.t.app.inject({ url: '/api/v1/auth/me', headers: other['other.merchant'] })).json().id });
    await w.ok('county', 'POST', `/parties/sellers/${mine.id}/review`, { decision: 'approve' });
    shippable = await w.newOrder('paid');
    returning = await w.newOrder('return_requested');
    arrived = (await w.newParcel({ arrived: true })).id;
  }, 120_000);
  afterAll(() => w?.t.close());

  const as = (who: string, method: Method, url: string, body?: unknown) => w.t.app.inject({ method, url: `/api/v1${url}`, headers: other[who], payload: body as object });
  /**
   * Each call's status; a change refused as a 400 counts as 403 when it says the place or parcel is not the caller's
   * (logistics checks a scan's parcel and a shipment's origin against the caller's station or point).
   */
  const statuses = async (who: string, calls: [Method, string, unknown?][]) => {
    const out: Record<string, number> = {};
    for (const [method, url, body] of calls) {
      const res = await as(who, method, url, body);
      out[`${method} ${url}`] = res.statusCode === 400 && /not your|at your station or point/.test(res.json().error.message) ? 403 : res.statusCode;
    }
    return out;
  };
  const refused = (got: Record<string, number>) => Object.entries(got).filter(([call, status]) => !(call.startsWith('GET') ? [404] : [403, 404]).includes(status));

  it("another merchant reaches none of demo.merchant's orders, products, stock, batches, plots or seller", async () => {
    const got = await statuses('other.merchant', [
      ['GET', `/orders/${w.order}`],
      ['POST', `/orders/${shippable}/ship`, { carrier: 'yunda', waybillNo: 'YD0000000001' }],
      ['POST', `/orders/${shippable}/cancel`, { reason: '不要了' }],
      ['POST', `/orders/${returning}/return/accept`],
      ['GET', `/catalog/manage/products/${w.product}`],
      ['PATCH', `/catalog/products/${w.product}`, { status: 'unlisted' }],
      ['PUT', `/catalog/skus/${w.sku}/stock`, { location: 'seller', onHand: 0 }],
      ['POST', `/catalog/products/${w.product}/certifications`, { kind: 'organic', number: 'X-1', issuer: '某机构', validFrom: '2026-01-01', validTo: '2027-01-01' }],
      ['POST', '/catalog/products', w.newProduct()],
      ['POST', '/orders/campaigns', { skuId: w.sku, title: '冒名预售', priceFen: 100, targetQty: 1, deadline: new Date(Date.now() + 86_400_000 * 3).toISOString(), shipDate: '2099-01-01' }],
      ['GET', `/parties/sellers/${w.seller}`],
      ['PATCH', `/parties/sellers/${w.seller}`, { address: '别处' }],
      ['GET', `/trace/batches/${w.batch}`],
      ['GET', `/trace/batches/${w.batch}/genealogy`],
      ['POST', `/trace/batches/${w.batch}/split`, { parts: [{ quantity: 1 }] }],
      ['GET', `/trace/plots/${w.plot}`],
      ['POST', `/trace/plots/${w.plot}/records`, { kind: 'observation', occurredOn: w.daysAgo(1), observation: { subject: '长势', finding: '冒名记录' } }],
      ['GET', `/trace/files/${w.report}`],
      ['GET', `/trace/recalls/${w.recall}`],
    ]);
    expect(refused(got)).toEqual([]);
    // Nothing moved: the order is still paid, the product still listed.
    expect((await w.ok('merchant', 'GET', `/orders/${shippable}`)).status).toBe('paid');
    expect((await w.ok('merchant', 'GET', `/catalog/manage/products/${w.product}`)).status).toBe('listed');
  });

  it("another township's operator reaches none of 乐红镇's sites, parcels, stops or batches", async () => {
    const got = await statuses('wenping.township', [
      ['GET', '/network/sites/site_ld2_530621110'],
      ['PATCH', '/network/sites/site_ld2_530621110', { openingHours: '关闭' }],
      ['GET', `/logistics/parcels/${w.parcel}`],
      ['POST', '/logistics/scans', { eventId: `other-${Date.now()}`, parcelId: w.parcel, type: 'problem', note: '冒名' }],
      ['POST', `/logistics/parcels/${arrived}/notify`, {}],
      ['GET', `/trace/batches/${w.batch}`],
      ['GET', `/trace/plots/${w.plot}/records`],
      ['GET', `/trace/files/${w.report}`],
      ['POST', '/trace/producers', { kind: 'farmer', name: '越界农户', divisionCode: '530621110205' }],
    ]);
    // A township's producers are registered in its own villages: 400 naming the division, not another township's.
    const { ['POST /trace/producers']: producer, ...rest } = got;
    expect(refused(rest)).toEqual([]);
    expect(producer).toBe(400);
    const stop = await as('wenping.township', 'POST', `/logistics/runs/${(await w.newRun(true)).id}/stops/site_ld5_530621110/handover`, { signedBy: '冒名' });
    expect(stop.statusCode).toBe(403);
  });

  it("another township's operator reads a run through 乐红镇 without its parcels (names, addresses)", async () => {
    const runs = (await w.ok('county', 'GET', `/logistics/runs?date=${w.loadedOn}&limit=100`)).items as { id: string; routeName: string; parcels: number }[];
    const lehong = runs.find((r) => r.routeName === '乐红镇线' && r.parcels > 0)!;
    const parcelsIn = (run: { stops: { dropOff: unknown[]; pickUp: unknown[] }[] }) => run.stops.reduce((n, s) => n + s.dropOff.length + s.pickUp.length, 0);
    expect(parcelsIn(await w.ok('township', 'GET', `/logistics/runs/${lehong.id}`))).toBe(lehong.parcels);
    const res = await as('wenping.township', 'GET', `/logistics/runs/${lehong.id}`);
    expect(res.statusCode).toBe(200);
    expect(parcelsIn(res.json())).toBe(0);
  });

  it("another village's point reaches none of 乐红村's orders, parcels or site", async () => {
    const pending = await w.newOrder('pending_payment');
    const got = await statuses('hongbu.village', [
      ['GET', `/orders/${w.order}`],
      ['POST', `/orders/${pending}/cash-received`],
      ['GET', `/logistics/parcels/${arrived}`],
      ['POST', `/logistics/parcels/${arrived}/pickup`, { code: await w.pickupCode(arrived) }],
      ['GET', '/network/sites/site_ld3_530621110205'],
      ['PATCH', '/network/sites/site_ld3_530621110205', { openingHours: '关闭' }],
      ['POST', '/logistics/shipments', { originSiteId: 'site_ld3_530621110205', description: '冒名发货', recipient: { name: '某', phone: '13800000003', address: '昆明' } }],
      ['GET', `/trace/batches/${w.batch}`],
    ]);
    expect(refused(got)).toEqual([]);
    expect((await w.ok('consumer', 'GET', `/orders/${pending}`)).status).toBe('pending_payment');
    expect((await w.ok('county', 'GET', `/logistics/parcels/${arrived}`)).status).not.toBe('picked_up');
  });
});
