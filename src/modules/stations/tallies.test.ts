/**
 * The daily tallies on both engines: records of several kinds for two villagers (one poor) on two days at a point and
 * a township station, with follow-ups that bring fees, voids (a villager's only bill of a kind, one bill of two, a
 * hand-over), then the whole sync replayed; after each step the figures by site, kind and day equal a recount of
 * `GET /stations/records`. Then the migration's backfill, run over the same records, makes the same tallies and figures.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../../../test/helpers.js';
import { stationsTallies } from './migrations/2026-12-09-stations-tallies.js';
import { ALL_KINDS, kindOfRecord, TILL_TYPES } from './tallies-rule.js';

const OWN_POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, demo.village's
const LEHONG_STATION = 'site_ld2_530621110'; // 乐红镇电商服务站, demo.township's
const KINDS = ['proxy_buy', 'consignment', 'purchase', 'bill', 'ticket', 'cash_withdrawal', 'loan_referral', 'farm_input'] as const;
const SPAN = 'from=2026-12-06&to=2026-12-07';

interface RecordView {
  siteId: string;
  type: string;
  service: string | null;
  day: string;
  customer: { id: string; poor: boolean } | null;
  amountFen: number;
  feeFen: number;
  voided: boolean;
}
interface Figure {
  key: string;
  services: Record<string, { count: number; amountFen: number }>;
  servicesTotal: number;
  amountFen: number;
  feeFen: number;
  peopleServed: number;
  poorServed: number;
}
type Group = 'site' | 'service' | 'day';

const emptyFigure = (key: string): Figure => ({ key, services: Object.fromEntries(KINDS.map((k) => [k, { count: 0, amountFen: 0 }])), servicesTotal: 0, amountFen: 0, feeFen: 0, peopleServed: 0, poorServed: 0 });
const served = (f: Figure) => ({ key: f.key, services: f.services, servicesTotal: f.servicesTotal, amountFen: f.amountFen, feeFen: f.feeFen, peopleServed: f.peopleServed, poorServed: f.poorServed });

/** The figures the records add up to, one row per key the answer lists, and the total. */
function recount(records: RecordView[], group: Group, keys: string[]): { rows: Figure[]; total: Figure } {
  const live = records.filter((r) => !r.voided && !TILL_TYPES.includes(r.type));
  const rows = new Map(keys.map((k) => [k, emptyFigure(k)]));
  const total = emptyFigure('total');
  const people = new Map<Figure, Set<string>>();
  const poor = new Map<Figure, Set<string>>();
  const kindOf = (r: RecordView) => kindOfRecord(r.type, r.service);
  const keyOf = (r: RecordView) => (group === 'site' ? r.siteId : group === 'day' ? r.day : kindOf(r)!);
  for (const r of live) {
    for (const f of [rows.get(keyOf(r))!, total]) {
      f.feeFen += r.feeFen;
      if (!r.service) continue;
      f.services[r.service]!.count += 1;
      f.services[r.service]!.amountFen += r.amountFen;
      f.servicesTotal += 1;
      f.amountFen += r.amountFen;
      const who = `${r.siteId}|${r.day}|${r.customer!.id}`;
      (people.get(f) ?? people.set(f, new Set()).get(f)!).add(who);
      if (r.customer!.poor) (poor.get(f) ?? poor.set(f, new Set()).get(f)!).add(who);
    }
  }
  for (const f of [...rows.values(), total]) {
    f.peopleServed = people.get(f)?.size ?? 0;
    f.poorServed = poor.get(f)?.size ?? 0;
  }
  return { rows: [...rows.values()], total };
}

