// `npm run bench`: starts bench/server.ts in its own process, loads it with autocannon from this one, and prints
// req/s, p99 latency and the ratio to a bare Fastify route measured in the same run on the same machine.
// `npm run bench -- --postgres` runs the app on the local PostgreSQL instead of SQLite.
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import autocannon from 'autocannon';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 16;
const usePostgres = process.argv.includes('--postgres');

const server = spawn(process.execPath, ['--import', 'tsx', 'bench/server.ts'], {
  env: { ...process.env, ...(usePostgres && { BENCH_DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' }) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const ports: { app: number; bare: number; db: string } = await new Promise((resolve, reject) => {
  server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  readline.createInterface({ input: server.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
});

async function load(url: string, headers: Record<string, string> = {}) {
  // A short warm-up first, so the JIT and caches are in the same state for every scenario.
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 });
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { reqPerSec: result.requests.average, p99Ms: result.latency.p99 };
}

try {
  const base = `http://127.0.0.1:${ports.app}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo.county', password: 'ludian-demo-2026' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const signedIn = { cookie };

  const baseline = await load(`http://127.0.0.1:${ports.bare}/bare`);
  const pageBaseline = await load(`http://127.0.0.1:${ports.bare}/bare-page`);
  const scenarios: [string, () => ReturnType<typeof load>][] = [
    ['GET /api/health', () => load(`${base}/api/health`)],
    ['GET /api/v1/network/sites (default page of 50)', () => load(`${base}/api/v1/network/sites`, signedIn)],
    ['GET /api/v1/network/coverage', () => load(`${base}/api/v1/network/coverage`, signedIn)],
  ];
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
  const rows: string[][] = [
    ['bare Fastify route (baseline)', String(Math.round(baseline.reqPerSec)), String(baseline.p99Ms), '100 %', ''],
    ['bare Fastify route sending the sites page body, pre-serialised', String(Math.round(pageBaseline.reqPerSec)), String(pageBaseline.p99Ms), pct(pageBaseline.reqPerSec / baseline.reqPerSec), '100 %'],
  ];
  for (const [name, run] of scenarios) {
    const r = await run();
    rows.push([name, String(Math.round(r.reqPerSec)), String(r.p99Ms), pct(r.reqPerSec / baseline.reqPerSec), pct(r.reqPerSec / pageBaseline.reqPerSec)]);
  }
  console.log(`\nCountyHub bench — ${ports.db}, ${CONNECTIONS} connections, ${DURATION_S} s per scenario, ${new Date().toISOString()}\n`);
  console.log('| scenario | req/s | p99 ms | ratio to bare route | ratio to same-size body |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
} finally {
  server.kill('SIGTERM');
}
