import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheck, organisationCodeCheck, residentIdCheck } from '../../src/modules/parties/index.js';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

let serial = 0;
/** A valid credit code (both check characters right), different on every call. */
function creditCode(): string {
  const org = `MA7R${String(1000 + (serial++ % 9000))}`;
  const first17 = `93530621${org}${organisationCodeCheck(org)}`;
  return first17 + creditCodeCheck(first17);
}
/** A valid resident ID number, different on every call. */
function residentId(): string {
  serial++;
  const first17 = `5306211990${String(1 + (serial % 9)).padStart(2, '0')}${String(10 + (serial % 18))}${String(100 + (serial % 900))}`;
  return first17 + residentIdCheck(first17);
}

const coop = (code: string) => ({ kind: 'cooperative', name: `测试合作社${serial}`, creditCode: code, contactName: '马建国', contactPhone: '13987001234', divisionCode: '530621110205', address: '乐红镇乐红村' });
const farmer = (id: string) => ({ kind: 'farmer', name: `测试农户${serial}`, idNumber: id, contactName: '张三', contactPhone: '13987005678', divisionCode: '530621110205', address: '乐红镇乐红村' });

describe.each(engines())('registering sellers and producers without taking numbers on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true });
    for (const who of ['county', 'merchant', 'village', 'township']) as[who] = await signIn(t.app, `demo.${who}`);
  });
  afterAll(() => t.close());

  const post = (url: string, who: string, payload?: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as[who], payload });
  const sellerCount = async () => Number((await t.database.db.selectFrom('parties_sellers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const producersIn = async (township: string) => (await t.database.db.selectFrom('trace_producers').select('id').where('division_code', 'like', `${township}%`).execute()).length;

  describe('sellers', () => {
    it('refuses a merchant a farmer application alike for a registered and a made-up ID number (no oracle, no squatting)', async () => {
      const id = residentId();
      const registered = await post('/parties/sellers', 'village', farmer(id));
      expect(registered.statusCode, registered.body).toBe(201);
      const before = await sellerCount();
      const taken = await post('/parties/sellers', 'merchant', farmer(id));
      const madeUp = await post('/parties/sellers', 'merchant', farmer(residentId()));
      for (const res of [taken, madeUp]) {
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.details.field).toBe('body.kind');
      }
      expect(await sellerCount()).toBe(before);
    });

    it('answers a merchant the same for a farmer already registered (the staff registering farmers still see 409)', async () => {
      const id = residentId();
      expect((await post('/parties/sellers', 'village', farmer(id))).statusCode).toBe(201);
      const asMerchant = await post('/parties/sellers', 'merchant', farmer(id));
      expect(asMerchant.statusCode).toBe(400);
      expect(asMerchant.json().error.details.field).toBe('body.kind');
      const asCounty = await post('/parties/sellers', 'county', farmer(id));
      expect(asCounty.statusCode).toBe(409);
      expect(asCounty.json().error.code).toBe('SELLER_EXISTS');
    });

    it('frees a number held by a rejected application; the rejected applicant then cannot resubmit it', async () => {
      const code = creditCode();
      const squat = await post('/parties/sellers', 'merchant', coop(code));
      expect(squat.statusCode, squat.body).toBe(201);
      expect((await post('/parties/sellers', 'county', coop(code))).json().error.code).toBe('SELLER_EXISTS');
      expect((await post(`/parties/sellers/${squat.json().id}/review`, 'county', { decision: 'reject', reason: '非本企业' })).statusCode).toBe(200);
      const real = await post('/parties/sellers', 'county', coop(code));
      expect(real.statusCode, real.body).toBe(201);
      const again = await post(`/parties/sellers/${squat.json().id}/resubmit`, 'merchant', { address: '乐红镇' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('SELLER_NUMBER_TAKEN');
    });

    it('frees a farmer ID number held by a rejected application', async () => {
      const id = residentId();
      const first = await post('/parties/sellers', 'village', farmer(id));
      expect((await post(`/parties/sellers/${first.json().id}/review`, 'county', { decision: 'reject', reason: '非本人' })).statusCode).toBe(200);
      expect((await post('/parties/sellers', 'county', farmer(id))).statusCode).toBe(201);
    });
  });

  describe('producers', () => {
    it('refuses a merchant a free farmer producer anywhere; nothing is numbered', async () => {
      const before = await producersIn('530621101');
      const res = await post('/trace/producers', 'merchant', { kind: 'farmer', name: 'x', divisionCode: '530621101001' });
      expect(res.statusCode, res.body).toBe(403);
      expect(await producersIn('530621101')).toBe(before);
    });

    it("keeps township and village operators to their own area", async () => {
      for (const who of ['township', 'village']) {
        const res = await post('/trace/producers', who, { kind: 'farmer', name: 'x', divisionCode: '530621101001' });
        expect(res.statusCode, who).toBe(400);
        expect(res.json().error.details.field).toBe('body.divisionCode');
      }
    });

    it('caps an account at 50 new producers a day (429 with Retry-After); the county office is not capped', async () => {
      for (let i = 0; i < 50; i++) {
        const res = await post('/trace/producers', 'village', { kind: 'farmer', name: `限额农户${i}`, divisionCode: '530621110205' });
        expect(res.statusCode, res.body).toBe(201);
      }
      const over = await post('/trace/producers', 'village', { kind: 'farmer', name: '限额农户51', divisionCode: '530621110205' });
      expect(over.statusCode).toBe(429);
      expect(over.json().error).toMatchObject({ code: 'PRODUCER_QUOTA', details: { retryAfterSeconds: expect.any(Number) } });
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      expect((await post('/trace/producers', 'county', { kind: 'farmer', name: '县里登记', divisionCode: '530621110205' })).statusCode).toBe(201);
    }, 60_000);
  });
});
