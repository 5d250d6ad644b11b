import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const HOUR = 3600_000;

/** Texting a parcel's recipient again and again (SMS bombing): limited per parcel, per request and per phone. */
describe.each(engines())('SMS limits on %s', (engine) => {
  let t: TestApp;
  const clock = manualClock('2026-11-30T00:00:00.000Z');
  const as = {} as Record<'county' | 'courier' | 'village', { cookie: string }>;
  let serial = 0;
  const waybill = () => `SL${Date.now().toString().slice(-6)}${String(++serial).padStart(4, '0')}`;

  const signInAll = async () => {
    for (const who of ['county', 'courier', 'village'] as const) as[who] = await signIn(t.app, `demo.${who}`);
  };
  /** A day later: sessions have ended, so everyone signs in again. */
  const nextDay = async () => {
    clock.advance(24 * HOUR);
    await signInAll();
  };

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    await signInAll();
  });
  afterAll(() => t.close());

  const post = (url: string, headers: object, payload?: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: headers as Record<string, string>, payload });
  const get = (url: string, headers: object = {}) => t.app.inject({ url: `/api/v1${url}`, headers: headers as Record<string, string> });
  const texts = async (phone: string) => (await t.modules.notify.outbox.sentTo(phone)).length;
  /** A parcel announced by a manifest and scanned in at the demo village point. */
  const atPoint = async (phone: string) => {
    const w = waybill();
    const res = await post('/logistics/manifests', as.courier, { carrier: 'zhongtong', parcels: [{ waybillNo: w, recipientName: '杨桂芬', recipientPhone: phone, address: '鲁甸县乐红镇乐红村' }] });
    expect(res.statusCode, res.body).toBe(201);
    const id = (await get(`/logistics/parcels?waybillNo=${w}`, as.county)).json().items[0].id as string;
    expect((await post('/logistics/scans', as.village, { eventId: `sl-${id}-arr`, waybillNo: w, type: 'arrived_village' })).statusCode).toBe(201);
    return id;
  };

  it('sends one text for eight notifies in a row; the others are refused with 429 SMS_LIMIT and Retry-After, audited once', async () => {
    const phone = '13812340001';
    const id = await atPoint(phone);
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await post(`/logistics/parcels/${id}/notify`, as.village, { eventId: `sl-${id}-n${i}` }));
    expect(answers[0].statusCode).toBe(200);
    for (const res of answers.slice(1)) {
      expect(res.statusCode, res.body).toBe(429);
      expect(res.json().error.code).toBe('SMS_LIMIT');
      expect(res.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
      expect(res.headers['retry-after']).toBe(String(res.json().error.details.retryAfterSeconds));
    }
    expect(await texts(phone)).toBe(1);
    // A single notified scan from a township or point is the same send.
    const scan = await post('/logistics/scans', as.village, { eventId: `sl-${id}-n9`, parcelId: id, type: 'notified' });
    expect(scan.statusCode).toBe(429);
    expect(await texts(phone)).toBe(1);
    const audit = (await get(`/identity/audit?limit=200&action=logistics.sms.refused&entityId=${id}`, as.county)).json().items as { details: unknown }[];
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(phone);

    // An hour later one reminder may go; then a third text within the day, and no fourth.
    clock.advance(HOUR);
    expect((await post(`/logistics/parcels/${id}/notify`, as.village)).statusCode).toBe(200);
    clock.advance(HOUR);
    expect((await post(`/logistics/parcels/${id}/notify`, as.village)).statusCode).toBe(200);
    clock.advance(HOUR);
    expect((await post(`/logistics/parcels/${id}/notify`, as.village)).statusCode).toBe(429);
    expect(await texts(phone)).toBe(3);
  });

  it('sends one text for a batch of twenty notified scans of one parcel; every scan is stored and says no text went', async () => {
    await nextDay();
    const phone = '13812340002';
    const id = await atPoint(phone);
    const scans = Array.from({ length: 20 }, (_, i) => ({ eventId: `sl-${id}-b${i}`, parcelId: id, type: 'notified' }));
    const res = await post('/logistics/scans/batch', as.village, { scans });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().stored).toBe(20);
    expect(await texts(phone)).toBe(1);
    const sms = (res.json().outcomes as { sms?: string }[]).map((o) => o.sms);
    expect(sms[0]).toBe('sent');
    expect(new Set(sms.slice(1))).toEqual(new Set(['already_sent']));

    // A second batch within the hour: stored, no text, the outcome says it was limited.
    const again = await post('/logistics/scans/batch', as.village, { scans: [{ eventId: `sl-${id}-c0`, parcelId: id, type: 'notified' }] });
    expect(again.statusCode).toBe(200);
    expect(again.json().outcomes[0]).toMatchObject({ sms: 'limited', code: null });
    expect(await texts(phone)).toBe(1);
  });

  it('caps the texts one phone gets in a day across parcels at ten; first arrival texts always go', async () => {
    await nextDay();
    const phone = '13812340003';
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await atPoint(phone));
    for (const id of ids) expect((await post(`/logistics/parcels/${id}/notify`, as.village)).statusCode).toBe(200);
    clock.advance(HOUR);
    for (const id of ids) expect((await post(`/logistics/parcels/${id}/notify`, as.village)).statusCode).toBe(200);
    clock.advance(HOUR);
    expect((await post(`/logistics/parcels/${ids[0]}/notify`, as.village)).statusCode).toBe(200);
    expect((await post(`/logistics/parcels/${ids[1]}/notify`, as.village)).statusCode).toBe(200);
    expect(await texts(phone)).toBe(10);
    // The third parcel has had two texts only, but the phone has had ten today.
    const refused = await post(`/logistics/parcels/${ids[2]}/notify`, as.village);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('SMS_LIMIT');
    // A new parcel's first arrival text still goes.
    const fresh = await atPoint(phone);
    expect((await post(`/logistics/parcels/${fresh}/notify`, as.village)).statusCode).toBe(200);
    expect(await texts(phone)).toBe(11);
    // A day after the first of them, the phone may be texted again.
    clock.advance(23 * HOUR);
    await signInAll();
    expect((await post(`/logistics/parcels/${ids[2]}/notify`, as.village)).statusCode).toBe(200);
  });
});
