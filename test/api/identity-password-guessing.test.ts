import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const RIGHT = 'ludian-demo-2026';

/** Issue 11 (probe): wrong current passwords on POST /auth/password count like wrong sign-ins, and are audited. */
describe.each(engines())('password guessing through the password change on %s', (engine) => {
  let t: TestApp;
  let admin: { cookie: string };
  const clock = manualClock();
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, clock });
    admin = await signIn(t.app, 'demo.county');
  });
  afterAll(() => t.close());

  const change = (session: { cookie: string }, currentPassword: string, ip = '10.77.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: session, remoteAddress: ip, payload: { currentPassword, newPassword: 'changed-pass-2026' } });
  const login = (username: string, password: string, ip = '10.77.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });
  const audit = async (query: string) => (await t.app.inject({ url: `/api/v1/identity/audit?limit=100&${query}`, headers: admin })).json().items as Record<string, unknown>[];
  const userId = async (username: string) =>
    ((await t.app.inject({ url: `/api/v1/identity/users?limit=100&q=${username}`, headers: admin })).json().items as { id: string; username: string }[]).find((u) => u.username === username)!.id;

  it('five wrong current passwords make the session wait, as five wrong sign-ins would; each is audited without the password', async () => {
    const session = await signIn(t.app, 'demo.trainer');
    const id = await userId('demo.trainer');
    for (let i = 0; i < 5; i++) {
      const res = await change(session, `guess-${i}-2026`);
      expect(res.statusCode, `guess ${i}`).toBe(400);
      expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    const held = await change(session, 'guess-5-2026');
    expect(held.statusCode).toBe(429);
    expect(held.json().error.code).toBe('SIGN_IN_DELAYED');
    expect(held.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(held.headers['retry-after']).toBe(String(held.json().error.details.retryAfterSeconds));
    // The right password waits too, and so does signing in under that name from that address: the same counters.
    expect((await change(session, RIGHT)).statusCode).toBe(429);
    expect((await login('demo.trainer', RIGHT)).statusCode).toBe(429);

    const failed = await audit(`action=user.password_change_failed&entityId=${id}`);
    expect(failed).toHaveLength(5);
    expect(failed[0]).toMatchObject({ entityType: 'user' });
    expect(JSON.stringify(failed)).not.toContain('guess-');
    expect(await audit(`action=auth.locked&entityId=${id}`)).toHaveLength(1);
  });

  it('the tenth wrong current password ends the session', async () => {
    const session = await signIn(t.app, 'demo.regulator', RIGHT);
    const id = await userId('demo.regulator');
    for (let i = 0; i < 5; i++) expect((await change(session, `first-${i}-2026`, '10.77.1.1')).statusCode).toBe(400);
    clock.advance(61_000);
    for (let i = 0; i < 4; i++) expect((await change(session, `second-${i}-2026`, '10.77.1.1')).statusCode).toBe(400);
    const ended = await change(session, 'second-4-2026', '10.77.1.1');
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error.code).toBe('SESSION_ENDED');
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: session })).statusCode).toBe(401);
    expect(await audit(`action=user.password_change_failed&entityId=${id}`)).toHaveLength(10);
    expect(await audit(`action=auth.session_ended&entityId=${id}`)).toHaveLength(1);
  });

  it('guesses from changing addresses still count on the account', async () => {
    const session = await signIn(t.app, 'demo.merchant');
    for (let i = 0; i < 9; i++) expect((await change(session, `roam-${i}-2026`, `10.78.0.${i}`)).statusCode, `guess ${i}`).toBe(400);
    // Nine wrong on the account's hour from new devices, plus eleven wrong sign-ins, fill its twenty.
    for (let i = 0; i < 11; i++) expect((await login('demo.merchant', `roam-login-${i}-2026`, `10.79.0.${i}`)).statusCode).toBe(401);
    const held = await login('demo.merchant', RIGHT, '10.79.1.1');
    expect(held.statusCode).toBe(429);
    expect(held.json().error.code).toBe('SIGN_IN_DELAYED');
  });

  it('a right current password after a few wrong ones still changes it, and the count starts again', async () => {
    const session = await signIn(t.app, 'demo.village');
    for (let i = 0; i < 3; i++) expect((await change(session, `slip-${i}-2026`, '10.77.2.1')).statusCode).toBe(400);
    expect((await change(session, RIGHT, '10.77.2.1')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await change(session, `slip-again-${i}-2026`, '10.77.2.1')).statusCode).toBe(400);
    expect((await change(session, 'changed-pass-2026', '10.77.2.1')).statusCode).toBe(200);
  });
});
