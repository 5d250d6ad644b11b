/**
 * The rollups' arithmetic on both engines from one fixed list of inputs (as stats_inputs keeps them, already
 * enriched): the same figures, asserted whole, on SQLite and PostgreSQL; a repeated delivery, a late event, a partial
 * refund, a refund before its payment, report corrections, distinct counts over quarters, and a rebuild that gives
 * back exactly what live application built.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsInput } from '../../src/modules/stats/index.js';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

const T1 = '530621110'; // 乐红镇
const V1 = '530621110205'; // 乐红村
const T2 = '530621101';
const names = { [T1]: '乐红镇', [V1]: '乐红村', [T2]: '文屏镇' };
const pepper = { name: '青花椒 特级', categoryId: 'cat_pepper', categoryName: '花椒', isProduce: true, brandId: 'brd_ludian_pepper', brandName: '鲁甸青花椒', pavilions: ['specialty'], traced: true };
const soap = { name: '肥皂', categoryId: 'cat_daily', categoryName: '日用百货', isProduce: false, brandId: null, brandName: null, pavilions: [], traced: false };

let seq = 1000;
const input = (type: string, payload: Record<string, unknown>, aggregateId = 'agg'): StatsInput => ({ seq: ++seq, type, version: 1, aggregateId, occurredAt: '2026-12-01T00:00:00.000Z', payload });
const paid = (orderId: string, paidAt: string, lines: [string, number][], opts: { buyer?: string | null; seller?: string; township?: string; village?: string | null; method?: string; total?: number } = {}) =>
  input(
    'orders.paid',
    {
      orderId,
      sellerId: opts.seller ?? 'sel_1',
      paidAt,
      lines: lines.map(([productId, lineFen]) => ({ productId, quantity: 1, lineFen })),
      buyerId: opts.buyer === undefined ? 'usr_a' : opts.buyer,
      paymentMethod: opts.method ?? 'online',
      pointSiteId: null,
      totalFen: opts.total ?? lines.reduce((n, [, f]) => n + f, 0),
      _x: { products: { prd_pepper: pepper, prd_soap: soap }, seller: { name: '乐红青花椒合作社', townshipCode: opts.township ?? T1, villageCode: opts.village === undefined ? V1 : opts.village }, names },
    },
    orderId,
  );
const refunded = (orderId: string, amountFen: number) => input('orders.refunded', { orderId, refundedAt: '2026-12-05T00:00:00.000Z', amountFen }, orderId);
const report = (shopId: string, month: string, salesFen: number, orders: number, produceFen: number, version: number) =>
  input('players.shop-month-reported', { reportId: `rpt_${shopId}_${month}_${version}`, shopId, playerId: 'ply_1', platform: 'taobao', month, salesFen, orders, produceFen, townshipCode: T1, villageCode: V1, version, reportedAt: '2026-12-01T00:00:00.000Z', source: 'form', _x: { names, playerKind: 'enterprise' } }, shopId);

/** The inputs, in the order they arrive. Shanghai is UTC+8: 2026-10-31T16:30Z is 1 November there. */
function inputs(): StatsInput[] {
  seq = 1000;
  return [
    paid('ord_1', '2026-11-03T02:00:00.000Z', [['prd_pepper', 10_000], ['prd_soap', 2_000]], { total: 12_800 }),
    paid('ord_2', '2026-10-31T16:30:00.000Z', [['prd_pepper', 5_000]], { buyer: 'usr_b', method: 'village_cash' }),
    paid('ord_3', '2026-11-03T05:00:00.000Z', [['prd_pepper', 3_000]], { buyer: 'usr_a', seller: 'sel_2', township: T2, village: null, method: 'cod' }),
    refunded('ord_3', 1_000), // a part of ord_3: money back in proportion, the order still counts
    refunded('ord_9', 700), // before its payment: kept until the payment comes
    paid('ord_9', '2026-12-02T01:00:00.000Z', [['prd_pepper', 700]], { buyer: null }),
    input('logistics.parcel-registered', { parcelId: 'pcl_1', direction: 'down', townshipCode: T1, villageCode: V1, pointSiteId: null, carrier: 'yunda', registeredAt: '2026-11-03T01:00:00.000Z', _x: { names } }, 'pcl_1'),
    input('logistics.parcel-registered', { parcelId: 'pcl_2', direction: 'up', townshipCode: T1, villageCode: V1, pointSiteId: null, carrier: null, registeredAt: '2026-11-03T01:00:00.000Z', _x: { names } }, 'pcl_2'),
    input('logistics.parcel-arrived', { parcelId: 'pcl_1', direction: 'down', townshipCode: T1, villageCode: V1, pointSiteId: null, arrivedAt: '2026-11-04T01:00:00.000Z', transitMinutes: 1440, onTime: true, _x: { names } }, 'pcl_1'),
    input('logistics.parcel-arrived', { parcelId: 'pcl_3', direction: 'down', townshipCode: T1, villageCode: V1, pointSiteId: null, arrivedAt: '2026-11-05T01:00:00.000Z', transitMinutes: 4000, onTime: false, _x: { names } }, 'pcl_3'),
    input('parties.seller-approved', { sellerId: 'sel_1', kind: 'cooperative', townshipCode: T1, villageCode: null, approvedAt: '2026-09-01T00:00:00.000Z', isPoorHousehold: false, _x: { names } }, 'sel_1'),
    input('parties.seller-approved', { sellerId: 'sel_2', kind: 'farmer', townshipCode: T2, villageCode: null, approvedAt: '2026-11-20T00:00:00.000Z', isPoorHousehold: true, _x: { names } }, 'sel_2'),
    input('parties.household-credited', { householdId: 'hh_1', orderId: 'ord_1', townshipCode: T1, villageCode: V1, amountFen: 1_000, creditedAt: '2026-11-03T02:00:00.000Z', _x: { names } }, 'hh_1'),
    input('parties.household-credit-reversed', { householdId: 'hh_1', orderId: 'ord_1', amountFen: 400, reversedAt: '2026-12-01T00:00:00.000Z' }, 'hh_1'),
    input('trace.complaint-filed', { complaintId: 'cmp_1', filedAt: '2026-11-06T00:00:00.000Z', productId: null, sellerId: null, townshipCode: T1, _x: { names } }, 'cmp_1'),
    input('players.player-registered', { playerId: 'ply_1', name: '鲁甸电商有限公司', kind: 'enterprise', townshipCode: T1, villageCode: V1, registeredAt: '2026-08-01T00:00:00.000Z', _x: { names } }, 'ply_1'),
    input('players.shop-opened', { shopId: 'shp_1', playerId: 'ply_1', platform: 'taobao', openedOn: '2026-08-02', townshipCode: T1, _x: { names } }, 'shp_1'),
    report('shp_1', '2026-11', 50_000, 10, 40_000, 1),
    report('shp_1', '2026-11', 60_000, 12, 45_000, 2), // a correction replaces version 1
    report('shp_1', '2026-11', 1, 1, 1, 1), // version 1 again, late: changes nothing
    report('shp_1', '2025-11', 20_000, 4, 20_000, 1), // last year's November, reported late: corrects its own month
  ];
}

