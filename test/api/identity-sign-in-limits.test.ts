import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const HOUR = 3600_000;
const RIGHT = 'ludian-demo-2026';

/** Issue 11, item 9 (review): a limit per account that spares the owner's known devices; NAT-friendly address cap; IPv6 /64. */
describe.each(engines())('sign-in limits on %s', (engine) => {
  let t: TestApp;
  let admin: { cookie: string };
  const clock = manualClock();
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, clock });
    admin = await signIn(t.app, 'demo.county');
  });
  afterAll(() => t.close());

  let ipCounter = 0;
  const freshIp = () => `10.88.${Math.floor(++ipCounter / 200)}.${ipCounter % 200}`;
  const login = (username: string, password: string, ip: string, device?: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip, ...(device && { headers: { cookie: `countyhub_device=${device}` } }) });
  const deviceOf = (res: Awaited<ReturnType<typeof login>>) => res.cookies.find((c) => c.name === 'countyhub_device');
  const userId = async (username: string) =>
    ((await t.app.inject({ url: `/api/v1/identity/users?limit=100&q=${username}`, headers: admin })).json().items as { id: string; username: string }[]).find((u) => u.username === username)!.id;
  const audit = async (query: string) => (await t.app.inject({ url: `/api/v1/identity/audit?limit=100&${query}`, headers: admin })).json().items as Record<string, unknown>[];

  it('a successful sign-in gives the browser a long-lived device cookie', async () => {
    const res = await login('demo.trainer', RIGHT, freshIp());
    expect(res.statusCode).toBe(200);
    const device = deviceOf(res);
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax', maxAge: 365 * 86400 });
    expect(device!.value.length).toBeGreaterThanOrEqual(40);
    // Nothing about it is stored in clear.
    const stored = JSON.stringify(await t.database.db.selectFrom('identity_devices' as never).selectAll().execute());
    expect(stored).not.toContain(device!.value);
    // A wrong password sets none.
    expect(deviceOf(await login('demo.trainer', 'wrong-pass-2026', freshIp()))).toBeUndefined();
  });

  it('guesses spread over many addresses hold the account for new devices only, and a name that is no account alike', async () => {
    const phone = deviceOf(await login('demo.regulator', RIGHT, freshIp()))!.value;
    const villageDevice = deviceOf(await login('demo.village', RIGHT, freshIp()))!.value;
    const id = await userId('demo.regulator');
    // A botnet: every guess from an address of its own, so no address ever waits.
    for (let i = 0; i < 20; i++) {
      expect((await login('demo.regulator', `botnet-${i}-2026`, freshIp())).statusCode, `guess ${i}`).toBe(401);
      expect((await login('no.such.account', `botnet-${i}-2026`, freshIp())).statusCode, `ghost guess ${i}`).toBe(401);
    }
    const real = await login('demo.regulator', 'botnet-x-2026', freshIp());
    const ghost = await login('no.such.account', 'botnet-x-2026', freshIp());
    expect(real.statusCode).toBe(429);
    expect(real.json().error.code).toBe('SIGN_IN_DELAYED');
    expect(real.json().error).toEqual(ghost.json().error);
    expect(real.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(real.json().error.details.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(real.headers['retry-after']).toBe(String(real.json().error.details.retryAfterSeconds));
    // Even the right password waits on a new device, or one known for someone else, or a made-up cookie.
    expect((await login('demo.regulator', RIGHT, freshIp())).statusCode).toBe(429);
    expect((await login('demo.regulator', RIGHT, freshIp(), villageDevice)).statusCode).toBe(429);
    expect((await login('demo.regulator', RIGHT, freshIp(), 'made-up-device-cookie-value-0000000000000')).statusCode).toBe(429);
    // The owner's usual phone signs in meanwhile, from any address.
    const owner = await login('demo.regulator', RIGHT, freshIp(), phone);
    expect(owner.statusCode).toBe(200);
    // Audited once for the hour, however many attempts are held.
    const records = await audit(`action=auth.account_delayed&entityId=${id}`);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ entityType: 'user', details: { until: expect.any(String) } });
    // When the hour's failures have run out, a new device signs in again.
    clock.advance(HOUR + 1000);
    expect((await login('demo.regulator', RIGHT, freshIp())).statusCode).toBe(200);
    expect((await login('no.such.account', 'after-hour-2026', freshIp())).statusCode).toBe(401);
  });

  it('untrusted guesses sent at once stop at the account limit', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login('demo.merchant', `parallel-${i}-2026`, freshIp())));
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(20);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(10);
    clock.advance(HOUR + 1000);
  });

  it('right passwords behind one address (a village point, the county office) do not use up its cap', async () => {
    const office = freshIp();
    for (let i = 0; i < 35; i++) {
      const res = await login(i % 2 ? 'demo.village' : 'demo.township', RIGHT, office);
      expect(res.statusCode, `sign-in ${i}`).toBe(200);
    }
    expect((await login('demo.village', 'typo-pass-2026', office)).statusCode).toBe(401);
  });

  it('counts IPv6 addresses of one /64 as one address', async () => {
    for (let i = 1; i <= 5; i++) expect((await login('demo.courier', `v6-guess-${i}`, `2001:db8:77:1::${i.toString(16)}`)).statusCode).toBe(401);
    expect((await login('demo.courier', 'v6-guess-6', '2001:0db8:0077:0001:abcd:1234:5678:9abc')).statusCode).toBe(429);
    // The next /64 is another address.
    expect((await login('demo.courier', 'v6-guess-7', '2001:db8:77:2::1')).statusCode).toBe(401);

    let last = await login('v6.user0', 'whatever-123', '2001:db8:78:1::1');
    for (let i = 1; i < 31; i++) last = await login(`v6.user${i}`, 'whatever-123', `2001:db8:78:1:${i.toString(16)}::1`);
    expect(last.statusCode).toBe(429);
    expect(last.json().error.code).toBe('SIGN_IN_RATE_LIMITED');
  });
});
