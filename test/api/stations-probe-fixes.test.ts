import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const OWN_POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, demo.village's

let serial = 0;
const clientId = (label: string) => `${label}-${Date.now().toString(36)}-${++serial}`.padEnd(8, '0');

/** What a new user's probe of the stations routes found (issue 16), each as the operator or the county office meets it. */
describe.each(engines())('stations: what the probe found, on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  // 8 Dec 2026, 10:00 in Shanghai.
  const clock = manualClock('2026-12-08T02:00:00.000Z');
  const now = (minutes = 0) => new Date(clock.now().getTime() + minutes * 60_000).toISOString();

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: as[who], payload: payload as object });
  const batch = (records: unknown[]) => call('village', 'POST', '/stations/records/batch', { siteId: OWN_POINT, records });
  const outcomesOf = async (records: unknown[]) => {
    const res = await batch(records);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().outcomes as { clientId: string; status: string; code: string | null; message: string | null; record: { customer: { id: string; name: string } | null; amountFen: number } | null }[];
  };
  const loan = (name: string) => ({ clientId: clientId('loan'), type: 'loan.refer', at: now(-5), customer: { name }, providerId: 'ld_rcb', amountFen: 1_000_000, purpose: '买化肥' });

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    for (const who of ['county', 'village']) as[who] = await signIn(t.app, `demo.${who}`);
  }, 180_000);
  afterAll(() => t?.close());

  it('takes a villager’s name trimmed, one space between words: "李桂英", "李桂英 ", " 李桂英" are one villager; a blank name is 400', async () => {
    const outcomes = await outcomesOf([loan('李桂英'), loan('李桂英 '), loan(' 李桂英'), loan('\u3000李  桂英\u200b')]);
    expect(outcomes.map((o) => o.status)).toEqual(['stored', 'stored', 'stored', 'stored']);
    const [first, ...others] = outcomes.map((o) => o.record!.customer!);
    expect(first.name).toBe('李桂英');
    expect(others.slice(0, 2).map((c) => c.id)).toEqual([first.id, first.id]);
    expect(others[2].name).toBe('李 桂英');

    for (const blank of ['   ', '\u3000', '\u200b\u200b']) {
      const kept = loan('王芳');
      const res = await batch([kept, loan(blank)]);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details).toEqual({ field: 'body.records[1].customer.name' });
      const listed = (await call('village', 'GET', `/stations/records?siteId=${OWN_POINT}&limit=500`)).json().items.map((r: { clientId: string }) => r.clientId);
      expect(listed).not.toContain(kept.clientId);
    }
  });

  it('trims a farm input’s and a grade standard’s text before checking it, and refuses a blank one naming the field', async () => {
    const urea = { name: '  尿素  优等品 ', kind: 'fertiliser', registrationNo: null, maker: '云南云天化股份有限公司', spec: '50千克/袋', unit: ' 袋 ', priceFen: 14_000 };
    for (const [field, blank] of [['name', '   '], ['unit', ' '], ['maker', '\u3000'], ['spec', '\u200b']] as const) {
      const res = await call('county', 'POST', '/stations/farm-inputs', { ...urea, [field]: blank });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details).toEqual({ field: `body.${field}` });
    }
    const made = await call('county', 'POST', '/stations/farm-inputs', urea);
    expect(made.statusCode, made.body).toBe(201);
    expect([made.json().name, made.json().unit]).toEqual(['尿素 优等品', '袋']);
    const blankPatch = await call('county', 'PATCH', `/stations/farm-inputs/${made.json().id}`, { name: '  ' });
    expect([blankPatch.statusCode, blankPatch.json().error?.details]).toEqual([400, { field: 'body.name' }]);

    const apple = (await call('county', 'GET', '/stations/grade-standards?produce=apple')).json().items[0];
    const standard = { name: '  ', grades: apple.grades, offGradePriceFenPerKg: apple.offGradePriceFenPerKg, validFrom: now(60) };
    const blank = await call('county', 'PUT', '/stations/grade-standards/apple', standard);
    expect([blank.statusCode, blank.json().error?.details?.field]).toEqual([400, 'body.name']);
    const saved = await call('county', 'PUT', '/stations/grade-standards/apple', { ...standard, name: ' 苹果 ' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().name).toBe('苹果');
  });

  it('refuses a record under a clientId stored for another record (CLIENT_ID_REUSED), and still answers a true replay duplicate', async () => {
    const first = loan('赵永华');
    const withdrawal = { clientId: first.clientId, type: 'cash.withdraw', at: now(-4), customer: { name: '赵永华' }, providerId: 'ld_rcb', cardTail: '6621', amountFen: 10_000, feeFen: 0 };
    const later = { ...first, at: now(-3) };
    const outcomes = await outcomesOf([first, withdrawal, later, first]);
    expect(outcomes.map((o) => [o.status, o.code])).toEqual([
      ['stored', null],
      ['refused', 'CLIENT_ID_REUSED'],
      ['refused', 'CLIENT_ID_REUSED'],
      ['duplicate', null],
    ]);
    expect(outcomes[1].message).toBe('此记录编号已用于另一笔记录，请重新录入这笔记录');
    const stored = (await call('village', 'GET', `/stations/records?siteId=${OWN_POINT}&limit=500`)).json().items.filter((r: { clientId: string }) => r.clientId === first.clientId);
    expect(stored.map((r: { type: string }) => r.type)).toEqual(['loan.refer']);
  });

  it('tells an operator whose point is suspended that it is suspended, and the desk stops offering it at once', async () => {
    const suspended = await call('county', 'PATCH', `/network/sites/${OWN_POINT}`, { status: 'suspended', statusNote: '整改' });
    expect(suspended.statusCode, suspended.body).toBe(200);
    try {
      const refused = await batch([loan('周明')]);
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json().error.message).toBe('站点已暂停服务，不能记账');
      const desk = await call('village', 'GET', `/stations/desk?siteId=${OWN_POINT}`);
      expect(desk.statusCode, desk.body).toBe(200);
      expect(desk.json().sitesICanRecordAt).toEqual([]);
    } finally {
      expect((await call('county', 'PATCH', `/network/sites/${OWN_POINT}`, { status: 'operating', statusNote: '整改完成' })).statusCode).toBe(200);
    }
    // Another point's operator is still told only that it may not record there.
    const elsewhere = await call('village', 'POST', '/stations/records/batch', { siteId: 'site_ld2_530621110', records: [loan('周明')] });
    expect([elsewhere.statusCode, elsewhere.json().error.message]).toEqual([403, '不能在该站点记账 You may not record at this site']);
  });

  it('has no book for a day after today (404), and refuses a records or days list whose to is before its from (400)', async () => {
    for (const day of ['9999-12-31', '2026-12-09']) {
      const res = await call('village', 'GET', `/stations/days/${OWN_POINT}/${day}`);
      expect(res.statusCode, `${day}: ${res.body}`).toBe(404);
    }
    expect((await call('village', 'GET', `/stations/days/${OWN_POINT}/2026-12-08`)).statusCode).toBe(200);
    for (const list of ['records', 'days']) {
      const backwards = await call('county', 'GET', `/stations/${list}?from=2026-12-08&to=2026-12-01`);
      expect(backwards.statusCode, backwards.body).toBe(400);
      expect(backwards.json().error.details).toEqual({ field: 'querystring.to' });
      expect((await call('county', 'GET', `/stations/${list}?from=2026-12-08&to=2026-12-08`)).statusCode).toBe(200);
    }
  });
});
