import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/kernel/context.js';
import { loadDemoData } from '../src/flows/load-demo-data.js';
import { createModules } from '../src/app.js';
import type { Clock } from '../src/kernel/clock.js';
import { buildTestApp, engines, signIn, TEST_DATA_KEY, type TestApp } from './helpers.js';

async function snapshot(t: TestApp) {
  const db = t.database.db;
  const [divisions, sites, history, users, audit, sellers, households, links, products, stock, parcels, events] = await Promise.all([
    db.selectFrom('network_divisions').selectAll().orderBy('id').execute(),
    db.selectFrom('network_sites').selectAll().orderBy('id').execute(),
    db.selectFrom('network_site_status_history').select(['site_id', 'status', 'effective_date']).orderBy('site_id').orderBy('id').execute(),
    db.selectFrom('identity_users').select(['id', 'username', 'password_hash', 'roles', 'scope_id']).orderBy('id').execute(),
    db.selectFrom('kernel_audit_log').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('parties_sellers').select(['id', 'name', 'status', 'credit_code', 'id_number_print']).orderBy('id').execute(),
    db.selectFrom('parties_households').select(['id', 'household_no', 'head_id_print', 'status']).orderBy('id').execute(),
    db.selectFrom('parties_household_links').select(['id', 'household_id', 'seller_id', 'share_bp']).orderBy('id').execute(),
    db.selectFrom('catalog_products').select(['id', 'name', 'status', 'brand_id']).orderBy('id').execute(),
    db.selectFrom('catalog_stock').selectAll().orderBy('sku_id').execute(),
    db.selectFrom('logistics_parcels').select(['id', 'status', 'waybill_no']).orderBy('id').execute(),
    db.selectFrom('logistics_events').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { divisions, sites, history, users, audit: Number(audit.n), sellers, households, links, products, stock, parcels, events: Number(events.n) };
}

describe.each(engines())('Ludian demo data on %s', (engine) => {
  let t: TestApp;
  // Building the whole demo takes 30-60 s on PostgreSQL on a busy machine: the hooks get an honest timeout.
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true });
  }, 180_000);
  afterAll(() => t?.close(), 60_000);

  it('changes nothing when loaded a second time', async () => {
    const first = await snapshot(t);
    // Loaded as the test app loaded it: without the drawn photos, which a first load without them would now add.
    await loadDemoData(t.modules, systemContext('530621'), { photos: false });
    expect(await snapshot(t)).toEqual(first);
  });

  it('puts a changed demo record back on reload', async () => {
    await t.modules.network.service.updateSite(systemContext('530621'), 'site_ld2_530621110', { name: '被改掉的名字', status: 'closed' });
    await loadDemoData(t.modules, systemContext('530621'), { photos: false });
    const site = await t.database.db.selectFrom('network_sites').selectAll().where('id', '=', 'site_ld2_530621110').executeTakeFirstOrThrow();
    expect(site).toMatchObject({ name: '乐红镇电商服务站', status: 'operating' });
  });

  it('has the demo sellers in their statuses, and two households in every poor village, each linked to a seller', async () => {
    const { sellers, households, links } = await snapshot(t);
    expect(sellers).toHaveLength(12);
    expect(sellers.filter((s) => s.status === 'approved')).toHaveLength(9);
    expect(sellers.filter((s) => s.status === 'suspended')).toHaveLength(1);
    expect(households).toHaveLength(76);
    expect(new Set(links.map((l) => l.household_id)).size).toBe(76);
  });

  it('has a catalogue of every seller\'s produce, with the regional brands on licensed sellers only', async () => {
    const { products, stock } = await snapshot(t);
    expect(products.length).toBeGreaterThanOrEqual(60);
    expect(stock.length).toBeGreaterThanOrEqual(150);
    const res = await t.app.inject({ url: `/api/v1/catalog/search?q=${encodeURIComponent('花椒')}&limit=100` });
    expect(res.json().total).toBeGreaterThan(5);
    expect(res.json().facets.brand.map((b: { label: string }) => b.label)).toContain('鲁甸青花椒');
  });

  it('writes months of order history once, crediting the poor households', async () => {
    const modulesAt = (clock: Clock) => createModules(t.database, clock, { secureCookies: false, dataDir: '/nonexistent', dataKey: TEST_DATA_KEY });
    const first = await loadDemoData(t.modules, systemContext('530621'), { modulesAt, photos: false });
    expect(first.orders).toBeGreaterThan(50);
    const days = await t.database.db.selectFrom('orders_orders').select('created_at').execute();
    const oldest = days.map((d: { created_at: string }) => d.created_at).sort()[0];
    expect(Date.now() - Date.parse(oldest)).toBeGreaterThan(90 * 86400_000);
    const ledger = await t.database.db.selectFrom('parties_ledger').select(({ fn }) => fn.sum<number>('credit_fen').as('fen')).executeTakeFirstOrThrow();
    expect(Number(ledger.fen)).toBeGreaterThan(0);
    expect((await loadDemoData(t.modules, systemContext('530621'), { modulesAt, photos: false })).orders).toBe(0);
    // With modulesAt the load writes every history a real first start writes (the stations' month is 1 600 records,
    // each its own transaction: 15-50 s on PostgreSQL on a busy machine).
  }, 180_000);

  it('has a week of parcels on routes for the townships, some late, some waiting for a person, produce gone up', async () => {
    const ctx = systemContext('530621');
    const { logistics } = t.modules;
    expect((await logistics.runs.routes(ctx, 500)).items.length).toBeGreaterThanOrEqual(11);
    const promise = await logistics.promise.summary(ctx, {});
    expect(promise.overall.arrived).toBeGreaterThan(100);
    expect(promise.overall.share).toBeGreaterThan(0.8);
    expect(promise.overall.share).toBeLessThan(1);
    expect((await logistics.parcels.list(ctx, { match: 'unmatched' }, 50)).items.length).toBeGreaterThan(0);
    expect((await logistics.parcels.list(ctx, { status: 'picked_up' }, 50)).items.length).toBeGreaterThan(20);
    expect((await logistics.parcels.list(ctx, { status: 'handed_to_carrier', direction: 'up' }, 50)).items.length).toBeGreaterThan(0);
    expect((await logistics.parcels.waiting(ctx, 3, 50)).items.length).toBeGreaterThan(0);
  });

  it('marks invented village names as demo and keeps the real ones unmarked', async () => {
    const rows = await t.database.db.selectFrom('network_divisions').select(['name', 'is_demo']).where('level', '=', 'village').execute();
    const byName = new Map(rows.map((r) => [r.name, r.is_demo]));
    expect(byName.get('红布村')).toBe(0);
    expect(byName.get('龙泉村')).toBe(0);
    expect(byName.get('大坪村')).toBe(1);
    expect(rows.length).toBeGreaterThanOrEqual(95);
  });
});

