import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingPlaces } from '../../src/flows/training-places.js';
import type { NetworkService } from '../../src/modules/network/index.js';
import { residentIdCheck } from '../../src/modules/parties/index.js';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const HONGBU = '530621110201'; // 红布村
const VILLAGE_SITE = 'site_ld3_530621110205'; // 乐红村's point
/** Longer than the place book's cache: every step below starts with a cold cache. */
const PAST_CACHE = 31_000;

let serial = 0;
function idNumber(birth = '19900315'): string {
  const first = `530621${birth}${String(++serial * 2 + 1).padStart(3, '0')}`;
  return first + residentIdCheck(first);
}

describe('training place book (src/flows/training-places.ts)', () => {
  const network = (state: { townships: { code: string; name: string }[]; fail?: boolean }, reads: { n: number }) =>
    ({
      async listDivisions(_ctx: unknown, filter: { level?: string }) {
        reads.n += 1;
        if (state.fail) throw new Error('network down');
        return filter.level === 'township' ? state.townships.map((t) => ({ ...t, parentCode: '530621' })) : [];
      },
      async publicPoints() {
        return [];
      },
    }) as unknown as NetworkService;

  it('keeps a reading for 30 s, but neither an empty nor a failed one; fresh reads past the cache', async () => {
    const clock = manualClock();
    const reads = { n: 0 };
    const state: { townships: { code: string; name: string }[]; fail?: boolean } = { townships: [] };
    const places = trainingPlaces(network(state, reads), clock);
    // An empty county (a first start before the demo is loaded): not kept, the next call reads again.
    expect((await places.placeBook()).townships).toEqual([]);
    state.townships = [{ code: '530621110', name: '龙头山镇' }];
    expect((await places.placeBook()).townships).toEqual([{ code: '530621110', name: '龙头山镇' }]);
    const afterFirst = reads.n;
    // A full reading is kept within 30 s ...
    state.townships = [...state.townships, { code: '530621101', name: '文屏镇' }];
    expect((await places.placeBook()).townships).toHaveLength(1);
    expect(reads.n).toBe(afterFirst);
    // ... unless asked for a fresh one, which then is the one kept.
    expect((await places.placeBook({ fresh: true })).townships).toHaveLength(2);
    expect((await places.placeBook()).townships).toHaveLength(2);
    // A failed reading is not kept either.
    clock.advance(PAST_CACHE);
    state.fail = true;
    await expect(places.placeBook()).rejects.toThrow('network down');
    state.fail = false;
    expect((await places.placeBook()).townships).toHaveLength(2);
  });
});

describe.each(engines())('training reads the network outside its transactions, and sees a new site at once, on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  // 7 Dec 2026, 10:00 in Shanghai.
  const clock = manualClock('2026-12-07T02:00:00.000Z');
  const at = (minutes: number) => new Date(clock.now().getTime() + minutes * 60_000).toISOString();
  let organiserId = '';
  let courseId = '';

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) => t.app.inject({ method, url: `/api/v1${url}`, headers: as[who], payload: payload as object });
  const ok = async (who: string, method: 'GET' | 'POST', url: string, payload?: unknown, status = method === 'POST' ? 201 : 200) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json();
  };

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    for (const who of ['county', 'village', 'consumer']) as[who] = await signIn(t.app, `demo.${who}`);
    organiserId = (await ok('county', 'POST', '/training/organisers', { name: '冷缓存测试单位', kind: 'department' })).id;
    courseId = (await ok('county', 'POST', '/training/courses', { title: '冷缓存测试课程', track: 'sellers', level: 'basic', hours: 2, summary: '测试' })).id;
  }, 180_000);
  // A hung SQLite connection would hang the close too: bounded, so the run ends with the failure.
  afterAll(() => t?.close(), 30_000);

  // Each step starts with the place cache expired: a network read inside a transaction on SQLite would wait for the
  // one connection that transaction holds, forever; the test's timeout turns that hang into a failure.
  it('checks in by QR, ticks and enrols with a cold place cache', async () => {
    const session = await ok('county', 'POST', '/training/sessions', { title: '冷缓存签到班', organiserId, courseId, trainerName: '李老师', siteId: VILLAGE_SITE, capacity: 30, startsAt: at(10), endsAt: at(130) });
    const me = await ok('consumer', 'POST', '/training/me', { name: '赵冷', idNumber: idNumber('19950505'), villageCode: HONGBU });
    const code = await ok('county', 'GET', `/training/sessions/${session.id}/checkin-code`);

    clock.advance(PAST_CACHE);
    const scan = await ok('consumer', 'POST', '/training/checkins', { sessionId: session.id, token: code.token }, 200);
    expect(scan).toMatchObject({ counted: true, sessionTitle: '冷缓存签到班', placeName: session.placeName, personTime: { traineeId: me.trainee.id, method: 'qr' } });

    clock.advance(PAST_CACHE);
    const enrolled = await ok('village', 'POST', `/training/sessions/${session.id}/enrolments`, { trainee: { name: '钱冷', idNumber: idNumber('19880808') } });
    expect(enrolled.created).toBe(true);

    clock.advance(PAST_CACHE);
    const tick = await ok('county', 'POST', `/training/sessions/${session.id}/attendance`, { traineeId: enrolled.traineeId }, 200);
    expect(tick).toMatchObject({ counted: true, personTime: { traineeId: enrolled.traineeId, method: 'tick' } });
  }, 60_000);

  it('places a session at a site opened a moment ago (the place book read before it is read again once)', async () => {
    // The place book is read now (and cached for 30 s) ...
    await ok('county', 'POST', '/training/sessions', { title: '读一次站点', organiserId, trainerName: '李老师', track: 'sellers', level: 'basic', siteId: VILLAGE_SITE, capacity: 30, startsAt: at(60), endsAt: at(120) });
    // ... then a site opens, and a session is placed there at once.
    const site = await ok('county', 'POST', '/network/sites', { name: '红布村电商服务点', kind: 'village_point', divisionCode: HONGBU, address: '红布村村委会', status: 'operating' });
    const session = await ok('county', 'POST', '/training/sessions', { title: '新站点首课', organiserId, trainerName: '李老师', track: 'sellers', level: 'basic', siteId: site.id, capacity: 30, startsAt: at(60), endsAt: at(120) });
    expect(session).toMatchObject({ siteId: site.id, placeName: '红布村电商服务点', villageCode: HONGBU });
    // An id that is no site at all is still refused, after that one more reading.
    const none = await call('county', 'POST', '/training/sessions', { title: '无此站点', organiserId, trainerName: '李老师', track: 'sellers', siteId: 'site_none', capacity: 30, startsAt: at(60), endsAt: at(120) });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toContain('not an operating site');
  }, 60_000);
});
