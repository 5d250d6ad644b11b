import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { buildTestApp, engines, manualClock, signIn, TEST_DATA_KEY, type TestApp } from '../helpers.js';

/** Guessing what only the recipient knows: the phone's last four digits (tracking) and the pick-up code. */
describe.each(engines())('guessing on %s', (engine) => {
  let t: TestApp;
  const clock = manualClock('2026-11-30T00:00:00.000Z');
  const as = {} as Record<'county' | 'courier' | 'village', { cookie: string }>;
  let serial = 0;
  const waybill = () => `GS${Date.now().toString().slice(-6)}${String(++serial).padStart(4, '0')}`;

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    for (const who of ['county', 'courier', 'village'] as const) as[who] = await signIn(t.app, `demo.${who}`);
  });
  afterAll(() => t.close());

  const post = (url: string, headers: object, payload?: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: headers as Record<string, string>, payload });
  const get = (url: string, headers: object = {}) => t.app.inject({ url: `/api/v1${url}`, headers: headers as Record<string, string> });
  const track = (w: string, digits: string, from: string) => t.app.inject({ url: `/api/v1/logistics/track?waybillNo=${w}&phoneLast4=${digits}`, remoteAddress: from });
  const page = (w: string, digits: string, from: string) => t.app.inject({ url: `/track?waybillNo=${w}&phoneLast4=${digits}`, remoteAddress: from });
  const audit = async (query: string) => (await get(`/identity/audit?limit=200&${query}`, as.county)).json().items as { entityId: string; actorUsername: string | null; details: unknown }[];
  const parcel = async (phone: string) => {
    const w = waybill();
    const res = await post('/logistics/manifests', as.courier, { carrier: 'zhongtong', parcels: [{ waybillNo: w, recipientName: '杨桂芬', recipientPhone: phone, address: '鲁甸县乐红镇乐红村' }] });
    expect(res.statusCode, res.body).toBe(201);
    const id = (await get(`/logistics/parcels?waybillNo=${w}`, as.county)).json().items[0].id as string;
    return { w, id };
  };

  it('locks a waybill after five wrong phone digits from any number of addresses, for a growing delay, audited', async () => {
    const { w } = await parcel('13812344321');
    // Eleven addresses, a few guesses each: the per-address count never trips.
    const addresses = Array.from({ length: 11 }, (_, i) => `203.0.113.${i + 1}`);
    for (let i = 0; i < 5; i++) expect((await track(w, String(1000 + i), addresses[i % 11])).statusCode).toBe(404);
    const refused = await track(w, '4321', addresses[7]);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'TOO_MANY_LOOKUPS', details: { retryAfterSeconds: 15 * 60 } });
    expect(refused.headers['retry-after']).toBe('900');
    expect(refused.body).not.toContain('4321');
    const html = await page(w, '4321', addresses[8]);
    expect(html.statusCode).toBe(429);
    expect(html.headers['retry-after']).toBe('900');
    expect(html.body).toContain('查询次数过多，请 15 分钟后再试');
    expect(html.body).not.toContain('杨');

    const lock = (await audit('action=logistics.track.locked')).find((a) => a.entityId === w);
    expect(lock).toMatchObject({ actorUsername: null, details: { by: 'waybill', misses: 5, strike: 1, retryAfterSeconds: 900 } });
    expect(Object.keys(lock!.details as object).sort()).toEqual(['by', 'lockedUntil', 'misses', 'retryAfterSeconds', 'strike']);

    // The delay over, the recipient's digits work; five more misses lock it twice as long.
    clock.advance(15 * 60_000);
    expect((await track(w, '4321', addresses[9])).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) await track(w, String(2000 + i), addresses[i]);
    expect((await track(w, '4321', addresses[10])).json().error.details.retryAfterSeconds).toBe(30 * 60);
    clock.advance(30 * 60_000);
    expect((await track(w, '4321', addresses[10])).statusCode).toBe(200);
  });

  it('shares the counts and locks between app processes on one database', async () => {
    const { w } = await parcel('13812343434');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-second-'));
    const second = await buildApp({ config: { dataDir, databaseUrl: '', secureCookies: false, trustProxy: false, dataKey: TEST_DATA_KEY }, database: { ...t.database, close: async () => undefined }, clock });
    await second.app.ready();
    try {
      const other = (digits: string, from: string) => second.app.inject({ url: `/api/v1/logistics/track?waybillNo=${w}&phoneLast4=${digits}`, remoteAddress: from });
      expect((await other('3434', '192.0.2.50')).statusCode).toBe(200);
      // Misses split between the two processes, five in all: both refuse the waybill.
      for (let i = 0; i < 5; i++) expect((await (i % 2 ? other(String(5000 + i), `192.0.2.${i}`) : track(w, String(5000 + i), `192.0.2.${i}`))).statusCode).toBe(404);
      expect((await track(w, '3434', '192.0.2.60')).statusCode).toBe(429);
      // The second process had just found the answer; it gives it no longer than its few seconds of keeping.
      clock.advance(5_000);
      const refused = await other('3434', '192.0.2.61');
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.details.retryAfterSeconds).toBe(15 * 60 - 5);
    } finally {
      await second.app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    clock.advance(15 * 60_000);
  });

  it('still refuses one address that misses on many waybills, and says when to try again', async () => {
    const { w } = await parcel('13812345555');
    const from = '198.51.100.9';
    for (let i = 0; i < 20; i++) expect((await track(`NOSUCH${String(i).padStart(4, '0')}`, '0000', from)).statusCode).toBe(404);
    const refused = await track(w, '5555', from);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.details.retryAfterSeconds).toBe(600);
    expect((await t.app.inject({ url: `/api/v1/logistics/track/kuaidi100?waybillNo=${w}&phoneLast4=5555`, remoteAddress: from })).json().error.details.retryAfterSeconds).toBe(600);
    expect((await track(w, '5555', '198.51.100.10')).statusCode).toBe(200);
    expect((await audit('action=logistics.track.locked')).some((a) => a.entityId === from)).toBe(true);
    clock.advance(10 * 60_000);
    expect((await track(w, '5555', from)).statusCode).toBe(200);
  });

  it('locks a pick-up code after five wrong tries: 70 wrong, then the right one is refused; a new code is sent by SMS', async () => {
    const phone = '13812346666';
    const { w, id } = await parcel(phone);
    expect((await post('/logistics/scans', as.village, { eventId: `gs-${id}-arr`, waybillNo: w, type: 'arrived_village' })).statusCode).toBe(201);
    expect((await post(`/logistics/parcels/${id}/notify`, as.village)).statusCode).toBe(200);
    const code = (await t.modules.notify.outbox.sentTo(phone))[0].body.match(/取件码(\d{6})/)![1];
    const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');

    const answers: number[] = [];
    for (let i = 0; i < 70; i++) answers.push((await post(`/logistics/parcels/${id}/pickup`, as.village, { code: wrong(i), eventId: `gs-${id}-w${i}` })).statusCode);
    expect(answers.slice(0, 4)).toEqual([400, 400, 400, 400]);
    expect(new Set(answers.slice(5))).toEqual(new Set([409]));
    const right = await post(`/logistics/parcels/${id}/pickup`, as.village, { code, eventId: `gs-${id}-right` });
    expect(right.statusCode).toBe(409);
    expect(right.json().error.code).toBe('PICKUP_CODE_LOCKED');
    expect((await get(`/logistics/parcels/${id}`, as.county)).json().status).toBe('notified');

    const tries = (await audit(`action=logistics.pickup.wrong_code&entityId=${id}`)).length;
    expect(tries).toBeGreaterThanOrEqual(5);
    const locked = await audit(`action=logistics.pickup.locked&entityId=${id}`);
    expect(locked).toHaveLength(1);
    expect(locked[0].actorUsername).toBe('demo.village');
    const everything = JSON.stringify((await audit(`entityId=${id}`)).map((a) => a.details));
    expect(everything).not.toContain(code);
    expect(everything).not.toContain(wrong(0));

    // Telling the recipient again issues a new code; the old one stays dead, the new one hands the parcel over.
    clock.advance(60_000);
    expect((await post(`/logistics/parcels/${id}/notify`, as.village)).statusCode).toBe(200);
    const fresh = (await t.modules.notify.outbox.sentTo(phone))[0].body.match(/取件码(\d{6})/)![1];
    expect(await audit(`action=logistics.pickup.code_reissued&entityId=${id}`)).toHaveLength(1);
    if (fresh !== code) expect((await post(`/logistics/parcels/${id}/pickup`, as.village, { code, eventId: `gs-${id}-old` })).statusCode).toBe(400);
    const handed = await post(`/logistics/parcels/${id}/pickup`, as.village, { code: fresh, eventId: `gs-${id}-new` });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json().status).toBe('picked_up');
  });

  it('counts wrong codes synced from an offline point, and keeps a locked parcel from being handed over by a sync', async () => {
    const { w, id } = await parcel('13812347777');
    await post('/logistics/scans', as.village, { eventId: `gs-${id}-arr`, waybillNo: w, type: 'arrived_village' });
    const scans = Array.from({ length: 5 }, (_, i) => ({ eventId: `gs-${id}-off${i}`, parcelId: id, type: 'picked_up', pickupCode: '00000' + i }));
    const synced = await post('/logistics/scans/batch', as.village, { scans });
    expect(synced.statusCode, synced.body).toBe(200);
    expect(await audit(`action=logistics.pickup.wrong_code&entityId=${id}`)).toHaveLength(5);
    expect(await audit(`action=logistics.pickup.locked&entityId=${id}`)).toHaveLength(1);
  });

  it('shows county staff the SMS outbox with codes and phones masked; only the phone gets the code', async () => {
    const phone = '13812348888';
    const { w, id } = await parcel(phone);
    await post('/logistics/scans', as.village, { eventId: `gs-${id}-arr`, waybillNo: w, type: 'arrived_village' });
    await post(`/logistics/parcels/${id}/notify`, as.village);
    const sent = (await t.modules.notify.outbox.sentTo(phone))[0].body;
    const code = sent.match(/取件码(\d{6})/)![1];
    const res = await get(`/notify/outbox?ref=${id}`, as.county);
    expect(res.statusCode).toBe(200);
    const [message] = res.json().items;
    expect(message.phone).toBe('138****8888');
    expect(message.body).toContain('取件码******');
    expect(message.body).toContain('乐红村快递收发点');
    expect(res.body).not.toContain(code);
    expect(res.body).not.toContain(phone);
  });
});
