import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataKey } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { AppError } from '../../src/kernel/errors.js';
import { openDatabase } from '../../src/kernel/db.js';
import { LocalFileStore } from '../../src/kernel/files.js';
import { tightenDataDir } from '../../src/kernel/data-dir.js';
import { registerErrorHandling } from '../../src/kernel/http/errors.js';
import { registerSameOrigin } from '../../src/kernel/http/same-origin.js';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

type Headers = Record<string, string>;
const SITE = 'hub.example.cn';

describe.each(engines())('kernel security on %s', (engine) => {
  let t: TestApp;
  let admin: Headers;
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false });
    admin = await signIn(t.app, 'demo.county');
  });
  afterAll(() => t.close());

  const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Headers, payload?: string | object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { host: SITE, ...headers }, ...(payload === undefined ? {} : { payload }) });

  const brandWithLicence = async () => {
    const brand = (await inject('POST', '/catalog/brands', admin, { name: `品牌${Date.now() % 100000}${Math.random().toString(36).slice(2, 6)}` })).json();
    const sellers = (await inject('GET', '/parties/sellers?limit=1', admin)).json().items;
    const licence = await inject('POST', `/catalog/brands/${brand.id}/licences`, admin, { sellerId: sellers[0].id, licenceNo: `LD-${Date.now()}-${Math.random()}`, validFrom: '2020-01-01', validTo: '2099-12-31' });
    expect(licence.statusCode, licence.body).toBe(201);
    return { brand: brand.id as string, licence: licence.json().id as string };
  };
  const licenceRevoked = async (brand: string, licence: string) =>
    (await inject('GET', `/catalog/brands/${brand}/licences`, admin)).json().items.find((l: { id: string }) => l.id === licence).revokedAt !== null;
  const categoryNamed = async (name: string) => (await inject('GET', '/catalog/categories?limit=200', {})).json().items.some((c: { name: string }) => c.name === name);

  describe('cross-site requests (item 8)', () => {
    it('refuses a body-less text/plain POST from a foreign origin with the admin cookie, and nothing changes', async () => {
      const { brand, licence } = await brandWithLicence();
      const res = await inject('POST', `/catalog/licences/${licence}/revoke`, { ...admin, origin: 'https://evil.example', 'content-type': 'text/plain' });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ error: { code: 'CROSS_SITE_REQUEST', message: expect.any(String) } });
      expect(await licenceRevoked(brand, licence)).toBe(false);

      const ok = await inject('POST', `/catalog/licences/${licence}/revoke`, { ...admin, origin: `https://${SITE}`, 'content-type': 'text/plain' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(await licenceRevoked(brand, licence)).toBe(true);
    });

    it('refuses a JSON POST creating a category from a foreign origin; the same from this site succeeds', async () => {
      const name = `跨站${Date.now() % 100000}`;
      const res = await inject('POST', '/catalog/categories', { ...admin, origin: 'http://attacker.test:8080' }, { name });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CROSS_SITE_REQUEST');
      expect(await categoryNamed(name)).toBe(false);

      const ok = await inject('POST', '/catalog/categories', { ...admin, origin: `https://${SITE}` }, { name });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(await categoryNamed(name)).toBe(true);
    });

    it('refuses by Sec-Fetch-Site when there is no Origin, and an opaque origin carrying a cookie', async () => {
      const name = `无源${Date.now() % 100000}`;
      expect((await inject('POST', '/catalog/categories', { ...admin, 'sec-fetch-site': 'cross-site' }, { name })).json().error.code).toBe('CROSS_SITE_REQUEST');
      expect((await inject('POST', '/catalog/categories', { ...admin, origin: 'null', 'sec-fetch-site': 'cross-site' }, { name })).statusCode).toBe(403);
      expect((await inject('POST', '/catalog/categories', { ...admin, origin: 'null' }, { name })).statusCode).toBe(403);
      expect(await categoryNamed(name)).toBe(false);
      // A form on one of this site's own pages under `Referrer-Policy: no-referrer` says Origin: null, same-origin.
      expect((await inject('POST', '/catalog/categories', { ...admin, origin: 'null', 'sec-fetch-site': 'same-origin' }, { name })).statusCode).toBe(201);
    });

    it('covers public routes too: a foreign sign-in (login CSRF) and sign-out are refused', async () => {
      const login = await inject('POST', '/auth/login', { origin: 'https://evil.example' }, { username: 'demo.county', password: 'wrong-password-1' });
      expect(login.statusCode).toBe(403);
      expect(login.json().error.code).toBe('CROSS_SITE_REQUEST');
      const logout = await inject('POST', '/auth/logout', { ...admin, origin: 'https://evil.example', 'content-type': 'text/plain' });
      expect(logout.statusCode).toBe(403);
      expect((await inject('GET', '/auth/me', admin)).statusCode).toBe(200);
    });

    it('lets requests with neither header and API-token requests from anywhere through', async () => {
      const token = (await inject('POST', '/identity/tokens', admin, { name: 'cross-site test' })).json().token as string;
      const name = `令牌${Date.now() % 100000}`;
      const res = await inject('POST', '/catalog/categories', { authorization: `Bearer ${token}`, origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' }, { name });
      expect(res.statusCode, res.body).toBe(201);
      expect((await inject('POST', '/catalog/categories', admin, { name: `${name}b` })).statusCode).toBe(201);
      // Reading stays open: a foreign GET is not state-changing.
      expect((await inject('GET', '/auth/me', { ...admin, origin: 'https://evil.example' })).statusCode).toBe(200);
    });

    it('compares with X-Forwarded-Host only behind a trusted proxy', async () => {
      const res = await inject('POST', '/catalog/categories', { ...admin, origin: 'https://public.example', 'x-forwarded-host': 'public.example' }, { name: `代理${Date.now() % 100000}` });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('personal answers are not cached (item 11)', () => {
    it('marks /auth/me and API answers no-store', async () => {
      const me = await inject('GET', '/auth/me', admin);
      expect(me.statusCode).toBe(200);
      expect(me.headers['cache-control']).toBe('no-store');
      const error = await inject('GET', '/auth/me', {});
      expect(error.headers['cache-control']).toBe('no-store');
    });

    it('marks a public tracking answer no-store', async () => {
      const w = `ZT${Date.now().toString().slice(-8)}`;
      const manifest = await inject('POST', '/logistics/manifests', await signIn(t.app, 'demo.courier'), { carrier: 'zhongtong', parcels: [{ waybillNo: w, recipientName: '欧阳秀英', recipientPhone: '13812349876', address: '鲁甸县乐红镇乐红村' }] });
      expect(manifest.statusCode, manifest.body).toBe(201);
      const res = await inject('GET', `/logistics/track?waybillNo=${w}&phoneLast4=9876`, {});
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
    });
  });

  describe('idempotency store keeps no secrets (item 11)', () => {
    it('does not keep a new API token, and a repeat does not show it again', async () => {
      const key = `tok-${Date.now()}`;
      const first = await inject('POST', '/identity/tokens', { ...admin, 'idempotency-key': key }, { name: 'idempotent token' });
      expect(first.statusCode, first.body).toBe(201);
      const token = first.json().token as string;
      expect(token.length).toBeGreaterThan(20);
      const rows = await t.database.db.selectFrom('kernel_idempotency').selectAll().execute();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(JSON.stringify(row)).not.toContain(token);

      const again = await inject('POST', '/identity/tokens', { ...admin, 'idempotency-key': key }, { name: 'idempotent token' });
      expect(again.body).not.toContain(token);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('IDEMPOTENCY_SECRET_SHOWN');
      // Exactly one token was made.
      const list = (await inject('GET', '/identity/tokens?limit=100', admin)).json().items.filter((x: { name: string }) => x.name === 'idempotent token');
      expect(list).toHaveLength(1);
    });

    it('keeps other answers sealed, and still replays them', async () => {
      const key = `cat-${Date.now()}`;
      const name = `幂等${Date.now() % 100000}`;
      const first = await inject('POST', '/catalog/categories', { ...admin, 'idempotency-key': key }, { name });
      expect(first.statusCode).toBe(201);
      const row = await t.database.db.selectFrom('kernel_idempotency').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
      expect(String(row.body)).not.toContain(name);
      const again = await inject('POST', '/catalog/categories', { ...admin, 'idempotency-key': key }, { name });
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replay']).toBe('true');
      expect(again.json()).toEqual(first.json());
    });
  });

  describe('request ids are the server’s (item 11)', () => {
    it('never takes a client-chosen X-Request-Id as the id logged and audited', async () => {
      const name = `请求${Date.now() % 100000}`;
      const res = await inject('POST', '/catalog/categories', { ...admin, 'x-request-id': 'evil\nid' }, { name });
      expect(res.statusCode).toBe(201);
      expect(res.headers['x-request-id']).toMatch(/^req_[0-9a-f]{8}_[0-9a-z]+$/);
      const rows = await t.database.db.selectFrom('kernel_audit_log').select(['request_id']).where('request_id', '=', res.headers['x-request-id'] as string).execute();
      expect(rows.length).toBeGreaterThan(0);
      const evil = await t.database.db.selectFrom('kernel_audit_log').select(['request_id']).where('request_id', 'like', 'evil%').execute();
      expect(evil).toEqual([]);
    });
  });
});

describe('Retry-After on every 429 (item 10)', () => {
  it('comes from details.retryAfterSeconds, else a default, also on answers sent by hand', async () => {
    const app = Fastify();
    registerErrorHandling(app);
    app.get('/given', async () => {
      throw new AppError(429, 'SLOW_DOWN', 'wait', { retryAfterSeconds: 42.2 });
    });
    app.get('/none', async () => {
      throw new AppError(429, 'SLOW_DOWN', 'wait');
    });
    app.get('/hand', async (_request, reply) => reply.status(429).send({ error: { code: 'SLOW_DOWN', message: 'wait' } }));
    app.get('/busy', async () => {
      throw new AppError(503, 'BUSY', 'busy', { retryAfterSeconds: 2 });
    });
    const given = await app.inject({ url: '/given' });
    expect(given.statusCode).toBe(429);
    expect(given.headers['retry-after']).toBe('43');
    expect(given.json().error.details.retryAfterSeconds).toBe(42.2);
    expect((await app.inject({ url: '/none' })).headers['retry-after']).toBe('60');
    expect((await app.inject({ url: '/hand' })).headers['retry-after']).toBe('60');
    expect((await app.inject({ url: '/busy' })).headers['retry-after']).toBe('2');
    await app.close();
  });
});

describe('the data folder is the server user’s only (item 12)', () => {
  let root: string;
  const mode = (p: string) => fs.statSync(p).mode & 0o777;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-modes-'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('creates the folder 0700 and the database, its WAL and SHM, the data key and uploads 0600', async () => {
    const dataDir = path.join(root, 'fresh', 'data');
    const file = path.join(dataDir, 'countyhub.sqlite');
    const database = await openDatabase({ sqliteFile: file });
    await database.db.schema.createTable('t').addColumn('x', 'text').execute();
    await database.db.insertInto('t').values({ x: 'personal' }).execute();
    expect(mode(dataDir)).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, mode(f).toString(8)]).toEqual([f, '600']);
    await database.close();

    loadDataKey({ dataDir, dataKey: '' });
    expect(mode(path.join(dataDir, 'data.key'))).toBe(0o600);

    const store = new LocalFileStore(path.join(dataDir, 'files'));
    await store.put('photos/ab/photo.webp', Buffer.from('x'));
    expect(mode(path.join(dataDir, 'files'))).toBe(0o700);
    expect(mode(path.join(dataDir, 'files', 'photos', 'ab'))).toBe(0o700);
    expect(mode(path.join(dataDir, 'files', 'photos', 'ab', 'photo.webp'))).toBe(0o600);
  });

  it('tightens an existing folder with looser modes and names what it changed', () => {
    const dataDir = path.join(root, 'old');
    fs.mkdirSync(path.join(dataDir, 'files', 'photos'), { recursive: true, mode: 0o755 });
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(path.join(dataDir, 'files'), 0o775);
    fs.writeFileSync(path.join(dataDir, 'countyhub.sqlite'), '', { mode: 0o644 });
    fs.chmodSync(path.join(dataDir, 'countyhub.sqlite'), 0o644);
    fs.writeFileSync(path.join(dataDir, 'files', 'photos', 'a.webp'), 'x');
    fs.chmodSync(path.join(dataDir, 'files', 'photos', 'a.webp'), 0o664);
    fs.writeFileSync(path.join(dataDir, 'data.key'), 'k', { mode: 0o600 });
    const changed = tightenDataDir(dataDir);
    expect(changed.sort()).toEqual([dataDir, path.join(dataDir, 'countyhub.sqlite'), path.join(dataDir, 'files'), path.join(dataDir, 'files', 'photos'), path.join(dataDir, 'files', 'photos', 'a.webp')].sort());
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, 'files', 'photos'))).toBe(0o700);
    expect(mode(path.join(dataDir, 'countyhub.sqlite'))).toBe(0o600);
    expect(mode(path.join(dataDir, 'files', 'photos', 'a.webp'))).toBe(0o600);
    expect(tightenDataDir(dataDir)).toEqual([]);
  });
});

