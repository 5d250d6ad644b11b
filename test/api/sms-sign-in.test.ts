import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A shopper signs in, or signs up on first use, with a phone and the code texted to it. */
describe.each(engines())('sign-in with a text-message code on %s', (engine) => {
  let t: TestApp;
  const clock = manualClock('2026-12-01T02:00:00.000Z');
  /** The county office, signed in afresh: the clock moves past sessions' end in these tests. */
  const county = () => signIn(t.app, 'demo.county');
  let phones = 0;
  /** A phone nobody has used in this run. */
  const freshPhone = () => `139${String(++phones).padStart(8, '0')}`;
  let addresses = 0;
  /** Each test asks from an address of its own, so the per-address cap of one test does not hold another. */
  const freshAddress = () => `10.13.${Math.floor(++addresses / 250)}.${addresses % 250}`;

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object, from = '10.0.0.1', headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, remoteAddress: from, headers });
  const askCode = (phone: string, from?: string) => post('/auth/sms-codes', { phone }, from);
  const signInWith = (body: { phone: string; code: string; name?: string }, from?: string) => post('/auth/sms-sign-in', body, from);
  /** The codes texted to a phone, newest first, as the phone shows them. */
  const codesSent = async (phone: string) =>
    (await t.modules.notify.outbox.sentTo(phone)).filter((m) => m.template === 'sign_in_code').map((m) => /验证码(\d{6})/.exec(m.body)![1]);
  const latestCode = async (phone: string) => (await codesSent(phone))[0];
  const cookieOf = (res: { cookies: { name: string; value: string }[] }) => `countyhub_session=${res.cookies.find((c) => c.name === 'countyhub_session')!.value}`;
  const audit = async (action: string) => (await t.app.inject({ url: `/api/v1/identity/audit?limit=500&action=${action}`, headers: await county() })).json().items as { entityId: string; details: unknown; actorUserId: string | null }[];
  const db = () => t.database.db as unknown as Kysely<{ identity_sms_codes: { phone_print: string; code_print: string } }>;

  it('texts a 6-digit code that is kept only as a keyed print; signing up makes a shopper account and signs it in', async () => {
    const phone = freshPhone();
    const from = freshAddress();
    const sent = await askCode(phone, from);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toEqual({ resendAfterSeconds: 60, expiresInSeconds: 300 });
    const [message] = await t.modules.notify.outbox.sentTo(phone);
    expect(message.body).toMatch(/^【鲁甸县电商】验证码\d{6}，用于登录网上商城，5分钟内有效。/);
    const code = await latestCode(phone);
    const rows = await db().selectFrom('identity_sms_codes').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(JSON.stringify(rows)).not.toContain(phone);

    const res = await signInWith({ phone, code, name: '王小梅' }, from);
    expect(res.statusCode, res.body).toBe(200);
    const { user, created } = res.json();
    expect(created).toBe(true);
    expect(user).toMatchObject({ displayName: '王小梅', phone, roles: ['consumer'], scope: { kind: 'county', id: '530621' }, status: 'active', isDemo: false });
    expect(user.username).toMatch(/^shopper-\d{4}-[a-z0-9]+$/);
    expect(user.username).toContain(phone.slice(-4));
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: cookieOf(res) } });
    expect(me.json()).toEqual(user);
    // The county office sees the new account with its phone masked.
    const listed = (await t.app.inject({ url: `/api/v1/identity/users/${user.id}`, headers: await county() })).json();
    expect(listed.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
  });

  it('signs the same phone in to the same account next time (the name given then is not used); a used code is refused', async () => {
    const phone = freshPhone();
    const from = freshAddress();
    await askCode(phone, from);
    const first = await signInWith({ phone, code: await latestCode(phone) }, from);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().user.displayName).toBe(`顾客${phone.slice(-4)}`);
    const used = await latestCode(phone);
    const replay = await signInWith({ phone, code: used }, from);
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error).toMatchObject({ code: 'SMS_CODE_EXPIRED', details: { field: 'body.code' } });

    clock.advance(MINUTE);
    expect((await askCode(phone, from)).statusCode).toBe(201);
    const again = await signInWith({ phone, code: await latestCode(phone), name: '另一个名字' }, from);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ user: first.json().user, created: false });
    // A password sign-in cannot reach a text-message account: it has none anybody knows.
    const byPassword = await post('/auth/login', { username: first.json().user.username, password: 'ludian-demo-2026' }, from);
    expect(byPassword.statusCode).toBe(401);
  });

  it('lets a code work for five minutes only', async () => {
    const phone = freshPhone();
    const from = freshAddress();
    await askCode(phone, from);
    const code = await latestCode(phone);
    clock.advance(5 * MINUTE);
    const late = await signInWith({ phone, code }, from);
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('SMS_CODE_EXPIRED');
    // A fresh code works.
    await askCode(phone, from);
    expect((await signInWith({ phone, code: await latestCode(phone) }, from)).statusCode).toBe(200);
  });

  it('counts wrong codes: the fifth wrong try voids the code, even for the right one after it; audited once', async () => {
    const phone = freshPhone();
    const from = freshAddress();
    await askCode(phone, from);
    const code = await latestCode(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left--) {
      const res = await signInWith({ phone, code: wrong }, from);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'SMS_CODE_WRONG', message: `body.code: wrong code; ${left} tries left`, details: { field: 'body.code', triesLeft: left } });
    }
    const fifth = await signInWith({ phone, code: wrong }, from);
    expect(fifth.json().error.code).toBe('SMS_CODE_EXPIRED');
    const right = await signInWith({ phone, code }, from);
    expect(right.statusCode).toBe(400);
    expect(right.json().error.code).toBe('SMS_CODE_EXPIRED');
    const voided = (await audit('auth.sms_code_voided')).filter((a) => a.entityId === `${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(voided).toHaveLength(1);
  });

  it('waits a minute between codes to one phone, then allows 5 an hour and 10 a day, with Retry-After', async () => {
    const phone = freshPhone();
    const from = freshAddress();
    expect((await askCode(phone, from)).statusCode).toBe(201);
    const soon = await askCode(phone, from);
    expect(soon.statusCode).toBe(429);
    expect(soon.json().error).toMatchObject({ code: 'SMS_CODE_RESEND_WAIT', details: { field: 'body.phone', retryAfterSeconds: 60 } });
    expect(soon.headers['retry-after']).toBe('60');
    // Another address does not get round the wait either.
    expect((await askCode(phone, freshAddress())).statusCode).toBe(429);
    for (let i = 2; i <= 5; i++) {
      clock.advance(MINUTE);
      expect((await askCode(phone, from)).statusCode).toBe(201);
    }
    clock.advance(MINUTE);
    const sixth = await askCode(phone, from);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error).toMatchObject({ code: 'SMS_CODE_LIMIT', details: { field: 'body.phone' } });
    expect(sixth.json().error.details.retryAfterSeconds).toBe(55 * 60);
    expect(await codesSent(phone)).toHaveLength(5);

    clock.advance(HOUR);
    for (let i = 6; i <= 10; i++) {
      expect((await askCode(phone, from)).statusCode).toBe(201);
      clock.advance(MINUTE);
    }
    clock.advance(HOUR);
    const eleventh = await askCode(phone, from);
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().error.code).toBe('SMS_CODE_LIMIT');
    expect(await codesSent(phone)).toHaveLength(10);
    // A day after the first code, the phone may have codes again.
    clock.advance(22 * HOUR);
    expect((await askCode(phone, from)).statusCode).toBe(201);
  });

  it('caps the codes one address asks for across phones at 30 an hour', async () => {
    const from = freshAddress();
    for (let i = 0; i < 30; i++) expect((await askCode(freshPhone(), from)).statusCode).toBe(201);
    const refused = await askCode(freshPhone(), from);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('SMS_CODE_RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not held.
    expect((await askCode(freshPhone(), freshAddress())).statusCode).toBe(201);
    clock.advance(HOUR);
    expect((await askCode(freshPhone(), from)).statusCode).toBe(201);
  });

  it('answers a phone with an account exactly as one without, for a code and for a wrong code', async () => {
    const known = freshPhone();
    const from = freshAddress();
    await askCode(known, from);
    expect((await signInWith({ phone: known, code: await latestCode(known) }, from)).statusCode).toBe(200);
    clock.advance(MINUTE);
    const unknown = freshPhone();
    const a = await askCode(known, from);
    const b = await askCode(unknown, from);
    expect([a.statusCode, a.body]).toEqual([b.statusCode, b.body]);
    const wrongFor = async (phone: string) => {
      const code = await latestCode(phone);
      return signInWith({ phone, code: code === '123456' ? '654321' : '123456' }, from);
    };
    const [wa, wb] = [await wrongFor(known), await wrongFor(unknown)];
    expect([wa.statusCode, wa.json().error]).toEqual([wb.statusCode, wb.json().error]);
    // A phone that never asked answers as an expired code, with or without an account.
    const never = await signInWith({ phone: freshPhone(), code: '123456' }, from);
    clock.advance(5 * MINUTE);
    const knownExpired = await signInWith({ phone: known, code: '123456' }, from);
    expect([never.statusCode, never.json().error]).toEqual([knownExpired.statusCode, knownExpired.json().error]);
  });

  it('never opens a staff account with a text: a county admin’s phone gets a shopper account of its own', async () => {
    const phone = freshPhone();
    const from = freshAddress();
    const admin = (await t.app.inject({ url: '/api/v1/auth/me', headers: await county() })).json();
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/identity/users/${admin.id}`, headers: await county(), payload: { phone } })).statusCode).toBe(200);
    await askCode(phone, from);
    const res = await signInWith({ phone, code: await latestCode(phone) }, from);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(true);
    expect(res.json().user.id).not.toBe(admin.id);
    expect(res.json().user.roles).toEqual(['consumer']);
  });

  it('refuses bad input naming the field, and replays a code request sent twice with one Idempotency-Key without a second text', async () => {
    const from = freshAddress();
    const bad = await askCode('12345', from);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe('body.phone');
    const badCode = await signInWith({ phone: freshPhone(), code: '12ab56' }, from);
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.details.field).toBe('body.code');

    const phone = freshPhone();
    const headers = { 'idempotency-key': `sms-${phone}` };
    const once = await post('/auth/sms-codes', { phone }, from, headers);
    const twice = await post('/auth/sms-codes', { phone }, from, headers);
    expect(once.statusCode).toBe(201);
    expect([twice.statusCode, twice.body, twice.headers['idempotent-replay']]).toEqual([201, once.body, 'true']);
    expect(await codesSent(phone)).toHaveLength(1);
  });

  it('audits codes sent and sign-ins by text with the phone masked, and shows the county office the text with its code masked', async () => {
    const phone = freshPhone();
    const from = freshAddress();
    await askCode(phone, from);
    const code = await latestCode(phone);
    const res = await signInWith({ phone, code }, from);
    const userId = res.json().user.id as string;
    const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
    expect((await audit('auth.sms_code_sent')).filter((a) => a.entityId === masked)).toHaveLength(1);
    const signIns = (await audit('auth.login')).filter((a) => a.actorUserId === userId);
    expect(signIns.map((a) => a.details)).toEqual([{ method: 'sms' }]);
    const created = (await audit('user.created')).filter((a) => a.entityId === userId);
    expect(created.map((a) => a.actorUserId)).toEqual([userId]);
    const everything = JSON.stringify(await audit('auth.sms_code_sent')) + JSON.stringify(signIns) + JSON.stringify(created);
    expect(everything).not.toContain(phone);
    const outbox = (await t.app.inject({ url: `/api/v1/notify/outbox?phone=${phone}`, headers: await county() })).json().items as { body: string }[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0].body).not.toContain(code);
    expect(outbox[0].body).toContain('******');
  });

  it('refuses both routes from another site’s page (a code sent, or a sign-in forced, by a foreign form)', async () => {
    const phone = freshPhone();
    const cross = { origin: 'https://evil.example', cookie: 'x=1' };
    const code = await post('/auth/sms-codes', { phone }, freshAddress(), cross);
    expect([code.statusCode, code.json().error.code]).toEqual([403, 'CROSS_SITE_REQUEST']);
    const signInRes = await post('/auth/sms-sign-in', { phone, code: '123456' }, freshAddress(), cross);
    expect([signInRes.statusCode, signInRes.json().error.code]).toEqual([403, 'CROSS_SITE_REQUEST']);
    expect(await codesSent(phone)).toEqual([]);
  });

  it('removes expired codes and ended counters in its hourly job', async () => {
    const phone = freshPhone();
    await askCode(phone, freshAddress());
    const limits = () => (t.database.db as unknown as Kysely<{ identity_sms_limits: { key: string } }>).selectFrom('identity_sms_limits').select('key').execute();
    expect((await db().selectFrom('identity_sms_codes').selectAll().execute()).length).toBeGreaterThan(0);
    expect((await limits()).length).toBeGreaterThan(0);
    clock.advance(25 * HOUR);
    await t.jobs.runNow('identity.purge-sms-codes');
    await t.jobs.tick();
    expect(await db().selectFrom('identity_sms_codes').selectAll().execute()).toEqual([]);
    expect(await limits()).toEqual([]);
  });
});
