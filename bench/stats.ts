// Statistics at scale (issue 14): "dashboards, the data screen and the pull API answer from rollups: ≤ 50 ms at
// 10 million orders and flat in data size; a full rebuild of 10 million events measured in events per second
// against a raw insert of the same rows".
//
// For each size N (paid orders): the app with the Ludian demo data on a fresh SQLite file or PostgreSQL schema;
// N orders' worth of synthetic inputs (bench/stats-inputs.ts) written into stats_inputs in batches, and the same
// rows into a plain table of the same shape (bench_stats_raw: same columns, seq primary key) in the same batches
// and transactions — the baseline, rows per second; then the module's own rebuild (StatsRebuilds.run, the job's
// code: clear, then batches of REBUILD_BATCH inputs each applied with its cursor in one transaction), timed:
// events per second. Then the read paths through the real routes (app.inject: routing, session, role check,
// validation, serialisation), CALLS calls each after warm-up, in turns (one call of each scenario per round, so
// the machine's drift falls on all alike), median and p95, beside a bare Fastify route in the same process.
//
//   node --import tsx bench/stats.ts                      SQLite, 10⁵ orders
//   node --import tsx bench/stats.ts --postgres           PostgreSQL (BENCH_DATABASE_URL or the local test db)
//   node --import tsx bench/stats.ts --orders=100000,10000000 --calls=50
// `npm run bench` runs the 10⁵ form on its engine; `npm run bench -- --stats-full` adds 10⁷ (hours on this machine).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { bootstrap } from '../src/flows/bootstrap.js';
import { systemContext } from '../src/kernel/context.js';
import { dropPostgresSchema, openDatabase } from '../src/kernel/db.js';
import { previousPeriod, type StatsInput } from '../src/modules/stats/index.js';
import { statsInputs, type Village } from './stats-inputs.js';

export interface ReadTiming {
  name: string;
  medianMs: number;
  p95Ms: number;
  /** This process's CPU per call (SQLite runs in it; PostgreSQL's own work is not counted). */
  cpuMs: number;
  /** SQL statements per call. */
  queries: number;
  bytes: number;
}

/**
 * Counts SQL statements run: PostgreSQL's client query, and SQLite's statements (the kernel caches prepared
 * statements, so each statement object's all/run/get/iterate is counted, wrapped once when it is prepared).
 */
let statements = 0;
const countCalls = <T extends object>(target: T, method: keyof T, after?: (result: unknown) => unknown) => {
  const original = target[method] as (...args: unknown[]) => unknown;
  (target as Record<keyof T, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
    if (!after) statements += 1;
    const result = original.apply(this, args);
    return after ? after(result) : result;
  };
};
const counted = new WeakSet<object>();
countCalls(SQLite.prototype, 'prepare', (statement) => {
  const s = statement as Record<string, unknown> & object;
  if (!counted.has(s)) {
    counted.add(s);
    for (const m of ['all', 'run', 'get', 'iterate']) countCalls(s, m);
  }
  return s;
});
countCalls(pg.Client.prototype, 'query');

export interface StatsBenchResult {
  engine: string;
  orders: number;
  events: number;
  /** Writing the inputs into stats_inputs (setup, not the claim). */
  loadSeconds: number;
  rawSeconds: number;
  rawRowsPerSec: number;
  /** Rows per second of this process's CPU during the raw insert. */
  rawRowsPerCpuSec: number;
  rebuildSeconds: number;
  rebuildEventsPerSec: number;
  /** Events per second of this process's CPU during the rebuild (the machine is shared: wall time includes waiting for a core). */
  rebuildEventsPerCpuSec: number;
  rows: { rollups: number; members: number; facts: number; labels: number };
  reads: ReadTiming[];
  bare: ReadTiming;
  calls: number;
}

const COUNTY = '530621';
/** Inputs written per transaction here; the rebuild applies REBUILD_BATCH (5 000) per transaction, its own setting. */
const REBUILD_BATCH = 5_000;
const monthsBefore = (month: string, n: number) => Array.from({ length: n }).reduce<string>((m) => previousPeriod('month', m), month);
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

