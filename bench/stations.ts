// 站点服务 (issue 16): a phone's sync through the till's one write path, the same batch replayed, the county's figures
// over a month at 10⁴ and 10⁵ records, and a busy day's book — each as a ratio to a baseline measured in the same run
// on the same machine (never a timed assertion in a test).
//
// One process: the app with the Ludian demo data on a fresh SQLite file or PostgreSQL schema, requests through the
// real routes with app.inject (routing, session lookup, role and site checks, per-record validation, serialisation;
// no socket), beside a bare Fastify route answering {"status":"ok"} through bare.inject in the same process and a raw
// insert of the same number of rows, in turns.
//
// 1. Sync: POST /stations/records/batch from the village operator (demo.village) at its own point, batches of 1, 50
//    and 500 mixed records (electricity bills, farm-input sales, 代买 requests, 收购 receipts of 3 graded lines), one
//    batch at a time as a phone sends them; each turn a bare-route call, a raw insert of the same number of rows into
//    a plain table of stations_records' columns (one transaction, multi-row inserts of ≤ 500), then the batch.
//    Records per second, p50/p99 per batch, ratio to the raw insert.
// 2. Replay: the same batches sent again (every record a duplicate: found by clientId, the stored record returned).
// 3. Figures: GET /stations/figures (county, a month, by site and by township) with 10⁴ and 10⁵ records in
//    stations_records, topped up by batched direct inserts (bench only: rows of the table's shape at the county's other
//    sites over the month, with their day rows) whose daily tallies are then made by the tallies migration's backfill
//    (as for an upgraded county; the route's own records got theirs in their transactions), sequential calls in turns
//    with the bare route: p50/p99, this process's CPU per call, and — the before of the same run — the three GROUP BY
//    reads of stations_records that FiguresRepository.cells ran before the tallies, alone.
// 4. Day book: GET /stations/days/:siteId/:day for a busy day (300 records made through the route today at the point,
//    besides what the demo data made there), and for the same day once the sync scenarios have filled it.
//
//   node --import tsx bench/stations.ts [--postgres] [--sizes=10000,100000] [--quick]
// `npm run bench` runs it on its engine (also with --only=stations).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { buildApp, createModules } from '../src/app.js';
import { bootstrap } from '../src/flows/bootstrap.js';
import { shanghaiDate } from '../src/kernel/clock.js';
import { dropPostgresSchema, openDatabase } from '../src/kernel/db.js';
import { DEFAULT_FARM_INPUTS, stationsModule } from '../src/modules/stations/index.js';

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;
const COUNTY = '530621';
const OWN_POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, demo.village's
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const median = (xs: number[]) => quantile(xs, 0.5);
const load = () => os.loadavg().map((x) => Math.round(x * 10) / 10);

/** 花椒 measurements of the default grades: 特级, 一级, off-grade. */
const SPECIAL = { moisture: 9.5, impurity: 0.8, opening: 96 };
const FIRST = { moisture: 10.5, impurity: 1.5, opening: 92 };
const OFF = { moisture: 15, impurity: 1, opening: 96 };

export interface Timing {
  p50Ms: number;
  p99Ms: number;
  cpuMs: number;
  bareP50Ms: number;
  bareP99Ms: number;
  bytes: number;
  calls: number;
}

export interface StationsBenchResult {
  engine: string;
  loadAverage: { start: number[]; end: number[] };
  sync: { size: number; batches: number; recordsPerSec: number; p50Ms: number; p99Ms: number; rawRowsPerSec: number; rawP50Ms: number; ratio: number; bareP50Ms: number; cpuMsPerRecord: number; answerBytes: number }[];
  replay: { size: number; batches: number; recordsPerSec: number; p50Ms: number; p99Ms: number; rawRowsPerSec: number; ratio: number; cpuMsPerRecord: number }[];
  figures: ({ records: number; label: string; readsP50Ms: number; readsCpuMs: number; insertSeconds: number; tallySeconds: number; rows: number } & Timing)[];
  dayBook: ({ label: string; records: number } & Timing)[];
}

