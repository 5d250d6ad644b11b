import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeIdempotencyKeys } from '../../src/kernel/http/idempotency.js';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

/** `GET /api/v1/network/sites/{id}` lines from Fastify's route tree (4 characters of indent per level). */
function registeredRoutes(tree: string): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^(.*?)[├└]── (.+?) \(([A-Z, ]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    const path = stack.join('').replace(/\/+/g, '/').replace(/:(\w+)/g, '{$1}');
    for (const method of m[3].split(', ')) if (method !== 'HEAD') out.push(`${method} ${path}`);
  }
  return out;
}

describe.each(engines())('platform kernel on %s', (engine) => {
  let t: TestApp;
  let admin: { cookie: string };
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true });
    admin = await signIn(t.app, 'demo.county');
  });
  afterAll(() => t.close());

  it('answers health with the engine and version', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: engine, version: expect.any(String), demo: true });
  });

  it('lists every API route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set(Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
    const routes = registeredRoutes(t.app.printRoutes({ commonPrefix: false })).filter((r) => r.includes(' /api/v1/') || r.endsWith('/api/health'));
    expect(routes.length).toBeGreaterThan(15);
    const missing = routes.filter((r) => !documented.has(r));
    expect(missing).toEqual([]);
    for (const expected of ['POST /api/v1/auth/login', 'GET /api/v1/network/sites', 'PATCH /api/v1/network/sites/{id}', 'GET /api/v1/network/coverage', 'GET /api/v1/identity/audit', 'GET /api/health']) {
      expect(documented).toContain(expected);
    }
  });

  it('serves the browsable API docs', async () => {
    const res = await t.app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/html/);
  });

  it('answers unknown API paths with the error shape', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here', headers: admin });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('refuses a signed-out caller with 401', async () => {
    const res = await t.app.inject({ url: '/api/v1/network/sites' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_BODY');
  });

  it('names the missing field in a 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'body.password' } });
  });

  it('sends security headers and a request id', async () => {
    const res = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'trace-123' } });
    // The server's own id, never one the client chose.
    expect(res.headers['x-request-id']).toMatch(/^req_[0-9a-f]{8}_[0-9a-z]+$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('replays a POST with the same Idempotency-Key instead of doing it twice', async () => {
    const body = { name: '城北服务点', kind: 'village_point', divisionCode: '530621101204', address: '安阁村' };
    const headers = { ...admin, 'idempotency-key': 'create-anke-1' };
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/network/sites', headers, payload: body });
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/network/sites', headers, payload: body });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replay']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    const list = await t.app.inject({ url: '/api/v1/network/sites?q=城北服务点', headers: admin });
    expect(list.json().items).toHaveLength(1);

    const reused = await t.app.inject({ method: 'POST', url: '/api/v1/network/sites', headers, payload: { ...body, name: '别的' } });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('forgets idempotency keys after a day', async () => {
    const count = async () => (await t.database.db.selectFrom('kernel_idempotency').selectAll().execute()).length;
    expect(await count()).toBeGreaterThan(0);
    await purgeIdempotencyKeys(t.database.db, new Date());
    expect(await count()).toBeGreaterThan(0);
    await purgeIdempotencyKeys(t.database.db, new Date(Date.now() + 25 * 3600_000));
    expect(await count()).toBe(0);
  });

  it('frees the key when the first attempt failed, so a corrected retry goes through', async () => {
    const headers = { ...admin, 'idempotency-key': 'create-bad-1' };
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/network/sites', headers, payload: { name: 'x', kind: 'village_point', divisionCode: '530621999201', address: 'x' } });
    expect(bad.statusCode).toBe(400);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/network/sites', headers, payload: { name: 'x', kind: 'village_point', divisionCode: '530621999201', address: 'x' } });
    expect(again.statusCode).toBe(400);
    expect(again.headers['idempotent-replay']).toBeUndefined();
  });
});

