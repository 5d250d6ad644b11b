import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

describe.each(engines())('identity on %s', (engine) => {
  let t: TestApp;
  let admin: { cookie: string };
  const clock = manualClock();
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, clock });
    admin = await signIn(t.app, 'demo.county');
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, ip = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

  it('signs in with an HttpOnly SameSite session cookie and knows who you are', async () => {
    const res = await login('demo.township', 'ludian-demo-2026');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'countyhub_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: `countyhub_session=${cookie.value}` } });
    expect(me.json()).toMatchObject({ username: 'demo.township', roles: ['township_operator'], scope: { kind: 'township', id: '530621110' } });
    // Your own phone is shown to you in full.
    expect(me.json().phone).toMatch(/^1\d{10}$/);
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await login('demo.trainer', 'not-the-password1');
    const unknown = await login('nobody.here', 'not-the-password1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
  });

  it('makes an address wait after five wrong passwords for one user name, then lets it in after the wait', async () => {
    for (let i = 0; i < 5; i++) expect((await login('demo.courier', `wrong-password-${i}`, '10.1.0.1')).statusCode).toBe(401);
    const delayed = await login('demo.courier', 'ludian-demo-2026', '10.1.0.1');
    expect(delayed.statusCode).toBe(429);
    expect(delayed.json().error).toMatchObject({ code: 'SIGN_IN_DELAYED', details: { retryAfterSeconds: 60 } });
    // Wrong passwords spread over addresses make none of them wait, and lock nobody out.
    for (let i = 0; i < 5; i++) expect((await login('demo.courier', `wrong-password-${i}`, `10.1.1.${i}`)).statusCode).toBe(401);
    expect((await login('demo.courier', 'ludian-demo-2026', '10.1.0.9')).statusCode).toBe(200);
    clock.advance(61_000);
    expect((await login('demo.courier', 'ludian-demo-2026', '10.1.0.1')).statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts from one address', async () => {
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await login(`someone${i}`, 'whatever-123', '10.9.9.9')).statusCode;
    expect(last).toBe(429);
    // Another address is not affected.
    expect((await login('demo.trainer', 'ludian-demo-2026', '10.9.9.10')).statusCode).toBe(200);
  });

  it('ends the session on sign-out', async () => {
    const session = await signIn(t.app, 'demo.regulator');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: session })).statusCode).toBe(401);
  });

  it('lets machine clients use a hashed API token until it is revoked', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/identity/tokens', headers: admin, payload: { name: '市级数据中心' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^chk_/);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/v1/network/coverage', headers: bearer })).statusCode).toBe(200);
    const listed = await t.app.inject({ url: '/api/v1/identity/tokens', headers: admin });
    expect(JSON.stringify(listed.json())).not.toContain(token);
    await t.app.inject({ method: 'DELETE', url: `/api/v1/identity/tokens/${id}`, headers: admin });
    expect((await t.app.inject({ url: '/api/v1/network/coverage', headers: bearer })).statusCode).toBe(401);
  });

  it("pages a user's API tokens, newest first, none lost or repeated", async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await t.app.inject({ method: 'POST', url: '/api/v1/identity/tokens', headers: admin, payload: { name: `批量 ${i}` } })).json().id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await t.app.inject({ url: `/api/v1/identity/tokens?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: admin })).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((x: { id: string }) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    // Newest first by id; tokens made within one millisecond may come in either order among themselves.
    expect(seen).toEqual([...seen].sort().reverse());
    expect(new Set(seen.slice(0, 5))).toEqual(new Set(made));
  });

  it('lets only a county admin list and create users, with phones masked', async () => {
    const township = await signIn(t.app, 'demo.township');
    expect((await t.app.inject({ url: '/api/v1/identity/users', headers: township })).statusCode).toBe(403);
    const list = await t.app.inject({ url: '/api/v1/identity/users?role=village_operator', headers: admin });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((u: { username: string }) => u.username)).toEqual(['demo.village']);
    expect(list.json().items[0].phone).toMatch(/^138\*{4}\d{4}$/);

    const body = { username: 'wang.station', displayName: '王站长', password: 'station-pass-2026', phone: '13912345678', roles: ['township_operator'], scope: { kind: 'township', id: '530621102' } };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/identity/users', headers: township, payload: body })).statusCode).toBe(403);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/identity/users', headers: admin, payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json().phone).toBe('139****5678');
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/identity/users', headers: admin, payload: body });
    expect(again.statusCode).toBe(409);
  });

  it('refuses bad users with the field named', async () => {
    const base = { username: 'li.point', displayName: '李', password: 'point-pass-2026', roles: ['village_operator'], scope: { kind: 'site', id: 'site_ld3_530621110205' } };
    const cases: [object, string][] = [
      [{ ...base, username: 'LI POINT' }, 'body.username'],
      [{ ...base, password: 'short1' }, 'body.password'],
      [{ ...base, roles: ['mayor'] }, 'body.roles.0'],
      [{ ...base, scope: { kind: 'township', id: '530621110' } }, 'body.scope'],
      [{ ...base, phone: '12345' }, 'body.phone'],
    ];
    for (const [payload, field] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/identity/users', headers: admin, payload });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.details.field).toBe(field);
    }
  });

  it('refuses a scope that names nothing in the network', async () => {
    const base = { username: 'scope.test', displayName: '测试', password: 'scope-test-2026' };
    const cases: [object, RegExp][] = [
      [{ roles: ['trainer'], scope: { kind: 'county', id: '530622' } }, /serves county 530621/],
      [{ roles: ['township_operator'], scope: { kind: 'township', id: '530621199' } }, /no township/],
      [{ roles: ['village_operator'], scope: { kind: 'site', id: 'site_nothing' } }, /no site/],
      [{ roles: ['village_operator'], scope: { kind: 'site', id: 'site_ld2_530621110' } }, /village point/],
    ];
    for (const [payload, message] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/identity/users', headers: admin, payload: { ...base, ...payload } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.field).toBe('body.scope');
      expect(res.json().error.message).toMatch(message);
    }
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/identity/users', headers: admin, payload: { ...base, roles: ['village_operator'], scope: { kind: 'site', id: 'site_ld6_530621110201' } } });
    expect(ok.statusCode).toBe(201);
  });

  it('disabling a user ends their sessions', async () => {
    const session = await signIn(t.app, 'demo.consumer');
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: session })).json();
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/identity/users/${me.id}`, headers: admin, payload: { status: 'disabled' } });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: session })).statusCode).toBe(401);
    expect((await login('demo.consumer', 'ludian-demo-2026', '10.2.0.1')).statusCode).toBe(403);
  });

  it('keeps an audit trail of changes that only a county admin can search', async () => {
    const res = await t.app.inject({ url: '/api/v1/identity/audit?action=user.created&limit=100', headers: admin });
    expect(res.statusCode).toBe(200);
    const created = res.json().items.find((r: { details: { username: string } }) => r.details.username === 'wang.station');
    expect(created).toMatchObject({ actorUsername: 'demo.county', entityType: 'user', ip: expect.any(String) });
    expect(JSON.stringify(res.json())).not.toContain('station-pass-2026');
    const village = await signIn(t.app, 'demo.village');
    expect((await t.app.inject({ url: '/api/v1/identity/audit', headers: village })).statusCode).toBe(403);
  });

  it('changes your own password only with the current one, and signs out your other sessions', async () => {
    const session = await signIn(t.app, 'demo.merchant');
    const otherDevice = await signIn(t.app, 'demo.merchant');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: session, payload: { currentPassword: 'nope-nope-1', newPassword: 'merchant-new-2026' } });
    expect(wrong.statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: session, payload: { currentPassword: 'ludian-demo-2026', newPassword: 'merchant-new-2026' } });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: session })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: otherDevice })).statusCode).toBe(401);
    expect((await login('demo.merchant', 'merchant-new-2026', '10.3.0.1')).statusCode).toBe(200);
  });

  it("an admin's password reset signs the user out everywhere", async () => {
    const session = await signIn(t.app, 'demo.trainer');
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: session })).json();
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/identity/users/${me.id}`, headers: admin, payload: { password: 'trainer-reset-2026' } });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: session })).statusCode).toBe(401);
    expect((await login('demo.trainer', 'trainer-reset-2026', '10.4.0.1')).statusCode).toBe(200);
  });
  // Last: it moves the clock past every session's expiry.
  it('expires a session after 12 idle hours', async () => {
    const session = await signIn(t.app, 'demo.regulator');
    clock.advance(13 * 3600_000);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: session })).statusCode).toBe(401);
    // Housekeeping then removes every run-out session, and only those.
    const fresh = await signIn(t.app, 'demo.regulator');
    expect(await t.modules.identity.service.purgeExpired()).toBeGreaterThan(0);
    const left = await t.database.db.selectFrom('identity_sessions').select('expires_at').execute();
    expect(left.every((r: { expires_at: string }) => r.expires_at > clock.now().toISOString())).toBe(true);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: fresh })).statusCode).toBe(200);
  });
});