describe.each(engines())('Ludian training demo on %s', (engine) => {
  it('has the 2018 training history with modulesAt: the first milestones met, the 3 500 not, the follow-up and talent; loaded once', async () => {
    const t = await buildTestApp(engine);
    try {
      const modulesAt = (clock: Clock) => createModules(t.database, clock, { secureCookies: false, dataDir: '/nonexistent', dataKey: TEST_DATA_KEY });
      // The first load with modulesAt writes the history (no catalogue, so no orders' history to wait for). Through
      // services of their own: the app's training read the network's places when it started, before there were any.
      const loaded = await loadDemoData(modulesAt({ now: () => new Date() }), systemContext('530621'), { modulesAt, catalog: false, logistics: false, photos: false });
      expect(loaded).toMatchObject({ trainingSessions: 50, personTimes: 2566 });
      const db = t.database.db;
      const counts = async () => ({
        personTimes: Number((await db.selectFrom('training_person_times').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
        trainees: Number((await db.selectFrom('training_trainees').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
        sessions: Number((await db.selectFrom('training_sessions').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      });
      const first = await counts();
      expect(first.personTimes).toBe(2566);
      expect((await loadDemoData(modulesAt({ now: () => new Date() }), systemContext('530621'), { modulesAt, catalog: false, logistics: false, photos: false })).trainingSessions).toBe(0);
      expect(await counts()).toEqual(first);

      const county = await signIn(t.app, 'demo.county');
      const progress = (await t.app.inject({ url: '/api/v1/training/progress', headers: county })).json();
      const milestone = (id: string) => progress.milestones.find((m: { id: string }) => m.id === id);
      expect(milestone('tgt_training_stage1')).toMatchObject({ counted: 1818, status: 'met' });
      expect(milestone('tgt_training_half')).toMatchObject({ counted: 2379, status: 'met' });
      expect(milestone('tgt_training_all')).toMatchObject({ counted: 2566, status: 'missed' });
      expect(milestone('tgt_training_poor_half').status).toBe('met');
      expect(milestone('tgt_training_poor_all').status).toBe('missed');
      // About a tenth of the person-times are registered poor people; most are counted by ticks, one by a QR scan.
      expect(progress.cumulative.poor / progress.cumulative.personTimes).toBeGreaterThan(0.08);
      expect(progress.cumulative.poor / progress.cumulative.personTimes).toBeLessThan(0.14);
      const methods = await db.selectFrom('training_person_times').select(['method', ({ fn }) => fn.countAll().as('n')]).groupBy('method').execute();
      expect(Object.fromEntries(methods.map((m) => [m.method, Number(m.n)]))).toEqual({ qr: 2, tick: 2564 });

      // 马春梅 is the farmer seller (same ID number) and runs a shop elsewhere; demo.village's operator runs its point.
      const followUp = (await t.app.inject({ url: '/api/v1/training/follow-up?outcome=any&limit=100', headers: county })).json();
      const kinds = followUp.items.flatMap((i: { outcomes: { kind: string }[] }) => i.outcomes.map((o) => o.kind)).sort();
      expect(kinds).toEqual(['employed', 'point_operator', 'seller', 'shop', 'shop']);
      const talent = (await t.app.inject({ url: '/api/v1/training/talent', headers: county })).json();
      expect(talent.items.map((i: { status: string }) => i.status).sort()).toEqual(['awarded', 'nominated', 'supported', 'supported']);

      // demo.trainer teaches its school's sessions; three sessions ahead are open to every account.
      const trainer = await signIn(t.app, 'demo.trainer');
      const own = (await t.app.inject({ url: '/api/v1/training/sessions?limit=100', headers: trainer })).json();
      expect(own.items.length).toBeGreaterThanOrEqual(9);
      const open = (await t.app.inject({ url: '/api/v1/training/sessions/open', headers: await signIn(t.app, 'demo.consumer') })).json();
      expect(open.items).toHaveLength(3);
    } finally {
      await t.close();
    }
  }, 600_000);
});
