import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModules } from '../../src/app.js';
import { loadDemoData } from '../../src/flows/load-demo-data.js';
import type { Clock } from '../../src/kernel/clock.js';
import { systemContext } from '../../src/kernel/context.js';
import { buildTestApp, engines, signIn, TEST_DATA_KEY, type TestApp } from '../helpers.js';

const WHO = ['county', 'township', 'village', 'merchant', 'courier', 'regulator', 'trainer', 'consumer'] as const;
type Who = (typeof WHO)[number];
type Item = { key: string; count: number; amountFen?: number };
type Workbench = { name: string; place: string | null; blocks: { role: string; items: Item[] }[] };

/** The Shanghai calendar day `days` from now. */
const shanghaiDay = (days = 0) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));

/**
 * 工作台: every count equals what the pages it links to list through the public API, for the same caller — so a
 * village point sees its own parcels and a township its own points.
 */
describe.each(engines())('workbench on %s', (engine) => {
  let t: TestApp;
  const as = {} as Record<Who, { cookie: string }>;
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true });
    for (const who of WHO) as[who] = await signIn(t.app, `demo.${who}`);
  }, 240_000);
  afterAll(() => t?.close());

  async function get<T>(who: Who, url: string): Promise<T> {
    const res = await t.app.inject({ url: `/api/v1${url}`, headers: as[who] });
    expect(res.statusCode, `${who} GET ${url}: ${res.body}`).toBe(200);
    return res.json() as T;
  }
  /** Every item of a paged list. */
  async function all<T>(who: Who, url: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const page: { items: T[]; nextCursor: string | null } = await get(who, `${url}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
  /** The 今日账本 card a till's operator should see: today's day in the daily book (no row yet: 未开账). */
  const stationDay = async (who: Who, siteId: string, siteName: string) => {
    const today = shanghaiDay(0);
    type Day = { status: 'open' | 'closed'; services: number; byService: Record<string, { count: number }>; expectedCashFen: number };
    const day = await get<Day>(who, `/stations/days/${siteId}/${today}`);
    const listed = await get<{ items: unknown[] }>(who, `/stations/days?siteId=${siteId}&from=${today}&to=${today}`);
    const kinds = ['proxy_buy', 'consignment', 'purchase', 'bill', 'ticket', 'cash_withdrawal', 'loan_referral', 'farm_input'];
    return {
      key: 'stationDay',
      count: day.services,
      amountFen: Math.max(0, day.expectedCashFen),
      stationDays: [
        {
          siteId,
          siteName,
          status: listed.items.length > 0 ? day.status : 'not_opened',
          services: day.services,
          byKind: kinds.filter((k) => day.byService[k]?.count).map((k) => ({ kind: k, count: day.byService[k]!.count })),
          expectedCashFen: day.expectedCashFen,
        },
      ],
    };
  };
  const counts = (bench: Workbench, role: string) => Object.fromEntries(bench.blocks.find((b) => b.role === role)!.items.map((i) => [i.key, i.count]));

  type Site = { status: string; operator: object | null };
  const pointFigures = (points: Site[]) => ({ operating: points.filter((p) => p.status === 'operating').length, notOperating: points.filter((p) => p.status !== 'operating').length, noOperator: points.filter((p) => !p.operator).length });

  it('the county office: promise breaches, overdue parcels, points without operator, sellers to review', async () => {
    const bench = await get<Workbench>('county', '/workbench');
    expect(bench.name).toBe('县工科局 电商办');
    expect(bench.place).toBe('鲁甸县');
    expect(bench.blocks.map((b) => b.role)).toEqual(['county_admin']);
    const promise = await get<{ overdue: number; atRisk: number; overall: { late: number } }>('county', '/logistics/promise');
    const points = pointFigures(await all<Site>('county', '/network/sites?kind=village_point'));
    const pending = await all('county', '/parties/sellers?status=pending');
    expect(counts(bench, 'county_admin')).toEqual({
      promiseBreaches: promise.overall.late,
      parcelsOverdue: promise.overdue,
      parcelsAtRisk: promise.atRisk,
      pointsWithoutOperator: points.noOperator,
      pointsNotOperating: points.notOperating,
      sellersToReview: pending.length,
    });
    // The demo week has late runs, points still being built and applications waiting.
    expect(promise.overall.late).toBeGreaterThan(0);
    expect(points.notOperating).toBe(3);
    expect(pending.length).toBeGreaterThan(0);
  });

  it('a township: its own points by state and its overdue parcels', async () => {
    const bench = await get<Workbench>('township', '/workbench');
    expect(bench.place).toBe('乐红镇');
    const points = await all<Site & { townshipCode: string }>('township', '/network/sites?kind=village_point');
    expect(new Set(points.map((p) => p.townshipCode))).toEqual(new Set(['530621110']));
    const figures = pointFigures(points);
    const promise = await get<{ overdue: number }>('township', '/logistics/promise');
    // 今日账本: today's book of its township's station, as the daily book answers it (issue 16's card).
    const book = await stationDay('township', 'site_ld2_530621110', '乐红镇电商服务站');
    expect(counts(bench, 'township_operator')).toEqual({ pointsOperating: figures.operating, pointsNotOperating: figures.notOperating, pointsWithoutOperator: figures.noOperator, parcelsOverdue: promise.overdue, stationDay: book.count });
    expect(bench.blocks.find((b) => b.role === 'township_operator')!.items.find((i) => i.key === 'stationDay')).toEqual(book);
    expect(figures.operating).toBeGreaterThan(0);
  });

  it('a village point: parcels to hand over, cash to collect, produce to send up, its farmers’ orders to ship', async () => {
    const bench = await get<Workbench>('village', '/workbench');
    expect(bench.place).toBe('乐红村电商服务点');
    // The API gives a village point its own parcels (by its village), as the 服务点收发 page lists them.
    const parcels = (status: string, direction = 'down') => all('village', `/logistics/parcels?direction=${direction}&status=${status}`);
    const atPoint = (await parcels('arrived_village')).length + (await parcels('notified')).length;
    const unpaid = await all<{ totalFen: number }>('village', '/orders?as=pickup&status=pending_payment');
    const toShip = (await all('village', '/orders?as=seller&status=paid')).length + (await all('village', '/orders?as=seller&status=confirmed')).length;
    const block = bench.blocks.find((b) => b.role === 'village_operator')!;
    expect(block.items).toEqual([
      { key: 'parcelsToHandOver', count: atPoint },
      { key: 'cashToCollect', count: unpaid.length, amountFen: unpaid.reduce((sum, o) => sum + o.totalFen, 0) },
      { key: 'produceToSendUp', count: (await parcels('opened', 'up')).length },
      { key: 'ordersToShip', count: toShip },
      await stationDay('village', 'site_ld3_530621110205', '乐红村电商服务点'),
    ]);
    // Five parcels a day come to 乐红村; the latest wait at the point.
    expect(atPoint).toBeGreaterThan(0);
  });

  it('a merchant: orders to ship, SKUs running low, certificates running out', async () => {
    const bench = await get<Workbench>('merchant', '/workbench');
    type Product = { status: string; sellerId: string; skus: { active: boolean; available: number }[]; certifications: { validTo: string }[] };
    const products = await all<Product>('merchant', '/catalog/manage/products');
    const lowStock = products.filter((p) => p.status === 'listed').flatMap((p) => p.skus).filter((k) => k.active && k.available < 10).length;
    const horizon = shanghaiDay(30);
    const certificates = products.flatMap((p) => p.certifications).filter((c) => c.validTo <= horizon).length;
    const mine = new Set((await all<{ id: string }>('merchant', '/parties/sellers')).map((s) => s.id));
    const brands = await all<{ id: string }>('merchant', '/catalog/brands');
    type Licence = { sellerId: string; validFrom: string; validTo: string; revokedAt: string | null };
    const licences = (await Promise.all(brands.map((b) => all<Licence>('county', `/catalog/brands/${b.id}/licences`)))).flat();
    const today = shanghaiDay(0);
    const expiringLicences = licences.filter((l) => mine.has(l.sellerId) && !l.revokedAt && l.validFrom <= today && l.validTo >= today && l.validTo <= horizon).length;
    const toShip = (await all('merchant', '/orders?as=seller&status=paid')).length + (await all('merchant', '/orders?as=seller&status=confirmed')).length;
    expect(counts(bench, 'merchant')).toEqual({ ordersToShip: toShip, lowStockSkus: lowStock, certificatesExpiring: certificates + expiringLicences });
    // The demo merchant's 青花椒 特级 certificate runs out in three weeks and its 花椒芽菜 is down to a few jars.
    expect(lowStock).toBeGreaterThan(0);
    expect(certificates).toBeGreaterThan(0);
  });

  it("a courier: today's runs and their stops", async () => {
    const bench = await get<Workbench>('courier', '/workbench');
    const runs = await all<{ id: string }>('courier', `/logistics/runs?date=${shanghaiDay(0)}`);
    const stops = (await Promise.all(runs.map((r) => get<{ stops: { signedAt: string | null }[] }>('courier', `/logistics/runs/${r.id}`)))).flatMap((r) => r.stops);
    expect(counts(bench, 'courier')).toEqual({ runsToday: runs.length, stopsToday: stops.length, stopsLeftToday: stops.filter((s) => !s.signedAt).length });
    expect(runs.length).toBeGreaterThan(0);
  });

  it('a regulator: reviews waiting, complaints, open recalls', async () => {
    const bench = await get<Workbench>('regulator', '/workbench');
    const reviews = await all('regulator', '/trace/refusals?pending=true');
    const complaints = await all('regulator', '/trace/complaints');
    const recalls = await all<{ status: string }>('regulator', '/trace/recalls');
    expect(counts(bench, 'regulator')).toEqual({ reviewsPending: reviews.length, complaints: complaints.length, recallsOpen: recalls.filter((r) => r.status === 'open').length });
    expect(reviews.length + complaints.length + recalls.length).toBeGreaterThan(0);
  });

  it('a trainer: the sessions to come that the training pages list for it, the next ones named, and this month’s person-times', async () => {
    type Session = { id: string; title: string; startsAt: string; endsAt: string; status: string; placeText: string };
    const now = new Date().toISOString();
    const upcoming = (await all<Session>('trainer', '/training/sessions?status=planned'))
      .filter((s) => new Date(s.endsAt).toISOString() >= now)
      .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
    expect(upcoming.length).toBeGreaterThan(0);
    const bench = await get<Workbench>('trainer', '/workbench');
    expect(counts(bench, 'trainer')).toEqual({ sessionsUpcoming: upcoming.length, personTimesThisMonth: 0 });
    const card = bench.blocks.find((b) => b.role === 'trainer')!.items[0] as Item & { sessions: { id: string; title: string }[] };
    expect(card.sessions.map((s) => s.title)).toEqual(upcoming.slice(0, 3).map((s) => s.title));
    // One of its enrolled trainees counted now (as a tick or scan would): this month's person-times move by one.
    const session = upcoming[0]!;
    const roster = await get<{ items: { trainee: { id: string } }[] }>('trainer', `/training/sessions/${session.id}/roster?limit=1`);
    const traineeId = roster.items[0]!.trainee.id;
    await t.database.db.transaction().execute((trx) => t.modules.training.personTimes.count(trx, { mode: 'onsite', traineeId, sessionId: session.id, method: 'tick', countedAt: now, countedBy: 'test' }));
    expect(counts(await get<Workbench>('trainer', '/workbench'), 'trainer')).toEqual({ sessionsUpcoming: upcoming.length, personTimesThisMonth: 1 });
  });

  it('a village point has cash to collect once the demo’s orders are written: this morning’s cash order at 乐红村', async () => {
    const modulesAt = (clock: Clock) => createModules(t.database, clock, { secureCookies: false, dataDir: '/nonexistent', dataKey: TEST_DATA_KEY });
    await loadDemoData(t.modules, systemContext('530621'), { modulesAt });
    const unpaid = await all<{ totalFen: number }>('village', '/orders?as=pickup&status=pending_payment');
    const cash = (await get<Workbench>('village', '/workbench')).blocks[0].items.find((i) => i.key === 'cashToCollect');
    expect(cash).toEqual({ key: 'cashToCollect', count: unpaid.length, amountFen: unpaid.reduce((sum, o) => sum + o.totalFen, 0) });
    expect(unpaid.length).toBeGreaterThan(0);
  }, 240_000);

  it('a user with two roles sees a block for each; a shopper has no workbench', async () => {
    const { id } = (await t.app.inject({ method: 'POST', url: '/api/v1/identity/users', headers: as.county, payload: { username: 'two.roles', displayName: '两个角色', password: 'two-roles-pass-1', roles: ['courier', 'regulator'], scope: { kind: 'county', id: '530621' } } })).json();
    expect(id).toBeTruthy();
    const both = await signIn(t.app, 'two.roles', 'two-roles-pass-1');
    const res = await t.app.inject({ url: '/api/v1/workbench', headers: both });
    expect(res.json().blocks.map((b: { role: string }) => b.role)).toEqual(['courier', 'regulator']);
    const shopper = await t.app.inject({ url: '/api/v1/workbench', headers: as.consumer });
    expect(shopper.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/workbench' })).statusCode).toBe(401);
  });
});
