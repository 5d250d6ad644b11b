import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SalesCounter } from '../../src/modules/catalog/index.js';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

const shipTo = { name: '李明', phone: '13800138000', address: '上海市浦东新区世纪大道 100 号', divisionCode: '310115' };

interface Card {
  id: string;
  name: string;
  minPriceFen: number | null;
  unitsSold: number;
  createdAt: string;
  categoryId: string;
}

describe.each(engines())('shop: sales counts, sorting and the category tree on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  let product: { id: string; skus: { id: string }[] };
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false });
    for (const who of ['merchant', 'consumer']) as[who] = await signIn(t.app, `demo.${who}`);
    const sellerId = (await t.app.inject({ url: '/api/v1/parties/sellers', headers: as.merchant })).json().items[0].id;
    product = (await t.app.inject({ url: `/api/v1/catalog/manage/products?sellerId=${sellerId}`, headers: as.merchant })).json().items[0];
    await t.app.inject({ method: 'PUT', url: `/api/v1/catalog/skus/${product.skus[0].id}/stock`, headers: as.merchant, payload: { location: 'seller', onHand: 1000 } });
  });
  afterAll(() => t.close());

  const search = async (query: string): Promise<{ items: Card[]; total: number; facets: { category: { value: string; label: string; count: number; parentId: string | null }[] } }> => {
    const res = await t.app.inject({ url: `/api/v1/catalog/search?limit=100&${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const sold = async () => (await t.app.inject({ url: `/api/v1/catalog/products/${product.id}` })).json().unitsSold as number;
  const order = async (quantity: number) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/orders/checkout', headers: as.consumer, payload: { items: [{ skuId: product.skus[0].id, quantity }], paymentMethod: 'online', delivery: 'parcel', shipTo } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().orders[0] as { id: string; payUrl: string };
  };
  const pay = (o: { payUrl: string }) => t.app.inject({ method: 'POST', url: o.payUrl, headers: as.consumer });

  it('counts units when an order is paid, once however often the payment is told, and takes them back on a refund', async () => {
    const before = await sold();
    const unpaid = await order(2);
    expect(await sold()).toBe(before);
    const paid = await order(3);
    expect((await pay(paid)).statusCode).toBe(200);
    await pay(paid);
    expect(await sold()).toBe(before + 3);
    expect((await search(`q=${encodeURIComponent('')}`)).items.find((p) => p.id === product.id)?.unitsSold).toBe(before + 3);

    const refunded = await order(4);
    await pay(refunded);
    expect(await sold()).toBe(before + 7);
    const cancel = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${refunded.id}/cancel`, headers: as.consumer, payload: { reason: '买错了' } });
    expect(cancel.json().status).toBe('refunded');
    expect(await sold()).toBe(before + 3);
    await t.app.inject({ method: 'POST', url: `/api/v1/orders/${unpaid.id}/cancel`, headers: as.consumer, payload: { reason: '不要了' } });
    expect(await sold()).toBe(before + 3);
  });

  it('keeps the count when the same events arrive again or everything is recounted', async () => {
    const counter = new SalesCounter(t.database.db);
    const event = { orderId: 'ord_replayed', paidAt: '2026-12-07T02:00:00.000Z', lines: [{ productId: product.id, quantity: 5 }, { productId: product.id, quantity: 1 }] };
    const before = await sold();
    await t.database.db.transaction().execute((trx) => counter.paid(trx, event));
    await t.database.db.transaction().execute((trx) => counter.paid(trx, event));
    expect(await sold()).toBe(before + 6);
    await counter.rebuild();
    expect(await sold()).toBe(before + 6);
    await t.database.db.transaction().execute((trx) => counter.refunded(trx, 'ord_replayed'));
    await t.database.db.transaction().execute((trx) => counter.refunded(trx, 'ord_replayed'));
    expect(await sold()).toBe(before);
  });

  it('sorts by price both ways, by sales and newest first', async () => {
    const prices = (items: Card[]) => items.map((p) => p.minPriceFen!);
    const up = (await search('sort=price_asc')).items;
    expect(up.length).toBeGreaterThan(10);
    expect(prices(up)).toEqual([...prices(up)].sort((a, b) => a - b));
    const down = (await search('sort=price_desc')).items;
    expect(prices(down)).toEqual([...prices(up)].sort((a, b) => b - a));
    const bySales = (await search('sort=sales')).items;
    expect(bySales[0].unitsSold).toBeGreaterThan(0);
    expect(bySales.map((p) => p.unitsSold)).toEqual([...bySales.map((p) => p.unitsSold)].sort((a, b) => b - a));
    const newest = (await search('sort=newest')).items;
    expect(newest.map((p) => p.createdAt)).toEqual([...newest.map((p) => p.createdAt)].sort().reverse());
    // Words still decide what is found; the order is the shopper's.
    const pepper = (await search(`q=${encodeURIComponent('花椒')}&sort=price_asc`)).items;
    expect(pepper.length).toBeGreaterThan(1);
    expect(prices(pepper)).toEqual([...prices(pepper)].sort((a, b) => a - b));
  });

  it('refuses a sort it does not know, naming the field', async () => {
    const res = await t.app.inject({ url: '/api/v1/catalog/search?sort=cheapest' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe('querystring.sort');
  });

  it('gives the category facet as a tree and finds a parent category’s products in its children', async () => {
    const all = await search('');
    const fruit = all.facets.category.find((c) => c.label === '水果')!;
    const apple = all.facets.category.find((c) => c.label === '苹果')!;
    expect(fruit).toMatchObject({ parentId: null });
    expect(apple).toMatchObject({ parentId: fruit.value });
    expect(fruit.count).toBeGreaterThanOrEqual(apple.count);
    const inFruit = await search(`categoryId=${fruit.value}`);
    expect(inFruit.total).toBe(fruit.count);
    expect(inFruit.items.some((p) => p.categoryId === apple.value)).toBe(true);
  });
});
