// `npm run bench`: starts bench/server.ts in its own process, loads it with autocannon from this one, and prints
// req/s, p99 latency and the ratio to a bare Fastify route measured in the same run on the same machine: in turns
// with each scenario (ROUNDS times), since this machine's speed drifts by a factor of two within a run.
// `npm run bench -- --postgres` runs the app on the local PostgreSQL instead of SQLite.
// `npm run bench -- --only=track` runs only the route scenarios whose name holds that text, against the baselines.
// Statistics (bench/stats.ts): 10⁵ orders' worth of inputs rebuilt and read; `-- --stats-full` adds 10⁷ (hours here).
// Training (bench/training.ts): roster import, attendance ticks and scans, progress at 10⁴ and 10⁵ person-times;
// `-- --only=training` runs it with the baselines only.
// Stations (bench/stations.ts): a phone's sync of 1/50/500 records, replayed, figures at 10⁴ and 10⁵ records, a busy
// day's book; `-- --only=stations` runs it with the baselines only.
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import autocannon, { type Request } from 'autocannon';
import { measureGenealogy } from './genealogy.js';
import { measureIngest } from './ingest.js';
import { measureStarts, residentMb, startTable } from './start-memory.js';
import { measureStats, statsTables } from './stats.js';
import { measureThreeG, productOnSale, threeGTable } from './three-g.js';
import { measureStations, stationsTables } from './stations.js';
import { measureTraining, trainingTables } from './training.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = 3;
const CONNECTIONS = 16;
const usePostgres = process.argv.includes('--postgres');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

const server = spawn(process.execPath, ['--import', 'tsx', 'bench/server.ts'], {
  env: { ...process.env, ...(usePostgres && { BENCH_DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' }) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const ports: { app: number; bare: number; db: string; scanBatchId: string; scanPath: string; scanBytes: number } = await new Promise((resolve, reject) => {
  server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  readline.createInterface({ input: server.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** The bench server's resident memory once set up (demo data loaded), before any scenario. */
const serverSetUpMb = residentMb(server.pid!);

interface Load {
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string;
  /** Changes each request (a fresh scan id, another waybill). */
  vary?: (request: Request) => Request;
}

async function load(url: string, opts: Load = {}, warm = true) {
  const options = { url, connections: CONNECTIONS, headers: opts.headers ?? {}, method: opts.method ?? 'GET', ...(opts.body && { body: opts.body }), ...(opts.vary && { requests: [{ setupRequest: opts.vary }] }) };
  // A short warm-up first, so the JIT and caches are in the same state for every scenario.
  if (warm) await autocannon({ ...options, duration: 2 });
  const result = await autocannon({ ...options, duration: DURATION_S });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { reqPerSec: result.requests.average, p99Ms: result.latency.p99 };
}

const base = `http://127.0.0.1:${ports.app}`;

async function signIn(username: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'ludian-demo-2026' }) });
  return res.headers.get('set-cookie')!.split(';')[0];
}

async function api(path: string, cookie: string, method = 'GET', body?: object) {
  const res = await fetch(`${base}/api/v1${path}`, { method, headers: { cookie, ...(body && { 'content-type': 'application/json' }) }, body: body && JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

/** A SKU of the demo pepper co-op with the given stock, for the checkout scenarios. */
async function skuWithStock(merchant: string, index: number, onHand: number): Promise<string> {
  const sellerId = (await api('/parties/sellers', merchant)).json.items[0].id;
  const product = (await api(`/catalog/manage/products?sellerId=${sellerId}`, merchant)).json.items[index];
  const skuId = product.skus[0].id;
  await api(`/catalog/skus/${skuId}/stock`, merchant, 'PUT', { location: 'seller', onHand });
  return skuId;
}

const checkoutBody = (skuId: string) => JSON.stringify({ items: [{ skuId, quantity: 1 }], paymentMethod: 'online', delivery: 'parcel', shipTo: { name: '压测', phone: '13800000000', address: '上海', divisionCode: '310115' } });

/** 200 buyers at once for 100 units: how many got one, how many were refused, and whether stock held. */
async function race(buyer: string, merchant: string) {
  const skuId = await skuWithStock(merchant, 2, 100);
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: 200 }, () => api('/orders/checkout', buyer, 'POST', JSON.parse(checkoutBody(skuId)))));
  const ms = performance.now() - started;
  const sold = answers.filter((a) => a.status === 201).length;
  const refused = answers.filter((a) => a.json.error?.code === 'STOCK_INSUFFICIENT').length;
  return { sold, refused, ms };
}

/** Starts a tracking server holding `parcels` parcels (six scans each), bulk-loaded. */
async function trackingServer(parcels: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/tracking-server.ts'], { env: { ...process.env, BENCH_PARCELS: String(parcels) }, stdio: ['ignore', 'pipe', 'inherit'] });
  const info: { port: number; parcels: number; events: number; loadSeconds: number } = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`tracking server exited with ${code}`)));
    readline.createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
  });
  let k = 0;
  const path = () => `/api/v1/logistics/track?waybillNo=ZT${String(Math.floor((++k * 7_919) % parcels)).padStart(10, '0')}&phoneLast4=1234`;
  return { info, process: child, run: (warm: boolean) => load(`http://127.0.0.1:${info.port}${path()}`, { vary: (req) => ({ ...req, path: path() }) }, warm) };
}

