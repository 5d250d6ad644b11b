import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/kernel/audit.js';
import { systemContext } from '../../src/kernel/context.js';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const DAY = 86400_000;

describe.each(engines())('identity security on %s', (engine) => {
  let t: TestApp;
  let admin: { cookie: string };
  const clock = manualClock();
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, clock });
    admin = await signIn(t.app, 'demo.county');
    const users = (await t.app.inject({ url: '/api/v1/identity/users?limit=100', headers: admin })).json().items as { id: string; username: string }[];
    for (const u of users) ids[u.username] = u.id;
  });
  afterAll(() => t.close());

  let ipCounter = 0;
  /** A fresh address for each test, so the per-address cap of one test does not reach into another. */
  const freshIp = () => `10.77.${Math.floor(++ipCounter / 200)}.${ipCounter % 200}`;
  const login = (username: string, password: string, ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });
  const mintToken = async (headers: Record<string, string>, payload: object = { name: '机器' }) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/identity/tokens', headers, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; token: string; expiresAt: string };
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const works = async (token: string) => (await t.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) })).statusCode === 200;
  const audit = async (query: string) => (await t.app.inject({ url: `/api/v1/identity/audit?limit=100&${query}`, headers: admin })).json().items as Record<string, unknown>[];

  describe('API tokens (item 6)', () => {
    it('a token cannot manage tokens or passwords', async () => {
      const { token, id } = await mintToken(admin);
      const asToken = bearer(token);
      const attempts = [
        { method: 'POST' as const, url: '/api/v1/identity/tokens', payload: { name: '子令牌', expiresInDays: 30 } },
        { method: 'GET' as const, url: '/api/v1/identity/tokens' },
        { method: 'DELETE' as const, url: `/api/v1/identity/tokens/${id}` },
        { method: 'POST' as const, url: '/api/v1/auth/password', payload: { currentPassword: 'ludian-demo-2026', newPassword: 'token-chosen-2026' } },
        { method: 'PATCH' as const, url: `/api/v1/identity/users/${ids['demo.trainer']}`, payload: { password: 'token-chosen-2026' } },
        {
          method: 'POST' as const,
          url: '/api/v1/identity/users',
          payload: { username: 'backdoor.admin', displayName: '后门', password: 'backdoor-pass-2026', roles: ['county_admin'], scope: { kind: 'county', id: '530621' } },
        },
      ];
      for (const a of attempts) {
        const res = await t.app.inject({ ...a, headers: asToken });
        expect(res.statusCode, `${a.method} ${a.url}`).toBe(403);
        expect(res.json().error.code, `${a.method} ${a.url}`).toBe('TOKEN_NOT_ALLOWED');
      }
      // The token still works for ordinary calls, and nothing above happened.
      expect(await works(token)).toBe(true);
      expect((await login('demo.trainer', 'token-chosen-2026', freshIp())).statusCode).toBe(401);
      // Other changes through the same route are still open to a token.
      const tokenPatch = await t.app.inject({ method: 'PATCH', url: `/api/v1/identity/users/${ids['demo.trainer']}`, headers: asToken, payload: { displayName: '培训老师' } });
      expect(tokenPatch.statusCode).toBe(200);
    });

    it("every token dies when its user changes the password, audited", async () => {
      const session = await signIn(t.app, 'demo.merchant');
      const a = await mintToken(session, { name: 'a' });
      const b = await mintToken(session, { name: 'b' });
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: session, payload: { currentPassword: 'ludian-demo-2026', newPassword: 'merchant-new-2026' } });
      expect(res.statusCode).toBe(200);
      expect(await works(a.token)).toBe(false);
      expect(await works(b.token)).toBe(false);
      const revoked = await audit('action=token.revoked');
      for (const tok of [a, b]) expect(revoked.find((r) => r.entityId === tok.id)).toMatchObject({ details: { reason: 'password_changed' } });
      const listed = (await t.app.inject({ url: '/api/v1/identity/tokens', headers: session })).json().items as { id: string; revokedAt: string | null }[];
      expect(listed.filter((x) => x.id === a.id || x.id === b.id).every((x) => x.revokedAt !== null)).toBe(true);
    });

    it("every token dies when an admin resets the password or disables the user", async () => {
      const session = await signIn(t.app, 'demo.township');
      const first = await mintToken(session);
      expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/identity/users/${ids['demo.township']}`, headers: admin, payload: { password: 'township-reset-2026' } })).statusCode).toBe(200);
      expect(await works(first.token)).toBe(false);

      const again = await signIn(t.app, 'demo.township', 'township-reset-2026');
      const second = await mintToken(again);
      const patch = (status: string) => t.app.inject({ method: 'PATCH', url: `/api/v1/identity/users/${ids['demo.township']}`, headers: admin, payload: { status } });
      expect((await patch('disabled')).statusCode).toBe(200);
      expect((await patch('active')).statusCode).toBe(200);
      // Enabling the account again does not bring its old tokens back.
      expect(await works(second.token)).toBe(false);
    });

    it("an admin's session cannot set its own password without the current one", async () => {
      const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/identity/users/${ids['demo.county']}`, headers: admin, payload: { password: 'stolen-session-2026' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.details.field).toBe('body.password');
      expect((await login('demo.county', 'stolen-session-2026', freshIp())).statusCode).toBe(401);
    });

    it('expires tokens after 90 days unless told otherwise, and refuses more than 365', async () => {
      const session = await signIn(t.app, 'demo.village');
      const plain = await mintToken(session);
      expect(Date.parse(plain.expiresAt) - clock.now().getTime()).toBe(90 * DAY);
      const year = await mintToken(session, { name: '一年', expiresInDays: 365 });
      const tooLong = await t.app.inject({ method: 'POST', url: '/api/v1/identity/tokens', headers: session, payload: { name: '十年', expiresInDays: 3650 } });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().error.details.field).toBe('body.expiresInDays');
      clock.advance(91 * DAY);
      expect(await works(plain.token)).toBe(false);
      expect(await works(year.token)).toBe(true);
      admin = await signIn(t.app, 'demo.county');
    });

    it('a token stored without an expiry (made before expiries) is refused', async () => {
      const { token, id } = await mintToken(admin);
      await t.database.db.updateTable('identity_api_tokens').set({ expires_at: null }).where('id', '=', id).execute();
      expect(await works(token)).toBe(false);
    });

    it('the upgrade gives old tokens 90 days and revokes those made for someone else', async () => {
      const noExpiry = await mintToken(admin, { name: '旧' });
      const tenYears = await mintToken(admin, { name: '十年' });
      const forRegulator = await mintToken(admin, { name: '替监管' });
      const db = t.database.db;
      await db.updateTable('identity_api_tokens').set({ expires_at: null }).where('id', '=', noExpiry.id).execute();
      await db.updateTable('identity_api_tokens').set({ expires_at: new Date(clock.now().getTime() + 3650 * DAY).toISOString() }).where('id', '=', tenYears.id).execute();
      // As the old code allowed: the admin made this one for the regulator.
      await db.updateTable('identity_api_tokens').set({ user_id: ids['demo.regulator'] }).where('id', '=', forRegulator.id).execute();
      await db.updateTable('kernel_audit_log').set({ details: JSON.stringify({ name: '替监管', userId: ids['demo.regulator'] }) }).where('entity_id', '=', forRegulator.id).execute();
      const before = Date.now();
      const tokenLimits = t.modules.identity.migrations.find((m) => m.name === '2026-12-07-token-limits')!;
      await tokenLimits.up(db, engine);
      const rows = await db.selectFrom('identity_api_tokens').selectAll().where('id', 'in', [noExpiry.id, tenYears.id, forRegulator.id]).execute();
      const byId = Object.fromEntries(rows.map((r) => [r.id as string, r as { expires_at: string; revoked_at: string | null }]));
      for (const id of [noExpiry.id, tenYears.id]) {
        expect(Date.parse(byId[id].expires_at) - before).toBeGreaterThanOrEqual(90 * DAY - 60_000);
        expect(Date.parse(byId[id].expires_at) - before).toBeLessThanOrEqual(90 * DAY + 60_000);
        expect(byId[id].revoked_at).toBeNull();
      }
      expect(byId[forRegulator.id].revoked_at).not.toBeNull();
      expect(await works(forRegulator.token)).toBe(false);
    });
  });

  describe('acting as someone else (item 7)', () => {
    it('an admin cannot mint a token for another user', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/identity/tokens', headers: admin, payload: { name: '监管', userId: ids['demo.regulator'] } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('TOKEN_NOT_ALLOWED');
      expect(res.json().error.details.field).toBe('body.userId');
      // Naming yourself is fine.
      await mintToken(admin, { name: '自己', userId: ids['demo.county'] });
    });

    it('the audit says whether the actor used a session or which token', async () => {
      const { token, id } = await mintToken(admin);
      const viaToken = await t.app.inject({ method: 'PATCH', url: `/api/v1/identity/users/${ids['demo.courier']}`, headers: bearer(token), payload: { displayName: '快递员甲' } });
      expect(viaToken.statusCode).toBe(200);
      const viaSession = await t.app.inject({ method: 'PATCH', url: `/api/v1/identity/users/${ids['demo.courier']}`, headers: admin, payload: { displayName: '快递员乙' } });
      expect(viaSession.statusCode).toBe(200);
      const [latest, previous] = await audit(`action=user.updated&entityId=${ids['demo.courier']}`);
      expect(latest).toMatchObject({ actorUsername: 'demo.county', actorVia: 'session', actorTokenId: null });
      expect(previous).toMatchObject({ actorUsername: 'demo.county', actorVia: 'token', actorTokenId: id });
    });
  });

  describe('sign-in (item 9)', () => {
    it('answers an unknown account and a locked one alike', async () => {
      const ip = freshIp();
      for (let i = 0; i < 5; i++) {
        expect((await login('demo.consumer', `wrong-password-${i}`, ip)).statusCode).toBe(401);
        expect((await login('no.such.user', `wrong-password-${i}`, ip)).statusCode).toBe(401);
      }
      const real = await login('demo.consumer', `wrong-password-x`, ip);
      const ghost = await login('no.such.user', `wrong-password-x`, ip);
      expect(real.statusCode).toBe(429);
      expect(ghost.statusCode).toBe(429);
      expect(real.json().error).toEqual(ghost.json().error);
      expect(real.json().error.details.retryAfterSeconds).toBe(60);
      expect(real.headers['retry-after']).toBe('60');
    });

    it('a stranger cannot lock out the real user, and waits longer each time', async () => {
      const stranger = freshIp();
      const fiveWrong = async () => {
        for (let i = 0; i < 5; i++) expect((await login('demo.regulator', `guess-${i}-2026`, stranger)).statusCode).toBe(401);
      };
      const delays: number[] = [];
      for (let round = 0; round < 5; round++) {
        // Each round in an hour of its own, so the per-account limit (20 an hour, its own test file) stays out of it.
        clock.advance(3600_000);
        await fiveWrong();
        const refused = await login('demo.regulator', 'ludian-demo-2026', stranger);
        expect(refused.statusCode).toBe(429);
        delays.push(refused.json().error.details.retryAfterSeconds);
        // The real user, from their own address, signs in meanwhile.
        expect((await login('demo.regulator', 'ludian-demo-2026', freshIp())).statusCode).toBe(200);
        clock.advance(delays[round] * 1000 - 1000);
        expect((await login('demo.regulator', 'ludian-demo-2026', stranger)).statusCode).toBe(429);
        clock.advance(1000);
      }
      expect(delays).toEqual([60, 300, 900, 3600, 3600]);
      // The right password from that address, once the delay has passed, starts afresh.
      expect((await login('demo.regulator', 'ludian-demo-2026', stranger)).statusCode).toBe(200);
      await fiveWrong();
      expect((await login('demo.regulator', 'ludian-demo-2026', stranger)).json().error.details.retryAfterSeconds).toBe(60);
    });

    it('counts attempts made at the same moment', async () => {
      const ip = freshIp();
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => login('demo.county', `parallel-${i}-2026`, ip)));
      const codes = answers.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
      expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(5);
    });

    it('keeps a cap per address across accounts, with the time to wait', async () => {
      const ip = freshIp();
      let last = await login('user0', 'whatever-123', ip);
      for (let i = 1; i < 31; i++) last = await login(`user${i}`, 'whatever-123', ip);
      expect(last.statusCode).toBe(429);
      expect(last.json().error.code).toBe('SIGN_IN_RATE_LIMITED');
      expect(last.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
      // Sent at once, attempts from one address still stop at the cap.
      const burst = freshIp();
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(`burst${i}`, 'whatever-123', burst)));
      expect(answers.filter((r) => r.statusCode !== 429).length).toBe(30);
    });

    it('ends a session 7 days after sign-in however busy it is', async () => {
      const cookie = await signIn(t.app, 'demo.village');
      for (let h = 0; h < 7 * 24 - 6; h += 6) {
        clock.advance(6 * 3600_000);
        expect((await t.app.inject({ url: '/api/v1/auth/me', headers: cookie })).statusCode, `after ${h + 6} h`).toBe(200);
      }
      clock.advance(6 * 3600_000 + 60_000);
      expect((await t.app.inject({ url: '/api/v1/auth/me', headers: cookie })).statusCode).toBe(401);
      admin = await signIn(t.app, 'demo.county');
    });
  });

  describe('personal data in the audit log (item 11)', () => {
    it('keeps phones masked in user changes', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/identity/users',
        headers: admin,
        payload: { username: 'zhao.phone', displayName: '赵', password: 'zhao-phone-2026', phone: '13912340001', roles: ['trainer'], scope: { kind: 'county', id: '530621' } },
      });
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/identity/users/${id}`, headers: admin, payload: { phone: '13912340002' } })).statusCode).toBe(200);
      const records = await audit(`entityId=${id}`);
      const text = JSON.stringify(records);
      expect(text).not.toContain('13912340001');
      expect(text).not.toContain('13912340002');
      expect(records.find((r) => r.action === 'user.updated')).toMatchObject({ details: { phone: '139****0002' } });
    });

    it('masks phones and ID numbers in any module’s details', async () => {
      await recordAudit(t.database.db, systemContext('530621'), {
        action: 'test.personal',
        entityType: 'test',
        entityId: 'x1',
        details: { contactPhone: '13712345678', note: '13612345678', buyer: { mobile: '+86 135 1234 5678', idNumber: '53062119850315105X' }, list: ['13512345679'], waybillNo: 'YT1234567890123', holder: '11010519491231002X', sscc: '106141411234567897' },
      });
      const [record] = await audit('action=test.personal');
      expect(record.details).toEqual({
        contactPhone: '137****5678',
        note: '136****5678',
        buyer: { mobile: expect.not.stringContaining('1234 5678'), idNumber: '5306**********105X' },
        list: ['135****5679'],
        waybillNo: 'YT1234567890123',
        holder: '1101**********002X',
        sscc: '106141411234567897',
      });
    });
  });
});