export async function measureStations(opts: { url?: string; sizes?: number[]; turns?: Record<number, number>; calls?: number; log?: (line: string) => void } = {}): Promise<StationsBenchResult> {
  const url = opts.url ?? '';
  const sizes = opts.sizes ?? [10_000, 100_000];
  const turnsOf = opts.turns ?? { 1: 200, 50: 30, 500: 10 };
  const calls = opts.calls ?? 40;
  const log = opts.log ?? ((line: string) => console.error(line));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-stations-bench-'));
  const schema = 'countyhub_bench_stations';
  if (url) await dropPostgresSchema(url, schema);
  const config = { dataDir, databaseUrl: url, secureCookies: false, trustProxy: false, countyCode: COUNTY, dataKey: '', adminPassword: 'bench-admin-2026', demoData: true, demoMode: true };
  const database = await openDatabase(url ? { url, pgSchema: schema } : { sqliteFile: path.join(dataDir, 'countyhub.sqlite') });
  const { app, modules } = await buildApp({ config, database });
  app.addHook('onError', async (request, _reply, err) => log(`  ${request.url}: ${err.stack ?? err.message}`));
  const bare = Fastify();
  bare.get('/bare', async () => ({ status: 'ok' }));
  const start = load();
  try {
    // As a real start does (src/main.ts): with modulesAt, so the demo's month of station records is written too.
    const booted = performance.now();
    await bootstrap(modules, config, (clock) => createModules(database, clock, config));
    log(`  ${database.dialect}: demo data loaded in ${((performance.now() - booted) / 1000).toFixed(0)} s`);
    await app.ready();
    await bare.ready();
    const db = database.db as unknown as AnyDb;
    const engine = database.dialect;
    const signIn = async (username: string) => {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'ludian-demo-2026' } });
      if (login.statusCode !== 200) throw new Error(`sign-in ${username}: ${login.statusCode} ${login.body}`);
      return `countyhub_session=${login.cookies[0]!.value}`;
    };
    const county = await signIn('demo.county');
    const village = await signIn('demo.village');
    const call = async (cookie: string, method: 'GET' | 'POST', path: string, payload?: object) => {
      const res = await app.inject({ method, url: `/api/v1${path}`, headers: { cookie }, ...(payload && { payload }) });
      if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${res.body.slice(0, 400)}`);
      return res.json();
    };
    const bareCall = async () => {
      const t = performance.now();
      const res = await bare.inject({ url: '/bare' });
      if (res.statusCode !== 200) throw new Error('bare');
      return performance.now() - t;
    };

    // ---- Reference data: a farm input with stock at the point (catalogue entry by the county if the demo has none) ----
    let inputs = (await call(county, 'GET', '/stations/farm-inputs?limit=100')).items as { id: string; name: string; restricted?: boolean; kind: string }[];
    if (!inputs.some((i) => !i.restricted)) {
      for (const input of DEFAULT_FARM_INPUTS.slice(0, 6)) await call(county, 'POST', '/stations/farm-inputs', input);
      inputs = (await call(county, 'GET', '/stations/farm-inputs?limit=100')).items;
    }
    const inputIds = inputs.filter((i) => !i.restricted).map((i) => i.id).slice(0, 4);
    let serial = 0;
    const clientId = (label: string) => `${label}-${(++serial).toString(36).padStart(6, '0')}-${crypto.randomBytes(4).toString('hex')}`;
    const receiptCode = () => crypto.randomBytes(18).toString('base64url');
    const nowIso = () => new Date(Date.now() - 60_000).toISOString();
    const stockIn = async (at: string) => {
      const records = inputIds.map((inputId) => ({ clientId: clientId('in'), type: 'farm_input.stock_in', at, inputId, quantity: 100_000 }));
      const answer = await call(village, 'POST', '/stations/records/batch', { siteId: OWN_POINT, records });
      for (const o of answer.outcomes) if (o.status !== 'stored') throw new Error(`stock in: ${JSON.stringify(o)}`);
    };
    await stockIn(nowIso());

    // Villagers: 300 at the point, two in three with a phone, one in seven poor (found again by phone, else by name).
    const surnames = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何罗高林';
    const given = ['明', '丽', '强', '芳', '军', '燕', '勇', '霞', '平', '红', '华', '琴', '春', '梅', '德', '发'];
    const villagers = Array.from({ length: 300 }, (_, i) => ({
      name: `${surnames[i % surnames.length]}${given[(i >> 2) % given.length]}${given[(i * 7) % given.length]}`,
      ...(i % 3 !== 2 && { phone: `139${String(20_000_000 + i * 37).slice(-8)}` }),
      ...(i % 7 === 0 && { poor: true }),
    }));
    /** Record k of a phone's day: a bill, a farm-input sale, a 代买 request or a 3-line 收购 receipt, in turn. */
    const record = (k: number, at: string): Record<string, unknown> => {
      const common = { clientId: clientId(['bill', 'sale', 'pbuy', 'buy'][k % 4]!), at, receiptCode: receiptCode(), customer: villagers[(k * 13) % villagers.length] };
      switch (k % 4) {
        case 0:
          return { ...common, type: 'bill.pay', service: 'electricity', providerId: 'yn_power', accountNo: `0531${String(100_000 + (k % 5_000))}`, amountFen: 3_000 + (k % 40) * 250, feeFen: 100, paidBy: k % 8 ? 'cash' : 'transfer' };
        case 1:
          return { ...common, type: 'farm_input.sale', inputId: inputIds[k % inputIds.length], quantity: 1 + (k % 3) };
        case 2:
          return { ...common, type: 'proxy_buy.request', item: ['儿童羽绒服 130 码', '电饭煲 4 升', '化肥撒播器', '老人手机'][k % 4], quantityText: '1 件', budgetFen: 20_000, depositFen: 5_000 };
        default:
          return { ...common, type: 'purchase.receipt', produce: 'pepper', paidBy: 'cash', lines: [{ grossG: 25_400, tareG: 400, measurements: SPECIAL }, { grossG: 10_300, tareG: 300, measurements: FIRST }, { grossG: 4_200, tareG: 200, measurements: OFF }] };
      }
    };

    // The raw baseline: a plain table of stations_records' columns (primary key only), the same number of rows.
    await db.schema
      .createTable('bench_stations_raw')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('township_code', 'text', (c) => c.notNull())
      .addColumn('village_code', 'text')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('service', 'text')
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('receipt_code', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_by_name', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text')
      .addColumn('amount_fen', 'bigint', (c) => c.notNull())
      .addColumn('fee_fen', 'bigint', (c) => c.notNull())
      .addColumn('cash_in_fen', 'bigint', (c) => c.notNull())
      .addColumn('cash_out_fen', 'bigint', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('voided_by', 'text')
      .addColumn('void_reason', 'text')
      .addColumn('poor', 'integer', (c) => c.notNull())
      .execute();
    let rawNo = 0;
    const rawRow = (r: Record<string, unknown>) => ({
      id: `raw_${++rawNo}`,
      site_id: OWN_POINT,
      township_code: '530621110',
      village_code: '530621110205',
      day: shanghaiDate(new Date(r.at as string)),
      type: r.type,
      service: null,
      client_id: r.clientId,
      receipt_code: r.receiptCode,
      at: r.at,
      recorded_at: new Date().toISOString(),
      recorded_by: 'bench',
      recorded_by_name: '压测',
      customer_id: null,
      amount_fen: 5_000,
      fee_fen: 100,
      cash_in_fen: 5_000,
      cash_out_fen: 0,
      details: JSON.stringify(r),
      summary: '压测记录 · ¥50.00',
      note: null,
      voided_by: null,
      void_reason: null,
      poor: 0,
    });
    const rawInsert = async (records: Record<string, unknown>[]) => {
      const rows = records.map(rawRow);
      const t = performance.now();
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += 500) await trx.insertInto('bench_stations_raw').values(rows.slice(i, i + 500)).execute();
      });
      return performance.now() - t;
    };
    const sendBatch = async (records: Record<string, unknown>[], expect: 'stored' | 'duplicate') => {
      const c0 = process.cpuUsage();
      const t = performance.now();
      const res = await app.inject({ method: 'POST', url: '/api/v1/stations/records/batch', headers: { cookie: village }, payload: { siteId: OWN_POINT, records } });
      const ms = performance.now() - t;
      const c = process.cpuUsage(c0);
      if (res.statusCode !== 200) throw new Error(`batch: ${res.statusCode} ${res.body.slice(0, 400)}`);
      const outcomes = (res.json() as { outcomes: { status: string; code: string | null; message: string | null }[] }).outcomes;
      const wrong = outcomes.find((o) => o.status !== expect);
      if (wrong || outcomes.length !== records.length) throw new Error(`batch: expected every record ${expect}, got ${JSON.stringify(wrong)}`);
      return { ms, cpuMs: (c.user + c.system) / 1000, bytes: res.body.length };
    };

    let k = 0;
    /** `calls` sequential calls after 3 of warm-up, each beside a bare-route call; the answer checked by `check`. */
    const timed = async (cookie: string, path: string, n: number, check: (body: unknown) => void, alone?: () => Promise<unknown>): Promise<Timing & { aloneP50Ms: number; aloneCpuMs: number }> => {
      const samples: number[] = [];
      const cpu: number[] = [];
      const bareSamples: number[] = [];
      const aloneSamples: number[] = [];
      const aloneCpuSamples: number[] = [];
      let bytes = 0;
      for (let round = 0; round < 3 + n; round++) {
        const b = await bareCall();
        const c0 = process.cpuUsage();
        const t = performance.now();
        const res = await app.inject({ url: `/api/v1${path}`, headers: { cookie } });
        const ms = performance.now() - t;
        const c = process.cpuUsage(c0);
        if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        if (round === 0) check(res.json());
        bytes = res.body.length;
        let aloneMs = NaN;
        let aloneCpu = NaN;
        if (alone) {
          const c1 = process.cpuUsage();
          const t1 = performance.now();
          await alone();
          aloneMs = performance.now() - t1;
          const c2 = process.cpuUsage(c1);
          aloneCpu = (c2.user + c2.system) / 1000;
        }
        if (round >= 3) {
          samples.push(ms);
          cpu.push((c.user + c.system) / 1000);
          bareSamples.push(b);
          aloneSamples.push(aloneMs);
          aloneCpuSamples.push(aloneCpu);
        }
      }
      return { p50Ms: median(samples), p99Ms: quantile(samples, 0.99), cpuMs: median(cpu), bareP50Ms: median(bareSamples), bareP99Ms: quantile(bareSamples, 0.99), bytes, calls: n, aloneP50Ms: median(aloneSamples), aloneCpuMs: median(aloneCpuSamples) };
    };
    const today = shanghaiDate(new Date());
    const recordsOfToday = async () => Number((await db.selectFrom('stations_records').select((eb) => eb.fn.countAll().as('n')).where('site_id', '=', OWN_POINT).where('day', '=', today).executeTakeFirstOrThrow()).n);
    const dayBook: StationsBenchResult['dayBook'] = [];
    const measureDayBook = async (label: string, n: number) => {
      const records = await recordsOfToday();
      const r = await timed(village, `/stations/days/${OWN_POINT}/${today}`, n, (body) => {
        const got = (body as { records: unknown[] }).records.length;
        if (got !== records) throw new Error(`day book of ${today}: ${got} records, the table holds ${records}`);
      });
      dayBook.push({ label, records, ...r });
      log(`  ${engine}: day book, ${label} (${records} records): p50 ${r.p50Ms.toFixed(1)} ms, CPU ${r.cpuMs.toFixed(1)} ms, ${r.bytes} bytes`);
    };

    // ---- 4. A busy day: 300 records today at the point through the route (6 batches of 50; older days at the point
    // may be closed by the demo data), its book read; read again once the sync scenarios have filled the day ----
    for (let b = 0; b < 6; b++) await sendBatch(Array.from({ length: 50 }, () => record(k++, nowIso())), 'stored');
    await measureDayBook('a busy day', calls);

    // ---- 1 and 2. Sync, then the same batches replayed ----
    const sync: StationsBenchResult['sync'] = [];
    const replay: StationsBenchResult['replay'] = [];
    const sent = new Map<number, Record<string, unknown>[][]>();
    // Warm-up (not counted): one of each size, so the JIT and the validators are in the same state for every size.
    for (const size of [1, 50, 500]) await sendBatch(Array.from({ length: size }, () => record(k++, nowIso())), 'stored');
    for (const size of [1, 50, 500]) {
      const turns = turnsOf[size] ?? 10;
      const batches: Record<string, unknown>[][] = [];
      const ms: number[] = [];
      const cpu: number[] = [];
      const raw: number[] = [];
      const bareMs: number[] = [];
      const bytes: number[] = [];
      for (let turn = 0; turn < turns; turn++) {
        const records = Array.from({ length: size }, () => record(k++, nowIso()));
        bareMs.push(await bareCall());
        raw.push(await rawInsert(records));
        const r = await sendBatch(records, 'stored');
        ms.push(r.ms);
        cpu.push(r.cpuMs);
        bytes.push(r.bytes);
        batches.push(records);
      }
      sent.set(size, batches);
      const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const recordsPerSec = (size * turns) / (total(ms) / 1000);
      const rawRowsPerSec = (size * turns) / (total(raw) / 1000);
      sync.push({ size, batches: turns, recordsPerSec, p50Ms: median(ms), p99Ms: quantile(ms, 0.99), rawRowsPerSec, rawP50Ms: median(raw), ratio: recordsPerSec / rawRowsPerSec, bareP50Ms: median(bareMs), cpuMsPerRecord: total(cpu) / (size * turns), answerBytes: median(bytes) });
      log(`  ${engine}: sync, batches of ${size}: ${Math.round(recordsPerSec)} records/s (raw ${Math.round(rawRowsPerSec)} rows/s), p50 ${median(ms).toFixed(1)} ms`);
    }
    for (const size of [1, 50, 500]) {
      const batches = sent.get(size)!;
      const ms: number[] = [];
      const cpu: number[] = [];
      const raw: number[] = [];
      for (const records of batches) {
        await bareCall();
        raw.push(await rawInsert(records));
        const r = await sendBatch(records, 'duplicate');
        ms.push(r.ms);
        cpu.push(r.cpuMs);
      }
      const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const recordsPerSec = (size * batches.length) / (total(ms) / 1000);
      const rawRowsPerSec = (size * batches.length) / (total(raw) / 1000);
      replay.push({ size, batches: batches.length, recordsPerSec, p50Ms: median(ms), p99Ms: quantile(ms, 0.99), rawRowsPerSec, ratio: recordsPerSec / rawRowsPerSec, cpuMsPerRecord: total(cpu) / (size * batches.length) });
      log(`  ${engine}: replay, batches of ${size}: ${Math.round(recordsPerSec)} records/s`);
    }
    await measureDayBook('the same day once the sync filled it', Math.max(5, Math.floor(calls / 4)));

    // ---- 3. Figures over a month at 10⁴ and 10⁵ records (topped up by direct inserts, bench only) ----
    const sites: { id: string; kind: string; divisionCode: string; townshipCode: string | null; status: string }[] = [];
    for (const kind of ['township_station', 'village_point']) {
      let cursor: string | null = null;
      do {
        const page: { items: typeof sites; nextCursor: string | null } = await call(county, 'GET', `/network/sites?kind=${kind}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        sites.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
    }
    const others = sites.filter((s) => s.id !== OWN_POINT).map((s) => ({ id: s.id, township: s.townshipCode ?? s.divisionCode.slice(0, 9), village: s.kind === 'village_point' ? s.divisionCode : null }));
    const from = shanghaiDate(new Date(Date.now() - 29 * 86_400_000));
    const monthDays = Array.from({ length: 29 }, (_, i) => shanghaiDate(new Date(Date.now() - (29 - i) * 86_400_000))); // the month but today
    const TOPUP: { type: string; service: string | null; amount: number; fee: number; cashIn: number; cashOut: number; summary: string }[] = [
      { type: 'bill.pay', service: 'bill', amount: 12_000, fee: 200, cashIn: 12_200, cashOut: 0, summary: '电费 · 国网云南电力 · ¥120.00' },
      { type: 'farm_input.sale', service: 'farm_input', amount: 19_500, fee: 0, cashIn: 19_500, cashOut: 0, summary: '复合肥 15-15-15 × 1袋 · ¥195.00' },
      { type: 'purchase.receipt', service: 'purchase', amount: 301_251, fee: 0, cashIn: 0, cashOut: 301_251, summary: '收购 花椒 35.0 千克 · ¥3012.51' },
      { type: 'proxy_buy.request', service: 'proxy_buy', amount: 20_000, fee: 0, cashIn: 5_000, cashOut: 0, summary: '代买 儿童羽绒服 130 码 · 定金 ¥50.00' },
      { type: 'ticket.book', service: 'ticket', amount: 2_500, fee: 300, cashIn: 2_800, cashOut: 0, summary: '汽车票 · 鲁甸—昭通 · ¥25.00' },
      { type: 'cash.withdraw', service: 'cash_withdrawal', amount: 20_000, fee: 150, cashIn: 0, cashOut: 20_000, summary: '助农取款 · ¥200.00' },
      { type: 'consignment.intake', service: 'consignment', amount: 0, fee: 0, cashIn: 0, cashOut: 0, summary: '代卖 花椒 一级 10.0 千克' },
      { type: 'loan.refer', service: 'loan_referral', amount: 3_000_000, fee: 0, cashIn: 0, cashOut: 0, summary: '贷款推荐 · ¥30000.00' },
      { type: 'proxy_buy.handover', service: null, amount: 0, fee: 500, cashIn: 4_300, cashOut: 0, summary: '代买交付 · 服务费 ¥5.00' },
      { type: 'bill.pay', service: 'bill', amount: 5_000, fee: 100, cashIn: 5_100, cashOut: 0, summary: '水费 · 鲁甸县自来水公司 · ¥50.00' },
    ];
    const details = JSON.stringify({ customer: { name: '张明丽', phoneMasked: '139****0037' }, providerId: 'yn_power', providerName: '国网云南电力', accountNoMasked: '0531****23', providerStatus: 'accepted', providerRef: 'YNP2026120700001', providerMessage: null });
    const tallyMigration = stationsModule.migrations.find((m) => m.name === '2026-12-09-stations-tallies')!;
    const countRecords = async () => Number((await db.selectFrom('stations_records').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const daysWritten = new Set<string>();
    let topped = 0;
    const figures: StationsBenchResult['figures'] = [];
    // Before the tallies: the three GROUP BY reads of stations_records FiguresRepository.cells ran for the county (money
    // per site, day, service and type; people and poor per site-day; per site-day-service), alone, in the same run.
    const reads = (span: { from: string; to: string }) => {
      const scoped = () => db.selectFrom('stations_records').where('day', '>=', span.from).where('day', '<=', span.to).where('voided_by', 'is', null);
      const people = [sql`count(distinct customer_id)`.as('people'), sql`count(distinct case when poor = 1 then customer_id end)`.as('poor')];
      return Promise.all([
        scoped()
          .where('type', 'not in', ['day.open', 'day.close', 'record.void'])
          .select(['site_id', 'township_code', 'day', 'service', 'type'])
          .select((eb) => [eb.fn.count(sql`service`).as('services'), eb.fn.sum('amount_fen').as('amount'), eb.fn.sum('fee_fen').as('fee')])
          .groupBy(['site_id', 'township_code', 'day', 'service', 'type'])
          .execute(),
        scoped().where('service', 'is not', null).select(['site_id', 'township_code', 'day']).select(people).groupBy(['site_id', 'township_code', 'day']).execute(),
        scoped().where('service', 'is not', null).select(['site_id', 'township_code', 'day', 'service']).select(people).groupBy(['site_id', 'township_code', 'day', 'service']).execute(),
      ]);
    };
    for (const size of sizes) {
      const need = Math.max(0, size - (await countRecords()));
      const t0 = performance.now();
      for (let done = 0; done < need; ) {
        const batch = Math.min(5_000, need - done);
        await db.transaction().execute(async (trx) => {
          for (let i = 0; i < batch; i += 500) {
            const dayRows: Record<string, unknown>[] = [];
            const rows = Array.from({ length: Math.min(500, batch - i) }, (_, j) => {
              const n = topped + done + i + j;
              const site = others[(n * 7) % others.length]!;
              const day = monthDays[Math.floor(n / 7) % monthDays.length]!;
              const kind = TOPUP[n % TOPUP.length]!;
              if (!daysWritten.has(`${site.id}|${day}`)) {
                daysWritten.add(`${site.id}|${day}`);
                const difference = n % 23 === 0 ? -100 : 0;
                dayRows.push({ site_id: site.id, day, township_code: site.township, village_code: site.village, status: 'closed', opening_cash_fen: 50_000, opened_explicitly: 1, counted_cash_fen: 80_000 + difference, expected_cash_fen: 80_000, difference_fen: difference, reason: difference ? '找零少收一元' : null, closed_at: `${day}T10:00:00.000Z`, closed_by_name: '压测' });
              }
              const at = new Date(Date.parse(`${day}T09:00:00+08:00`) + (n % 600) * 60_000).toISOString();
              return { id: `srec_bench_${n}`, site_id: site.id, township_code: site.township, village_code: site.village, day, type: kind.type, service: kind.service, client_id: `bench-${n}`, receipt_code: null, at, recorded_at: at, recorded_by: 'bench', recorded_by_name: '压测', customer_id: `scus_bench_${site.id}_${n % 150}`, amount_fen: kind.amount, fee_fen: kind.fee, cash_in_fen: kind.cashIn, cash_out_fen: kind.cashOut, details, summary: kind.summary, note: null, voided_by: n % 50 === 0 ? `srec_bench_void_${n}` : null, void_reason: n % 50 === 0 ? '户号输错' : null, poor: n % 8 === 0 ? 1 : 0 };
            });
            if (dayRows.length) await trx.insertInto('stations_days').values(dayRows).onConflict((oc) => oc.columns(['site_id', 'day']).doNothing()).execute();
            await trx.insertInto('stations_records').values(rows).execute();
          }
        });
        done += batch;
      }
      topped += need;
      const insertSeconds = (performance.now() - t0) / 1000;
      // The rows written directly have no tallies: the migration's backfill makes them all again from the records, as
      // for an upgraded county (the same tallies as the live path: src/modules/stations/tallies.test.ts).
      const t1 = performance.now();
      await tallyMigration.down(database.db, engine);
      await tallyMigration.up(database.db, engine);
      const tallySeconds = (performance.now() - t1) / 1000;
      if (engine === 'postgres') await sql`ANALYZE stations_records`.execute(database.db);
      if (engine === 'postgres') await sql`ANALYZE stations_tallies`.execute(database.db);
      const records = await countRecords();
      const live = await db.selectFrom('stations_records').select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('amount_fen').as('amount')]).where('day', '>=', from).where('day', '<=', today).where('voided_by', 'is', null).where('service', 'is not', null).executeTakeFirstOrThrow();
      const expectedServices = Number(live.n);
      const expectedAmount = Number(live.amount);
      for (const groupBy of ['site', 'township'] as const) {
        let rows = 0;
        const r = await timed(
          county,
          `/stations/figures?from=${from}&to=${today}&groupBy=${groupBy}`,
          calls,
          (body) => {
            const answer = body as { rows: unknown[]; total: { servicesTotal: number; amountFen: number } };
            rows = answer.rows.length;
            if (answer.total.servicesTotal !== expectedServices || answer.total.amountFen !== expectedAmount) throw new Error(`figures by ${groupBy}: ${answer.total.servicesTotal} services of ${answer.total.amountFen} fen, the table holds ${expectedServices} of ${expectedAmount}`);
          },
          groupBy === 'site' ? () => reads({ from, to: today }) : undefined,
        );
        figures.push({ records, label: `by ${groupBy}`, readsP50Ms: r.aloneP50Ms, readsCpuMs: r.aloneCpuMs, insertSeconds, tallySeconds, rows, ...r });
        log(`  ${engine}: figures by ${groupBy} at ${records} records: p50 ${r.p50Ms.toFixed(1)} ms, CPU ${r.cpuMs.toFixed(1)} ms${groupBy === 'site' ? `, the GROUP BYs of before alone ${r.aloneP50Ms.toFixed(1)} ms` : ''}`);
      }
    }
    return { engine, loadAverage: { start, end: load() }, sync, replay, figures, dayBook };
  } finally {
    await bare.close();
    await app.close();
    if (url) await dropPostgresSchema(url, schema);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const n = (x: number) => Math.round(x).toLocaleString('en').replace(/,/g, ' ');
const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)} %`;

/** Markdown tables of one engine's run. */
export function stationsTables(r: StationsBenchResult): string {
  const lines = [`Stations (issue 16), ${r.engine}, load average ${r.loadAverage.start.join(' / ')} at the start, ${r.loadAverage.end.join(' / ')} at the end`, ''];
  lines.push('| POST /stations/records/batch (village operator) | batches | records/s | p50 ms per batch | p99 ms per batch | CPU ms per record | raw insert rows/s | route / raw | bare route p50 ms | answer bytes |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of r.sync) lines.push(`| ${s.size} mixed record${s.size > 1 ? 's' : ''} | ${s.batches} | ${n(s.recordsPerSec)} | ${s.p50Ms.toFixed(1)} | ${s.p99Ms.toFixed(1)} | ${s.cpuMsPerRecord.toFixed(2)} | ${n(s.rawRowsPerSec)} | ${pct(s.ratio)} | ${s.bareP50Ms.toFixed(2)} | ${n(s.answerBytes)} |`);
  for (const s of r.replay) lines.push(`| the same ${s.size} again (all duplicates) | ${s.batches} | ${n(s.recordsPerSec)} | ${s.p50Ms.toFixed(1)} | ${s.p99Ms.toFixed(1)} | ${s.cpuMsPerRecord.toFixed(2)} | ${n(s.rawRowsPerSec)} | ${pct(s.ratio)} | | |`);
  lines.push('', '| GET /stations/figures (county, a month) | p50 ms | p99 ms | CPU ms per call | before: the three GROUP BYs alone, p50 ms (CPU ms) | bare route p50 / p99 ms | p50 ratio to bare | answer bytes | top-up insert s | tallies backfill s |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const f of r.figures) lines.push(`| ${n(f.records)} records, ${f.label} (${f.rows} rows) | ${f.p50Ms.toFixed(1)} | ${f.p99Ms.toFixed(1)} | ${f.cpuMs.toFixed(1)} | ${Number.isNaN(f.readsP50Ms) ? '' : `${f.readsP50Ms.toFixed(1)} (${f.readsCpuMs.toFixed(1)})`} | ${f.bareP50Ms.toFixed(2)} / ${f.bareP99Ms.toFixed(2)} | ${n(f.p50Ms / f.bareP50Ms)}× | ${n(f.bytes)} | ${f.insertSeconds.toFixed(1)} | ${f.tallySeconds.toFixed(1)} |`);
  lines.push('', '| GET /stations/days/:siteId/:day (village operator) | calls | p50 ms | p99 ms | CPU ms per call | bare route p50 / p99 ms | p50 ratio to bare | answer bytes |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const d of r.dayBook) lines.push(`| ${d.label}, ${n(d.records)} records | ${d.calls} | ${d.p50Ms.toFixed(1)} | ${d.p99Ms.toFixed(1)} | ${d.cpuMs.toFixed(1)} | ${d.bareP50Ms.toFixed(2)} / ${d.bareP99Ms.toFixed(2)} | ${n(d.p50Ms / d.bareP50Ms)}× | ${n(d.bytes)} |`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const url = process.argv.includes('--postgres') ? (process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test') : '';
  const quick = process.argv.includes('--quick');
  const r = await measureStations({ url, sizes: (arg('sizes') ?? (quick ? '10000' : '10000,100000')).split(',').map(Number), calls: Number(arg('calls') ?? (quick ? 10 : 40)), ...(quick && { turns: { 1: 40, 50: 6, 500: 2 } }) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  console.log(`\n${stationsTables(r)}`);
  process.exit(0);
}
