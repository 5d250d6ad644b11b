// The process under load in `npm run bench`: the real app on a SQLite file (or on PostgreSQL when
// BENCH_DATABASE_URL is set) with the Ludian demo data, and a bare Fastify route in the same process as the
// baseline. Prints its ports as one JSON line.
// Started by bench/run.ts; not meant to be run by hand.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../src/app.js';
import { bootstrap } from '../src/flows/bootstrap.js';
import { dropPostgresSchema, openDatabase } from '../src/kernel/db.js';

const url = process.env.BENCH_DATABASE_URL ?? '';
const schema = 'countyhub_bench';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-bench-'));
if (url) await dropPostgresSchema(url, schema);
const database = await openDatabase(url ? { url, pgSchema: schema } : { sqliteFile: path.join(dataDir, 'countyhub.sqlite') });
const config = { dataDir, databaseUrl: url, secureCookies: false, trustProxy: false, countyCode: '530621', dataKey: '', adminPassword: 'bench-admin-2026', demoData: true, demoMode: true };
const { app, modules } = await buildApp({ config, database });
await bootstrap(modules, config);
await app.listen({ port: 0, host: '127.0.0.1' });

// A second baseline with the body the sites list answers, pre-serialised: the ceiling for a page of that size.
const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'demo.county', password: 'ludian-demo-2026' } });
const sitesPage = (await app.inject({ url: '/api/v1/network/sites', headers: { cookie: `countyhub_session=${login.cookies[0].value}` } })).body;
// And the public scan page of the demo's labelled apple batch, for the same-size comparison.
const batches = (await app.inject({ url: '/api/v1/trace/batches?limit=100', headers: { cookie: `countyhub_session=${login.cookies[0].value}` } })).json().items as { id: string; url: string; units: number }[];
const labelled = batches.find((b) => b.units > 0)!;
const scanPath = new URL(labelled.url).pathname;
const scanPage = (await app.inject({ url: scanPath })).body;

const bare = Fastify();
bare.get('/bare', async () => ({ status: 'ok' }));
bare.get('/bare-page', async (_request, reply) => reply.type('application/json').send(sitesPage));
bare.get('/bare-scan', async (_request, reply) => reply.type('text/html; charset=utf-8').send(scanPage));
await bare.listen({ port: 0, host: '127.0.0.1' });

const portOf = (server: { server: { address(): unknown } }) => (server.server.address() as { port: number }).port;
console.log(JSON.stringify({ app: portOf(app), bare: portOf(bare), db: database.dialect, scanBatchId: labelled.id, scanPath, scanBytes: Buffer.byteLength(scanPage) }));

process.on('SIGTERM', async () => {
  await Promise.all([app.close(), bare.close()]);
  if (url) await dropPostgresSchema(url, schema);
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
