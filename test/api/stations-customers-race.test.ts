import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheck } from '../../src/modules/parties/index.js';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const OWN_POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, demo.village's

let serial = 0;
const clientId = (label: string) => `${label}-${Date.now().toString(36)}-${++serial}`.padEnd(8, '0');
const idNumber = (n: number) => {
  const first = `53062119850612${String(100 + n).padStart(3, '0')}`;
  return first + residentIdCheck(first);
};
const SURNAMES = ['杨', '李', '张', '王', '陈', '刘', '赵', '周', '吴', '孙'];
const GIVEN = ['秀英', '永福', '春兰', '国华', '桂芳', '明亮'];
/** A name no other round uses (n < 60), so each round's villager is new to the site. */
const villagerName = (n: number) => `${SURNAMES[n % SURNAMES.length]}${GIVEN[Math.floor(n / SURNAMES.length)]}`;

/**
 * Records are applied under the lock of their site and day, so two batches of one site for two different days run
 * side by side. Each names the same villager, new to the site: she must be recorded once (one customer, both
 * records hers), or the people served and her statement would count her twice.
 */
describe.each(engines())('stations customers: a new villager named by two parallel batches of one site is recorded once, on %s', (engine) => {
  let t: TestApp;
  let village: { cookie: string };
  // 8 Dec 2026, 10:00 in Shanghai: "today" is 8 Dec, "yesterday" 7 Dec.
  const clock = manualClock('2026-12-08T02:00:00.000Z');
  const minutesAgo = (m: number) => new Date(clock.now().getTime() - m * 60_000).toISOString();

  const bill = (at: string, customer: { name: string; phone?: string; idNumber?: string }) => ({
    clientId: clientId('bill'),
    type: 'bill.pay',
    at,
    customer,
    service: 'electricity',
    providerId: 'yn_power',
    accountNo: '5306210123',
    amountFen: 5_000,
    feeFen: 0,
    paidBy: 'cash',
  });
  const send = (record: ReturnType<typeof bill>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/stations/records/batch', headers: village, payload: { siteId: OWN_POINT, records: [record] } });
  const rowsNamed = async (name: string) =>
    Number((await sql<{ n: number }>`select count(*) as n from stations_customers where site_id = ${OWN_POINT} and name = ${name}`.execute(t.database.db)).rows[0].n);

  /** Today's and yesterday's batch at once, each for the villager; answers her customer id in each record. */
  async function round(customer: { name: string; phone?: string; idNumber?: string }) {
    const [today, yesterday] = await Promise.all([send(bill(minutesAgo(5), customer)), send(bill(minutesAgo(24 * 60), customer))]);
    return [today, yesterday].map((res) => {
      expect(res.statusCode, res.body).toBe(200);
      const [outcome] = res.json().outcomes;
      expect(outcome.status, res.body).toBe('stored');
      return outcome.record.customer.id as string;
    });
  }

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    village = await signIn(t.app, 'demo.village');
  }, 180_000);
  afterAll(() => t?.close());

  it('records a villager named by her ID number once, however the two days’ batches interleave', async () => {
    for (let n = 0; n < 20; n++) {
      const name = villagerName(n);
      const ids = await round({ name, phone: `1391000${String(1000 + n)}`, idNumber: idNumber(n) });
      expect(ids[0], `round ${n}: ${name}`).toBe(ids[1]);
      expect(await rowsNamed(name), `round ${n}: ${name}`).toBe(1);
    }
    // The desk (what the phone offers to pick from) lists each of them once.
    const desk = (await t.app.inject({ method: 'GET', url: `/api/v1/stations/desk?siteId=${OWN_POINT}`, headers: village })).json();
    const names = desk.customers.map((c: { name: string }) => c.name).filter((n: string) => Array.from({ length: 20 }, (_, i) => villagerName(i)).includes(n));
    expect(names.length).toBe(20);
    expect(new Set(names).size).toBe(20);
  }, 120_000);

  it('records a villager named by her phone only once', async () => {
    for (let n = 20; n < 30; n++) {
      const name = villagerName(n);
      const ids = await round({ name, phone: `1392000${String(1000 + n)}` });
      expect(ids[0], `round ${n}: ${name}`).toBe(ids[1]);
      expect(await rowsNamed(name), `round ${n}: ${name}`).toBe(1);
    }
  }, 120_000);
});
