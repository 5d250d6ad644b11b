// Training (issue 15): the roster import, attendance (a trainer's tick, a trainee's QR scan) and the progress read,
// each as a ratio to a baseline measured in the same run on the same machine (never a timed assertion in a test).
//
// One process: the app with the Ludian demo data on a fresh SQLite file or PostgreSQL schema, requests through the
// real routes with app.inject (routing, session lookup, role check, validation, serialisation; no socket), beside
// a bare Fastify route answering {"status":"ok"} through bare.inject in the same process, in turns.
//
// 1. Roster import: an Excel roster of 2 000 people (valid Ludian resident ID numbers, check digit computed as the
//    demo does) posted multipart to POST /training/sessions/{id}/roster/import?mode=valid, into a fresh session each
//    round (new people: 2 000 trainees created and enrolled; then the same people again into another session:
//    2 000 found and enrolled); against a raw insert of the same 2 000 rows into a plain table (one transaction,
//    multi-row inserts of 500). Rows per second and the ratio.
// 2. Progress: GET /training/progress (county: the whole county) with 10⁴ and 10⁵ person-times in the table (topped
//    up by direct batched inserts into training_person_times, bench only), sequential calls in turns with the bare
//    route: p50/p99, this process's CPU per call, answer size.
// 3. Attendance under 16 concurrent requests: POST /training/sessions/{id}/attendance (county ticks a trainee not yet
//    counted in that session) and POST /training/checkins (a signed-in trainee scans a session's current code, each
//    request a session that account has not checked into) — each request enrols, writes a person-time and its
//    outbox event in one transaction. req/s, p50/p99, ratio to the bare route measured just before.
//
//   node --import tsx bench/training.ts [--postgres] [--sizes=10000,100000] [--seconds=4]
// `npm run bench` runs it on its engine (also with --only=training).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { bootstrap } from '../src/flows/bootstrap.js';
import { dropPostgresSchema, openDatabase } from '../src/kernel/db.js';
import { residentIdCheck } from '../src/modules/parties/index.js';

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;
const COUNTY = '530621';
const ROSTER = 2_000;
const CONCURRENCY = 16;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const median = (xs: number[]) => quantile(xs, 0.5);

