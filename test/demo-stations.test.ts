/**
 * The 站点服务 demo on both engines: a month at five places in three townships written through the records batch,
 * every day closed on the figures the server stores, one day short with its reason, figures in three townships, the
 * statistics' station_services equal to the demo's services, 杨永福's pesticide beside his farm records, today open at
 * demo.village's point; written once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModules } from '../src/app.js';
import { loadDemoStations } from '../src/flows/load-demo-stations.js';
import type { Clock } from '../src/kernel/clock.js';
import { systemContext } from '../src/kernel/context.js';
import { buildTestApp, engines, signIn, TEST_DATA_KEY, type TestApp } from './helpers.js';

const POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, demo.village's
// The demo's "now": 20 November 2026, 12:00 in Shanghai, so the month is 21 October – 19 November and today the 20th.
const NOW = new Date('2026-11-20T04:00:00.000Z');
const FROM = '2026-10-21';
const YESTERDAY = '2026-11-19';
const TODAY = '2026-11-20';

interface Day {
  siteId: string;
  siteName: string;
  day: string;
  status: string;
  openingCashFen: number;
  cashInFen: number;
  cashOutFen: number;
  expectedCashFen: number;
  countedCashFen: number | null;
  differenceFen: number | null;
  reason: string | null;
  services: number;
}
interface Rec {
  type: string;
  service: string | null;
  cashInFen: number;
  cashOutFen: number;
  voided: boolean;
  customer: { name: string; poor: boolean } | null;
  receiptCode: string | null;
  clientId: string;
  details: { providerStatus?: string; providerMessage?: string | null; refund?: { clientId: string } } | null;
}

describe.each(engines())('Ludian stations demo on %s', (engine) => {
  let t: TestApp;
  let loaded: { stationRecords: number };
  const headers: Record<string, { cookie: string }> = {};
  const get = async <T>(who: string, url: string): Promise<T> => {
    const res = await t.app.inject({ url: `/api/v1${url}`, headers: headers[who] });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json() as T;
  };
  const all = async <T>(who: string, url: string): Promise<T[]> => {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: T[]; nextCursor: string | null } = await get(who, `${url}${url.includes('?') ? '&' : '?'}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };

  beforeAll(async () => {
    // The network, accounts, trace (杨永福) as every demo start has them; the stations' month needs services at a clock.
    t = await buildTestApp(engine, { demo: true, demoLogistics: false });
    const modulesAt = (clock: Clock) => createModules(t.database, clock, { secureCookies: false, dataDir: '/nonexistent', dataKey: TEST_DATA_KEY });
    const users = Object.fromEntries((await t.database.db.selectFrom('identity_users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
    const started = performance.now();
    loaded = await loadDemoStations(modulesAt, users, NOW);
    console.info(`stations demo on ${engine}: ${loaded.stationRecords} records in ${Math.round(performance.now() - started)} ms`);
    while ((await t.events.runOnce()) > 0);
    for (const who of ['county', 'village']) headers[who] = await signIn(t.app, `demo.${who}`);
  }, 300_000);
  afterAll(() => t?.close());

  it('closes every day of the month at five places on the figures the server stores, the next day opening with what was counted', async () => {
    const days = await all<Day>('county', `/stations/days?from=${FROM}&to=${TODAY}`);
    const closed = days.filter((d) => d.status === 'closed');
    expect(new Set(closed.map((d) => d.siteId)).size).toBe(5);
    expect(closed).toHaveLength(5 * 30);
    expect(closed.every((d) => d.day >= FROM && d.day <= YESTERDAY)).toBe(true);
    const bySite = new Map<string, Day[]>();
    for (const d of closed) bySite.set(d.siteId, [...(bySite.get(d.siteId) ?? []), d]);
    for (const list of bySite.values()) {
      list.sort((a, b) => a.day.localeCompare(b.day));
      for (const [i, d] of list.entries()) {
        expect(d.expectedCashFen).toBe(d.openingCashFen + d.cashInFen - d.cashOutFen);
        expect(d.differenceFen).toBe(d.countedCashFen! - d.expectedCashFen);
        expect(d.services).toBeGreaterThan(0);
        if (i > 0) expect(d.openingCashFen, `${d.siteName} ${d.day}`).toBe(list[i - 1].countedCashFen);
      }
    }
    // A day's book adds up from its own records.
    for (const d of closed.filter((x) => x.siteId === POINT)) {
      const book = await get<Day & { records: Rec[] }>('county', `/stations/days/${d.siteId}/${d.day}`);
      const live = book.records.filter((r) => !r.voided);
      expect(live.reduce((s, r) => s + r.cashInFen, 0)).toBe(d.cashInFen);
      expect(live.reduce((s, r) => s + r.cashOutFen, 0)).toBe(d.cashOutFen);
      // A bill its provider refused keeps its cash in the day but is not a service (as in the figures).
      expect(live.filter((r) => r.service && r.details?.providerStatus !== 'refused').length).toBe(d.services);
      expect(live[0]?.type === 'day.open' || live.some((r) => r.type === 'day.open')).toBe(true);
    }
  });

  it('has exactly one day with a cash difference, at demo.village’s point, with its reason', async () => {
    const days = await all<Day>('county', `/stations/days?from=${FROM}&to=${TODAY}`);
    const differing = days.filter((d) => d.differenceFen !== null && d.differenceFen !== 0);
    expect(differing).toHaveLength(1);
    expect(differing[0]).toMatchObject({ siteId: POINT, siteName: '乐红村电商服务点', differenceFen: -2_000, status: 'closed' });
    expect(differing[0].reason).toContain('找零错误');
    // The point's operator sees it in its own book.
    const own = await all<Day>('village', `/stations/days?siteId=${POINT}&from=${FROM}&to=${TODAY}`);
    expect(own.filter((d) => d.differenceFen)).toEqual([expect.objectContaining({ day: differing[0].day, differenceFen: -2_000 })]);
  });

  it('leaves today open at demo.village’s point with a few records, and has every kind of service in the month', async () => {
    const today = await get<Day & { records: Rec[] }>('village', `/stations/days/${POINT}/${TODAY}`);
    expect(today.status).toBe('open');
    expect(today.records.filter((r) => r.service).length).toBeGreaterThanOrEqual(3);
    const records = await all<Rec>('county', `/stations/records?from=${FROM}&to=${TODAY}`);
    const kinds = new Set(records.map((r) => r.service).filter(Boolean));
    expect([...kinds].sort()).toEqual(['bill', 'cash_withdrawal', 'consignment', 'farm_input', 'loan_referral', 'proxy_buy', 'purchase', 'ticket']);
    const types = new Set(records.map((r) => r.type));
    for (const type of ['proxy_buy.ordered', 'proxy_buy.parcel', 'proxy_buy.handover', 'proxy_buy.cancel', 'farm_input.stock_in']) expect(types.has(type), type).toBe(true);
    expect(records.some((r) => r.customer?.poor)).toBe(true);
    expect(records.filter((r) => r.service && r.receiptCode === null).map((r) => r.type)).toEqual([]);
    expect(records).toHaveLength(loaded.stationRecords);
  });

  it('shows figures in at least three townships, and the statistics count the demo’s services', async () => {
    const figures = await get<{ rows: { key: string; name: string; servicesTotal: number; amountFen: number }[] }>('county', `/stations/figures?from=${FROM}&to=${TODAY}&groupBy=township`);
    const busy = figures.rows.filter((r) => r.servicesTotal > 0 && r.amountFen > 0);
    expect(busy.map((r) => r.name)).toEqual(expect.arrayContaining(['乐红镇', '龙头山镇', '龙树镇']));
    // A bill its provider refused no longer counts (the demo has three, refunded later).
    const services = (await all<Rec>('county', `/stations/records?from=${FROM}&to=${TODAY}`)).filter((r) => r.service && !r.voided && r.details?.providerStatus !== 'refused').length;
    expect(figures.rows.reduce((s, r) => s + r.servicesTotal, 0)).toBe(services);
    let counted = 0;
    for (const period of ['2026-10', '2026-11']) {
      const res = await get<{ figures: { indicator: string; value: number | null }[] }>('county', `/stats/figures?grain=month&period=${period}`);
      counted += res.figures.find((f) => f.indicator === 'station_services')?.value ?? 0;
    }
    expect(counted).toBe(services);
  });

  it('has its bills accepted by the provider but three it does not have, each refunded on a later day', async () => {
    while ((await t.modules.stations.providerSubmitter.submitDue(new Date())).accepted > 0);
    const records = await all<Rec>('county', `/stations/records?from=${FROM}&to=${TODAY}`);
    const bills = records.filter((r) => r.type === 'bill.pay');
    const refused = bills.filter((r) => r.details?.providerStatus === 'refused');
    expect(bills.filter((r) => r.details?.providerStatus === 'accepted').length).toBe(bills.length - 3);
    expect(refused.map((r) => r.details?.providerMessage)).toEqual(Array(3).fill('户号不存在（已销户或输错），请核对缴费通知单'));
    const refunds = records.filter((r) => r.type === 'provider.refund');
    expect(refunds.map((r) => [r.cashOutFen, r.service])).toEqual(expect.arrayContaining(refused.map((r) => [r.cashInFen, null])));
    expect(refused.map((r) => r.details?.refund?.clientId).sort()).toEqual(refunds.map((r) => r.clientId).sort());
  });

  it('puts 杨永福’s pesticide beside his farm records, is the same month on every load, and is written only once', async () => {
    // Drawn from fixed seeds by days before now, so every load (any date) writes the same records.
    expect(loaded.stationRecords).toBe(1602);
    const producer = (await t.modules.trace.producers.list(systemContext('530621'), 100)).items.find((p) => p.name === '杨永福')!;
    const bought = await t.modules.stations.farmInputPurchases.ofProducer(producer.id, 10);
    expect(bought.items.map((p) => p.name)).toContain('多菌灵');
    const modulesAt = (clock: Clock) => createModules(t.database, clock, { secureCookies: false, dataDir: '/nonexistent', dataKey: TEST_DATA_KEY });
    expect(await loadDemoStations(modulesAt, {}, NOW)).toEqual({ stationRecords: 0 });
  });
});
