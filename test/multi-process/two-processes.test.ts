import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropPostgresSchema, openDatabase, type Database } from '../../src/kernel/db.js';
import { call, pollUntil, signInOn, startAppProcess, type AppProcess } from './app-process.js';
import { seedBuyers } from './buyers.js';

const url = process.env.TEST_DATABASE_URL;
const DEMO_PASSWORD = 'ludian-demo-2026';
const ADMIN_PASSWORD = 'two-process-admin-2026';
const POINT = 'site_ld3_530621110205';
const shipTo = { name: '测试买家', phone: '13800000000', address: '上海市浦东新区', divisionCode: '310115' };

/**
 * Two real app processes on one PostgreSQL schema, as behind a load balancer: they start at the same moment on an
 * empty schema, share the data key and nothing else, and each answers for the other's writes.
 */
describe.skipIf(!url)('two app processes on one PostgreSQL database (needs TEST_DATABASE_URL)', () => {
  const schema = `mp_${randomBytes(6).toString('hex')}`;
  const apps: AppProcess[] = [];
  let a: AppProcess;
  let b: AppProcess;
  let database: Database;
  let county: string;
  let merchant: string;

  beforeAll(async () => {
    // The operator makes the (empty) schema once; the processes make the tables and load the demo themselves.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const env = { DATABASE_URL: url!, COUNTYHUB_DB_SCHEMA: schema, COUNTYHUB_DATA_KEY: randomBytes(32).toString('base64'), COUNTYHUB_ADMIN_PASSWORD: ADMIN_PASSWORD, COUNTYHUB_DEMO_DATA: 'true' };
    // Both spawned before either is waited on, so they migrate and load the demo at the same time.
    for (const name of ['a', 'b']) apps.push(await startAppProcess(name, env));
    [a, b] = apps;
    await Promise.all(apps.map((p) => p.ready));
    database = await openDatabase({ url, pgSchema: schema, poolSize: 2 });
    county = await signInOn(a, 'demo.county', DEMO_PASSWORD);
    merchant = await signInOn(b, 'demo.merchant', DEMO_PASSWORD);
  }, 900_000);

  afterAll(async () => {
    await Promise.all(apps.map((p) => p.stop()));
    await database?.close();
    if (url) await dropPostgresSchema(url, schema);
  }, 120_000);

  const count = async (table: string) => Number((await database.db.selectFrom(table).select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('both start together on an empty schema: the tables made once, one admin, the demo data loaded once', async () => {
    for (const app of apps) expect((await call(app, 'GET', '/api/health')).json).toMatchObject({ status: 'ok', db: 'postgres' });
    const migrations = await database.db.selectFrom('kernel_migrations').select('name').execute();
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
    // The admin and the nine demo accounts; twelve demo sellers, 76 poor households and 15 market players, as one load makes them.
    expect(await count('identity_users')).toBe(10);
    expect(await count('parties_sellers')).toBe(12);
    expect(await count('parties_households')).toBe(76);
    expect(await count('players_players')).toBe(15);
    // The order history ships each order under its own waybill: a second load would have repeated them.
    const shipped = await database.db.selectFrom('orders_orders').select('waybill_no').where('waybill_no', 'is not', null).execute();
    expect(shipped.length).toBeGreaterThan(40);
    expect(new Set(shipped.map((o) => o.waybill_no)).size).toBe(shipped.length);
    const products = await database.db.selectFrom('catalog_products').select(['seller_id', 'name']).execute();
    expect(new Set(products.map((p) => `${p.seller_id} ${p.name}`)).size).toBe(products.length);
  });

  it('a session made on one process works on the other, and signing out on the other ends it on both', async () => {
    const cookie = await signInOn(a, 'demo.township', DEMO_PASSWORD);
    expect((await call(b, 'GET', '/api/v1/auth/me', { cookie })).json).toMatchObject({ username: 'demo.township', roles: ['township_operator'] });
    expect((await call(b, 'POST', '/api/v1/auth/logout', { cookie })).status).toBe(200);
    expect((await call(a, 'GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
    expect((await call(b, 'GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
  });

  it('an Idempotency-Key replayed to the other process gets the first answer, with no second order', async () => {
    const skuId = await skuWithStock(0, 10);
    expect(await available(b, skuId)).toBe(10);
    const buyer = await signInOn(a, 'demo.consumer', DEMO_PASSWORD);
    const body = { items: [{ skuId, quantity: 1 }], paymentMethod: 'online', delivery: 'parcel', shipTo };
    const headers = { 'idempotency-key': `two-process-${randomBytes(4).toString('hex')}` };
    const ordersBefore = await itemsOf(skuId);
    const first = await call(a, 'POST', '/api/v1/orders/checkout', { cookie: buyer, body, headers });
    expect(first.status).toBe(201);
    const again = await call(b, 'POST', '/api/v1/orders/checkout', { cookie: buyer, body, headers });
    expect({ status: again.status, replay: again.headers.get('idempotent-replay'), body: again.json }).toEqual({ status: 201, replay: 'true', body: first.json });
    expect(await itemsOf(skuId)).toBe(ordersBefore + 1);
    expect(await available(b, skuId)).toBe(9);
  });

  it("a site renamed on one process is on the other's public list of service points at once", async () => {
    const list = async (app: AppProcess) => (await call(app, 'GET', '/api/v1/network/service-points?limit=200')).json.items.find((p: { id: string }) => p.id === POINT)?.name;
    const before = await list(b); // B has the list cached now
    expect(before).toBe('乐红村电商服务点');
    expect((await call(a, 'PATCH', `/api/v1/network/sites/${POINT}`, { cookie: county, body: { name: '乐红村电商服务点（新址）' } })).status).toBe(200);
    expect(await list(b)).toBe('乐红村电商服务点（新址）');
  });

  it("a product renamed on one process is on the other's public product page and search at once", async () => {
    const skuId = await skuWithStock(1, 5);
    const productId = await productOf(skuId);
    const searchName = async (app: AppProcess) => (await call(app, 'GET', '/api/v1/catalog/search?limit=100')).json.items.find((p: { id: string }) => p.id === productId)?.name;
    const oldName = (await call(b, 'GET', `/api/v1/catalog/products/${productId}`)).json.name;
    expect(await searchName(b)).toBe(oldName);
    expect((await call(a, 'PATCH', `/api/v1/catalog/products/${productId}`, { cookie: merchant, body: { name: '鲁甸青花椒（两进程）' } })).status).toBe(200);
    expect((await call(b, 'GET', `/api/v1/catalog/products/${productId}`)).json.name).toBe('鲁甸青花椒（两进程）');
    expect(await searchName(b)).toBe('鲁甸青花椒（两进程）');
  });

  it("a scan recorded on one process is in the other's public tracking answer at once", async () => {
    // A parcel of its own: the demo's parcels of the day are all sorted once the demo is loaded after noon.
    const courier = await signInOn(a, 'demo.courier', DEMO_PASSWORD);
    const parcel = { waybillNo: `YD${randomBytes(5).toString('hex').toUpperCase()}`, recipientName: '马兰', recipientPhone: '13800138123', address: '乐红镇乐红村' };
    expect((await call(a, 'POST', '/api/v1/logistics/manifests', { cookie: courier, body: { carrier: 'yunda', parcels: [parcel] } })).status).toBe(201);
    const track = `/api/v1/logistics/track?waybillNo=${parcel.waybillNo}&phoneLast4=${parcel.recipientPhone.slice(-4)}`;
    const before = (await call(b, 'GET', track)).json; // B has the answer cached now
    const scan = await call(a, 'POST', '/api/v1/logistics/scans', { cookie: courier, body: { eventId: `two-process-${randomBytes(4).toString('hex')}`, waybillNo: parcel.waybillNo, type: 'sorted' } });
    expect(scan.status).toBe(201);
    const after = (await call(b, 'GET', track)).json;
    expect({ status: after.status, events: after.events.length }).toEqual({ status: 'sorted', events: before.events.length + 1 });
  });

  it('200 buyers spread over both processes buy exactly the 100 units there are', async () => {
    const skuId = await skuWithStock(2, 100);
    expect(await available(b, skuId)).toBe(100);
    const buyers = await seedBuyers(database, 200);
    const answers = await Promise.all(
      buyers.map((cookie, i) => call(i % 2 === 0 ? a : b, 'POST', '/api/v1/orders/checkout', { cookie, body: { items: [{ skuId, quantity: 1 }], paymentMethod: 'online', delivery: 'parcel', shipTo } })),
    );
    const tally = (status: number, code?: string) => answers.filter((r) => r.status === status && (!code || r.json.error?.code === code)).length;
    expect({ sold: tally(201), refused: tally(409, 'STOCK_INSUFFICIENT'), other: answers.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.text) }).toEqual({ sold: 100, refused: 100, other: [] });
    const stock = await database.db.selectFrom('catalog_stock').select(['on_hand', 'reserved']).where('sku_id', '=', skuId).execute();
    expect(stock.reduce((n, s) => n + s.on_hand - s.reserved, 0)).toBe(0);
    const bought = await database.db.selectFrom('orders_orders').select('buyer_user_id').where('buyer_user_id', 'like', 'usr_buyer%').execute();
    expect(bought).toHaveLength(100);
    for (const app of apps) expect(await available(app, skuId)).toBe(0);
  }, 300_000);

  it('a due job runs once while both processes poll for jobs: one run recorded per due time', async () => {
    interface Job { name: string; scheduled: boolean; everyMs: number | null; running: boolean; lastRun: { outcome: string } | null }
    interface Run { outcome: string; finishedAt: string | null; processId: string }
    const jobs = async (app: AppProcess) => (await call(app, 'GET', '/api/v1/jobs?limit=100', { cookie: county })).json.items as Job[];
    const runs = async (name: string) => (await call(b, 'GET', `/api/v1/jobs/${name}/runs?limit=50`, { cookie: county })).json.items as Run[];
    // Every scheduled job is first due when the processes start; those due again only after an hour or more are
    // due exactly once during this test.
    const hourly = (await jobs(a)).filter((j) => j.scheduled && (j.everyMs ?? 0) >= 3600_000).map((j) => j.name);
    expect(hourly.length).toBeGreaterThan(0);
    const settled = async (names: string[]) => (await jobs(b)).filter((j) => names.includes(j.name)).every((j) => j.lastRun !== null && !j.running);
    await pollUntil(() => settled(hourly));
    for (const name of hourly) expect((await runs(name)).map((r) => r.outcome)).toEqual(['succeeded']);

    // A second due time for one of them, made on A: whichever process ticks first runs it, and only that one.
    const [name] = hourly;
    expect((await call(a, 'POST', `/api/v1/jobs/${name}/run`, { cookie: county })).status).toBe(200);
    await pollUntil(async () => (await runs(name)).length >= 2 && (await settled([name])));
    expect((await runs(name)).map((r) => r.outcome)).toEqual(['succeeded', 'succeeded']);
  }, 300_000);

  // Last: a recall stops the sale of what was made of the batch, which the cases above must not meet.
  it("a recall opened on one process is on the other's public scan page at once", async () => {
    const batches = (await call(a, 'GET', '/api/v1/trace/batches?limit=100', { cookie: county })).json.items as { id: string; url: string; status: string }[];
    const batch = batches.find((x) => x.status === 'active')!;
    const page = async (app: AppProcess) => (await call(app, 'GET', new URL(batch.url).pathname)).text;
    const RECALLED = '本批次已被召回';
    expect(await page(b)).not.toContain(RECALLED); // B has the page's facts cached now
    const regulator = await signInOn(a, 'demo.regulator', DEMO_PASSWORD);
    expect((await call(a, 'POST', '/api/v1/trace/recalls', { cookie: regulator, body: { batchIds: [batch.id], reason: '两进程测试：农残复检' } })).status).toBe(201);
    expect(await page(b)).toContain(RECALLED);
  });

  /** The first SKU of the pepper co-op's product number `index`, counted to `onHand` units at the seller. */
  async function skuWithStock(index: number, onHand: number): Promise<string> {
    const sellerId = (await call(a, 'GET', '/api/v1/parties/sellers', { cookie: merchant })).json.items[0].id;
    const product = (await call(a, 'GET', `/api/v1/catalog/manage/products?sellerId=${sellerId}`, { cookie: merchant })).json.items[index];
    const skuId = product.skus[0].id as string;
    expect((await call(a, 'PUT', `/api/v1/catalog/skus/${skuId}/stock`, { cookie: merchant, body: { location: 'seller', onHand } })).status).toBe(200);
    return skuId;
  }

  /** What the public product page of one process says is left of a SKU. */
  async function available(app: AppProcess, skuId: string): Promise<number> {
    const product = (await call(app, 'GET', `/api/v1/catalog/products/${await productOf(skuId)}`)).json;
    return product.skus.find((k: { id: string }) => k.id === skuId).available;
  }

  /** How many order lines of the SKU there are (the demo's order history has some already). */
  async function itemsOf(skuId: string): Promise<number> {
    return (await database.db.selectFrom('orders_items').select('order_id').where('sku_id', '=', skuId).execute()).length;
  }

  async function productOf(skuId: string): Promise<string> {
    return (await database.db.selectFrom('catalog_skus').select('product_id').where('id', '=', skuId).executeTakeFirstOrThrow()).product_id;
  }
});
