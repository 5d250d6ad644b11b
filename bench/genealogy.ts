// Forward genealogy for `npm run bench`: one harvest batch sold in 10 000 orders (placed through the orders
// service, so each is allocated to the batch the way a real sale is), then batch → stock → orders → parcels →
// buyers timed through the service and through the HTTP route. The goal is under 100 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { bootstrap } from '../src/flows/bootstrap.js';
import { systemContext } from '../src/kernel/context.js';
import { dropPostgresSchema, openDatabase } from '../src/kernel/db.js';

const ORDERS = Number(process.env.BENCH_GENEALOGY_ORDERS ?? 10_000);
const shipTo = { name: '压测买家', phone: '13800000000', address: '上海市浦东新区', divisionCode: '310115' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function measureGenealogy(url = ''): Promise<{ orders: number; serviceMs: number; httpMs: number; bytes: number; loadSeconds: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-genealogy-'));
  const schema = 'countyhub_bench_genealogy';
  if (url) await dropPostgresSchema(url, schema);
  const config = { dataDir, databaseUrl: url, secureCookies: false, trustProxy: false, countyCode: '530621', dataKey: '', adminPassword: 'bench-admin-2026', demoData: true, demoMode: true };
  const database = await openDatabase(url ? { url, pgSchema: schema } : { sqliteFile: path.join(dataDir, 'countyhub.sqlite') });
  const { app, modules } = await buildApp({ config, database });
  try {
    await bootstrap(modules, config);
    const county = systemContext('530621');
    const consumer = (await modules.identity.service.listUsers(county, { q: 'demo.consumer' }, 1)).items[0];
    const buyer = { principal: { userId: consumer.id, username: 'demo.consumer', displayName: 'demo.consumer', roles: ['consumer' as const], scope: { kind: 'county' as const, id: '530621' }, via: 'system' as const }, ip: '127.0.0.1', requestId: 'bench' };
    const started = performance.now();
    const plot = (await modules.trace.producers.plots(county, { crop: 'pepper' }, 1)).items[0];
    const today = new Date().toISOString().slice(0, 10);
    const { batch } = await modules.trace.records.add(county, plot.id, { kind: 'harvest', occurredOn: today, harvest: { quantity: 5000, unit: 'kg' } });
    const seller = (await modules.trace.producers.list(county, 500)).items.find((p) => p.id === plot.producerId)!.sellerId!;
    const product = await modules.catalog.catalog.createProduct(county, { sellerId: seller, categoryId: 'cat_pepper', name: '压测花椒', originCode: '530621110205', status: 'listed', skus: [{ spec: '100克', unit: '袋', netWeightG: 100, priceFen: 1000, stock: 0 }] });
    const skuId = product.skus[0].id;
    await modules.trace.batches.stock(county, batch!.id, { skuId, quantity: ORDERS }, '');
    for (let i = 0; i < ORDERS; i++) await modules.orders.service.checkout(buyer, { items: [{ skuId, quantity: 1 }], paymentMethod: 'online', delivery: 'parcel', shipTo });
    const loadSeconds = (performance.now() - started) / 1000;

    const serviceMs: number[] = [];
    for (let i = 0; i < 11; i++) {
      const t0 = performance.now();
      const g = await modules.trace.genealogy.of(county, batch!.id);
      serviceMs.push(performance.now() - t0);
      if (g.forward.orderCount !== ORDERS) throw new Error(`forward genealogy found ${g.forward.orderCount} orders, not ${ORDERS}`);
    }
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'demo.regulator', password: 'ludian-demo-2026' } });
    const cookie = `countyhub_session=${login.cookies[0].value}`;
    const httpMs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 11; i++) {
      const t0 = performance.now();
      const res = await app.inject({ url: `/api/v1/trace/batches/${batch!.id}/genealogy`, headers: { cookie } });
      httpMs.push(performance.now() - t0);
      bytes = res.body.length;
    }
    return { orders: ORDERS, serviceMs: median(serviceMs), httpMs: median(httpMs), bytes, loadSeconds };
  } finally {
    await app.close();
    if (url) await dropPostgresSchema(url, schema);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await measureGenealogy(process.env.BENCH_DATABASE_URL ?? ''));