/** Multi-row inserts of 1 000 rows (SQLite's and PostgreSQL's parameter limits), all in the caller's transaction. */
async function insertRows(trx: AnyDb, table: string, inputs: StatsInput[], receivedAt: string) {
  for (let i = 0; i < inputs.length; i += 1_000) {
    const part = inputs.slice(i, i + 1_000).map((x) => ({ seq: x.seq, type: x.type, version: x.version, aggregate_id: x.aggregateId, occurred_at: x.occurredAt, payload: JSON.stringify(x.payload), received_at: receivedAt }));
    await trx.insertInto(table).values(part).execute();
  }
}

export async function measureStats(opts: { url?: string; orders: number; calls?: number; log?: (line: string) => void }): Promise<StatsBenchResult> {
  const url = opts.url ?? '';
  const calls = opts.calls ?? 50;
  const log = opts.log ?? ((line: string) => console.error(line));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-stats-bench-'));
  const schema = 'countyhub_bench_stats';
  if (url) await dropPostgresSchema(url, schema);
  const config = { dataDir, databaseUrl: url, secureCookies: false, trustProxy: false, countyCode: COUNTY, dataKey: '', adminPassword: 'bench-admin-2026', demoData: true, demoMode: true };
  const database = await openDatabase(url ? { url, pgSchema: schema } : { sqliteFile: path.join(dataDir, 'countyhub.sqlite') });
  const { app, modules } = await buildApp({ config, database });
  // A read that fails says why (the answer itself only says INTERNAL).
  app.addHook('onError', async (request, _reply, err) => log(`  ${request.url}: ${err.stack ?? err.message}`));
  const bare = Fastify();
  bare.get('/bare', async () => ({ status: 'ok' }));
  try {
    await bootstrap(modules, config);
    const db = database.db as unknown as AnyDb;
    const ctx = systemContext(COUNTY);
    const divisions = await modules.stats.service.divisionList();
    const names = Object.fromEntries(divisions.map((d) => [d.code, d.name]));
    const villages: Village[] = divisions.filter((d) => d.level === 'village').map((d) => ({ township: d.parentCode ?? d.code.slice(0, 9), village: d.code }));
    const today = modules.stats.service.today();

    // The demo data's own events are not delivered here (no dispatcher runs): stats_inputs holds only the bench's.
    await db.deleteFrom('stats_inputs').execute();
    await db.schema.createTable('bench_stats_raw').ifNotExists().addColumn('seq', 'bigint', (c) => c.primaryKey()).addColumn('type', 'text', (c) => c.notNull()).addColumn('version', 'integer', (c) => c.notNull()).addColumn('aggregate_id', 'text', (c) => c.notNull()).addColumn('occurred_at', 'text', (c) => c.notNull()).addColumn('payload', 'text', (c) => c.notNull()).addColumn('received_at', 'text', (c) => c.notNull()).execute();

    // 1. The inputs, and the same rows into the plain table (the baseline), batch by batch, each in its own transaction.
    const source = statsInputs(opts.orders, villages, names, today);
    let loadMs = 0;
    let rawMs = 0;
    let rawCpuMs = 0;
    let lastLog = performance.now();
    const receivedAt = new Date().toISOString();
    for (;;) {
      const batch = source.next(REBUILD_BATCH);
      if (batch.length === 0) break;
      let t0 = performance.now();
      await db.transaction().execute((trx) => insertRows(trx, 'stats_inputs', batch, receivedAt));
      loadMs += performance.now() - t0;
      t0 = performance.now();
      const rawCpu = process.cpuUsage();
      await db.transaction().execute((trx) => insertRows(trx, 'bench_stats_raw', batch, receivedAt));
      rawMs += performance.now() - t0;
      const rawCpuUsed = process.cpuUsage(rawCpu);
      rawCpuMs += (rawCpuUsed.user + rawCpuUsed.system) / 1000;
      if (performance.now() - lastLog > 30_000) {
        lastLog = performance.now();
        log(`  ${database.dialect} ${opts.orders}: ${source.produced().toLocaleString('en')} inputs written`);
      }
    }
    const events = source.produced();
    log(`  ${database.dialect} ${opts.orders}: ${events.toLocaleString('en')} inputs in ${(loadMs / 1000).toFixed(1)} s; raw ${(rawMs / 1000).toFixed(1)} s`);
    await db.deleteFrom('bench_stats_raw').execute();
    if (database.dialect === 'postgres') await sql`VACUUM ANALYZE`.execute(database.db);

    // 2. The module's own rebuild, as the job runs it.
    const rebuild = await modules.stats.rebuilds.request(ctx);
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    let applied = 0;
    for (;;) {
      const step = await modules.stats.rebuilds.run(rebuild.id, { maxBatches: 20 });
      applied += step.applied;
      if (step.state !== 'running') {
        if (step.state !== 'done') throw new Error(`rebuild ended ${step.state}`);
        break;
      }
      if (performance.now() - lastLog > 30_000) {
        lastLog = performance.now();
        log(`  ${database.dialect} ${opts.orders}: rebuild ${applied.toLocaleString('en')} / ${events.toLocaleString('en')} (${Math.round(applied / ((performance.now() - started) / 1000))} events/s)`);
      }
    }
    const rebuildMs = performance.now() - started;
    const cpu = process.cpuUsage(cpu0);
    const rebuildCpuMs = (cpu.user + cpu.system) / 1000;
    if (applied !== events) throw new Error(`the rebuild applied ${applied} inputs, not ${events}`);
    log(`  ${database.dialect} ${opts.orders}: rebuilt in ${(rebuildMs / 1000).toFixed(1)} s`);
    if (database.dialect === 'postgres') await sql`ANALYZE`.execute(database.db);
    const count = async (table: string) => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const rows = { rollups: await count('stats_rollups'), members: await count('stats_members'), facts: await count('stats_facts'), labels: await count('stats_labels') };

    // 3. The read paths, through the routes.
    await app.ready();
    await bare.ready();
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'demo.county', password: 'ludian-demo-2026' } });
    const cookie = `countyhub_session=${login.cookies[0]!.value}`;
    const month = monthsBefore(today.slice(0, 7), 1);
    const year = String(Number(today.slice(0, 4)) - 1);
    const township = '530621110'; // 乐红镇
    const scenarios: [string, string][] = [
      ['GET /stats/screen (the data screen, one answer)', '/api/v1/stats/screen'],
      ['GET /stats/figures, a month, county', `/api/v1/stats/figures?grain=month&period=${month}`],
      ['GET /stats/figures, a year, county', `/api/v1/stats/figures?grain=year&period=${year}`],
      ['GET /stats/figures, a month, 乐红镇', `/api/v1/stats/figures?grain=month&period=${month}&township=${township}`],
      ['GET /stats/figures, a year, 乐红镇', `/api/v1/stats/figures?grain=year&period=${year}&township=${township}`],
      ['GET /stats/series, 24 months of 网络零售额', `/api/v1/stats/series?indicator=online_retail_fen&grain=month&from=${monthsBefore(month, 23)}&to=${month}`],
      ['GET /stats/breakdown, a month by township', `/api/v1/stats/breakdown?indicator=online_retail_fen&grain=month&period=${month}&dim=township`],
      ['GET /stats/breakdown, a year by category', `/api/v1/stats/breakdown?indicator=online_retail_fen&grain=year&period=${year}&dim=category`],
      ['GET /stats/places, a month (the townships)', `/api/v1/stats/places?grain=month&period=${month}`],
      ['GET /uplink/figures, a month (pull API)', `/api/v1/uplink/figures?grain=month&period=${month}`],
    ];
    const samples = new Map<string, number[]>(scenarios.map(([name]) => [name, []]));
    const cpuSamples = new Map<string, number[]>(scenarios.map(([name]) => [name, []]));
    const queries = new Map<string, number>();
    const bytes = new Map<string, number>();
    const bareSamples: number[] = [];
    const warmUp = 5;
    for (let round = 0; round < warmUp + calls; round++) {
      let t0 = performance.now();
      await bare.inject({ url: '/bare' });
      if (round >= warmUp) bareSamples.push(performance.now() - t0);
      for (const [name, path] of scenarios) {
        const before = statements;
        const c0 = process.cpuUsage();
        t0 = performance.now();
        const res = await app.inject({ url: path, headers: { cookie } });
        const ms = performance.now() - t0;
        const c = process.cpuUsage(c0);
        if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        queries.set(name, statements - before);
        if (round >= warmUp) {
          samples.get(name)!.push(ms);
          cpuSamples.get(name)!.push((c.user + c.system) / 1000);
        }
        bytes.set(name, res.body.length);
      }
    }
    // What the numbers say the data is (so a reader sees the rollups are full).
    const screen = (await app.inject({ url: `/api/v1/stats/figures?grain=year&period=${year}`, headers: { cookie } })).json() as { figures: { indicator: string; value: number | null }[] };
    const ordersFigure = screen.figures.find((f) => f.indicator === 'orders')?.value;
    log(`  ${database.dialect} ${opts.orders}: ${year} orders figure ${ordersFigure}`);
    const timing = (name: string, xs: number[]): ReadTiming => ({ name, medianMs: quantile(xs, 0.5), p95Ms: quantile(xs, 0.95), cpuMs: quantile(cpuSamples.get(name) ?? [0], 0.5), queries: queries.get(name) ?? 0, bytes: bytes.get(name) ?? 0 });
    return {
      engine: database.dialect,
      orders: opts.orders,
      events,
      loadSeconds: loadMs / 1000,
      rawSeconds: rawMs / 1000,
      rawRowsPerSec: events / (rawMs / 1000),
      rawRowsPerCpuSec: events / (rawCpuMs / 1000),
      rebuildSeconds: rebuildMs / 1000,
      rebuildEventsPerSec: events / (rebuildMs / 1000),
      rebuildEventsPerCpuSec: events / (rebuildCpuMs / 1000),
      rows,
      reads: scenarios.map(([name]) => timing(name, samples.get(name)!)),
      bare: timing('bare Fastify route (baseline)', bareSamples),
      calls,
    };
  } finally {
    await bare.close();
    await app.close();
    if (url) await dropPostgresSchema(url, schema);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const n = (x: number) => Math.round(x).toLocaleString('en').replace(/,/g, ' ');
const ms = (x: number) => x.toFixed(1);
const sizeName = (orders: number) => (Number.isInteger(Math.log10(orders)) ? `10^${Math.log10(orders)}` : n(orders));

/** Markdown tables: reads (median / p95 ms and this process's CPU ms per call, per size) and the rebuild beside the raw insert. */
export function statsTables(results: StatsBenchResult[]): string {
  if (results.length === 0) return '';
  const engine = results[0]!.engine;
  const head = results.map((r) => `${sizeName(r.orders)} orders: median / p95 (CPU) ms`).join(' | ');
  const lines = [
    `Statistics reads, ${engine}, ${results[0]!.calls} calls each after 5 of warm-up, in turns (app.inject: routing, session, roles, validation, serialisation)`,
    '',
    `| read | SQL statements | ${head} |`,
    `| --- | ---: |${results.map(() => ' ---: |').join('')}`,
  ];
  const cell = (t: ReadTiming) => `${ms(t.medianMs)} / ${ms(t.p95Ms)} (${ms(t.cpuMs)})`;
  lines.push(`| bare Fastify route (baseline) | 0 | ${results.map((r) => cell(r.bare)).join(' | ')} |`);
  for (const name of results[0]!.reads.map((r) => r.name)) {
    const of = (r: StatsBenchResult) => r.reads.find((x) => x.name === name)!;
    lines.push(`| ${name} | ${of(results[results.length - 1]!).queries} | ${results.map((r) => cell(of(r))).join(' | ')} |`);
  }
  lines.push('', `Rebuild, ${engine}: the module's own job code (batches of ${REBUILD_BATCH}) beside a raw insert of the same rows into a plain table of the same shape`, '');
  lines.push('| orders | events | rebuild s | rebuild events/s | events per CPU-second | raw insert s | raw rows/s | raw rows per CPU-second | rebuild / raw (wall) | rollup rows | member rows | fact rows |', '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) lines.push(`| ${n(r.orders)} | ${n(r.events)} | ${r.rebuildSeconds.toFixed(0)} | ${n(r.rebuildEventsPerSec)} | ${n(r.rebuildEventsPerCpuSec)} | ${r.rawSeconds.toFixed(1)} | ${n(r.rawRowsPerSec)} | ${n(r.rawRowsPerCpuSec)} | ${((r.rebuildEventsPerSec / r.rawRowsPerSec) * 100).toFixed(1)} % | ${n(r.rows.rollups)} | ${n(r.rows.members)} | ${n(r.rows.facts)} |`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const url = process.argv.includes('--postgres') ? (process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test') : '';
  const sizes = (arg('orders') ?? '100000').split(',').map(Number);
  const calls = Number(arg('calls') ?? 50);
  const results: StatsBenchResult[] = [];
  for (const orders of sizes) {
    const r = await measureStats({ url, orders, calls });
    results.push(r);
    if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  }
  console.log(`\n${statsTables(results)}`);
  process.exit(0);
}
