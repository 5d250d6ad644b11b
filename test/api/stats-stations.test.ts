/**
 * Station services in the county's statistics, on both engines: records made at a village point and its township's
 * station over a month's end (one voided) reach `station_services`, `station_service_amount` and
 * `station_poor_served` through the stations' events, by day, month, township, village and kind with Chinese labels,
 * equal to `GET /stations/figures` for the same days; a repeated delivery, a void delivered twice and a void
 * before its record change nothing; a rebuild gives back exactly the same figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsInput } from '../../src/modules/stats/index.js';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const LEHONG = '530621110'; // 乐红镇
const LEHONG_VILLAGE = '530621110205'; // 乐红村
const OWN_POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, demo.village's
const LEHONG_STATION = 'site_ld2_530621110'; // 乐红镇电商服务站, demo.township's
const KEYS = ['station_services', 'station_service_amount', 'station_poor_served'];

let serial = 0;
const cid = (label: string) => `${label}-${Date.now().toString(36)}-${++serial}`.padEnd(8, '0');

type Fig = { indicator: string; value: number | null; status: string };

describe.each(engines())('station services in the statistics on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  // 30 November 2026, 10:00 in Shanghai; then 1 December.
  const clock = manualClock('2026-11-30T02:00:00.000Z');
  const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) => t.app.inject({ method, url: `/api/v1${url}`, headers: as[who], payload: payload as object });
  const get = async (who: string, url: string) => {
    const res = await call(who, 'GET', url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  const batch = async (who: string, siteId: string, records: unknown[]) => {
    const res = await call(who, 'POST', '/stations/records/batch', { siteId, records });
    expect(res.statusCode, res.body).toBe(200);
    for (const o of res.json().outcomes) expect(o.status, JSON.stringify(o)).toBe('stored');
  };
  const values = async (grain: string, period: string, place = '') => {
    const figures = (await get('county', `/stats/figures?grain=${grain}&period=${period}${place}`)).figures as Fig[];
    return Object.fromEntries(KEYS.map((k) => [k, figures.find((f) => f.indicator === k)!.value]));
  };
  const breakdown = async (indicator: string, grain: string, period: string, dim: string) =>
    ((await get('county', `/stats/breakdown?indicator=${indicator}&grain=${grain}&period=${period}&dim=${dim}`)).items as { label: string; value: number }[]).map((i) => [i.label, i.value]);

  const bill = (day: string, hhmm: string, customer: object, amountFen: number) => ({ clientId: cid('bill'), type: 'bill.pay', at: at(day, hhmm), customer, service: 'water', providerId: 'ld_water', accountNo: '88001234', amountFen, feeFen: 100, paidBy: 'cash' });
  const poor = { name: '马春梅', poor: true };

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    const signInAll = async () => {
      for (const who of ['county', 'township', 'village']) as[who] = await signIn(t.app, `demo.${who}`);
    };
    await signInAll();
    // 30 November: two bills for a poor villager and a withdrawal for another at the point.
    await batch('village', OWN_POINT, [
      bill('2026-11-30', '09:00', poor, 12_000),
      bill('2026-11-30', '09:10', poor, 3_000),
      { clientId: cid('wd'), type: 'cash.withdraw', at: at('2026-11-30', '09:20'), customer: { name: '王德发' }, providerId: 'ld_rcb', cardTail: '5678', amountFen: 50_000, feeFen: 200 },
    ]);
    // 1 December: a loan referral for the poor villager, a bill voided the same day, and a bill at the township's station.
    clock.advance(24 * 3600_000);
    await signInAll();
    const voided = bill('2026-12-01', '09:05', { name: '李桂英' }, 7_700);
    await batch('village', OWN_POINT, [
      { clientId: cid('loan'), type: 'loan.refer', at: at('2026-12-01', '09:00'), customer: poor, providerId: 'psbc', amountFen: 2_000_000, purpose: '扩种花椒' },
      voided,
      { clientId: cid('void'), type: 'record.void', at: at('2026-12-01', '09:30'), targetClientId: voided.clientId, reason: '户号输错' },
    ]);
    await batch('township', LEHONG_STATION, [bill('2026-12-01', '09:40', { name: '张国强' }, 4_000)]);
    while ((await t.events.runOnce()) > 0);
  }, 240_000);
  afterAll(() => t?.close());

  it('lists the station indicators as live, with their sources, owners and words', async () => {
    const list = (await get('county', '/stats/indicators?limit=100')).items as { key: string; name: string; unit: string; status: string; sources: string[]; owner: string; dims: string[]; definition: string }[];
    const byKey = new Map(list.map((i) => [i.key, i]));
    const sources = ['stations.service-recorded@1', 'stations.service-voided@1'];
    expect(byKey.get('station_services')).toMatchObject({ name: '站点服务人次', unit: 'person_times', status: 'live', sources, dims: ['township', 'village', 'kind'], owner: '县工业商务和科技信息化局（县电商办）' });
    expect(byKey.get('station_service_amount')).toMatchObject({ name: '站点服务金额', unit: 'fen', status: 'live', sources });
    expect(byKey.get('station_poor_served')).toMatchObject({ name: '服务贫困户人次', unit: 'person_times', status: 'live', sources, owner: '县扶贫开发办公室' });
    expect(byKey.get('station_services')!.definition).toContain('作废');
  });

  it('counts each service in its business day and month, without the voided one', async () => {
    expect(await values('day', '2026-11-30')).toEqual({ station_services: 3, station_service_amount: 65_000, station_poor_served: 2 });
    expect(await values('month', '2026-11')).toEqual({ station_services: 3, station_service_amount: 65_000, station_poor_served: 2 });
    expect(await values('day', '2026-12-01')).toEqual({ station_services: 2, station_service_amount: 2_004_000, station_poor_served: 1 });
    expect(await values('quarter', '2026-Q4')).toEqual({ station_services: 5, station_service_amount: 2_069_000, station_poor_served: 3 });
    expect(await values('month', '2026-12', `&township=${LEHONG}`)).toEqual({ station_services: 2, station_service_amount: 2_004_000, station_poor_served: 1 });
    // The township's station has no village: the village's figure is the point's alone.
    expect(await values('month', '2026-12', `&village=${LEHONG_VILLAGE}`)).toEqual({ station_services: 1, station_service_amount: 2_000_000, station_poor_served: 1 });
    expect(await breakdown('station_services', 'quarter', '2026-Q4', 'kind')).toEqual([
      ['缴费', 3],
      ['助农取款', 1],
      ['贷款推荐', 1],
    ]);
    expect(await breakdown('station_services', 'month', '2026-12', 'township')).toEqual([['乐红镇', 2]]);
  });

  it('agrees with the stations’ own figures for the same days', async () => {
    for (const [from, to, period] of [
      ['2026-11-01', '2026-11-30', '2026-11'],
      ['2026-12-01', '2026-12-31', '2026-12'],
    ] as const) {
      const { total } = await get('county', `/stations/figures?from=${from}&to=${to}`);
      const stats = await values('month', period);
      expect([stats.station_services, stats.station_service_amount]).toEqual([total.servicesTotal, total.amountFen]);
    }
  });

  it('changes nothing when a service, or its void, is delivered again, and a void that comes first takes its record out', async () => {
    const before = await values('quarter', '2026-Q4');
    let seq = 900_000;
    const input = (type: string, payload: Record<string, unknown>): StatsInput => ({ seq: ++seq, type, version: 1, aggregateId: String(payload.recordId), occurredAt: '2026-12-01T02:00:00.000Z', payload });
    const service = (recordId: string, amountFen: number) =>
      input('stations.service-recorded', { recordId, siteId: OWN_POINT, siteKind: 'village_point', townshipCode: LEHONG, villageCode: LEHONG_VILLAGE, day: '2026-12-01', at: '2026-12-01T01:00:00.000Z', service: 'bill', amountFen, feeFen: 0, customerId: null, poor: true });
    const voided = (recordId: string) => input('stations.service-voided', { recordId, voidRecordId: `${recordId}_void`, siteId: OWN_POINT, townshipCode: LEHONG, villageCode: LEHONG_VILLAGE, day: '2026-12-01', service: 'bill', amountFen: 0, feeFen: 0, customerId: null, poor: true });
    // Every stored event of the stations delivered again under new seqs: counted once.
    const { sql } = await import('kysely');
    const stored = (await sql<{ type: string; payload: string }>`select type, payload from kernel_events where type in ('stations.service-recorded', 'stations.service-voided') order by seq`.execute(t.database.db)).rows;
    expect(stored.length).toBe(7); // six services, one void
    for (const e of stored) await t.modules.stats.rollups.store(input(e.type, JSON.parse(e.payload)));
    expect(await values('quarter', '2026-Q4')).toEqual(before);
    // A void that comes before its record (never in seq order): the record then adds nothing.
    await t.modules.stats.rollups.store(voided('srec_test_early'));
    await t.modules.stats.rollups.store(service('srec_test_early', 9_999));
    expect(await values('quarter', '2026-Q4')).toEqual(before);
    // A service, then its void twice: in, then out once.
    await t.modules.stats.rollups.store(service('srec_test_late', 1_111));
    expect(await values('day', '2026-12-01')).toEqual({ station_services: 3, station_service_amount: 2_005_111, station_poor_served: 2 });
    await t.modules.stats.rollups.store(voided('srec_test_late'));
    await t.modules.stats.rollups.store(voided('srec_test_late'));
    expect(await values('quarter', '2026-Q4')).toEqual(before);
  });

  it('rebuilds from the stored inputs to exactly the figures live application built', async () => {
    const periods: [string, string, string?][] = [['day', '2026-11-30'], ['day', '2026-12-01'], ['month', '2026-11'], ['month', '2026-12'], ['quarter', '2026-Q4'], ['year', '2026'], ['month', '2026-12', `&township=${LEHONG}`], ['month', '2026-12', `&village=${LEHONG_VILLAGE}`]];
    const before = await Promise.all(periods.map(([g, p, place]) => values(g, p, place)));
    const kinds = await breakdown('station_services', 'year', '2026', 'kind');
    const res = await call('county', 'POST', '/stats/rebuilds');
    expect(res.statusCode, res.body).toBe(202);
    await t.modules.stats.rebuilds.run(res.json().id);
    expect((await get('county', '/stats/rebuilds/latest')).rebuild).toMatchObject({ state: 'done' });
    expect(await Promise.all(periods.map(([g, p, place]) => values(g, p, place)))).toEqual(before);
    expect(await breakdown('station_services', 'year', '2026', 'kind')).toEqual(kinds);
    expect(before[4]).toEqual({ station_services: 5, station_service_amount: 2_069_000, station_poor_served: 3 });
  });
});