describe.each(engines())('station tallies on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  const clock = manualClock('2026-12-06T02:00:00.000Z');
  const setClock = (iso: string) => clock.advance(Date.parse(iso) - clock.now().getTime());
  const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
  let serial = 0;
  const cid = (label: string) => `${label}-tally-${++serial}`.padEnd(8, '0');

  const call = async (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: as[who], payload: payload as object });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  const sent: { who: string; siteId: string; records: unknown[] }[] = [];
  const batch = async (who: string, siteId: string, records: unknown[], expected = 'stored') => {
    const answer = await call(who, 'POST', '/stations/records/batch', { siteId, records });
    for (const o of answer.outcomes) expect(o.status, JSON.stringify(o)).toBe(expected);
    if (expected === 'stored') sent.push({ who, siteId, records });
  };
  const signInAll = async () => {
    for (const who of ['county', 'township', 'village']) as[who] = await signIn(t.app, `demo.${who}`);
  };

  const poorVillager = { name: '马春梅', poor: true };
  const villager = { name: '王德发', phone: '13912340001' };
  const bill = (day: string, hhmm: string, customer: object, amountFen: number, feeFen: number) => ({ clientId: cid('bill'), type: 'bill.pay', at: at(day, hhmm), customer, service: 'electricity', providerId: 'yn_power', accountNo: '0531000123', amountFen, feeFen, paidBy: 'cash' });
  const voidOf = (target: { clientId: string }, day: string, hhmm: string) => ({ clientId: cid('void'), type: 'record.void', at: at(day, hhmm), targetClientId: target.clientId, reason: '录入有误' });
  const proxyBuy = (day: string, hhmm: string, customer: object, costFen: number, feeFen: number) => {
    const request = { clientId: cid('pb'), type: 'proxy_buy.request', at: at(day, hhmm), customer, item: '电饭煲 4 升', depositFen: 5_000 };
    const ordered = { clientId: cid('pbo'), type: 'proxy_buy.ordered', at: at(day, hhmm), proxyBuyClientId: request.clientId, platform: 'jd', externalOrderNo: `JD${serial}`, costFen };
    const handover = { clientId: cid('pbh'), type: 'proxy_buy.handover', at: at(day, hhmm), proxyBuyClientId: request.clientId, feeFen, collectedFen: costFen + feeFen - 5_000 };
    return [request, ordered, handover] as const;
  };

  const records = async (): Promise<RecordView[]> => {
    const out: RecordView[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: RecordView[]; nextCursor: string | null } = await call('county', 'GET', `/stations/records?${SPAN}&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  };
  const figures = async (group: Group) => (await call('county', 'GET', `/stations/figures?${SPAN}&groupBy=${group}`)) as { rows: Figure[]; total: Figure };
  /** Every grouping's rows and total as the records add them up. */
  const expectFiguresOfRecords = async () => {
    const all = await records();
    for (const group of ['site', 'service', 'day'] as const) {
      const answer = await figures(group);
      const expected = recount(all, group, answer.rows.map((r) => r.key));
      expect({ rows: answer.rows.map(served), total: served(answer.total) }, `by ${group}`).toEqual({ rows: expected.rows.map(served), total: served(expected.total) });
    }
    return all;
  };
  const allFigures = async () => Promise.all((['site', 'service', 'day'] as const).map(figures));

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    await signInAll();
  }, 240_000);
  afterAll(() => t?.close());

  it('sums two villagers’ services of several kinds on two days as the records do', async () => {
    const [request, ordered, handover] = proxyBuy('2026-12-06', '09:30', villager, 8_800, 500);
    await batch('village', OWN_POINT, [
      bill('2026-12-06', '09:10', poorVillager, 12_000, 200),
      bill('2026-12-06', '09:20', poorVillager, 3_000, 100),
      { clientId: cid('tkt'), type: 'ticket.book', at: at('2026-12-06', '09:25'), customer: villager, mode: 'bus', providerId: 'zt_bus', description: '鲁甸—昭通', travelDate: '2026-12-10', amountFen: 2_500, feeFen: 300, paidBy: 'cash' },
      request,
      ordered,
      handover,
      { clientId: cid('loan'), type: 'loan.refer', at: at('2026-12-06', '09:50'), customer: poorVillager, providerId: 'psbc', amountFen: 3_000_000, purpose: '扩种花椒' },
    ]);
    setClock('2026-12-07T02:00:00.000Z');
    await signInAll();
    await batch('village', OWN_POINT, [
      bill('2026-12-07', '09:00', poorVillager, 6_000, 100),
      bill('2026-12-07', '09:05', villager, 4_000, 100),
      { clientId: cid('wd'), type: 'cash.withdraw', at: at('2026-12-07', '09:10'), customer: villager, providerId: 'ld_rcb', cardTail: '1234', amountFen: 20_000, feeFen: 150 },
    ]);
    await batch('township', LEHONG_STATION, [bill('2026-12-07', '09:30', { name: '张国强' }, 4_000, 0), bill('2026-12-07', '09:35', poorVillager, 7_000, 100)]);
    const all = await expectFiguresOfRecords();
    expect(all.filter((r) => r.service !== null)).toHaveLength(10);
    const kinds = await figures('service');
    expect(kinds.rows.find((r) => r.key === 'bill')).toMatchObject({ servicesTotal: 6, amountFen: 36_000, feeFen: 600, peopleServed: 5, poorServed: 3 });
    // The 代买's fee is its hand-over's; its request and order are follow-ups with no service of their own.
    expect(kinds.rows.find((r) => r.key === 'proxy_buy')).toMatchObject({ servicesTotal: 1, amountFen: 8_800, feeFen: 500, peopleServed: 1 });
    // 6 Dec at the point: 马春梅, 王德发; 7 Dec there: the same two; at the station: 张国强 and 马春梅 (a customer of that site).
    expect(kinds.total).toMatchObject({ servicesTotal: 10, peopleServed: 6, poorServed: 3 });
  });

  it('takes back exactly what a void’s record added: the only bill, one of two, a hand-over', async () => {
    setClock('2026-12-07T03:00:00.000Z');
    const before = await allFigures();
    const [request, ordered, handover] = proxyBuy('2026-12-07', '10:00', poorVillager, 6_600, 400);
    const onlyBill = bill('2026-12-07', '10:10', { name: '李桂英' }, 1_000, 100);
    const secondBill = bill('2026-12-07', '10:20', poorVillager, 2_000, 100);
    await batch('village', OWN_POINT, [request, ordered, handover, onlyBill, secondBill]);
    const added = await figures('service');
    expect(added.total.peopleServed).toBe(before[1].total.peopleServed + 1); // 李桂英 is new that day; 马春梅 was served already
    await batch('village', OWN_POINT, [voidOf(handover, '2026-12-07', '10:30'), voidOf(onlyBill, '2026-12-07', '10:31'), voidOf(secondBill, '2026-12-07', '10:32')]);
    await expectFiguresOfRecords();
    // Only the 代买's request and order stay: they bring no service, amount or fee, so every figure is as before.
    expect(await allFigures()).toEqual(before);
  });

  it('counts nothing twice when the whole sync is sent again', async () => {
    const before = await allFigures();
    for (const b of sent) await batch(b.who, b.siteId, b.records, 'duplicate');
    expect(await allFigures()).toEqual(before);
    await expectFiguresOfRecords();
  });

  it('stops counting a bill its provider refuses, in the figures and in its day, and keeps its cash in the till', async () => {
    setClock('2026-12-07T04:00:00.000Z');
    await batch('village', OWN_POINT, [bill('2026-12-07', '11:50', villager, 3_000, 100)]);
    const before = await allFigures();
    const day = async () => (await call('county', 'GET', `/stations/days/${OWN_POINT}/2026-12-07`)) as { services: number; cashInFen: number };
    const dayBefore = await day();
    // The local provider has no account ending 0000.
    const refused = { ...bill('2026-12-07', '11:55', villager, 4_000, 100), accountNo: '0531000000' };
    await batch('village', OWN_POINT, [refused]);
    expect(await day()).toMatchObject({ services: dayBefore.services + 1, cashInFen: dayBefore.cashInFen + 4_100 });
    await t.modules.stations.providerSubmitter.submitDue(clock.now());
    expect(await allFigures()).toEqual(before);
    expect(await day()).toMatchObject({ services: dayBefore.services, cashInFen: dayBefore.cashInFen + 4_100 });
  });

  it('makes the same tallies and figures from the stored records when the migration fills them (an upgraded county)', async () => {
    const db = t.database.db;
    const read = async () => ({
      tallies: (await sql<Record<string, unknown>>`select site_id, township_code, day, kind, records, services, amount_fen, fee_fen, people, poor from stations_tallies where records > 0 order by site_id, day, kind`.execute(db)).rows.map(numbers),
      customers: (await sql<Record<string, unknown>>`select site_id, day, kind, customer_id, records, poor_records from stations_tally_customers where records > 0 order by site_id, day, kind, customer_id`.execute(db)).rows.map(numbers),
    });
    const live = await read();
    const figuresLive = await allFigures();
    expect(live.tallies.filter((r) => r.kind === ALL_KINDS).length).toBeGreaterThanOrEqual(3);
    await stationsTallies.down(db, t.database.dialect);
    await stationsTallies.up(db, t.database.dialect);
    expect(await read()).toEqual(live);
    expect(await allFigures()).toEqual(figuresLive);
  });
});

/** Counts as numbers whichever driver read them (PostgreSQL answers bigint as text). */
function numbers(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, ['records', 'services', 'amount_fen', 'fee_fen', 'people', 'poor', 'poor_records'].includes(k) ? Number(v) : v]));
}
