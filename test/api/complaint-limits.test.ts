/**
 * Anonymous complaints on the public scan page cannot bury real ones (issue 11, item 5): a few per address an hour
 * and per code a day, counted in the database; a signed-in buyer is counted as an account instead; and the list
 * pages through everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(engines())('complaint limits on %s', (engine) => {
  let t: TestApp;
  const clock = manualClock('2026-10-01T02:00:00.000Z');
  let regulator: { cookie: string };
  let codes: string[] = [];
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false, clock });
    regulator = await signIn(t.app, 'demo.regulator');
    codes = (await t.app.inject({ url: '/api/v1/trace/batches?limit=500', headers: regulator })).json().items.map((b: { code: string }) => b.code);
    expect(codes.length).toBeGreaterThan(3);
  }, 120_000);
  afterAll(() => t.close());

  const complain = (code: string, address: string, text = '果子有虫眼，请核实', headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/t/${code}/complaint`, remoteAddress: address, headers: { ...FORM, ...headers }, payload: new URLSearchParams({ text }).toString() });
  const stored = async () => (await t.database.db.selectFrom('trace_complaints' as never).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  it('refuses most of 505 anonymous complaints from one address with 429, Retry-After and a page in Chinese', async () => {
    const before = Number(await stored());
    const answers: number[] = [];
    let refused = null as Awaited<ReturnType<typeof complain>> | null;
    for (let i = 0; i < 505; i++) {
      const res = await complain(codes[0], '203.0.113.7', `第 ${i} 条：果子有虫眼`);
      answers.push(res.statusCode);
      if (res.statusCode === 429) refused ??= res;
    }
    expect(answers.filter((s) => s === 201).length).toBe(5);
    expect(answers.filter((s) => s === 429).length).toBe(500);
    expect(Number(await stored()) - before).toBe(5);
    const wait = Number(refused!.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(3600);
    expect(refused!.headers['content-type']).toMatch(/text\/html/);
    expect(refused!.body).toContain('提交太频繁');
    // An hour later the same address may write again.
    clock.advance(3600_000);
    expect((await complain(codes[0], '203.0.113.7')).statusCode).toBe(201);
  });

  it('takes at most 20 anonymous complaints a day about one code, from however many addresses', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 30; i++) answers.push((await complain(codes[1], `198.51.100.${i + 1}`)).statusCode);
    expect(answers.filter((s) => s === 201).length).toBe(20);
    const refused = await complain(codes[1], '198.51.100.200');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3600);
    expect(refused.body).toContain('12315');
    // Another product's page is not affected, and a signed-in buyer still gets through on the flooded one.
    expect((await complain(codes[2], '198.51.100.201')).statusCode).toBe(201);
    const consumer = await signIn(t.app, 'demo.consumer');
    expect((await complain(codes[1], '198.51.100.202', '收到的苹果全部腐烂', consumer)).statusCode).toBe(201);
  });

  it('counts a signed-in buyer per account: five an hour', async () => {
    const consumer = await signIn(t.app, 'demo.consumer');
    const answers: number[] = [];
    for (let i = 0; i < 8; i++) answers.push((await complain(codes[3], `192.0.2.${i + 1}`, '包装破损，果子有压伤', consumer)).statusCode);
    expect(answers.filter((s) => s === 201).length).toBe(4); // one was sent in the test before
  });

  it('forgets counters a day old (housekeeping), so a new day starts afresh', async () => {
    const counters = () => t.database.db.selectFrom('trace_complaint_counters' as never).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await t.modules.trace.scans.purgeComplaintCounters();
    expect(Number((await counters()).n)).toBeGreaterThan(0);
    clock.advance(25 * 3600_000);
    await t.modules.trace.scans.purgeComplaintCounters();
    expect(Number((await counters()).n)).toBe(0);
    expect((await complain(codes[1], '198.51.100.1')).statusCode).toBe(201);
  });

  it('lists every complaint a page at a time, each once', async () => {
    const total = Number(await stored());
    expect(total).toBeGreaterThan(25);
    regulator = await signIn(t.app, 'demo.regulator'); // the clock has moved past the session's life
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await t.app.inject({ url: `/api/v1/trace/complaints?limit=7${cursor ? `&cursor=${cursor}` : ''}`, headers: regulator })).json();
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });
});
