/**
 * The app on a SQLite file, driven by the settlement crash test (settlement-kill.test.ts) in three modes:
 *   seed    — the demo county, and a presale that will miss its target with BACKERS paid backings (before its deadline)
 *   settle  — after the deadline: presale settlement as housekeeping runs it (this run is the one killed)
 *   ledger  — prints the county's poverty-alleviation income (fen) as auditors read it
 * Each prints one JSON line on stdout.
 */
import path from 'node:path';
import { buildApp } from '../../src/app.js';
import { systemContext } from '../../src/kernel/context.js';
import { openDatabase } from '../../src/kernel/db.js';
import { loadDemoData } from '../../src/flows/load-demo-data.js';
import { DEMO_PASSWORD } from '../../src/seed/ludian.js';

const [mode, dataDir, backers = '300'] = process.argv.slice(2);
const POINT = 'site_ld3_530621110205';
const BEFORE = '2026-08-01T02:00:00.000Z';
const AFTER = '2026-08-05T02:00:00.000Z';
const now = new Date(mode === 'seed' ? BEFORE : AFTER);
const database = await openDatabase({ sqliteFile: path.join(dataDir, 'countyhub.sqlite') });
const { app, modules } = await buildApp({ config: { dataDir, databaseUrl: '', secureCookies: false, trustProxy: false, dataKey: process.env.COUNTYHUB_DATA_KEY! }, database, clock: { now: () => new Date(now) } });
await app.ready();

async function signIn(username: string) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  const cookie = res.cookies.find((c) => c.name === 'countyhub_session');
  if (!cookie) throw new Error(`sign-in of ${username} failed: ${res.body}`);
  return { cookie: `countyhub_session=${cookie.value}` };
}
const call = async (who: { cookie: string }, method: 'GET' | 'POST', url: string, payload?: object) => {
  const res = await app.inject({ method, url: `/api/v1${url}`, headers: who, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};
const income = async () => {
  const county = await signIn('demo.county');
  const rows: { incomeFen: number }[] = (await call(county, 'GET', '/parties/ledger?by=township')).items;
  return rows.reduce((n, r) => n + r.incomeFen, 0);
};

if (mode === 'seed') {
  await loadDemoData(modules, systemContext('530621'), { logistics: false, trace: false });
  const [merchant, consumer, village] = [await signIn('demo.merchant'), await signIn('demo.consumer'), await signIn('demo.village')];
  const before = await income();
  const sellerId = (await call(merchant, 'GET', '/parties/sellers')).items[0].id;
  const skuId = (await call(merchant, 'GET', `/catalog/manage/products?sellerId=${sellerId}`)).items[0].skus[0].id;
  const campaign = await call(merchant, 'POST', '/orders/campaigns', { skuId, title: '崩溃测试预售', priceFen: 2990, targetQty: 100_000, deadline: '2026-08-03T12:00:00.000Z', shipDate: '2026-08-10' });
  const shipTo = { name: '王芳', phone: '13900139000', address: '昆明市五华区', divisionCode: '530102' };
  for (let i = 0; i < Number(backers); i++) {
    const order = await call(consumer, 'POST', `/orders/campaigns/${campaign.id}/back`, { quantity: 1, paymentMethod: 'village_cash', delivery: 'parcel', pickupSiteId: POINT, shipTo });
    await call(village, 'POST', `/orders/${order.id}/cash-received`);
  }
  console.log(JSON.stringify({ campaignId: campaign.id, incomeBefore: before, incomePaid: await income() }));
} else if (mode === 'settle') {
  console.log(JSON.stringify({ settled: await modules.orders.campaigns.settleDue() }));
} else {
  console.log(JSON.stringify({ income: await income() }));
}
await app.close();
await database.close().catch(() => undefined);