describe.each(engines())('input the API refuses in its own shape on %s', (engine) => {
  let t: TestApp;
  let admin: { cookie: string };
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false });
    admin = await signIn(t.app, 'demo.county');
  });
  afterAll(() => t.close());

  const expectShape = (res: { statusCode: number; json(): { error?: { code?: string; message?: string } } }, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    expect(res.json().error).toMatchObject({ code, message: expect.any(String) });
  };

  it('refuses unknown and nested properties on a body, naming them, and stores nothing', async () => {
    const before = (await t.app.inject({ url: '/api/v1/network/targets', headers: admin })).json();
    const unknown = await t.app.inject({ method: 'PUT', url: '/api/v1/network/targets', headers: admin, payload: { townshipStations: 3, bogus: 1 } });
    expectShape(unknown, 400, 'VALIDATION_FAILED');
    expect(unknown.json().error.details).toEqual({ field: 'body.bogus' });
    const nested = await t.app.inject({ method: 'PUT', url: '/api/v1/network/targets', headers: admin, payload: { townshipStations: { value: 3 } } });
    expectShape(nested, 400, 'VALIDATION_FAILED');
    expect(nested.json().error.details).toEqual({ field: 'body.townshipStations' });
    const inner = await t.app.inject({ method: 'POST', url: '/api/v1/network/sites', headers: admin, payload: { name: 'x', kind: 'village_point', divisionCode: '530621101204', address: 'x', operator: { userId: null, name: 'x', poorHousehold: false, disabled: false, partyMember: false, extra: 1 } } });
    expectShape(inner, 400, 'VALIDATION_FAILED');
    expect(inner.json().error.details).toEqual({ field: 'body.operator.extra' });
    expect((await t.app.inject({ url: '/api/v1/network/targets', headers: admin })).json()).toEqual(before);
  });

  it("leaves a third party's format open where it says so: a Kuaidi100 push with all its own fields", async () => {
    const courier = await signIn(t.app, 'demo.courier');
    const push = { status: 'polling', billstatus: 'got', message: '', lastResult: { message: 'ok', state: '0', status: '200', ischeck: '0', condition: 'F00', com: 'yunda', nu: 'YD9000000001', data: [{ time: '2026-06-01 10:00:00', ftime: '2026-06-01 10:00:00', context: '快件已揽收', status: '揽收', areaName: '云南,昭通市' }] } };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/logistics/kuaidi100/push', headers: courier, payload: push });
    expect(res.json().error?.code).not.toBe('VALIDATION_FAILED');
    expect(res.statusCode).toBeLessThan(500);
  });

  it('refuses unknown query parameters and numbers that are not finite', async () => {
    expectShape(await t.app.inject({ url: '/api/v1/network/sites?bogus=1', headers: admin }), 400, 'VALIDATION_FAILED');
    // The auditors' case: ?days=1e309 was coerced to Infinity and answered 500 (Invalid time value).
    const days = await t.app.inject({ url: '/api/v1/logistics/parcels/waiting?days=1e309', headers: admin });
    expectShape(days, 400, 'VALIDATION_FAILED');
    expect(days.json().error.details).toEqual({ field: 'querystring.days' });
    for (const value of ['1e309', '-1e309', 'Infinity', 'NaN']) {
      const res = await t.app.inject({ url: `/api/v1/network/sites?limit=${value}`, headers: admin });
      expectShape(res, 400, 'VALIDATION_FAILED');
      expect(res.json().error.details).toEqual({ field: 'querystring.limit' });
    }
  });

  it('refuses text with a NUL character or U+FFFD, and cursors the API never issued (PostgreSQL cannot store NUL)', async () => {
    const path = await t.app.inject({ url: '/api/v1/network/sites/%00', headers: admin });
    expectShape(path, 400, 'VALIDATION_FAILED');
    expect(path.json().error.details).toEqual({ field: 'params.id' });
    const body = await t.app.inject({ method: 'PATCH', url: '/api/v1/network/sites/x', headers: admin, payload: { name: 'a\u0000b' } });
    expect(body.json().error.details).toEqual({ field: 'body.name' });
    const garbled = await t.app.inject({ method: 'PATCH', url: '/api/v1/network/sites/x', headers: admin, payload: { name: '乐红\ufffd\ufffd村' } });
    expectShape(garbled, 400, 'VALIDATION_FAILED');
    expect(garbled.json().error.details).toEqual({ field: 'body.name' });
    for (const cursor of ['AAAA', 'AO-_vw']) {
      const res = await t.app.inject({ url: `/api/v1/identity/audit?cursor=${cursor}`, headers: admin });
      expectShape(res, 400, 'VALIDATION_FAILED');
      expect(res.json().error.details).toEqual({ field: 'querystring.cursor' });
    }
  });

  it('refuses dates that are not on the calendar, naming the field', async () => {
    const res = await t.app.inject({ url: '/api/v1/network/divisions?asOf=2026-02-30', headers: admin });
    expectShape(res, 400, 'VALIDATION_FAILED');
    expect(res.json().error.details).toEqual({ field: 'querystring.asOf' });
    const body = await t.app.inject({ method: 'POST', url: '/api/v1/network/divisions/530621101204/retire', headers: admin, payload: { validTo: '2026-13-01' } });
    expect(body.json().error.details).toEqual({ field: 'body.validTo' });
  });

  it("answers the router's own refusals in the error shape", async () => {
    expectShape(await t.app.inject({ url: '/api/v1/network/sites/%E0%A4%A', headers: admin }), 400, 'BAD_REQUEST');
    expectShape(await t.app.inject({ url: `/api/v1/network/sites/${'x'.repeat(300)}`, headers: admin }), 414, 'URI_TOO_LONG');
    expectShape(await t.app.inject({ method: 'POST', url: '/api/v1/network/sites', headers: { ...admin, 'content-type': 'text/weird' }, payload: 'x' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const big = JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) });
    expectShape(await t.app.inject({ method: 'POST', url: '/api/v1/network/sites', headers: { ...admin, 'content-type': 'application/json' }, payload: big }), 413, 'BODY_TOO_LARGE');
    expectShape(await t.app.inject({ method: 'POST', url: '/api/v1/network/sites', headers: { ...admin, 'content-type': 'application/json' }, payload: '' }), 400, 'BAD_BODY');
  });

  it("answers what Node's HTTP parser refuses (headers too large, a broken request) in the error shape", async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const headers = await fetch(`${address}/api/health`, { headers: { 'x-big': 'a'.repeat(20_000) } });
    expect(headers.status).toBe(431);
    expect(await headers.json()).toMatchObject({ error: { code: 'HEADERS_TOO_LARGE' } });
    const longQuery = await fetch(`${address}/api/v1/network/sites?q=${'a'.repeat(20_000)}`);
    expect(longQuery.status).toBe(431);
    expect(await longQuery.json()).toMatchObject({ error: { code: 'HEADERS_TOO_LARGE' } });
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(new URL(address).port), '127.0.0.1', () => socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });
});
