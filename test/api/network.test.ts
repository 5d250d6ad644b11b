import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

const LEHONG = '530621110';
const OWN_POINT = 'site_ld3_530621110205'; // 乐红村, run by demo.village
const OTHER_LEHONG_POINT = 'site_ld3_530621110201'; // 红布村
const WENPING_POINT = 'site_ld3_530621101201'; // 砚池山村, another township

describe.each(engines())('network on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true });
    for (const who of ['county', 'township', 'village', 'regulator', 'merchant', 'consumer']) as[who] = await signIn(t.app, `demo.${who}`);
  });
  afterAll(() => t.close());

  const get = (url: string, who: string) => t.app.inject({ url, headers: as[who] });
  const patch = (id: string, who: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/network/sites/${id}`, headers: as[who], payload });
  async function allSites(who: string, query = '') {
    const res = await get(`/api/v1/network/sites?limit=500${query}`, who);
    expect(res.statusCode).toBe(200);
    return res.json().items as { id: string; kind: string; townshipCode: string | null; status: string; name: string; operator: { phone: string | null } | null }[];
  }

  describe('the Ludian network as loaded', () => {
    it('has 12 townships, 12 stations, 49 village points and the coverage the plan measures', async () => {
      const res = await get('/api/v1/network/coverage', 'county');
      expect(res.statusCode).toBe(200);
      const c = res.json();
      expect(c.county).toEqual({ code: '530621', name: '鲁甸县' });
      expect(c.townships).toHaveLength(12);
      expect(c.townshipStations).toEqual({ operating: 11, total: 12, target: 12 });
      expect(c.villagePoints).toEqual({ operating: 46, total: 49, target: 49 });
      // The plan's §六(二): points in ≥ 50 % of poor villages, as of other villages.
      expect(c.poorVillages).toEqual({ total: 38, covered: 37, share: 0.974, target: 0.5, met: true });
      expect(c.otherVillages.target).toBe(0.5);
      // …and stations in 100 % of poor townships: every township but the county seat; 茨院's is still being built.
      expect(c.poorTownships).toEqual({ total: 11, covered: 10, share: 0.909, target: 1, met: false });
      expect(c.townships.filter((r: { isPoor: boolean }) => !r.isPoor).map((r: { name: string }) => r.name)).toEqual(['文屏镇']);
      // One rounding: the county row's share is the one the cards show, and every township row's is rounded alike.
      for (const r of c.townships as { poorVillages: { covered: number; total: number; share: number | null } }[]) {
        expect(r.poorVillages.share).toBe(r.poorVillages.total ? Math.round((r.poorVillages.covered * 1000) / r.poorVillages.total) / 1000 : null);
      }
      expect(c.logistics.townships).toMatchObject({ total: 12, covered: 10, target: 0.8 });
      expect(c.villages.total).toBeGreaterThanOrEqual(95);
      // The county figures are the sum of the townships'.
      const sum = c.townships.reduce((n: number, r: { villages: { covered: number } }) => n + r.villages.covered, 0);
      expect(sum).toBe(c.villages.covered);
    });

    it('has the sites of every kind the plan names', async () => {
      const sites = await allSites('county');
      const count = (kind: string) => sites.filter((s) => s.kind === kind).length;
      expect([count('county_centre'), count('county_warehouse'), count('township_station'), count('township_transfer'), count('village_point'), count('village_delivery')]).toEqual([1, 1, 12, 12, 49, 49]);
    });
  });

  describe('lists and filters', () => {
    /** Every item of a list, walked a small page at a time through nextCursor. */
    async function walk(url: string, who?: string) {
      const items: { id?: string; code?: string; validFrom?: string }[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 100; pages++) {
        const res: { statusCode: number; json(): { items: typeof items; nextCursor: string | null } } = await t.app.inject({ url: `${url}${url.includes('?') ? '&' : '?'}limit=7${cursor ? `&cursor=${cursor}` : ''}`, headers: who ? as[who] : {} });
        expect(res.statusCode).toBe(200);
        const page: { items: typeof items; nextCursor: string | null } = res.json();
        expect(page.items.length).toBeLessThanOrEqual(7);
        items.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) return items;
      }
      throw new Error('no end');
    }

    it('pages the divisions and the public service points, none lost or repeated', async () => {
      const villages = await walk('/api/v1/network/divisions?level=village', 'county');
      expect(villages.length).toBeGreaterThanOrEqual(95);
      expect(new Set(villages.map((d) => d.code)).size).toBe(villages.length);
      const first = await get('/api/v1/network/divisions?level=village', 'county');
      expect(first.json().items).toHaveLength(50);
      expect(first.json().nextCursor).toEqual(expect.any(String));
      const history = await walk('/api/v1/network/divisions?history=true', 'county');
      expect(new Set(history.map((d) => `${d.code}@${d.validFrom}`)).size).toBe(history.length);
      const points = await walk('/api/v1/network/service-points?kind=village_point');
      const operating = (await allSites('county', '&kind=village_point&status=operating')).map((s) => s.id);
      expect(points.map((p) => p.id).sort()).toEqual(operating.sort());
    });

    it('filters by township, kind, status and name', async () => {
      const lehong = await allSites('county', `&townshipCode=${LEHONG}&kind=village_point`);
      expect(lehong.length).toBeGreaterThan(0);
      expect(lehong.every((s) => s.townshipCode === LEHONG && s.kind === 'village_point')).toBe(true);
      const building = await allSites('county', '&status=building');
      expect(building.length).toBeGreaterThan(0);
      expect(building.every((s) => s.status === 'building')).toBe(true);
      const named = await allSites('county', `&q=${encodeURIComponent('乐红村')}`);
      expect(named.map((s) => s.name).sort()).toEqual(['乐红村快递收发点', '乐红村电商服务点']);
    });

    it('pages with a cursor without losing or repeating a site', async () => {
      const seen: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const page: { items: { id: string }[]; nextCursor: string | null } = (await get(`/api/v1/network/sites?limit=40${cursor ? `&cursor=${cursor}` : ''}`, 'county')).json();
        seen.push(...page.items.map((s) => s.id));
        cursor = page.nextCursor;
      }
      expect(seen).toHaveLength(124);
      expect(new Set(seen).size).toBe(124);
    });

    it('refuses a forged cursor and an unknown filter value with the field named', async () => {
      const bad = await get('/api/v1/network/sites?cursor=%%%', 'county');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.field).toBe('querystring.cursor');
      const kind = await get('/api/v1/network/sites?kind=castle', 'county');
      expect(kind.statusCode).toBe(400);
      expect(kind.json().error.details.field).toBe('querystring.kind');
    });

    it('masks operator phones for everyone but the operator', async () => {
      const [own] = await allSites('village');
      expect(own.operator!.phone).toMatch(/^1\d{10}$/);
      const seenByCounty = (await get(`/api/v1/network/sites/${OWN_POINT}`, 'county')).json();
      expect(seenByCounty.operator.phone).toMatch(/^139\*{4}\d{4}$/);
    });
  });

  describe('who may see what', () => {
    it('a township operator sees only its own township', async () => {
      const sites = await allSites('township');
      expect(sites.length).toBeGreaterThan(0);
      expect(sites.every((s) => s.townshipCode === LEHONG)).toBe(true);
      expect((await get(`/api/v1/network/sites/${WENPING_POINT}`, 'township')).statusCode).toBe(404);
      const coverage = (await get('/api/v1/network/coverage', 'township')).json();
      expect(coverage.scope).toEqual({ kind: 'township', code: LEHONG });
      expect(coverage.townships.map((r: { code: string }) => r.code)).toEqual([LEHONG]);
    });

    it("a township operator's coverage does not hold its township to the county's counts", async () => {
      const coverage = (await get('/api/v1/network/coverage', 'township')).json();
      expect(coverage.townshipStations.target).toBeNull();
      expect(coverage.villagePoints.target).toBeNull();
      expect(coverage.poorVillages.target).toBe(0.5);
    });

    it('tells anyone which county the platform serves', async () => {
      const res = await t.app.inject({ url: '/api/v1/network/county' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ code: '530621', name: '鲁甸县' });
    });

    it('a village operator sees its own site only, and no coverage', async () => {
      const sites = await allSites('village');
      expect(sites.map((s) => s.id)).toEqual([OWN_POINT]);
      expect((await get(`/api/v1/network/sites/${OTHER_LEHONG_POINT}`, 'village')).statusCode).toBe(404);
      expect((await get('/api/v1/network/coverage', 'village')).statusCode).toBe(403);
    });

    it('a regulator reads the whole county; merchants and consumers do not see the network', async () => {
      expect((await allSites('regulator')).length).toBe(124);
      for (const who of ['merchant', 'consumer']) {
        expect((await get('/api/v1/network/sites', who)).statusCode).toBe(403);
        expect((await get('/api/v1/network/coverage', who)).statusCode).toBe(403);
      }
    });

    it("everyone signed in reads the divisions (the console's place pickers); only those who see coverage read the targets", async () => {
      // A merchant registers a farmer in a village, a consumer picks where to ship: both choose from the divisions.
      for (const who of ['merchant', 'consumer', 'village']) {
        const res = await get('/api/v1/network/divisions?level=township', who);
        expect(res.statusCode, who).toBe(200);
        expect(res.json().items).toHaveLength(12);
        expect((await get('/api/v1/network/targets', who)).statusCode, who).toBe(403);
      }
      for (const who of ['county', 'township', 'regulator']) expect((await get('/api/v1/network/targets', who)).json().villagePoints, who).toBe(49);
    });
  });

  describe('who may change what', () => {
    it('a county admin changes any site', async () => {
      const res = await patch(WENPING_POINT, 'county', { openingHours: '每天 7:30–20:30' });
      expect(res.statusCode).toBe(200);
      expect(res.json().openingHours).toBe('每天 7:30–20:30');
    });

    it("a township operator changes its township's sites but not another township's", async () => {
      expect((await patch(OTHER_LEHONG_POINT, 'township', { floorAreaM2: 30 })).statusCode).toBe(200);
      expect((await patch(WENPING_POINT, 'township', { floorAreaM2: 30 })).statusCode).toBe(403);
    });

    it('a village operator changes its own site only, and cannot appoint an operator', async () => {
      expect((await patch(OWN_POINT, 'village', { services: ['parcels', 'bill_payment', 'training'] })).statusCode).toBe(200);
      const other = await patch(OTHER_LEHONG_POINT, 'village', { name: '改名' });
      expect(other.statusCode).toBe(403);
      expect((await get(`/api/v1/network/sites/${OTHER_LEHONG_POINT}`, 'county')).json().name).toBe('红布村电商服务点');
      const operator = await patch(OWN_POINT, 'village', { operator: { userId: null, name: '张三', poorHousehold: false, disabled: false, partyMember: false } });
      expect(operator.statusCode).toBe(403);
    });

    it("keeps the operator's phone when an editor who only sees it masked leaves it out", async () => {
      const before = (await get(`/api/v1/network/sites/${OWN_POINT}`, 'village')).json().operator;
      const { phone: _masked, ...rest } = (await get(`/api/v1/network/sites/${OWN_POINT}`, 'county')).json().operator;
      expect((await patch(OWN_POINT, 'township', { operator: { ...rest, partyMember: true } })).statusCode).toBe(200);
      const after = (await get(`/api/v1/network/sites/${OWN_POINT}`, 'village')).json().operator;
      expect(after).toMatchObject({ phone: before.phone, partyMember: true });
      // A different person does not inherit the number.
      await patch(OWN_POINT, 'county', { operator: { ...rest, userId: null, name: '新站长' } });
      expect((await get(`/api/v1/network/sites/${OWN_POINT}`, 'county')).json().operator.phone).toBeNull();
    });

    it('only a county admin opens a site', async () => {
      const body = { name: '新服务点', kind: 'village_point', divisionCode: '530621110204', address: '新林村' };
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/network/sites', headers: as.township, payload: body })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/network/sites', headers: as.county, payload: body })).statusCode).toBe(201);
    });

    it('refuses bad site data with the field named, and stores nothing', async () => {
      const cases: [object, string][] = [
        [{ floorAreaM2: -5 }, 'body.floorAreaM2'],
        [{ status: 'haunted' }, 'body.status'],
        [{ longitude: 500 }, 'body.longitude'],
        [{ services: ['teleport'] }, 'body.services.0'],
        [{ name: '' }, 'body.name'],
        [{ operator: { name: '王', phone: '123', userId: null, poorHousehold: false, disabled: false, partyMember: false } }, 'body.operator.phone'],
      ];
      for (const [payload, field] of cases) {
        const res = await patch(OWN_POINT, 'county', payload);
        expect(res.statusCode, field).toBe(400);
        expect(res.json().error.details.field).toBe(field);
      }
      const wrongLevel = await t.app.inject({ method: 'POST', url: '/api/v1/network/sites', headers: as.county, payload: { name: 'x', kind: 'township_station', divisionCode: '530621110205', address: 'x' } });
      expect(wrongLevel.statusCode).toBe(400);
      expect(wrongLevel.json().error.details.field).toBe('body.divisionCode');
      expect((await get(`/api/v1/network/sites/${OWN_POINT}`, 'county')).json().status).toBe('operating');
    });

    it('keeps a dated status history and counts a closed point out of coverage', async () => {
      const before = (await get('/api/v1/network/coverage', 'county')).json();
      const res = await patch(OTHER_LEHONG_POINT, 'county', { status: 'suspended', statusDate: '2026-11-01', statusNote: '操作员外出务工' });
      expect(res.statusCode).toBe(200);
      const detail = (await get(`/api/v1/network/sites/${OTHER_LEHONG_POINT}`, 'county')).json();
      expect(detail.statusSince).toBe('2026-11-01');
      expect(detail.statusHistory.map((h: { status: string }) => h.status)).toEqual(['operating', 'suspended']);
      expect(detail.statusHistory[1]).toMatchObject({ effectiveDate: '2026-11-01', note: '操作员外出务工', recordedBy: '县工科局 电商办' });
      const after = (await get('/api/v1/network/coverage', 'county')).json();
      expect(after.villagePoints.operating).toBe(before.villagePoints.operating - 1);
      expect(after.poorVillages.covered).toBe(before.poorVillages.covered - 1);
    });

    it('audits every change with who and from where', async () => {
      const res = await get(`/api/v1/identity/audit?entityType=site&entityId=${OTHER_LEHONG_POINT}`, 'county');
      const actors = res.json().items.map((r: { actorUsername: string }) => r.actorUsername);
      expect(actors).toContain('demo.township');
      expect(actors).toContain('demo.county');
    });
  });

  describe('divisions keep their history', () => {
    it('a new version of a code ends the old one, and both stay queryable by date', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/network/divisions', headers: as.county, payload: { code: '530621110207', name: '对竹社区', kind: 'community', validFrom: '2024-01-01' } });
      expect(res.statusCode).toBe(201);
      const then = (await get('/api/v1/network/divisions?parentCode=530621110&asOf=2020-06-30', 'county')).json().items;
      const now = (await get('/api/v1/network/divisions?parentCode=530621110', 'county')).json().items;
      expect(then.find((d: { code: string }) => d.code === '530621110207').name).toBe('对竹村');
      expect(now.find((d: { code: string }) => d.code === '530621110207').name).toBe('对竹社区');
    });

    it('refuses a division whose kind does not fit its code', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/network/divisions', headers: as.county, payload: { code: '530621110299', name: 'x', kind: 'town' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.field).toBe('body.kind');
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/network/divisions', headers: as.township, payload: { code: '530621110299', name: 'x', kind: 'village' } })).statusCode).toBe(403);
    });
  });

  it('keeps a poor flag on townships, which only a township may carry', async () => {
    const townships = (await get('/api/v1/network/divisions?level=township', 'county')).json().items as { code: string; isPoorTownship: boolean }[];
    expect(townships.filter((d) => d.isPoorTownship)).toHaveLength(11);
    expect(townships.find((d) => d.code === '530621101')?.isPoorTownship).toBe(false);
    const village = await t.app.inject({ method: 'POST', url: '/api/v1/network/divisions', headers: as.county, payload: { code: '530621110298', name: '试村', kind: 'village', isPoorTownship: true } });
    expect(village.statusCode).toBe(400);
    expect(village.json().error.details).toEqual({ field: 'body.isPoorTownship' });
  });

  it('lets a county admin change the targets, which coverage then compares against', async () => {
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/network/targets', headers: as.township, payload: { villagePoints: 60 } })).statusCode).toBe(403);
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/network/targets', headers: as.county, payload: { villagePoints: 60 } });
    expect(res.statusCode).toBe(200);
    expect((await get('/api/v1/network/coverage', 'county')).json().villagePoints.target).toBe(60);
  });
});
