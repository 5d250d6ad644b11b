import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

const ROLES = ['county', 'township', 'village', 'merchant', 'courier', 'regulator', 'trainer', 'consumer'] as const;
type Who = (typeof ROLES)[number];
const COUNTY_READERS: Who[] = ['county', 'courier', 'regulator', 'trainer'];
const TRACE_READERS: Who[] = ['county', 'township', 'village', 'merchant', 'regulator'];
const EPCIS_EXAMPLE = JSON.parse(fs.readFileSync(new URL('../fixtures/epcis2/Example_9.6.1-ObjectEvent.jsonld', import.meta.url), 'utf8'));

interface RouteRule {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  /** Roles that get a 2xx; every other signed-in role gets 403, and nobody signed in gets 401. */
  allowed: readonly Who[];
  body?: () => object;
}

/**
 * Every protected route against every role. Bodies are valid and harmless (they set what is already there, or
 * make something new), so an allowed call succeeds and a refused one proves the refusal is about the caller.
 */
describe.each(engines())('who may call each route, on %s', (engine) => {
  let t: TestApp;
  const as = {} as Record<Who, { cookie: string }>;
  let consumerId = '';
  let leHongWaybill = '';
  let n = 0;
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true });
    for (const who of ROLES) as[who] = await signIn(t.app, `demo.${who}`);
    consumerId = (await t.app.inject({ url: '/api/v1/auth/me', headers: as.consumer })).json().id;
    leHongWaybill = (await t.app.inject({ url: '/api/v1/logistics/parcels?limit=1', headers: as.village })).json().items[0].waybillNo;
  });
  afterAll(() => t.close());

  const rules: RouteRule[] = [
    { method: 'GET', url: '/api/v1/identity/users', allowed: ['county'] },
    { method: 'GET', url: '/api/v1/identity/users/:consumer', allowed: ['county', 'consumer'] },
    { method: 'PATCH', url: '/api/v1/identity/users/:consumer', allowed: ['county'], body: () => ({ displayName: '上海买家' }) },
    { method: 'POST', url: '/api/v1/identity/users', allowed: ['county'], body: () => ({ username: `new.user${++n}`, displayName: '新用户', password: 'new-user-pass-1', roles: ['trainer'], scope: { kind: 'county', id: '530621' } }) },
    { method: 'GET', url: '/api/v1/identity/tokens?userId=:consumer', allowed: ['county', 'consumer'] },
    // Tokens are only for oneself: an admin cannot make one for the consumer.
    { method: 'POST', url: '/api/v1/identity/tokens', allowed: ['consumer'], body: () => ({ name: 'machine', userId: consumerId }) },
    { method: 'GET', url: '/api/v1/identity/audit', allowed: ['county'] },
    { method: 'GET', url: '/api/v1/network/divisions?level=township', allowed: ROLES },
    { method: 'POST', url: '/api/v1/network/divisions', allowed: ['county'], body: () => ({ code: '530621110208', name: '测试村', kind: 'village', validFrom: '2026-01-01' }) },
    { method: 'GET', url: '/api/v1/network/sites', allowed: [...COUNTY_READERS, 'township', 'village'] },
    { method: 'POST', url: '/api/v1/network/sites', allowed: ['county'], body: () => ({ name: `测试点${++n}`, kind: 'village_point', divisionCode: '530621110206', address: '施初村' }) },
    { method: 'GET', url: '/api/v1/network/sites/site_ld2_530621110', allowed: [...COUNTY_READERS, 'township'] },
    { method: 'PATCH', url: '/api/v1/network/sites/site_ld2_530621110', allowed: ['county', 'township'], body: () => ({ openingHours: '每天 8:00–19:00' }) },
    { method: 'PATCH', url: '/api/v1/network/sites/site_ld3_530621110205', allowed: ['county', 'township', 'village'], body: () => ({ openingHours: '每天 8:00–20:00' }) },
    { method: 'GET', url: '/api/v1/network/coverage', allowed: [...COUNTY_READERS, 'township'] },
    { method: 'GET', url: '/api/v1/network/targets', allowed: ROLES },
    { method: 'PUT', url: '/api/v1/network/targets', allowed: ['county'], body: () => ({ villagePoints: 49 }) },
    { method: 'GET', url: '/api/v1/auth/me', allowed: ROLES },
    { method: 'POST', url: '/api/v1/logistics/manifests', allowed: ['county', 'courier'], body: () => ({ carrier: 'zhongtong', parcels: [{ waybillNo: `PM${Date.now()}${++n}`, recipientName: '甲', recipientPhone: '13800000000', address: '鲁甸县乐红镇乐红村' }] }) },
    { method: 'GET', url: '/api/v1/logistics/manifests', allowed: ['county', 'courier'] },
    // Everyone signed in may list parcels: each sees only what is theirs to see.
    { method: 'GET', url: '/api/v1/logistics/parcels', allowed: ROLES },
    { method: 'GET', url: '/api/v1/logistics/parcels/waiting', allowed: ['county', 'courier', 'township', 'village'] },
    // A problem noted on a parcel for 乐红村: its point, its township and the county's warehouse handle it.
    { method: 'POST', url: '/api/v1/logistics/scans/batch', allowed: ['county', 'courier', 'township', 'village'], body: () => ({ scans: [{ eventId: `perm-${Date.now()}-${++n}`, waybillNo: leHongWaybill, type: 'problem', note: '核对' }] }) },
    { method: 'GET', url: '/api/v1/logistics/routes', allowed: ['county', 'courier', 'township', 'regulator'] },
    { method: 'POST', url: '/api/v1/logistics/routes', allowed: ['county', 'courier'], body: () => ({ name: `测试线${++n}`, mode: 'rural_bus', stops: ['site_ld5_530621110'], departures: ['07:00'] }) },
    { method: 'GET', url: '/api/v1/logistics/runs?date=2026-12-01', allowed: ['county', 'courier', 'township', 'regulator'] },
    { method: 'GET', url: '/api/v1/logistics/promise', allowed: ['county', 'courier', 'township', 'regulator'] },
    { method: 'GET', url: '/api/v1/logistics/overdue', allowed: ['county', 'courier', 'township', 'regulator'] },
    { method: 'GET', url: '/api/v1/logistics/alerts', allowed: ['county', 'courier', 'township', 'regulator'] },
    { method: 'GET', url: '/api/v1/notify/outbox', allowed: ['county'] },
    { method: 'GET', url: '/api/v1/trace/producers', allowed: TRACE_READERS },
    { method: 'POST', url: '/api/v1/trace/producers', allowed: ['county', 'township', 'village', 'merchant'], body: () => ({ kind: 'farmer', name: `测试农户${++n}`, divisionCode: '530621110205' }) },
    { method: 'GET', url: '/api/v1/trace/plots', allowed: TRACE_READERS },
    { method: 'GET', url: '/api/v1/trace/batches', allowed: TRACE_READERS },
    { method: 'GET', url: '/api/v1/trace/refusals', allowed: TRACE_READERS },
    { method: 'GET', url: '/api/v1/trace/recalls', allowed: TRACE_READERS },
    { method: 'GET', url: '/api/v1/trace/complaints', allowed: TRACE_READERS },
    { method: 'GET', url: '/api/v1/trace/recall-notices/mine', allowed: ROLES },
    { method: 'POST', url: '/api/v1/trace/epcis', allowed: ['county', 'merchant', 'courier', 'regulator'], body: () => EPCIS_EXAMPLE },
  ];

  for (const rule of rules) {
    it(`${rule.method} ${rule.url}`, async () => {
      const url = rule.url.replace(':consumer', consumerId);
      const call = (headers: Record<string, string>) => t.app.inject({ method: rule.method, url, headers, payload: rule.body?.() });
      expect((await call({})).statusCode, 'signed out').toBe(401);
      for (const who of ROLES) {
        const status = (await call(as[who])).statusCode;
        if (rule.allowed.includes(who)) expect(status, who).toBeLessThan(300);
        // A site outside the caller's scope reads as missing rather than forbidden.
        else expect([403, 404], `${who} got ${status}`).toContain(status);
      }
    });
  }

  it('retiring a division is for county admins only', async () => {
    const body = { validTo: '2026-06-01' };
    for (const who of ROLES.filter((w) => w !== 'county')) {
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/network/divisions/530621110208/retire', headers: as[who], payload: body })).statusCode, who).toBe(403);
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/network/divisions/530621110208/retire', headers: as.county, payload: body })).statusCode).toBe(200);
  });

  it('revoking a token is for its owner or a county admin', async () => {
    const token = (await t.app.inject({ method: 'POST', url: '/api/v1/identity/tokens', headers: as.consumer, payload: { name: 'mine' } })).json();
    const revoke = (who: Who) => t.app.inject({ method: 'DELETE', url: `/api/v1/identity/tokens/${token.id}`, headers: as[who] });
    expect((await revoke('merchant')).statusCode).toBe(403);
    expect((await revoke('consumer')).statusCode).toBe(200);
  });
});
