/**
 * 站点服务 figures on both engines: two days of real records at a village point and its township's station (bills,
 * tickets, withdrawals, loans, a 代买 from request to hand-over with its fee, a void), parcels in and out from real
 * logistics scans (delivered again: counted once), a day closed with a difference; the figures per site, township,
 * kind and day, their totals recomputed from `GET /stations/records`, the workbook read back, each caller's sight,
 * bad spans, and the operators' 今日账本 workbench card.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const LEHONG = '530621110'; // 乐红镇
const OWN_POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, demo.village's
const LEHONG_STATION = 'site_ld2_530621110'; // 乐红镇电商服务站, demo.township's
const ADDRESS = '鲁甸县乐红镇乐红村3组';
const KINDS = ['proxy_buy', 'consignment', 'purchase', 'bill', 'ticket', 'cash_withdrawal', 'loan_referral', 'farm_input'] as const;

type Svc = Record<string, { count: number; amountFen: number }>;
interface Row {
  key: string;
  name: string;
  townshipName: string | null;
  siteKind: string | null;
  services: Svc;
  servicesTotal: number;
  amountFen: number;
  feeFen: number;
  parcelsIn: number;
  parcelsOut: number;
  peopleServed: number;
  poorServed: number;
  daysClosed: number;
  daysWithDifference: number;
}
interface RecordView {
  id: string;
  siteId: string;
  type: string;
  service: string | null;
  day: string;
  customer: { id: string; poor: boolean } | null;
  amountFen: number;
  feeFen: number;
  voided: boolean;
}

let serial = 0;
const cid = (label: string) => `${label}-${Date.now().toString(36)}-${++serial}`.padEnd(8, '0');
const services = (over: Svc = {}): Svc => ({ ...Object.fromEntries(KINDS.map((k) => [k, { count: 0, amountFen: 0 }])), ...over });

describe.each(engines())('station figures on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  // 6 Dec 2026, 10:00 in Shanghai; moved to 7 Dec 10:00 for the second day (and the questions).
  const clock = manualClock('2026-12-06T02:00:00.000Z');
  const setClock = (iso: string) => clock.advance(Date.parse(iso) - clock.now().getTime());
  const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();

  const call = (who: string | null, method: 'GET' | 'POST', url: string, payload?: unknown) => t.app.inject({ method, url: `/api/v1${url}`, headers: who ? as[who] : {}, payload: payload as object });
  const ok = async (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await call(who, method, url, payload);
    expect([200, 201], `${method} ${url}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
    return res.json();
  };
  const batch = async (who: string, siteId: string, records: unknown[]) => {
    const answer = await ok(who, 'POST', '/stations/records/batch', { siteId, records });
    for (const o of answer.outcomes) expect(o.status, JSON.stringify(o)).toBe('stored');
    return answer.outcomes as { recordId: string }[];
  };
  const figures = async (who: string, query: string) => (await ok(who, 'GET', `/stations/figures?${query}`)) as { from: string; to: string; groupBy: string; rows: Row[]; total: Row };
  const span = 'from=2026-12-06&to=2026-12-07';

  const poorVillager = { name: '马春梅', poor: true };
  const villager = { name: '王德发', phone: '13912340001' };
  const other = { name: '李桂英' };
  const bill = (day: string, hhmm: string, customer: object, amountFen: number, feeFen: number) => ({
    clientId: cid('bill'),
    type: 'bill.pay',
    at: at(day, hhmm),
    customer,
    service: 'electricity',
    providerId: 'yn_power',
    accountNo: '0531000123',
    amountFen,
    feeFen,
    paidBy: 'cash',
  });

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    // Sessions end when idle for hours: everyone signs in again after the clock moves to the next day.
    const signInAll = async () => {
      for (const who of ['county', 'township', 'village', 'regulator', 'merchant', 'courier']) as[who] = await signIn(t.app, `demo.${who}`);
    };
    await signInAll();

    // 6 December at the point: opened with ¥500, a poor villager pays two bills, another books a ticket; a withdrawal.
    await batch('village', OWN_POINT, [
      { clientId: cid('open'), type: 'day.open', at: at('2026-12-06', '09:00'), openingCashFen: 50_000 },
      bill('2026-12-06', '09:10', poorVillager, 12_000, 200),
      bill('2026-12-06', '09:20', poorVillager, 3_000, 100),
      { clientId: cid('tkt'), type: 'ticket.book', at: at('2026-12-06', '09:30'), customer: villager, mode: 'bus', providerId: 'zt_bus', description: '鲁甸—昭通', travelDate: '2026-12-10', amountFen: 2_500, feeFen: 300, paidBy: 'cash' },
      { clientId: cid('wd'), type: 'cash.withdraw', at: at('2026-12-06', '09:40'), customer: villager, providerId: 'ld_rcb', cardTail: '1234', amountFen: 20_000, feeFen: 150 },
    ]);
    // Closed short by ¥1 with a reason: expected 500 + 150 + 31 + 28 − 200 = 509 yuan.
    setClock('2026-12-06T10:30:00.000Z');
    const day6 = await ok('village', 'GET', `/stations/days/${OWN_POINT}/2026-12-06`);
    await batch('village', OWN_POINT, [{ clientId: cid('close'), type: 'day.close', at: at('2026-12-06', '18:00'), countedCashFen: day6.expectedCashFen - 100, expectedCashFen: day6.expectedCashFen, reason: '找零少收一元' }]);

    // 7 December at the point: a 代买 from request to hand-over (counted at the hand-over: the order's cost and its fee), a bill, a loan referral, a bill voided.
    setClock('2026-12-07T02:00:00.000Z');
    await signInAll();
    const request = { clientId: cid('pb'), type: 'proxy_buy.request', at: at('2026-12-07', '09:00'), customer: other, item: '儿童羽绒服 130 码', depositFen: 5_000 };
    const voided = bill('2026-12-07', '09:05', villager, 9_900, 100);
    await batch('village', OWN_POINT, [
      request,
      { clientId: cid('pbo'), type: 'proxy_buy.ordered', at: at('2026-12-07', '09:10'), proxyBuyClientId: request.clientId, platform: 'pinduoduo', externalOrderNo: 'PDD2026120700001', costFen: 8_800 },
      { clientId: cid('pbh'), type: 'proxy_buy.handover', at: at('2026-12-07', '09:40'), proxyBuyClientId: request.clientId, feeFen: 500, collectedFen: 4_300 },
      bill('2026-12-07', '09:50', poorVillager, 6_000, 100),
      { clientId: cid('loan'), type: 'loan.refer', at: at('2026-12-07', '09:55'), customer: poorVillager, providerId: 'psbc', amountFen: 3_000_000, purpose: '扩种花椒' },
      voided,
      { clientId: cid('void'), type: 'record.void', at: at('2026-12-07', '09:58'), targetClientId: voided.clientId, reason: '户号输错' },
    ]);
    // 7 December at the township's station: one bill.
    await batch('township', LEHONG_STATION, [bill('2026-12-07', '09:30', { name: '张国强' }, 4_000, 0)]);

    // Parcels: one comes down to the point and arrives on the 7th; one goes up from the point on the 7th.
    const waybillNo = `SF${Date.now().toString().slice(-8)}`;
    await ok('courier', 'POST', '/logistics/manifests', { carrier: 'yunda', parcels: [{ waybillNo, recipientName: '马春花', recipientPhone: '13912349999', address: ADDRESS }] });
    await ok('courier', 'POST', '/logistics/scans/batch', { scans: [{ eventId: cid('rcv'), waybillNo, type: 'received_county', at: at('2026-12-07', '06:00') }] });
    await ok('village', 'POST', '/logistics/scans/batch', { scans: [{ eventId: cid('arr'), waybillNo, type: 'arrived_village', at: at('2026-12-07', '09:45') }] });
    await ok('village', 'POST', '/logistics/shipments', { originSiteId: OWN_POINT, description: '青花椒 20 斤', weightG: 10_000, recipient: { name: '陈立', phone: '13600136000', address: '昆明市盘龙区北京路 88 号' } });
    while ((await t.events.runOnce()) > 0);
  }, 240_000);
  afterAll(() => t?.close());

  /** What the point did, as the figures must say it (every amount in fen). */
  const POINT_ROW = {
    key: OWN_POINT,
    name: '乐红村电商服务点',
    townshipName: '乐红镇',
    siteKind: 'village_point',
    services: services({
      bill: { count: 3, amountFen: 21_000 },
      ticket: { count: 1, amountFen: 2_500 },
      cash_withdrawal: { count: 1, amountFen: 20_000 },
      proxy_buy: { count: 1, amountFen: 8_800 },
      loan_referral: { count: 1, amountFen: 3_000_000 },
    }),
    servicesTotal: 7,
    amountFen: 3_052_300,
    // Bills 200 + 100 + 100, the ticket 300, the withdrawal 150 (paid by the bank), the 代买 hand-over 500; not the voided bill's.
    feeFen: 1_350,
    parcelsIn: 1,
    parcelsOut: 1,
    // 6 Dec: 马春梅 and 王德发; 7 Dec: 李桂英 and 马春梅 (王德发's only record was voided).
    peopleServed: 4,
    poorServed: 2,
    daysClosed: 1,
    daysWithDifference: 1,
  };
  const STATION_ROW = {
    key: LEHONG_STATION,
    name: '乐红镇电商服务站',
    townshipName: '乐红镇',
    siteKind: 'township_station',
    services: services({ bill: { count: 1, amountFen: 4_000 } }),
    servicesTotal: 1,
    amountFen: 4_000,
    feeFen: 0,
    parcelsIn: 0,
    parcelsOut: 0,
    peopleServed: 1,
    poorServed: 0,
    daysClosed: 0,
    daysWithDifference: 0,
  };

  it('sums each point’s services, money, parcels, people and closed days, and lists the points that did nothing', async () => {
    const answer = await figures('county', `${span}&groupBy=site`);
    expect(answer).toMatchObject({ from: '2026-12-06', to: '2026-12-07', groupBy: 'site' });
    const byKey = new Map(answer.rows.map((r) => [r.key, r]));
    expect(byKey.get(OWN_POINT)).toEqual(POINT_ROW);
    expect(byKey.get(LEHONG_STATION)).toEqual(STATION_ROW);
    // Every operating station and point of the county has a row; the idle ones are all zero.
    const sites = (await ok('county', 'GET', '/network/sites?status=operating&limit=500')).items as { id: string; kind: string }[];
    const tills = sites.filter((s) => s.kind === 'village_point' || s.kind === 'township_station');
    expect(answer.rows).toHaveLength(tills.length);
    const idle = answer.rows.find((r) => r.key !== OWN_POINT && r.key !== LEHONG_STATION)!;
    expect(idle).toMatchObject({ servicesTotal: 0, amountFen: 0, peopleServed: 0, daysClosed: 0 });
    expect(answer.total).toEqual({
      ...POINT_ROW,
      key: 'total',
      name: '合计',
      townshipName: null,
      siteKind: null,
      services: services({ ...POINT_ROW.services, bill: { count: 4, amountFen: 25_000 } }),
      servicesTotal: 8,
      amountFen: 3_056_300,
      peopleServed: 5,
    });
  });

  it('gives totals that the records themselves add up to (GET /stations/records)', async () => {
    const records: RecordView[] = [];
    let cursor: string | null = null;
    do {
      const page = await ok('county', 'GET', `/stations/records?from=2026-12-06&to=2026-12-07&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      records.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const live = records.filter((r) => !r.voided && !['day.open', 'day.close', 'record.void'].includes(r.type));
    const served = live.filter((r) => r.service !== null);
    const people = new Set(served.map((r) => `${r.siteId}|${r.day}|${r.customer!.id}`));
    const poor = new Set(served.filter((r) => r.customer!.poor).map((r) => `${r.siteId}|${r.day}|${r.customer!.id}`));
    const { total } = await figures('county', span);
    expect({ servicesTotal: total.servicesTotal, amountFen: total.amountFen, feeFen: total.feeFen, peopleServed: total.peopleServed, poorServed: total.poorServed }).toEqual({
      servicesTotal: served.length,
      amountFen: served.reduce((n, r) => n + r.amountFen, 0),
      feeFen: live.reduce((n, r) => n + r.feeFen, 0),
      peopleServed: people.size,
      poorServed: poor.size,
    });
    for (const kind of KINDS) {
      const of = served.filter((r) => r.service === kind);
      expect(total.services[kind], kind).toEqual({ count: of.length, amountFen: of.reduce((n, r) => n + r.amountFen, 0) });
    }
  });

  it('groups by township, by kind with Chinese names, and by day, with the same total', async () => {
    const site = await figures('county', span);
    const township = await figures('county', `${span}&groupBy=township`);
    expect(township.total).toEqual(site.total);
    expect(township.rows.find((r) => r.key === LEHONG)).toMatchObject({ name: '乐红镇', servicesTotal: 8, amountFen: 3_056_300, feeFen: 1_350, parcelsIn: 1, parcelsOut: 1, peopleServed: 5, poorServed: 2, daysClosed: 1, daysWithDifference: 1 });
    expect(township.rows.filter((r) => r.key !== LEHONG).every((r) => r.servicesTotal === 0)).toBe(true);

    const kinds = await figures('county', `${span}&groupBy=service`);
    expect(kinds.total).toEqual(site.total);
    expect(kinds.rows.map((r) => [r.name, r.servicesTotal, r.amountFen, r.feeFen, r.peopleServed, r.poorServed])).toEqual([
      ['代买', 1, 8_800, 500, 1, 0],
      ['代卖', 0, 0, 0, 0, 0],
      ['收购', 0, 0, 0, 0, 0],
      ['缴费', 4, 25_000, 400, 3, 2],
      ['票务', 1, 2_500, 300, 1, 0],
      ['助农取款', 1, 20_000, 150, 1, 0],
      ['贷款推荐', 1, 3_000_000, 0, 1, 1],
      ['农资', 0, 0, 0, 0, 0],
    ]);

    const days = await figures('county', `${span}&groupBy=day`);
    expect(days.total).toEqual(site.total);
    expect(days.rows.map((r) => [r.key, r.servicesTotal, r.amountFen, r.parcelsIn, r.parcelsOut, r.peopleServed, r.daysClosed])).toEqual([
      ['2026-12-06', 4, 37_500, 0, 0, 2, 1],
      ['2026-12-07', 4, 3_018_800, 1, 1, 3, 0],
    ]);
  });

  it('counts a parcel once however often its event is delivered', async () => {
    await t.events.replay('stations.parcel-days');
    while ((await t.events.runOnce()) > 0);
    const row = (await figures('county', `${span}&siteId=${OWN_POINT}`)).rows[0]!;
    expect([row.parcelsIn, row.parcelsOut]).toEqual([1, 1]);
    expect((await t.events.positions()).find((p) => p.name === 'stations.parcel-days')).toMatchObject({ lastError: null, failures: 0 });
  });

  it('answers each caller in its own sight: a point its own, a township its station and points, the county and regulators all', async () => {
    const village = await figures('village', span);
    expect(village.rows).toEqual([POINT_ROW]);
    expect(village.total).toMatchObject({ servicesTotal: 7, amountFen: 3_052_300 });
    expect((await call('village', 'GET', `/stations/figures?${span}&siteId=${LEHONG_STATION}`)).statusCode).toBe(403);
    expect((await call('village', 'GET', `/stations/figures?${span}&township=530621101`)).statusCode).toBe(403);

    const township = await figures('township', span);
    expect(township.rows.every((r) => r.townshipName === '乐红镇')).toBe(true);
    expect(township.rows[0]).toEqual(STATION_ROW); // its station first
    expect(township.total).toMatchObject({ servicesTotal: 8 });
    expect((await call('township', 'GET', `/stations/figures?${span}&township=530621101`)).statusCode).toBe(403);
    const elsewhere = (await figures('county', `${span}&township=530621101`)).rows[0]!;
    expect((await call('township', 'GET', `/stations/figures?${span}&siteId=${elsewhere.key}`)).statusCode).toBe(403);
    expect((await figures('township', `${span}&siteId=${OWN_POINT}`)).rows).toEqual([POINT_ROW]);

    expect((await figures('regulator', `${span}&township=${LEHONG}`)).total).toEqual(township.total);
    expect((await call('merchant', 'GET', `/stations/figures?${span}`)).statusCode).toBe(403);
    expect((await call(null, 'GET', `/stations/figures?${span}`)).statusCode).toBe(401);
  });

  it('refuses a span that ends before it begins, a date that does not exist, and more than 366 days, naming the field', async () => {
    const bad = async (query: string, field: string) => {
      const res = await call('county', 'GET', `/stations/figures?${query}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toContain(field);
    };
    await bad('from=2026-12-07&to=2026-12-06', 'querystring.to');
    await bad('from=2026-02-30&to=2026-03-01', 'from');
    await bad('from=2025-12-06&to=2026-12-07', 'querystring.to');
    await bad('groupBy=village', 'groupBy');
    // Without a span: this month so far.
    expect(await figures('county', 'groupBy=day')).toMatchObject({ from: '2026-12-01', to: '2026-12-07' });
  });

  it('exports 按站点, 按乡镇 and 按服务类型 with Chinese headers, yuan to the fen and a totals row equal to the figures', async () => {
    const res = await call('county', 'GET', `/stations/figures.xlsx?${span}&township=${LEHONG}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toBe('乐红镇站点服务统计（2026-12-06至2026-12-07）.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['按站点', '按乡镇', '按服务类型', '说明']);
    const values = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    const bySite = book.getWorksheet('按站点')!;
    const header = values(bySite, 1);
    expect(header.slice(0, 5)).toEqual(['站点', '乡镇', '类型', '服务人次', '代买（笔）']);
    const col = (name: string) => header.indexOf(name) + 1;
    const pointRow = [...Array(bySite.rowCount).keys()].map((i) => i + 1).find((n) => bySite.getRow(n).getCell(1).value === '乐红村电商服务点')!;
    expect(bySite.getRow(pointRow).getCell(col('类型')).value).toBe('村级服务点');
    expect(bySite.getRow(pointRow).getCell(col('服务金额（元）')).value).toBe(30_523);
    expect(bySite.getRow(pointRow).getCell(col('手续费（元）')).value).toBe(13.5);
    expect(bySite.getRow(pointRow).getCell(col('手续费（元）')).numFmt).toBe('#,##0.00');
    const last = bySite.getRow(bySite.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    expect([last.getCell(col('服务人次')).value, last.getCell(col('缴费（笔）')).value, last.getCell(col('服务金额（元）')).value, last.getCell(col('到件（件）')).value, last.getCell(col('现金有差额（天）')).value]).toEqual([8, 4, 30_563, 1, 1]);
    expect(last.getCell(col('服务金额（元）')).numFmt).toBe('#,##0.00');

    const byTownship = book.getWorksheet('按乡镇')!;
    expect(values(byTownship, 2).slice(0, 2)).toEqual(['乐红镇', 8]);
    const byKind = book.getWorksheet('按服务类型')!;
    expect(values(byKind, 1)).toEqual(['服务类型', '笔数', '金额（元）', '手续费（元）', '服务群众（人次，按日去重）', '其中贫困户（人次）']);
    expect(values(byKind, 5)).toEqual(['缴费', 4, 250, 4, 3, 2]);
    expect(values(byKind, byKind.rowCount)).toEqual(['合计', 8, 30_563, 13.5, 5, 2]);

    expect((await call('merchant', 'GET', `/stations/figures.xlsx?${span}`)).statusCode).toBe(403);
    expect((await call('village', 'GET', `/stations/figures.xlsx?${span}&township=530621101`)).statusCode).toBe(403);
  });
});
