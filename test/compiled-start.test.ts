// `npm start` runs the compiled server (dist/server, built by `npm install`): started here as an operator starts it,
// on an empty data folder (or PostgreSQL schema) that its first start fills with the demo data.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropPostgresSchema } from '../src/kernel/db.js';
import { DEMO_PASSWORD, engines } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Server {
  base: string;
  child: ChildProcess;
  output(): string;
}

/** `node dist/server/main.js` as `npm start` runs it; resolves once /api/health answers 200. */
async function startCompiled(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', COUNTYHUB_ADMIN_PASSWORD: 'compiled-start-admin-2026', COUNTYHUB_DEMO_DATA: 'true', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the compiled server ended before it answered:\n${out}`);
    const res = await fetch(`${base}/api/health`).catch(() => null);
    if (res?.status === 200) return { base, child, output: () => out };
    // Polling the health route: look again after a short pause, or at once when the process ends.
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 50))]);
  }
}

async function stop(server: Server | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

describe.each(engines())('the compiled start (npm start) on %s', (engine) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-compiled-'));
  const schema = `compiled_${randomBytes(6).toString('hex')}`;
  const url = process.env.TEST_DATABASE_URL ?? '';
  let server: Server | undefined;
  let cookie = '';

  beforeAll(async () => {
    // What `npm install` built, built again only if src/ changed since (as `npm start` does).
    execFileSync(process.execPath, ['tools/build-server.mjs', '--if-stale'], { cwd: ROOT, stdio: 'pipe' });
    server = await startCompiled({ DATA_DIR: dataDir, DATABASE_URL: engine === 'postgres' ? url : '', ...(engine === 'postgres' && { COUNTYHUB_DB_SCHEMA: schema }) });
    const login = await fetch(`${server.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo.county', password: DEMO_PASSWORD }) });
    expect(login.status, server.output()).toBe(200);
    cookie = login.headers.get('set-cookie')!.split(';')[0];
  }, 300_000);

  afterAll(async () => {
    await stop(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (engine === 'postgres') await dropPostgresSchema(url, schema);
  });

  const get = (route: string, headers: Record<string, string> = {}) => fetch(`${server!.base}${route}`, { headers });

  it('answers its health check with the version of package.json', async () => {
    const res = await get('/api/health');
    expect(await res.json()).toEqual({ status: 'ok', db: engine, version: VERSION, demo: true });
  });

  it('serves the console page and its script', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<div id="root"></div>');
    const script = /<script type="module"[^>]* src="([^"]+)"/.exec(html)?.[1];
    expect(script).toMatch(/^\/assets\/.+\.js$/);
    const asset = await get(script!);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers the signed-in API and finds 花椒 in the demo catalogue', async () => {
    const me = await get('/api/v1/auth/me', { cookie });
    expect(me.status).toBe(200);
    expect((await me.json()).username).toBe('demo.county');
    const search = await get(`/api/v1/catalog/search?q=${encodeURIComponent('花椒')}`);
    expect(search.status).toBe(200);
    const names = ((await search.json()).items as { name: string }[]).map((p) => p.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.some((name) => name.includes('花椒'))).toBe(true);
  });

  it('renders a batch certificate PDF on a worker thread and the public scan page of the batch', async () => {
    const batches = await get('/api/v1/trace/batches?limit=100', { cookie });
    expect(batches.status).toBe(200);
    const batch = ((await batches.json()).items as { id: string; url: string }[])[0];
    const pdf = await get(`/api/v1/trace/batches/${batch.id}/certificate.pdf`, { cookie });
    expect(pdf.status, server!.output()).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const scan = await get(new URL(batch.url).pathname);
    expect(scan.status).toBe(200);
    expect(scan.headers.get('content-type')).toMatch(/^text\/html/);
  });
});