/** Public tracking lookups of random waybills against each database size, in turns (ROUNDS times; medians). */
async function trackingAtScale(sizes: number[]) {
  const servers = [];
  try {
    for (const size of sizes) servers.push(await trackingServer(size));
    const results = servers.map(() => [] as Awaited<ReturnType<typeof load>>[]);
    for (let round = 0; round < ROUNDS; round++) for (const [i, server] of servers.entries()) results[i].push(await server.run(round === 0));
    return servers.map((server, i) => ({ ...server.info, reqPerSec: median(results[i].map((r) => r.reqPerSec)), p99Ms: median(results[i].map((r) => r.p99Ms)) }));
  } finally {
    for (const server of servers) server.process.kill('SIGTERM');
  }
}

try {
  const county = await signIn('demo.county');
  const buyer = await signIn('demo.consumer');
  const merchant = await signIn('demo.merchant');
  const checkoutSku = await skuWithStock(merchant, 1, 10_000_000);

  const courier = await signIn('demo.courier');
  const demoParcels = ((await api('/logistics/parcels?limit=500&direction=down', county)).json.items as { waybillNo: string | null; recipientPhone: string; status: string }[]).filter((p) => p.waybillNo);
  const scannable = (p: { status: string }) => ['created', 'received_county', 'sorted'].includes(p.status);
  const sortable = demoParcels.filter(scannable).map((p) => p.waybillNo);
  // Tracked parcels are the others: the single-scan scenario gives each of its parcels hundreds of scans.
  const tracked = demoParcels.filter((p) => !scannable(p)).map((p) => `/api/v1/logistics/track?waybillNo=${p.waybillNo}&phoneLast4=${p.recipientPhone.slice(-4)}`);
  let n = 0;

  const baseline = await load(`http://127.0.0.1:${ports.bare}/bare`);
  const pageBaseline = await load(`http://127.0.0.1:${ports.bare}/bare-page`);
  const scanBaseline = await load(`http://127.0.0.1:${ports.bare}/bare-scan`);
  const units = ((await api(`/trace/batches/${ports.scanBatchId}/packages?level=unit&limit=100`, county)).json.items ?? []) as { url: string }[];
  const scenarios: [string, (warm: boolean) => ReturnType<typeof load>, string?][] = [
    ['GET /api/health', (warm) => load(`${base}/api/health`, {}, warm)],
    ['GET /api/v1/auth/me (signed in: the session and the user, the floor of every signed-in route)', (warm) => load(`${base}/api/v1/auth/me`, { headers: { cookie: courier } }, warm)],
    ['GET /api/v1/network/sites (default page of 50)', (warm) => load(`${base}/api/v1/network/sites`, { headers: { cookie: county } }, warm), '/bare-page'],
    ['GET /api/v1/network/coverage', (warm) => load(`${base}/api/v1/network/coverage`, { headers: { cookie: county } }, warm)],
    ['GET /api/v1/catalog/search (product list, page of 20)', (warm) => load(`${base}/api/v1/catalog/search`, {}, warm)],
    ['GET /api/v1/catalog/search?q=花椒 (Chinese search)', (warm) => load(`${base}/api/v1/catalog/search?q=${encodeURIComponent('花椒')}`, {}, warm)],
    ['POST /api/v1/logistics/scans (one scan, a fresh event id each)', (warm) => load(`${base}/api/v1/logistics/scans`, { method: 'POST', headers: { cookie: courier, 'content-type': 'application/json' }, vary: (r) => ({ ...r, body: JSON.stringify({ eventId: `bench-${++n}`, waybillNo: sortable[n % sortable.length], type: 'sorted' }) }) }, warm)],
    ['GET /api/v1/logistics/track (public lookup, another waybill each)', (warm) => load(`${base}${tracked[0]}`, { vary: (r) => ({ ...r, path: tracked[++n % tracked.length] }) }, warm)],
    ['GET /01/{gtin}/10/{lot} (public scan page of a batch)', (warm) => load(`${base}${ports.scanPath}`, {}, warm), '/bare-scan'],
    ['GET /01/{gtin}/10/{lot}/21/{serial} (scan page of a unit, scan counted)', (warm) => load(`${base}${ports.scanPath}`, { vary: (r) => ({ ...r, path: new URL(units[++n % units.length].url).pathname }) }, warm)],
    ['POST /api/v1/orders/checkout (orders/s, 1 line, stock reserved)', (warm) => load(`${base}/api/v1/orders/checkout`, { method: 'POST', body: checkoutBody(checkoutSku), headers: { cookie: buyer, 'content-type': 'application/json' } }, warm)],
  ];
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
  const rows: string[][] = [
    ['bare Fastify route (baseline)', String(Math.round(baseline.reqPerSec)), String(baseline.p99Ms), '', '100 %', ''],
    ['bare Fastify route sending the sites page body, pre-serialised', String(Math.round(pageBaseline.reqPerSec)), String(pageBaseline.p99Ms), '', pct(pageBaseline.reqPerSec / baseline.reqPerSec), '100 %'],
    ['bare Fastify route sending the scan page, pre-rendered', String(Math.round(scanBaseline.reqPerSec)), String(scanBaseline.p99Ms), '', pct(scanBaseline.reqPerSec / baseline.reqPerSec), ''],
  ];
  for (const [name, run, sameBody] of scenarios) {
    if (only && !name.includes(only)) continue;
    // The machine's speed drifts within a run: each scenario is compared with the bare route measured just before it.
    const turns: { r: Awaited<ReturnType<typeof load>>; bare: number; page: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const bare = (await load(`http://127.0.0.1:${ports.bare}/bare`, {}, round === 0)).reqPerSec;
      const page = sameBody ? (await load(`http://127.0.0.1:${ports.bare}${sameBody}`, {}, round === 0)).reqPerSec : NaN;
      turns.push({ r: await run(round === 0), bare, page });
    }
    rows.push([
      name,
      String(Math.round(median(turns.map((t) => t.r.reqPerSec)))),
      String(median(turns.map((t) => t.r.p99Ms))),
      String(Math.round(median(turns.map((t) => t.bare)))),
      pct(median(turns.map((t) => t.r.reqPerSec / t.bare))),
      sameBody ? pct(median(turns.map((t) => t.r.reqPerSec / t.page))) : '',
    ]);
  }
  const serverAfterRoutesMb = residentMb(server.pid!);
  const printRoutes = () => {
    console.log(`\nCountyHub bench — ${ports.db}, ${CONNECTIONS} connections, ${DURATION_S} s per scenario, ${new Date().toISOString()}\n`);
    console.log('| scenario | req/s | p99 ms | bare route just before, req/s | ratio to bare route | ratio to same-size body |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  };
  // Training (issue 15, bench/training.ts): roster import, attendance, progress — in this process, its own app and baselines.
  const training = !only || only === 'training' ? await measureTraining({ url: usePostgres ? (process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test') : '', seconds: DURATION_S, sizes: process.argv.includes('--quick') ? [10_000] : [10_000, 100_000] }) : null;
  // Stations (issue 16, bench/stations.ts): sync, replay, figures, day book — in this process, its own app and baselines.
  const stations = !only || only === 'stations' ? await measureStations({ url: usePostgres ? (process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test') : '', sizes: process.argv.includes('--quick') ? [10_000] : [10_000, 100_000] }) : null;
  if (only) {
    printRoutes();
    if (training) console.log(`\n${trainingTables(training)}`);
    if (stations) console.log(`\n${stationsTables(stations)}`);
    server.kill('SIGTERM');
    process.exit(0);
  }
  const raced = await race(buyer, merchant);
  const ingest = usePostgres ? null : await measureIngest();
  const genealogy = await measureGenealogy(usePostgres ? (process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test') : '');
  const statsResults: Awaited<ReturnType<typeof measureStats>>[] = [];
  for (const orders of process.argv.includes('--stats-full') ? [100_000, 10_000_000] : [100_000]) {
    statsResults.push(await measureStats({ url: usePostgres ? (process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test') : '', orders, calls: process.argv.includes('--quick') ? 20 : 50 }));
  }
  const scale = usePostgres || process.argv.includes('--quick') ? [] : await trackingAtScale([10_000, Number(process.env.BENCH_SCALE_PARCELS ?? 1_000_000)]);
  const starts = await measureStarts(process.argv.includes('--quick') ? 3 : 5);
  // The shop in a browser under 3G: needs the built console (dist/web).
  const threeG = await measureThreeG(base, await productOnSale(base), process.argv.includes('--quick') ? 1 : 3);
  printRoutes();
  console.log(`\n${startTable(starts)}`);
  console.log(`\n${threeGTable(threeG)}`);
  console.log(`\nResident memory of the bench server (the app and the bare route in one process, run from the sources through tsx): ${serverSetUpMb} MB set up with the demo data, ${serverAfterRoutesMb} MB after the route scenarios.`);
  console.log(`\n200 buyers racing for 100 units: ${raced.sold} sold, ${raced.refused} refused with STOCK_INSUFFICIENT, in ${Math.round(raced.ms)} ms.`);
  if (ingest) console.log(`\nBatch scan ingest (${ingest.events} events in batches of 5 000, SQLite): ${Math.round(ingest.apiEventsPerSec)} events/s through the API; a raw better-sqlite3 batched insert of the same rows: ${Math.round(ingest.rawEventsPerSec)} events/s; ratio ${pct(ingest.apiEventsPerSec / ingest.rawEventsPerSec)}.`);
  console.log(`\nPublic scan page: ${ports.scanBytes} bytes of HTML (no images, no script).`);
  console.log(`\nForward genealogy of a batch sold in ${genealogy.orders.toLocaleString('en')} orders (median of 11): ${genealogy.serviceMs.toFixed(1)} ms in the service, ${genealogy.httpMs.toFixed(1)} ms through the HTTP route (${Math.round(genealogy.bytes / 1024)} KB of JSON); loading the orders took ${genealogy.loadSeconds.toFixed(0)} s.`);
  console.log(`\n${statsTables(statsResults)}`);
  if (training) console.log(`\n${trainingTables(training)}`);
  if (stations) console.log(`\n${stationsTables(stations)}`);
  if (scale.length) {
    console.log('\n| tracking lookup with | parcels | events | req/s | p99 ms | bulk load s |\n| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const r of scale) console.log(`| ${r.parcels.toLocaleString('en')} parcels | ${r.parcels} | ${r.events} | ${Math.round(r.reqPerSec)} | ${r.p99Ms} | ${r.loadSeconds.toFixed(0)} |`);
  }
  if (raced.sold !== 100 || raced.refused !== 100) throw new Error('the race sold a wrong number of units');
} finally {
  server.kill('SIGTERM');
}
