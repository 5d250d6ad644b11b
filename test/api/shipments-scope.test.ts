import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

const LEHONG_POINT = 'site_ld3_530621110205'; // 乐红村, run by demo.village
const HONGBU_POINT = 'site_ld3_530621110201'; // 红布村, also in 乐红镇
const SHIP_TO = { name: '李明', phone: '13800138000', address: '上海市浦东新区世纪大道 100 号', divisionCode: '310115' };

/**
 * Sending a marketplace order up (POST /logistics/shipments with an orderId) answers with the order's recipient, so
 * only those who may ship that order may open its parcel: the county warehouse any order, a township station
 * orders whose seller or collecting point is in its township, a village point those of its own village. Anyone
 * else is told the order does not exist, exactly as for a missing one, and nothing is stored.
 */
describe.each(engines())('who may send which order up, on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  /** Seller in 乐红村, no collecting point. */
  let lehongOrder = '';
  /** Seller in 光明村 (another township), cash taken at 红布村's point. */
  let hongbuPickupOrder = '';
  /** Seller in 光明村, no collecting point: the county's alone. */
  let elsewhereOrder = '';

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: as[who], payload });
  const ship = (who: string, originSiteId: string, orderId: string) => call('POST', '/logistics/shipments', who, { originSiteId, description: '订单农产品', orderId });

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false });
    for (const who of ['county', 'township', 'village', 'merchant', 'courier', 'consumer']) as[who] = await signIn(t.app, `demo.${who}`);
    const made = await call('POST', '/identity/users', 'county', { username: 'hongbu.point', displayName: '红布村服务点', password: 'hongbu-pass-2026', roles: ['village_operator'], scope: { kind: 'site', id: HONGBU_POINT } });
    expect(made.statusCode, made.body).toBe(201);
    as.hongbu = await signIn(t.app, 'hongbu.point', 'hongbu-pass-2026');

    const sellers = (await call('GET', '/parties/sellers?limit=100', 'county')).json().items as { id: string; name: string }[];
    const skuOf = async (name: string) => {
      const seller = sellers.find((s) => s.name === name)!;
      const sku = (await call('GET', `/catalog/manage/products?sellerId=${seller.id}`, 'county')).json().items[0].skus[0].id as string;
      expect((await call('PUT', `/catalog/skus/${sku}/stock`, 'county', { location: 'seller', onHand: 50 })).statusCode).toBe(200);
      return sku;
    };
    const checkout = async (skuId: string, pay: object) => {
      const res = await call('POST', '/orders/checkout', 'consumer', { items: [{ skuId, quantity: 1 }], delivery: 'parcel', shipTo: SHIP_TO, ...pay });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().orders[0].id as string;
    };
    const lehong = await skuOf('鲁甸县乐红青花椒种植专业合作社');
    const apples = await skuOf('鲁甸县龙头山苹果产销专业合作社');
    lehongOrder = await checkout(lehong, { paymentMethod: 'cod' });
    hongbuPickupOrder = await checkout(apples, { paymentMethod: 'village_cash', pickupSiteId: HONGBU_POINT });
    elsewhereOrder = await checkout(apples, { paymentMethod: 'cod' });
  }, 120_000);
  afterAll(() => t?.close());

  const parcelsOf = async (orderId: string) => (await call('GET', `/logistics/parcels?orderId=${orderId}`, 'county')).json().items as unknown[];

  /** A refusal that tells nothing: the same 404 as an order that does not exist, none of the recipient in it. */
  const expectHidden = (res: { statusCode: number; body: string }) => {
    expect(res.statusCode, res.body).toBe(404);
    expect(JSON.parse(res.body).error.code).toBe('NOT_FOUND');
    for (const secret of [SHIP_TO.name, SHIP_TO.phone, '8000', '世纪大道']) expect(res.body).not.toContain(secret);
  };

  it("another village's point, or a township station elsewhere, is told the order does not exist, as for a missing one", async () => {
    const missing = await ship('village', LEHONG_POINT, 'ord_doesnotexist0000');
    expectHidden(missing);
    const hidden = [await ship('hongbu', HONGBU_POINT, lehongOrder), await ship('village', LEHONG_POINT, hongbuPickupOrder), await ship('village', LEHONG_POINT, elsewhereOrder), await ship('hongbu', HONGBU_POINT, elsewhereOrder), await ship('township', LEHONG_POINT, elsewhereOrder)];
    for (const res of hidden) {
      expectHidden(res);
      expect(res.json().error).toEqual(missing.json().error);
    }
    // A merchant handles no station or point at all.
    expect((await ship('merchant', LEHONG_POINT, lehongOrder)).statusCode).toBe(403);
    for (const order of [lehongOrder, hongbuPickupOrder, elsewhereOrder]) expect(await parcelsOf(order)).toHaveLength(0);
  });

  it('the point of the seller\'s village, the point that took the cash, their township and the county warehouse may send it', async () => {
    for (const [who, origin, order] of [
      ['village', LEHONG_POINT, lehongOrder],
      ['township', LEHONG_POINT, lehongOrder],
      ['hongbu', HONGBU_POINT, hongbuPickupOrder],
      ['township', HONGBU_POINT, hongbuPickupOrder],
      ['courier', LEHONG_POINT, elsewhereOrder],
      ['county', HONGBU_POINT, elsewhereOrder],
    ]) {
      const res = await ship(who, origin, order);
      expect(res.statusCode, `${who} ${order}: ${res.body}`).toBe(201);
      expect(res.json()).toMatchObject({ direction: 'up', orderId: order, recipientName: SHIP_TO.name, address: SHIP_TO.address });
    }
  });

  it("an order's phone is shown whole to its buyer only, as the orders module does; the points that send it up see it masked", async () => {
    const sent = await ship('village', LEHONG_POINT, lehongOrder);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().recipientPhone).toBe('138****8000');
    expect((await call('GET', `/logistics/parcels/${sent.json().id}`, 'township')).json().recipientPhone).toBe('138****8000');
    expect((await call('GET', `/logistics/parcels/${sent.json().id}`, 'consumer')).json().recipientPhone).toBe(SHIP_TO.phone);
  });
});
