import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const clock = manualClock('2026-06-15T04:00:00.000Z');

describe.each(engines())('every traceability list pages with a cursor, on %s', (engine) => {
  let t: TestApp;
  const as = {} as Record<'regulator' | 'consumer' | 'merchant', { cookie: string }>;
  const get = (who: keyof typeof as, url: string) => t.app.inject({ url: `/api/v1${url}`, headers: as[who] });
  /** Every item, one per page, following nextCursor to the end. */
  const walk = async (who: keyof typeof as, path: string) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 200; i++) {
      const sep = path.includes('?') ? '&' : '?';
      const res = await get(who, `${path}${sep}limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      const page = res.json() as { items: { id: string }[]; nextCursor: string | null };
      expect(Object.keys(page).sort()).toEqual(['items', 'nextCursor']);
      ids.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return ids;
  };

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false, clock });
    for (const who of ['regulator', 'consumer', 'merchant'] as const) as[who] = await signIn(t.app, `demo.${who}`);
    // Two recalls of sold batches (so the demo buyer has notices) and two complaints.
    const sold = (await get('regulator', '/trace/batches?limit=500')).json().items.filter((b: { sold: number; status: string }) => b.sold > 0 && b.status === 'active');
    for (const b of sold.slice(0, 2)) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/trace/recalls', headers: as.regulator, payload: { batchIds: [b.id], reason: '分页测试召回' } });
      expect(res.statusCode, res.body).toBe(201);
      clock.advance(1000);
    }
    for (const text of ['包装破损，果子有压伤', '口感和描述不一致']) {
      const res = await t.app.inject({ method: 'POST', url: `/t/${sold[0].code}/complaint`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ text }).toString() });
      expect(res.statusCode).toBe(201);
    }
  }, 120_000);
  afterAll(() => t.close());

  it('walks producers, bases, plots, a plot’s records, reviews, batches, recalls, complaints and a buyer’s notices one page at a time, each item once', async () => {
    const plots = (await get('regulator', '/trace/plots?limit=500')).json().items as { id: string; name: string }[];
    const fuji = plots.find((p) => p.name === '光明一号地')!;
    const lists: [keyof typeof as, string][] = [
      ['regulator', '/trace/producers'],
      ['regulator', '/trace/bases'],
      ['regulator', '/trace/plots'],
      ['regulator', `/trace/plots/${fuji.id}/records`],
      ['regulator', '/trace/refusals'],
      ['regulator', '/trace/batches'],
      ['regulator', '/trace/recalls'],
      ['regulator', '/trace/complaints'],
      ['consumer', '/trace/recall-notices/mine'],
    ];
    for (const [who, path] of lists) {
      const walked = await walk(who, path);
      const whole = (await get(who, `${path}${path.includes('?') ? '&' : '?'}limit=500`)).json();
      expect(whole.nextCursor, path).toBeNull();
      expect(walked.length, path).toBeGreaterThan(1);
      expect(new Set(walked).size, path).toBe(walked.length);
      expect(walked, path).toEqual(whole.items.map((x: { id: string }) => x.id));
    }
  });

  it('keeps a plot’s records newest first with corrections marked, beyond one page', async () => {
    const plots = (await get('regulator', '/trace/plots?limit=500')).json().items as { id: string; name: string }[];
    const bingtang = plots.find((p) => p.name === '光明二号地')!;
    const records = (await get('regulator', `/trace/plots/${bingtang.id}/records?limit=500`)).json().items as { id: string; occurredOn: string; correctedBy: string | null; corrects: string | null }[];
    const days = records.map((r) => r.occurredOn);
    expect(days).toEqual([...days].sort().reverse());
    const correction = records.find((r) => r.corrects)!;
    expect(records.find((r) => r.id === correction.corrects)!.correctedBy).toBe(correction.id);
  });

  it('answers 400 naming the cursor for one it did not issue', async () => {
    for (const path of ['/trace/producers', '/trace/bases', '/trace/plots', '/trace/refusals', '/trace/batches', '/trace/recalls', '/trace/complaints']) {
      const res = await get('regulator', `${path}?cursor=${Buffer.from('not a key').toString('base64url')}`);
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.details.field, path).toBe('querystring.cursor');
    }
  });
});
