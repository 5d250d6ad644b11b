import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

const coop = {
  kind: 'cooperative',
  name: '鲁甸县乐红青花椒种植专业合作社',
  creditCode: '93530621MA6K001610',
  contactName: '马建国',
  contactPhone: '13987001234',
  divisionCode: '530621110205',
  address: '乐红镇乐红村',
  tags: ['returning_migrant'],
};
const farmer = { kind: 'farmer', name: '陈秀英（苹果）', idNumber: '53062119850315105X', contactName: '陈秀英', contactPhone: '13987005678', divisionCode: '530621103201', address: '龙头山镇龙泉村' };

describe.each(engines())('sellers and poor households on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true });
    for (const who of ['county', 'merchant', 'regulator', 'village', 'consumer']) as[who] = await signIn(t.app, `demo.${who}`);
  });
  afterAll(() => t.close());

  const post = (url: string, who: string, payload?: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as[who], payload });
  const get = (url: string, who?: string) => t.app.inject({ url: `/api/v1${url}`, headers: who ? as[who] : {} });
  let coopId = '';
  let farmerId = '';

  describe('applying', () => {
    it('refuses a credit code or ID number with a wrong check character, naming the field', async () => {
      const badCode = await post('/parties/sellers', 'merchant', { ...coop, creditCode: '93530621MA6K001611' });
      expect(badCode.statusCode).toBe(400);
      expect(badCode.json().error).toMatchObject({ code: 'CREDIT_CODE_INVALID', details: { field: 'body.creditCode' } });
      const badId = await post('/parties/sellers', 'village', { ...farmer, idNumber: '530621198503151051' });
      expect(badId.statusCode).toBe(400);
      expect(badId.json().error).toMatchObject({ code: 'ID_NUMBER_INVALID', details: { field: 'body.idNumber' } });
      const missing = await post('/parties/sellers', 'merchant', { ...coop, creditCode: undefined });
      expect(missing.json().error.details.field).toBe('body.creditCode');
    });

    it('takes an application, pending review, and refuses the same credit code twice', async () => {
      const res = await post('/parties/sellers', 'merchant', coop);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ status: 'pending', creditCode: coop.creditCode, contactPhone: coop.contactPhone });
      coopId = res.json().id;
      const again = await post('/parties/sellers', 'merchant', coop);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.details.field).toBe('body.creditCode');
    });

    it("keeps a farmer's ID number sealed: masked for everyone, whole only for the account managing the seller", async () => {
      const res = await post('/parties/sellers', 'village', farmer);
      expect(res.statusCode).toBe(201);
      farmerId = res.json().id;
      expect(res.json().idNumber).toBe('5306**********105X');
      const stored = await t.database.db.selectFrom('parties_sellers').selectAll().where('id', '=', farmerId).executeTakeFirstOrThrow();
      expect(JSON.stringify(stored)).not.toContain('53062119850315105X');
      const revealed = await get(`/parties/sellers/${farmerId}/id-number`, 'village');
      expect(revealed.json()).toEqual({ idNumber: '53062119850315105X' });
      expect(revealed.headers['cache-control']).toBe('no-store');
      expect((await get(`/parties/sellers/${farmerId}/id-number`, 'county')).statusCode).toBe(403);
      // Who saw whose number and when is audited in the same request; the number itself never is.
      const audited = (await get(`/identity/audit?action=seller.id_number_revealed&entityId=${farmerId}`, 'county')).json().items;
      expect(audited).toEqual([expect.objectContaining({ action: 'seller.id_number_revealed', entityType: 'seller', entityId: farmerId, actorUsername: 'demo.village', at: expect.any(String) })]);
      expect(JSON.stringify(audited)).not.toContain('53062119850315105X');
      const seenByCounty = (await get(`/parties/sellers/${farmerId}`, 'county')).json();
      expect(seenByCounty.contactPhone).toBe('139****5678');
    });

    it('lets a village point apply for farmers only (代卖)', async () => {
      const res = await post('/parties/sellers', 'village', { ...coop, creditCode: '92530621MA6K001020', kind: 'individual_business' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.field).toBe('body.kind');
    });

    it('does not let a consumer apply', async () => {
      expect((await post('/parties/sellers', 'consumer', { ...coop, creditCode: '92530621MA6K001020', kind: 'individual_business' })).statusCode).toBe(403);
    });
  });

  describe('review', () => {
    it('only a county admin decides, a rejection needs a reason, and a decision is made once', async () => {
      expect((await post(`/parties/sellers/${coopId}/review`, 'merchant', { decision: 'approve' })).statusCode).toBe(403);
      const noReason = await post(`/parties/sellers/${farmerId}/review`, 'county', { decision: 'reject' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.details.field).toBe('body.reason');
      const approved = await post(`/parties/sellers/${coopId}/review`, 'county', { decision: 'approve' });
      expect(approved.json()).toMatchObject({ status: 'approved', reviewedBy: 'demo.county' });
      expect((await post(`/parties/sellers/${coopId}/review`, 'county', { decision: 'reject', reason: 'x' })).statusCode).toBe(409);
    });

    it('lets a rejected applicant correct and resubmit', async () => {
      const rejected = await post(`/parties/sellers/${farmerId}/review`, 'county', { decision: 'reject', reason: '地址不详' });
      expect(rejected.json().status).toBe('rejected');
      expect((await post(`/parties/sellers/${farmerId}/resubmit`, 'merchant', { address: 'x' })).statusCode).toBe(404);
      const again = await post(`/parties/sellers/${farmerId}/resubmit`, 'village', { address: '龙头山镇龙泉村三组' });
      expect(again.json()).toMatchObject({ status: 'pending', address: '龙头山镇龙泉村三组' });
    });

    it('shows an approved seller publicly, a suspended one not at all', async () => {
      expect((await get(`/parties/sellers/${coopId}/profile`)).json()).toMatchObject({ name: coop.name, kind: 'cooperative' });
      expect(JSON.stringify((await get(`/parties/sellers/${coopId}/profile`)).json())).not.toContain(coop.contactPhone);
      expect((await get(`/parties/sellers/${farmerId}/profile`)).statusCode).toBe(404);
      expect((await post(`/parties/sellers/${coopId}/suspend`, 'county', { reason: '抽检农残超标' })).json().status).toBe('suspended');
      expect(await t.modules.parties.sellers.isSelling(coopId)).toBe(false);
      expect((await get(`/parties/sellers/${coopId}/profile`)).statusCode).toBe(404);
      expect((await post(`/parties/sellers/${coopId}/reinstate`, 'county')).json().status).toBe('approved');
      expect(await t.modules.parties.sellers.isSelling(coopId)).toBe(true);
    });

    it('lists every seller for the county and regulators, only its own for a merchant', async () => {
      const mine = (await get('/parties/sellers', 'merchant')).json().items.map((s: { id: string }) => s.id);
      expect(mine).toContain(coopId);
      expect(mine).not.toContain(farmerId);
      const all = (await get('/parties/sellers?limit=500', 'regulator')).json().items.map((s: { id: string }) => s.id);
      expect(all).toEqual(expect.arrayContaining([coopId, farmerId]));
      expect((await get(`/parties/sellers/${coopId}`, 'village')).statusCode).toBe(404);
    });
  });

  describe('poor households', () => {
    let householdId = '';
    const household = { householdNo: 'TEST-0001', villageCode: '530621110205', headName: '马文学', headIdNumber: '360426199101010071', members: 5 };

    it('registers a household with the head ID masked, and refuses a bad ID or a second registration', async () => {
      const res = await post('/parties/households', 'county', household);
      expect(res.statusCode).toBe(201);
      householdId = res.json().id;
      expect(res.json()).toMatchObject({ headIdNumber: '3604**********0071', status: 'in_poverty' });
      const bad = await post('/parties/households', 'county', { ...household, householdNo: 'X-0002', headIdNumber: '360426199101010072' });
      expect(bad.json().error.details.field).toBe('body.headIdNumber');
      expect((await post('/parties/households', 'county', household)).json().error.details.field).toBe('body.householdNo');
      const sameHead = await post('/parties/households', 'county', { ...household, householdNo: 'TEST-0009' });
      expect(sameHead.statusCode).toBe(409);
      expect(sameHead.json().error.details.field).toBe('body.headIdNumber');
      expect((await post('/parties/households', 'merchant', { ...household, householdNo: 'X-0003' })).statusCode).toBe(403);
      const lifted = await t.app.inject({ method: 'PATCH', url: `/api/v1/parties/households/${householdId}`, headers: as.county, payload: { status: 'lifted' } });
      expect(lifted.json().error.details.field).toBe('body.liftedYear');
    });

    it('shows the household its own ID in full only when asked, and audits each time it is shown', async () => {
      const me = (await get('/auth/me', 'consumer')).json();
      await t.app.inject({ method: 'PATCH', url: `/api/v1/parties/households/${householdId}`, headers: as.county, payload: { userId: me.id } });
      expect((await get(`/parties/households/${householdId}`, 'consumer')).json().headIdNumber).toBe('3604**********0071');
      expect((await get('/parties/households', 'consumer')).json().items.map((h: { headIdNumber: string }) => h.headIdNumber)).toEqual(['3604**********0071']);
      expect((await get(`/parties/households/${householdId}/id-number`, 'consumer')).json()).toEqual({ idNumber: '360426199101010071' });
      expect((await get(`/parties/households/${householdId}/id-number`, 'county')).statusCode).toBe(403);
      expect((await get(`/parties/households/${householdId}/id-number`, 'merchant')).statusCode).toBe(404);
      expect((await get(`/parties/households/${householdId}`, 'regulator')).json().headIdNumber).toBe('3604**********0071');
      expect((await get(`/parties/households/${householdId}`, 'merchant')).statusCode).toBe(404);
      const audited = (await get(`/identity/audit?action=household.id_number_revealed&entityId=${householdId}`, 'county')).json().items;
      expect(audited).toEqual([expect.objectContaining({ entityType: 'household', entityId: householdId, actorUserId: me.id, at: expect.any(String) })]);
      expect(JSON.stringify(audited)).not.toContain('360426199101010071');
    });

    it('links households to approved sellers only', async () => {
      const res = await post(`/parties/households/${householdId}/links`, 'county', { sellerId: farmerId, role: 'grower', shareBp: 100 });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.field).toBe('body.sellerId');
    });

    it('links a household to a seller with a share, never more than the whole sale', async () => {
      const categoryId = (await get('/catalog/categories')).json().items[0].id;
      const product = await post('/catalog/products', 'merchant', { sellerId: coopId, categoryId, name: '青花椒', originCode: coop.divisionCode, skus: [{ spec: '500g', unit: '袋', netWeightG: 500, priceFen: 3000 }] });
      expect(product.statusCode, product.body).toBe(201);
      const prdX = product.json().id;
      const link = await post(`/parties/households/${householdId}/links`, 'county', { sellerId: coopId, role: 'grower', shareBp: 6000, validFrom: '2026-01-01' });
      expect(link.statusCode).toBe(201);
      const second = await post('/parties/households', 'county', { ...household, householdNo: 'TEST-0002', headIdNumber: '34052419800101001X' });
      const tooMuch = await post(`/parties/households/${second.json().id}/links`, 'county', { sellerId: coopId, productId: prdX, role: 'worker', shareBp: 5000, validFrom: '2026-01-01' });
      expect(tooMuch.statusCode).toBe(409);
      expect(tooMuch.json().error).toMatchObject({ code: 'SHARES_EXCEED_WHOLE', details: { field: 'body.shareBp', left: 4000 } });
      expect((await post(`/parties/households/${second.json().id}/links`, 'county', { sellerId: coopId, productId: prdX, role: 'worker', shareBp: 4000, validFrom: '2026-01-01' })).statusCode).toBe(201);

      const credits = await t.modules.parties.households.creditsFor(coopId, prdX, '2026-06-01');
      expect(credits.map((c) => c.shareBp).sort()).toEqual([4000, 6000]);
      expect(await t.modules.parties.households.creditsFor(coopId, 'prd_other', '2026-06-01')).toHaveLength(1);
      expect(await t.modules.parties.households.creditsFor(coopId, prdX, '2025-12-31')).toEqual([]);
    });

    it('ends a link without losing it: earlier sales still credit it', async () => {
      const detail = (await get(`/parties/households/${householdId}`, 'county')).json();
      const [link] = detail.links;
      expect((await post(`/parties/household-links/${link.id}/end`, 'county', { validTo: '2026-09-01' })).statusCode).toBe(200);
      expect((await post(`/parties/household-links/${link.id}/end`, 'county', { validTo: '2027-09-01' })).json().error.code).toBe('LINK_ENDED');
      expect((await t.modules.parties.households.creditsFor(coopId, 'prd_other', '2026-08-31')).length).toBe(1);
      expect((await t.modules.parties.households.creditsFor(coopId, 'prd_other', '2026-09-01')).length).toBe(0);
    });
  });
});
