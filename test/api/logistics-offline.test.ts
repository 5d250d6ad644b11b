/**
 * The village point offline: scans queued on a phone reach the server late, maybe twice, maybe against a parcel
 * someone else finished meanwhile. A late scan never undoes a final state (picked up, returned), a second hand-over
 * is refused online and kept flagged offline, a resend is answered with the stored outcome, and an event id reused
 * for another scan is a conflict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const HOUR = 3600_000;
type Headers = { cookie: string };
let serial = 0;
const waybill = () => `YD${Date.now().toString().slice(-6)}${String(++serial).padStart(4, '0')}`;
const eventId = (what: string) => `off-${what}-${Date.now().toString(36)}-${++serial}`;

interface Outcome {
  eventId: string;
  waybillNo: string;
  type: string;
  replay: boolean;
  code: string | null;
  status: string;
}

describe.each(engines())('the village point offline on %s', (engine) => {
  let t: TestApp;
  const clock = manualClock('2026-11-30T04:00:00.000Z');
  const as = {} as Record<'county' | 'courier' | 'village' | 'phoneB', Headers>;

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    for (const who of ['county', 'courier', 'village'] as const) as[who] = await signIn(t.app, `demo.${who}`);
    // The same operator's second phone: its own session.
    as.phoneB = await signIn(t.app, 'demo.village');
  });
  afterAll(() => t.close());

  const post = (url: string, headers: Headers, payload?: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload });
  const get = (url: string, headers: Headers) => t.app.inject({ url: `/api/v1${url}`, headers });
  const iso = (ms: number) => new Date(ms).toISOString();
  const ago = (hours: number) => iso(clock.now().getTime() - hours * HOUR);
  const detail = async (id: string) => (await get(`/logistics/parcels/${id}`, as.county)).json();

  /** A parcel notified at 乐红村's point 10 hours ago, with the recipient's pick-up code from the SMS. */
  async function atThePoint() {
    const w = waybill();
    const phone = `1391${String(++serial).padStart(7, '0')}`;
    const made = await post('/logistics/manifests', as.courier, { carrier: 'yunda', parcels: [{ waybillNo: w, recipientName: '马春花', recipientPhone: phone, address: '鲁甸县乐红镇乐红村3组' }] });
    expect(made.statusCode, made.body).toBe(201);
    const scans = [
      { eventId: eventId('rcv'), waybillNo: w, type: 'received_county', at: ago(30) },
      { eventId: eventId('arr'), waybillNo: w, type: 'arrived_village', at: ago(12) },
    ];
    expect((await post('/logistics/scans/batch', as.courier, { scans: scans.slice(0, 1) })).statusCode).toBe(200);
    expect((await post('/logistics/scans/batch', as.village, { scans: scans.slice(1) })).statusCode).toBe(200);
    const id = (await get(`/logistics/parcels?waybillNo=${w}`, as.village)).json().items[0].id as string;
    expect((await post(`/logistics/parcels/${id}/notify`, as.village, { eventId: eventId('ntf') })).statusCode).toBe(200);
    const [sms] = await t.modules.notify.outbox.sentTo(phone);
    const code = /取件码(\d{6})/.exec(sms.body)![1];
    return { w, id, code };
  }

  it('keeps a parcel the county returned meanwhile returned: the hand-over queued offline is kept flagged, and a resend says the same', async () => {
    const { w, id, code } = await atThePoint();
    const handOver = { eventId: eventId('pick'), parcelId: id, type: 'picked_up', pickupCode: code, at: ago(3) };
    // The county sends it back while the point's phone is offline.
    const returned = await post('/logistics/scans', as.county, { eventId: eventId('ret'), parcelId: id, type: 'returned', at: ago(1), note: '超期未取，退回县仓' });
    expect(returned.statusCode, returned.body).toBe(201);

    const synced = await post('/logistics/scans/batch', as.village, { scans: [handOver] });
    expect(synced.statusCode, synced.body).toBe(200);
    const answer = synced.json();
    expect(answer).toMatchObject({ stored: 1, duplicates: 0, flagged: [{ eventId: handOver.eventId, code: 'ALREADY_FINISHED' }] });
    expect(answer.outcomes).toEqual([{ eventId: handOver.eventId, parcelId: id, waybillNo: w, type: 'picked_up', replay: false, code: 'ALREADY_FINISHED', reason: expect.stringMatching(/returned/), status: 'returned' }]);
    const parcel = await detail(id);
    expect(parcel).toMatchObject({ status: 'returned', pickedUpAt: null, problemCode: 'ALREADY_FINISHED' });
    expect(parcel.events.filter((e: { type: string; flagged: boolean }) => e.type === 'picked_up').map((e: { flagged: boolean }) => e.flagged)).toEqual([true]);
    expect(parcel.events.find((e: { type: string }) => e.type === 'returned').flagged).toBe(false);

    // The answer was lost on the way back: the phone sends the same queue again and is told the same outcome.
    const again = (await post('/logistics/scans/batch', as.village, { scans: [handOver] })).json();
    expect(again).toMatchObject({ stored: 0, duplicates: 1, flagged: [{ eventId: handOver.eventId, code: 'ALREADY_FINISHED' }] });
    expect(again.outcomes).toEqual([{ ...answer.outcomes[0], replay: true }]);
    expect((await detail(id)).events).toHaveLength(parcel.events.length);
  });

  it('keeps a parcel handed over meanwhile picked up, with its pick-up time: the return queued offline is kept flagged', async () => {
    const { w, id, code } = await atThePoint();
    const giveBack = { eventId: eventId('ret'), parcelId: id, type: 'returned', at: ago(4), note: '收件人拒收' };
    const pickedAt = ago(2);
    const picked = await post(`/logistics/parcels/${id}/pickup`, as.phoneB, { code, eventId: eventId('pick'), at: pickedAt });
    expect(picked.statusCode, picked.body).toBe(200);

    const synced = (await post('/logistics/scans/batch', as.village, { scans: [giveBack] })).json();
    expect(synced.outcomes).toEqual([{ eventId: giveBack.eventId, parcelId: id, waybillNo: w, type: 'returned', replay: false, code: 'ALREADY_FINISHED', reason: expect.any(String), status: 'picked_up' }]);
    expect(await detail(id)).toMatchObject({ status: 'picked_up', pickedUpAt: pickedAt, problemCode: 'ALREADY_FINISHED' });
  });

  it('refuses a second hand-over online and keeps one synced from another phone only as a flagged problem', async () => {
    const { w, id, code } = await atThePoint();
    const first = await post(`/logistics/parcels/${id}/pickup`, as.village, { code, eventId: eventId('pick-a'), at: ago(2) });
    expect(first.statusCode, first.body).toBe(200);
    const pickedUpAt = first.json().pickedUpAt;

    // Phone B, online, hands the same parcel over again: refused, naming the waybill.
    const second = await post(`/logistics/parcels/${id}/pickup`, as.phoneB, { code, eventId: eventId('pick-b'), at: ago(1) });
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'ALREADY_PICKED_UP', message: expect.stringContaining(w), details: { waybillNo: w, status: 'picked_up', at: pickedUpAt } });
    const scanned = await post('/logistics/scans', as.phoneB, { eventId: eventId('pick-c'), parcelId: id, type: 'picked_up', pickupCode: code });
    expect(scanned.statusCode).toBe(409);

    // Phone B was offline and syncs its hand-over: kept, flagged, not a second pick-up.
    const offline = { eventId: eventId('pick-d'), parcelId: id, type: 'picked_up', pickupCode: code, at: ago(1.5) };
    const synced = (await post('/logistics/scans/batch', as.phoneB, { scans: [offline] })).json();
    expect(synced.outcomes).toEqual([{ eventId: offline.eventId, parcelId: id, waybillNo: w, type: 'picked_up', replay: false, code: 'ALREADY_FINISHED', reason: expect.stringMatching(/second time/), status: 'picked_up' }]);
    const parcel = await detail(id);
    expect(parcel).toMatchObject({ status: 'picked_up', pickedUpAt, problemCode: 'ALREADY_FINISHED' });
    expect(parcel.events.filter((e: { type: string; flagged: boolean }) => e.type === 'picked_up' && !e.flagged)).toHaveLength(1);

    // The first phone's own hand-over sent again (its answer lost) is no second hand-over: the same answer.
    const resent = await post(`/logistics/parcels/${id}/pickup`, as.village, { code, eventId: first.json().events.find((e: { type: string }) => e.type === 'picked_up').eventId, at: ago(2) });
    expect(resent.statusCode, resent.body).toBe(200);
  });

  it('refuses the second of two hand-overs of one parcel sent at the same moment', async () => {
    const { id, code } = await atThePoint();
    const [a, b] = await Promise.all([
      post('/logistics/scans', as.village, { eventId: eventId('pick-a'), parcelId: id, type: 'picked_up', pickupCode: code }),
      post('/logistics/scans', as.phoneB, { eventId: eventId('pick-b'), parcelId: id, type: 'picked_up', pickupCode: code }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect((await detail(id)).events.filter((e: { type: string }) => e.type === 'picked_up')).toHaveLength(1);
  });

  it('answers a scan sent again with what became of it, and refuses an event id reused for another parcel or type', async () => {
    const one = await atThePoint();
    const other = await atThePoint();
    const scan = { eventId: eventId('late'), parcelId: one.id, type: 'arrived_village', at: ago(11), siteId: 'site_ld6_530621110205' };
    const first = await post('/logistics/scans', as.village, scan);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ stored: true, flagged: null });
    // The same event again (same parcel, type, time, place): stored once, the same answer.
    const again = await post('/logistics/scans', as.village, scan);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ stored: false, flagged: null, parcel: { id: one.id } });

    // The same id for another parcel, another type, another time: a conflict naming the event.
    for (const change of [{ parcelId: other.id }, { type: 'notified' }, { at: ago(10) }]) {
      const reused = await post('/logistics/scans', as.village, { ...scan, ...change });
      expect(reused.statusCode, JSON.stringify(change)).toBe(409);
      expect(reused.json().error).toMatchObject({ code: 'EVENT_ID_REUSED', message: expect.stringContaining(scan.eventId), details: { field: 'body.eventId', eventId: scan.eventId } });
    }
    // Refused, it leaves nothing behind: not even the parcel a waybill with no manifest yet would have made.
    const unknown = waybill();
    const [alone, withIt] = await Promise.all([
      post('/logistics/scans', as.courier, { ...scan, parcelId: undefined, siteId: undefined, waybillNo: unknown, type: 'received_county' }),
      post('/logistics/scans', as.courier, { eventId: eventId('rcv'), parcelId: other.id, type: 'problem', note: '核对' }),
    ]);
    expect([alone.statusCode, withIt.statusCode]).toEqual([409, 201]);
    expect((await get(`/logistics/parcels?waybillNo=${unknown}`, as.county)).json().items).toEqual([]);
    const inBatch = await post('/logistics/scans/batch', as.village, { scans: [{ eventId: eventId('fine'), parcelId: other.id, type: 'notified' }, { ...scan, parcelId: other.id }] });
    expect(inBatch.statusCode).toBe(409);
    expect(inBatch.json().error).toMatchObject({ code: 'EVENT_ID_REUSED', details: { field: 'body.scans.1.eventId' } });

    // Two copies in one batch: the same content is stored once; different content refuses the second copy, and the
    // batch stores nothing.
    const twin = { eventId: eventId('twin'), parcelId: other.id, type: 'notified', at: ago(0.5) };
    const twins = (await post('/logistics/scans/batch', as.village, { scans: [twin, twin] })).json();
    expect(twins).toMatchObject({ stored: 1, duplicates: 0 });
    expect(twins.outcomes.map((o: Outcome) => o.eventId)).toEqual([twin.eventId]);
    const clash = { eventId: eventId('clash'), parcelId: other.id, type: 'notified', at: ago(0.4) };
    const before = (await detail(other.id)).events.length;
    const clashed = await post('/logistics/scans/batch', as.village, { scans: [clash, { ...clash, parcelId: one.id }] });
    expect(clashed.statusCode).toBe(409);
    expect(clashed.json().error).toMatchObject({ code: 'EVENT_ID_REUSED', details: { field: 'body.scans.1.eventId' } });
    const typeClash = await post('/logistics/scans/batch', as.village, { scans: [clash, { ...clash, type: 'returned' }] });
    expect(typeClash.json().error.details.field).toBe('body.scans.1.eventId');
    expect((await detail(other.id)).events).toHaveLength(before);
  });
});
