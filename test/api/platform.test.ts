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
    expect(res.json()).toEqual({ status: 'ok', db: engine, version: expect.any(String) });
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
    expect(res.headers['x-request-id']).toBe('trace-123');
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