describe('this site’s own origin (item 8)', () => {
  const appWith = async (trustProxy: boolean, publicUrl?: string) => {
    const app = Fastify({ trustProxy });
    registerErrorHandling(app);
    registerSameOrigin(app, publicUrl);
    app.post('/act', async () => ({ ok: true }));
    return app;
  };
  const post = (app: Awaited<ReturnType<typeof appWith>>, headers: Headers) => app.inject({ method: 'POST', url: '/act', headers: { cookie: 's=1', ...headers } });

  it('is the forwarded host behind a trusted proxy, and the public URL when set', async () => {
    const proxied = await appWith(true);
    expect((await post(proxied, { host: '10.0.0.5:3000', 'x-forwarded-host': 'hub.example.cn', origin: 'https://hub.example.cn' })).statusCode).toBe(200);
    expect((await post(proxied, { host: '10.0.0.5:3000', 'x-forwarded-host': 'hub.example.cn', origin: 'https://hub.example.cn:8443' })).statusCode).toBe(403);
    const direct = await appWith(false, 'https://www.example.cn');
    expect((await post(direct, { host: '10.0.0.5:3000', 'x-forwarded-host': 'hub.example.cn', origin: 'https://hub.example.cn' })).statusCode).toBe(403);
    expect((await post(direct, { host: '10.0.0.5:3000', origin: 'https://www.example.cn' })).statusCode).toBe(200);
    expect((await post(direct, { host: 'localhost:3000', origin: 'http://localhost:3000' })).statusCode).toBe(200);
    expect((await post(direct, { host: 'localhost:3000', origin: 'http://localhost:5173' })).statusCode).toBe(403);
    expect((await post(direct, { host: 'localhost:3000', origin: 'not a url' })).statusCode).toBe(403);
    await proxied.close();
    await direct.close();
  });
});

describe('a client cannot choose its own address behind a proxy', () => {
  const ipBehind = async (setting: string | undefined, forwarded: string) => {
    const app = Fastify({ trustProxy: loadConfig({ TRUST_PROXY: setting }).trustProxy });
    app.get('/ip', async (request) => request.ip);
    const res = await app.inject({ url: '/ip', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': forwarded } });
    await app.close();
    return res.body;
  };

  it('takes the address the proxy in front saw, not what the client wrote into X-Forwarded-For', async () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it was called from.
    expect(await ipBehind('true', '1.2.3.4, 203.0.113.7')).toBe('203.0.113.7');
    expect(await ipBehind('true', '1.2.3.4, 203.0.113.7, 10.0.0.2')).toBe('203.0.113.7');
    expect(await ipBehind('true', '10.9.9.9')).toBe('10.9.9.9');
    expect(await ipBehind('127.0.0.1/8, 10.0.0.0/8', '1.2.3.4, 203.0.113.7, 10.0.0.2')).toBe('203.0.113.7');
    expect(await ipBehind(undefined, '1.2.3.4')).toBe('127.0.0.1');
    expect(() => loadConfig({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '2' })).toThrow(/TRUST_PROXY/);
  });
});