type Fig = { indicator: string; value: number | null; previousPeriod: number | null; previousYear: number | null; momPct: number | null; yoyPct: number | null };

describe.each(engines())('statistics rollups on %s', (engine) => {
  let t: TestApp;
  let county: { cookie: string };
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false });
    county = await signIn(t.app, 'demo.county');
    // The demo's own events are left undelivered: only the fixed inputs count here.
    for (const i of inputs()) await t.modules.stats.rollups.store(i);
  }, 120_000);
  afterAll(() => t?.close());

  const get = async (url: string) => {
    const res = await t.app.inject({ url: `/api/v1${url}`, headers: county });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const figures = async (grain: string, period: string, place = ''): Promise<Record<string, Fig>> =>
    Object.fromEntries(((await get(`/stats/figures?grain=${grain}&period=${period}${place}`)).figures as Fig[]).map((f) => [f.indicator, f]));
  const values = (f: Record<string, Fig>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, f[k]!.value]));

  const KEYS = ['online_retail_fen', 'produce_online_retail_fen', 'platform_sales_fen', 'external_sales_fen', 'orders', 'buyers', 'sellers', 'active_shops', 'external_shops', 'ecommerce_enterprises', 'parcels_down', 'parcels_up', 'parcels_arrived', 'on_time_share', 'traced_produce_share', 'poor_households_benefiting', 'poor_household_income_fen', 'complaints', 'training_person_times'];

  it('gives November 2026 the same figures on every engine', async () => {
    const nov = await figures('month', '2026-11');
    expect(values(nov, KEYS)).toEqual({
      // platform: ord_1 12 000 + ord_2 5 000 (1 November in Shanghai) + ord_3 3 000 − 1 000 × 3 000 / 3 000 refunded; external: 60 000 (version 2)
      online_retail_fen: 12_000 + 5_000 + 2_000 + 60_000,
      produce_online_retail_fen: 10_000 + 5_000 + 2_000 + 45_000,
      platform_sales_fen: 19_000,
      external_sales_fen: 60_000,
      orders: 3 + 12,
      buyers: 2,
      sellers: 2,
      active_shops: 3,
      external_shops: 1,
      ecommerce_enterprises: 1,
      parcels_down: 1,
      parcels_up: 1,
      parcels_arrived: 2,
      on_time_share: 50,
      traced_produce_share: 100,
      poor_households_benefiting: 1,
      poor_household_income_fen: 600,
      complaints: 1,
      training_person_times: 0,
    });
    expect(nov.external_sales_fen).toMatchObject({ previousYear: 20_000, yoyPct: 200 });
    expect(nov.online_retail_fen).toMatchObject({ previousPeriod: 0, momPct: null, previousYear: 20_000, yoyPct: 295 });
  });

  it('counts a refund that came before its payment when the payment comes, and distinct counts once a quarter', async () => {
    const dec = await figures('month', '2026-12');
    expect(values(dec, ['online_retail_fen', 'orders', 'buyers'])).toEqual({ online_retail_fen: 0, orders: 0, buyers: 0 });
    const q4 = await figures('quarter', '2026-Q4');
    // usr_a bought in November twice (and nobody signed in bought in December): once in the quarter.
    expect(values(q4, ['online_retail_fen', 'orders', 'buyers', 'active_shops'])).toEqual({ online_retail_fen: 79_000, orders: 15, buyers: 2, active_shops: 3 });
    expect(values(await figures('day', '2026-11-01'), ['online_retail_fen', 'orders', 'external_sales_fen'])).toEqual({ online_retail_fen: 5_000, orders: 1, external_sales_fen: null });
  });

  it('answers a township and a village, and breakdowns with Chinese labels', async () => {
    expect(values(await figures('month', '2026-11', `&township=${T1}`), ['online_retail_fen', 'orders'])).toEqual({ online_retail_fen: 77_000, orders: 14 });
    expect(values(await figures('month', '2026-11', `&township=${T2}`), ['online_retail_fen', 'orders'])).toEqual({ online_retail_fen: 2_000, orders: 1 });
    expect(values(await figures('month', '2026-11', `&village=${V1}`), ['online_retail_fen', 'parcels_down', 'station_coverage'])).toEqual({ online_retail_fen: 77_000, parcels_down: 1, station_coverage: null });
    const channel = await get('/stats/breakdown?indicator=online_retail_fen&grain=month&period=2026-11&dim=channel');
    expect(channel.items).toEqual([
      { key: 'external', label: '外部平台填报', value: 60_000, share: 0.759, yoyPct: 200 },
      { key: 'online', label: '线上支付', value: 12_000, share: 0.152, yoyPct: null },
      { key: 'village_cash', label: '村点代购', value: 5_000, share: 0.063, yoyPct: null },
      { key: 'cod', label: '货到付款', value: 2_000, share: 0.025, yoyPct: null },
    ]);
    const township = await get('/stats/breakdown?indicator=online_retail_fen&grain=month&period=2026-11&dim=township');
    expect(township.items.map((i: { label: string; value: number }) => [i.label, i.value])).toEqual([['乐红镇', 77_000], ['文屏镇', 2_000]]);
    const category = await get('/stats/breakdown?indicator=produce_online_retail_fen&grain=year&period=2026&dim=category');
    expect(category.items.map((i: { label: string; value: number }) => [i.label, i.value])).toEqual([['花椒', 17_000]]);
    const series = await get('/stats/series?indicator=external_sales_fen&grain=month&from=2026-09&to=2026-12');
    expect(series.points).toEqual([{ period: '2026-09', value: 0 }, { period: '2026-10', value: 0 }, { period: '2026-11', value: 60_000 }, { period: '2026-12', value: 0 }]);
  });

  it('changes nothing when an input is delivered again', async () => {
    const before = await figures('year', '2026');
    for (const i of inputs()) await t.modules.stats.rollups.store(i);
    expect(await figures('year', '2026')).toEqual(before);
  });

  it('rebuilds from the stored inputs to exactly the figures live application built, with progress', async () => {
    // Coverage comes from the network's daily snapshot, which no input can make again: the rebuild keeps it.
    await t.modules.stats.snapshot.run();
    const periods: [string, string][] = [['month', '2026-11'], ['day', '2026-11-01'], ['quarter', '2026-Q4'], ['year', '2025'], ['month', '2026-12'], ['year', '2099']];
    const before = await Promise.all(periods.map(([g, p]) => figures(g, p)));
    expect(before[4]!.point_coverage!.value).toBeGreaterThan(0);
    const breakdown = await get('/stats/breakdown?indicator=online_retail_fen&grain=year&period=2026&dim=product');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/stats/rebuilds', headers: county });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ state: 'queued', total: inputs().length, done: 0, percent: 0 });
    // An order paid while the rebuild waits is stored, not applied: the rebuild reaches it.
    const late = { ...paid('ord_during', '2026-11-10T02:00:00.000Z', [['prd_soap', 900]]), seq: 5000 };
    await t.modules.stats.rollups.store(late);
    expect((await figures('month', '2026-11')).online_retail_fen!.value).toBe(before[0]!.online_retail_fen!.value);
    // The job's own work (the job runner's tick runs it the same way: test/crash/stats-rebuild-kill.test.ts).
    await t.modules.stats.rebuilds.run(res.json().id);
    expect((await figures('month', '2026-11')).online_retail_fen!.value).toBe(before[0]!.online_retail_fen!.value! + 900);
    // After the rebuild, events are applied as they come again.
    await t.modules.stats.rollups.store({ ...paid('ord_after', '2026-11-11T02:00:00.000Z', [['prd_soap', 100]]), seq: 5001 });
    expect((await figures('month', '2026-11')).online_retail_fen!.value).toBe(before[0]!.online_retail_fen!.value! + 1000);
    for (const l of [{ ...refunded('ord_during', 900), seq: 5002 }, { ...refunded('ord_after', 100), seq: 5003 }]) await t.modules.stats.rollups.store(l);
    expect((await get('/stats/rebuilds/latest')).rebuild).toMatchObject({ state: 'done', done: inputs().length + 1, total: inputs().length + 1, percent: 100 });
    expect(await Promise.all(periods.map(([g, p]) => figures(g, p)))).toEqual(before);
    expect(await get('/stats/breakdown?indicator=online_retail_fen&grain=year&period=2026&dim=product')).toEqual(breakdown);
  });
});
