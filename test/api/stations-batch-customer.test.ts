import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const OWN_POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, demo.village's

let serial = 0;
const clientId = (label: string) => `${label}-${Date.now().toString(36)}-${++serial}`.padEnd(8, '0');

/**
 * The batch as a whole: a service record for a villager without `customer` or `customerId` is 400 naming
 * `body.records[i].customer` before anything is applied (never a 500 half-way); a point suspended in the network
 * records no more at once (403), not after the stations' cached reading of the network expires.
 */
describe.each(engines())('stations batch: customers required, suspended points refused at once, on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  // 8 Dec 2026, 10:00 in Shanghai.
  const clock = manualClock('2026-12-08T02:00:00.000Z');
  const now = (minutes = 0) => new Date(clock.now().getTime() + minutes * 60_000).toISOString();

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: as[who], payload: payload as object });
  const storedClientIds = async () =>
    (await call('village', 'GET', `/stations/records?siteId=${OWN_POINT}&limit=500`)).json().items.map((r: { clientId: string }) => r.clientId);

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    for (const who of ['county', 'village']) as[who] = await signIn(t.app, `demo.${who}`);
  }, 180_000);
  afterAll(() => t?.close());

  it('answers 400 naming the record’s customer when a service for a villager names none, and applies nothing of the batch', async () => {
    const good = { clientId: clientId('bill'), type: 'bill.pay', at: now(-5), customer: { name: '赵永华' }, service: 'electricity', providerId: 'yn_power', accountNo: '5306210123', amountFen: 100, feeFen: 0, paidBy: 'cash' };
    const without: unknown[] = [
      { clientId: clientId('cin'), type: 'consignment.intake', at: now(-4), produce: 'pepper', grade: 'first', weightG: 5_000, priceFenPerKg: 6_000 },
      { clientId: clientId('pay'), type: 'consignment.payout', at: now(-4), amountFen: 1_000 },
      { clientId: clientId('cash'), type: 'cash.withdraw', at: now(-4), providerId: 'ld_rcb', cardTail: '6621', amountFen: 10_000, feeFen: 0 },
      { clientId: clientId('fi'), type: 'farm_input.sale', at: now(-4), inputId: 'anything', quantity: 1 },
    ];
    for (const bad of without) {
      const res = await call('village', 'POST', '/stations/records/batch', { siteId: OWN_POINT, records: [good, bad] });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message, res.body).toMatch(/^body\.records\[1\]\.customer\b/);
    }
    expect(await storedClientIds()).not.toContain(good.clientId);

    // A customer of the desk by its id is a customer: the record is applied (refused here, the id is not this site's).
    const byId = { clientId: clientId('pay'), type: 'consignment.payout', at: now(-3), customerId: 'scus_not_here', amountFen: 1_000 };
    const res = await call('village', 'POST', '/stations/records/batch', { siteId: OWN_POINT, records: [good, byId] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().outcomes.map((o: { status: string; code: string | null }) => [o.status, o.code])).toEqual([
      ['stored', null],
      ['refused', 'UNKNOWN_REFERENCE'],
    ]);
  });

  it('refuses a batch at a point suspended in the network at once (403), while the stations’ reading of the network is fresh', async () => {
    // The point records: the stations have read the network now.
    const first = await call('village', 'POST', '/stations/records/batch', { siteId: OWN_POINT, records: [{ clientId: clientId('bill'), type: 'bill.pay', at: now(-2), customer: { name: '周明' }, service: 'water', providerId: 'ld_water', accountNo: '12345678', amountFen: 3_600, feeFen: 0, paidBy: 'cash' }] });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().outcomes[0].status).toBe('stored');

    const suspended = await call('county', 'PATCH', `/network/sites/${OWN_POINT}`, { status: 'suspended', statusNote: '整改' });
    expect(suspended.statusCode, suspended.body).toBe(200);
    // No time passes: the next batch is refused, not after the cached reading expires.
    const late = { clientId: clientId('bill'), type: 'bill.pay', at: now(-1), customer: { name: '周明' }, service: 'water', providerId: 'ld_water', accountNo: '12345678', amountFen: 3_600, feeFen: 0, paidBy: 'cash' };
    const refused = await call('village', 'POST', '/stations/records/batch', { siteId: OWN_POINT, records: [late] });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(await storedClientIds()).not.toContain(late.clientId);

    // Operating again: it records again, at once.
    expect((await call('county', 'PATCH', `/network/sites/${OWN_POINT}`, { status: 'operating', statusNote: '整改完成' })).statusCode).toBe(200);
    const again = await call('village', 'POST', '/stations/records/batch', { siteId: OWN_POINT, records: [late] });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().outcomes[0].status).toBe('stored');
  });
});