/** A valid Ludian resident ID number for person `i` (birth 1960–2005 by i, sequence i % 1000, check digit by GB 11643). */
export function benchIdNumber(i: number): string {
  const birth = new Date(Date.UTC(1960, 0, 1) + (Math.floor(i / 1000) * 7 + (i % 977)) * 86_400_000 % (45 * 365 * 86_400_000));
  const first17 = `${COUNTY}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(i % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheck(first17);
}

async function rosterWorkbook(people: { name: string; idNumber: string; phone: string; township: string; village: string; poor: boolean }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['姓名', '身份证号', '手机号', '乡镇', '村', '建档立卡贫困户', '残疾人', '党员', '女性', '青年']);
  for (const p of people) ws.addRow([p.name, p.idNumber, p.phone, p.township, p.village, p.poor ? '是' : '否', '否', '否', '', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(file: Buffer, name: string) {
  const boundary = `----countyhub-bench-${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`);
  return { payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface LoadResult {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

/** CONCURRENCY callers, each sending its next request as soon as the previous answered, for `seconds`. */
async function concurrent(seconds: number, send: () => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await send();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  return { reqPerSec: latencies.length / wall, p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), requests: latencies.length };
}

export interface TrainingBenchResult {
  engine: string;
  loadAverage: number[];
  imports: { label: string; seconds: number; rowsPerSec: number; rawSeconds: number; rawRowsPerSec: number; created: number; enrolled: number }[];
  attendance: { name: string; load: LoadResult; bareReqPerSec: number; ratio: number }[];
  bare: LoadResult;
  progress: { personTimes: number; insertSeconds: number; fetchP50Ms: number; p50Ms: number; p99Ms: number; cpuMs: number; bareP50Ms: number; bareP99Ms: number; bytes: number; calls: number }[];
}

export async function measureTraining(opts: { url?: string; sizes?: number[]; seconds?: number; calls?: number; log?: (line: string) => void } = {}): Promise<TrainingBenchResult> {
  const url = opts.url ?? '';
  const seconds = opts.seconds ?? 4;
  const sizes = opts.sizes ?? [10_000, 100_000];
  const calls = opts.calls ?? 40;
  const log = opts.log ?? ((line: string) => console.error(line));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-training-bench-'));
  const schema = 'countyhub_bench_training';
  if (url) await dropPostgresSchema(url, schema);
  const config = { dataDir, databaseUrl: url, secureCookies: false, trustProxy: false, countyCode: COUNTY, dataKey: '', adminPassword: 'bench-admin-2026', demoData: true, demoMode: true };
  const database = await openDatabase(url ? { url, pgSchema: schema } : { sqliteFile: path.join(dataDir, 'countyhub.sqlite') });
  const { app, modules } = await buildApp({ config, database });
  app.addHook('onError', async (request, _reply, err) => log(`  ${request.url}: ${err.stack ?? err.message}`));
  const bare = Fastify();
  bare.get('/bare', async () => ({ status: 'ok' }));
  const loadAverage = os.loadavg().map((x) => Math.round(x * 10) / 10);
  try {
    await bootstrap(modules, config);
    await app.ready();
    await bare.ready();
    const db = database.db as unknown as AnyDb;
    const signIn = async (username: string) => {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'ludian-demo-2026' } });
      if (login.statusCode !== 200) throw new Error(`sign-in ${username}: ${login.statusCode} ${login.body}`);
      return `countyhub_session=${login.cookies[0]!.value}`;
    };
    const county = await signIn('demo.county');
    const call = async (cookie: string, method: 'GET' | 'POST', path: string, payload?: object) => {
      const res = await app.inject({ method, url: `/api/v1${path}`, headers: { cookie }, ...(payload && { payload }) });
      if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${res.body.slice(0, 400)}`);
      return res.json();
    };
    const organiserId = (await call(county, 'GET', '/training/organisers')).items[0].id as string;
    const divisions = await modules.stats.service.divisionList();
    const townships = divisions.filter((d) => d.level === 'township');
    const villages = divisions.filter((d) => d.level === 'village').map((v) => ({ village: v.name, township: townships.find((t) => t.code === v.parentCode)?.name ?? '' })).filter((v) => v.township);
    const now = Date.now();
    let sessionNo = 0;
    const newSession = async (startsAt = new Date(now - 10 * 60_000), capacity = 2_000) =>
      (await call(county, 'POST', '/training/sessions', { title: `压测培训 ${++sessionNo}`, track: 'sellers', level: 'basic', organiserId, trainerName: '张明', townshipCode: townships[sessionNo % townships.length]!.code, placeText: '乡镇便民服务中心会议室', capacity, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 8 * 3600_000).toISOString() })).id as string;

    // ---- 1. Roster import against a raw insert of the same rows ----
    await db.schema.createTable('bench_training_raw').ifNotExists().addColumn('id', 'text', (c) => c.primaryKey()).addColumn('name', 'text', (c) => c.notNull()).addColumn('id_number', 'text', (c) => c.notNull()).addColumn('phone', 'text').addColumn('township', 'text').addColumn('village', 'text').addColumn('poor', 'integer', (c) => c.notNull()).addColumn('disabled', 'integer', (c) => c.notNull()).addColumn('party_member', 'integer', (c) => c.notNull()).execute();
    const surnames = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何罗高林';
    const given = ['明', '丽', '强', '芳', '军', '燕', '勇', '霞', '平', '红', '华', '琴'];
    const people = (round: number) =>
      Array.from({ length: ROSTER }, (_, k) => {
        const i = round * ROSTER + k;
        const v = villages[i % villages.length]!;
        return { name: `${surnames[i % surnames.length]}${given[(i >> 3) % given.length]}${given[(i >> 7) % given.length]}`, idNumber: benchIdNumber(i), phone: `139${String(10_000_000 + i).slice(-8)}`, township: v.township, village: v.village, poor: i % 5 === 0 };
      });
    const imports: TrainingBenchResult['imports'] = [];
    const rosterSessions: string[] = [];
    const importRound = async (label: string, round: number) => {
      const rows = people(round);
      const file = await rosterWorkbook(rows);
      const sessionId = await newSession();
      rosterSessions.push(sessionId);
      const body = multipart(file, `名单-${round}.xlsx`);
      let t0 = performance.now();
      const res = await app.inject({ method: 'POST', url: `/api/v1/training/sessions/${sessionId}/roster/import?mode=valid`, headers: { cookie: county, 'content-type': body.contentType }, payload: body.payload });
      const ms = performance.now() - t0;
      if (res.statusCode !== 201) throw new Error(`roster import: ${res.statusCode} ${res.body.slice(0, 400)}`);
      const answer = res.json() as { imported: number; traineesCreated: number; enrolled: number; badRows: unknown[] };
      if (answer.imported !== ROSTER || answer.badRows.length) throw new Error(`roster import imported ${answer.imported}, bad ${JSON.stringify(answer.badRows.slice(0, 3))}`);
      t0 = performance.now();
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += 500) {
          await trx.insertInto('bench_training_raw').values(rows.slice(i, i + 500).map((r, k) => ({ id: `raw-${round}-${i + k}-${imports.length}`, name: r.name, id_number: r.idNumber, phone: r.phone, township: r.township, village: r.village, poor: r.poor ? 1 : 0, disabled: 0, party_member: 0 }))).execute();
        }
      });
      const rawMs = performance.now() - t0;
      imports.push({ label, seconds: ms / 1000, rowsPerSec: ROSTER / (ms / 1000), rawSeconds: rawMs / 1000, rawRowsPerSec: ROSTER / (rawMs / 1000), created: answer.traineesCreated, enrolled: answer.enrolled });
      log(`  ${database.dialect}: import ${label}: ${(ms / 1000).toFixed(2)} s (raw ${(rawMs / 1000).toFixed(3)} s), ${answer.traineesCreated} created, ${answer.enrolled} enrolled`);
    };
    for (let round = 0; round < 3; round++) await importRound('new people', round);
    await importRound('the same people again', 0);
    const trainees = (await db.selectFrom('training_enrolments').select('trainee_id').where('session_id', 'in', rosterSessions.slice(0, 3)).execute()).map((r) => String(r.trainee_id));

    // ---- 2. Progress (before the attendance, which adds person-times of its own) at 10⁴ and 10⁵ person-times ----
    const historySessions: string[] = [];
    for (let i = 0; i < Math.ceil(Math.max(...sizes) / trainees.length) + 1; i++) historySessions.push(await newSession());
    const sessionTownship = new Map((await db.selectFrom('training_sessions').select(['id', 'township_code']).where('id', 'in', historySessions).execute()).map((r) => [String(r.id), r.township_code as string | null]));
    const traineeRows = new Map((await db.selectFrom('training_trainees').select(['id', 'township_code', 'village_code', 'poor', 'woman']).execute()).map((r) => [String(r.id), r]));
    const countRows = async () => Number((await db.selectFrom('training_person_times').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const from2019 = Date.UTC(2019, 0, 1);
    const span = now - 86_400_000 - from2019;
    let written = 0;
    const progress: TrainingBenchResult['progress'] = [];
    for (const size of sizes) {
      const have = await countRows();
      const need = Math.max(0, size - have);
      const t0 = performance.now();
      for (let done = 0; done < need; ) {
        const batch = Math.min(5_000, need - done);
        await db.transaction().execute(async (trx) => {
          for (let i = 0; i < batch; i += 500) {
            const rows = Array.from({ length: Math.min(500, batch - i) }, (_, k) => {
              const n = written + done + i + k;
              const traineeId = trainees[n % trainees.length]!;
              const sessionId = historySessions[Math.floor(n / trainees.length)]!;
              const t = traineeRows.get(traineeId)!;
              const track = (['sellers', 'officials', 'station_staff'] as const)[n % 3];
              return { id: `tpt_bench_${n}`, trainee_id: traineeId, session_id: sessionId, course_id: null, mode: 'onsite', method: n % 4 ? 'qr' : 'tick', track, level: track === 'sellers' ? 'basic' : null, organiser_id: organiserId, township_code: t.township_code ?? sessionTownship.get(sessionId) ?? null, village_code: t.village_code ?? null, poor: Number(t.poor), woman: Number(t.woman), counted_at: new Date(from2019 + ((n * 7_919_113) % span)).toISOString(), counted_by: 'bench', created_at: new Date().toISOString() };
            });
            await trx.insertInto('training_person_times').values(rows).execute();
          }
        });
        done += batch;
      }
      written += need;
      const insertSeconds = (performance.now() - t0) / 1000;
      if (database.dialect === 'postgres') await sql`ANALYZE training_person_times`.execute(database.db);
      const personTimes = await countRows();
      const samples: number[] = [];
      const cpu: number[] = [];
      const bareSamples: number[] = [];
      const fetchSamples: number[] = [];
      let bytes = 0;
      for (let round = 0; round < 3 + calls; round++) {
        let t = performance.now();
        await bare.inject({ url: '/bare' });
        if (round >= 3) bareSamples.push(performance.now() - t);
        const c0 = process.cpuUsage();
        t = performance.now();
        const res = await app.inject({ url: '/api/v1/training/progress', headers: { cookie: county } });
        const ms = performance.now() - t;
        const c = process.cpuUsage(c0);
        if (res.statusCode !== 200) throw new Error(`progress: ${res.statusCode} ${res.body.slice(0, 300)}`);
        // The same query the module's repository runs, alone: what fetching the rows costs before any counting.
        t = performance.now();
        await db.selectFrom('training_person_times').select(['trainee_id', 'track', 'township_code', 'organiser_id', 'poor', 'woman', 'counted_at']).orderBy('counted_at').orderBy('id').execute();
        if (round >= 3) fetchSamples.push(performance.now() - t);
        bytes = res.body.length;
        if (round === 0) {
          const total = (res.json() as { totals?: { personTimes?: number } }).totals?.personTimes;
          log(`  ${database.dialect}: progress at ${personTimes} rows answers totals.personTimes ${total}`);
        }
        if (round >= 3) {
          samples.push(ms);
          cpu.push((c.user + c.system) / 1000);
        }
      }
      progress.push({ personTimes, insertSeconds, fetchP50Ms: median(fetchSamples), p50Ms: median(samples), p99Ms: quantile(samples, 0.99), cpuMs: median(cpu), bareP50Ms: median(bareSamples), bareP99Ms: quantile(bareSamples, 0.99), bytes, calls });
      log(`  ${database.dialect}: progress at ${personTimes}: p50 ${median(samples).toFixed(1)} ms, CPU ${median(cpu).toFixed(1)} ms`);
    }
    // ---- 3. Attendance (with the progress rows in the table): ticks and QR scans, fresh pairs each request ----
    const learnerNames = ['demo.consumer', 'demo.merchant', 'demo.courier', 'demo.village', 'demo.township', 'demo.trainer'];
    const learners: string[] = [];
    for (const [k, name] of learnerNames.entries()) {
      const cookie = await signIn(name);
      const me = await call(cookie, 'GET', '/training/me');
      if (!me.trainee) await call(cookie, 'POST', '/training/me', { name: `压测学员${k}`, idNumber: benchIdNumber(900_000 + k) });
      learners.push(cookie);
    }
    // Sessions for the scans: every (account, session) pair is scanned once.
    const scanSessions: { id: string }[] = [];
    const SCAN_SESSIONS = Number(process.env.BENCH_TRAINING_SCAN_SESSIONS ?? 3_000);
    const made = performance.now();
    for (let i = 0; i < SCAN_SESSIONS; i++) scanSessions.push({ id: await newSession() });
    // The codes as the trainer's screen shows them (GET /checkin-code; a code is good for 30–60 s), read before each
    // turn for the sessions that turn may reach, outside the timing; a session beyond them reads its code in the turn.
    const codes = new Map<string, string>();
    const code = async (sessionId: string) => {
      const token = (await call(county, 'GET', `/training/sessions/${sessionId}/checkin-code`)).token as string;
      codes.set(sessionId, token);
      return token;
    };
    let scanRate = 700;
    const readCodes = async (turnSeconds: number) => {
      codes.clear();
      const first = Math.floor(scanNo / learnerNames.length);
      for (const s of scanSessions.slice(first, first + Math.ceil((scanRate * turnSeconds * 1.5) / learnerNames.length) + 2)) await code(s.id);
    };
    log(`  ${database.dialect}: ${scanSessions.length} sessions created for the scans in ${((performance.now() - made) / 1000).toFixed(1)} s`);

    let tickNo = 0;
    const tickSessions = [...rosterSessions, ...scanSessions.map((s) => s.id)];
    const tick = async () => {
      const n = tickNo++;
      const sessionId = tickSessions[Math.floor(n / trainees.length)];
      if (!sessionId) throw new Error('out of fresh (session, trainee) pairs for ticks');
      const res = await app.inject({ method: 'POST', url: `/api/v1/training/sessions/${sessionId}/attendance`, headers: { cookie: county }, payload: { traineeId: trainees[n % trainees.length] } });
      if (res.statusCode !== 200 || !res.json().counted) throw new Error(`tick: ${res.statusCode} ${res.body.slice(0, 300)}`);
    };
    let scanNo = 0;
    const scan = async () => {
      const n = scanNo++;
      const s = scanSessions[Math.floor(n / learners.length)];
      if (!s) throw new Error('out of fresh (account, session) pairs for scans');
      const token = codes.get(s.id) ?? (await code(s.id));
      const res = await app.inject({ method: 'POST', url: '/api/v1/training/checkins', headers: { cookie: learners[n % learners.length]! }, payload: { sessionId: s.id, token } });
      if (res.statusCode !== 200 || !res.json().counted) throw new Error(`check-in: ${res.statusCode} ${res.body.slice(0, 300)}`);
    };
    const bareCall = async () => {
      const res = await bare.inject({ url: '/bare' });
      if (res.statusCode !== 200) throw new Error('bare');
    };
    await concurrent(2, bareCall);
    const bareRuns: LoadResult[] = [];
    const scenarios: [string, () => Promise<void>][] = [
      ['POST /training/sessions/{id}/attendance (a tick: enrol + person-time + event)', tick],
      ['POST /training/checkins (a QR scan: enrol + person-time + event)', scan],
    ];
    const attendance: TrainingBenchResult['attendance'] = [];
    for (const [name, send] of scenarios) {
      if (send === scan) await readCodes(1);
      await concurrent(1, send); // warm-up
      const turns: { r: LoadResult; bare: number }[] = [];
      for (let round = 0; round < 3; round++) {
        const b = await concurrent(seconds, bareCall);
        bareRuns.push(b);
        if (send === scan) await readCodes(seconds);
        const r = await concurrent(seconds, send);
        if (send === scan) scanRate = r.reqPerSec;
        turns.push({ bare: b.reqPerSec, r });
      }
      const r = { reqPerSec: median(turns.map((t) => t.r.reqPerSec)), p50Ms: median(turns.map((t) => t.r.p50Ms)), p99Ms: median(turns.map((t) => t.r.p99Ms)), requests: turns.reduce((n, t) => n + t.r.requests, 0) };
      attendance.push({ name, load: r, bareReqPerSec: median(turns.map((t) => t.bare)), ratio: median(turns.map((t) => t.r.reqPerSec / t.bare)) });
      log(`  ${database.dialect}: ${name}: ${Math.round(r.reqPerSec)} req/s`);
    }
    const bareLoad = { reqPerSec: median(bareRuns.map((b) => b.reqPerSec)), p50Ms: median(bareRuns.map((b) => b.p50Ms)), p99Ms: median(bareRuns.map((b) => b.p99Ms)), requests: bareRuns.reduce((n, b) => n + b.requests, 0) };

    return { engine: database.dialect, loadAverage, imports, attendance, bare: bareLoad, progress };
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
export function trainingTables(r: TrainingBenchResult): string {
  const lines = [`Training (issue 15), ${r.engine}, load average at the start ${r.loadAverage.join(' / ')}`, ''];
  lines.push('| roster import, 2 000 rows | route s | rows/s | raw insert s | raw rows/s | route / raw | trainees created | enrolled |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const i of r.imports) lines.push(`| ${i.label} | ${i.seconds.toFixed(2)} | ${n(i.rowsPerSec)} | ${i.rawSeconds.toFixed(3)} | ${n(i.rawRowsPerSec)} | ${pct(i.rowsPerSec / i.rawRowsPerSec)} | ${i.created} | ${i.enrolled} |`);
  lines.push('', `| attendance, ${CONCURRENCY} concurrent (app.inject) | req/s | p50 ms | p99 ms | bare route just before, req/s | ratio to bare route |`, '| --- | ---: | ---: | ---: | ---: | ---: |');
  lines.push(`| bare Fastify route (baseline) | ${n(r.bare.reqPerSec)} | ${r.bare.p50Ms.toFixed(2)} | ${r.bare.p99Ms.toFixed(2)} | | 100 % |`);
  for (const a of r.attendance) lines.push(`| ${a.name} | ${n(a.load.reqPerSec)} | ${a.load.p50Ms.toFixed(1)} | ${a.load.p99Ms.toFixed(1)} | ${n(a.bareReqPerSec)} | ${pct(a.ratio)} |`);
  lines.push('', '| GET /training/progress (county) with | p50 ms | p99 ms | CPU ms per call | the same SELECT alone, p50 ms | bare route p50 / p99 ms | p50 ratio to bare | answer bytes | top-up insert s |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const p of r.progress) lines.push(`| ${n(p.personTimes)} person-times | ${p.p50Ms.toFixed(1)} | ${p.p99Ms.toFixed(1)} | ${p.cpuMs.toFixed(1)} | ${p.fetchP50Ms.toFixed(1)} | ${p.bareP50Ms.toFixed(2)} / ${p.bareP99Ms.toFixed(2)} | ${n(p.p50Ms / p.bareP50Ms)}× | ${n(p.bytes)} | ${p.insertSeconds.toFixed(1)} |`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const url = process.argv.includes('--postgres') ? (process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test') : '';
  const r = await measureTraining({ url, sizes: (arg('sizes') ?? '10000,100000').split(',').map(Number), seconds: Number(arg('seconds') ?? 4), calls: Number(arg('calls') ?? 40) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  console.log(`\n${trainingTables(r)}`);
  process.exit(0);
}
