import { DEMO_PASSWORD } from '../../helpers.js';
import { OWN_POINT, ROLES, next, type Row, type Who, type World } from './world.js';

const COUNTY_READERS: Who[] = ['county', 'courier', 'regulator', 'trainer'];
/** An address in 乐红村. */
const ADDRESS = { name: '李华', phone: '13912345678', divisionCode: '530621110205', address: '乐红村三组 12 号' };

/**
 * A new village code on every call (530621110901, …902, …), never one of the demo's. Its own counter: the shared
 * `next()` runs past 50 in a full run, and a code taken from its last digits once retired 施初村 (…206), which
 * the site-creating row after it needs.
 */
const retiredVillageCode = (() => {
  let n = 0;
  return () => {
    if (++n > 99) throw new Error('out of test village codes');
    return `5306211109${String(n).padStart(2, '0')}`;
  };
})();

/** Platform, sign-in, accounts, the service network and the SMS outbox. */
export function platformRows(w: World): Row[] {
  /** A fresh account of the caller's role, signed in: for changing a password without touching the demo accounts. */
  const freshAccount = async (who: Who) => {
    const username = `perm.${who}.${next()}`;
    const scope = who === 'township' ? { kind: 'township', id: '530621110' } : who === 'village' ? { kind: 'site', id: OWN_POINT } : { kind: 'county', id: '530621' };
    const role = { county: 'county_admin', township: 'township_operator', village: 'village_operator', datacenter: 'data_center' }[who as string] ?? who;
    await w.ok('county', 'POST', '/identity/users', { username, displayName: '测试', password: 'perm-pass-000', roles: [role], scope });
    const res = await w.t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'perm-pass-000' } });
    return `countyhub_session=${res.cookies.find((c) => c.name === 'countyhub_session')!.value}`;
  };

  /** An address of the caller's own book (the consumer's for the signed-out request). */
  const ownAddress = async (who: Who | null) => (await w.ok(who ?? 'consumer', 'POST', '/me/addresses', ADDRESS)).id as string;

  return [
    { op: 'GET /api/openapi.json', allowed: 'public', req: () => ({ url: '/api/openapi.json' }) },
    { op: 'GET /api/health', allowed: 'public', req: () => ({ url: '/api/health' }) },
    { op: 'GET /track', allowed: 'public', req: () => ({ url: '/track' }) },
    { op: 'POST /api/v1/auth/login', allowed: 'public', req: () => ({ url: '/auth/login', body: { username: 'demo.trainer', password: DEMO_PASSWORD } }) },
    { op: 'POST /api/v1/auth/logout', allowed: 'public', req: () => ({ url: '/auth/logout' }) },
    { op: 'POST /api/v1/auth/sms-codes', allowed: 'public', req: () => ({ url: '/auth/sms-codes', body: { phone: '13900009999' } }) },
    // No code was sent to this phone: the answer is a 400 naming the code, never a 401.
    { op: 'POST /api/v1/auth/sms-sign-in', allowed: 'public', req: () => ({ url: '/auth/sms-sign-in', body: { phone: '13900009998', code: '123456' } }) },
    { op: 'GET /api/v1/auth/me', allowed: ROLES },
    // 工作台: every staff role has one; a shopper's home is the shop; a data centre's account is a machine client's.
    { op: 'GET /api/v1/workbench', allowed: ROLES.filter((who) => who !== 'consumer' && who !== 'datacenter') },
    {
      op: 'POST /api/v1/auth/password',
      allowed: ROLES,
      // Each role changes its own password, on an account of its own made for this.
      req: async (who) => ({ url: '/auth/password', body: { currentPassword: 'perm-pass-000', newPassword: 'perm-pass-001' }, cookie: who ? await freshAccount(who) : undefined }),
    },
    { op: 'GET /api/v1/identity/users', allowed: ['county'] },
    { op: 'POST /api/v1/identity/users', allowed: ['county'], req: () => ({ url: '/identity/users', body: { username: `new.user${next()}`, displayName: '新用户', password: 'new-user-pass-1', roles: ['trainer'], scope: { kind: 'county', id: '530621' } } }) },
    { op: 'GET /api/v1/identity/users/{id}', allowed: ['county', 'consumer'], req: () => ({ url: `/identity/users/${w.userId.consumer}` }) },
    { op: 'PATCH /api/v1/identity/users/{id}', allowed: ['county'], req: () => ({ url: `/identity/users/${w.userId.consumer}`, body: { displayName: '上海买家' } }) },
    { op: 'GET /api/v1/identity/tokens', allowed: ['county', 'consumer'], req: () => ({ url: `/identity/tokens?userId=${w.userId.consumer}` }) },
    // A token for oneself: every role may have one for its machine clients.
    { op: 'POST /api/v1/identity/tokens', allowed: ROLES, req: () => ({ url: '/identity/tokens', body: { name: `machine${next()}` } }) },
    {
      op: 'DELETE /api/v1/identity/tokens/{id}',
      allowed: ['county', 'consumer'],
      req: async () => ({ url: `/identity/tokens/${(await w.ok('consumer', 'POST', '/identity/tokens', { name: `mine${next()}` })).id}` }),
    },
    { op: 'GET /api/v1/identity/audit', allowed: ['county'], req: () => ({ url: '/identity/audit?limit=5' }) },

    // 我的地址: every role keeps a book of its own (anyone may buy in the shop); another's address is a 404 to all
    // (test/api/addresses.test.ts). Each allowed role acts on an address it has just added.
    { op: 'GET /api/v1/me/addresses', allowed: ROLES },
    { op: 'POST /api/v1/me/addresses', allowed: ROLES, req: () => ({ url: '/me/addresses', body: ADDRESS }) },
    { op: 'PATCH /api/v1/me/addresses/{id}', allowed: ROLES, req: async (who) => ({ url: `/me/addresses/${await ownAddress(who)}`, body: { address: '乐红村四组 8 号' } }) },
    { op: 'DELETE /api/v1/me/addresses/{id}', allowed: ROLES, req: async (who) => ({ url: `/me/addresses/${await ownAddress(who)}` }) },
    { op: 'POST /api/v1/me/addresses/{id}/default', allowed: ROLES, req: async (who) => ({ url: `/me/addresses/${await ownAddress(who)}/default` }) },

    { op: 'GET /api/v1/network/county', allowed: 'public', req: () => ({ url: '/network/county' }) },
    { op: 'GET /api/v1/network/service-points', allowed: 'public', req: () => ({ url: '/network/service-points' }) },
    // Place pickers of every role's pages read them (see docs/architecture.md, Network).
    { op: 'GET /api/v1/network/divisions', allowed: ROLES, req: () => ({ url: '/network/divisions?level=township' }) },
    { op: 'POST /api/v1/network/divisions', allowed: ['county'], req: () => ({ url: '/network/divisions', body: { code: '530621110208', name: '测试村', kind: 'village', validFrom: '2026-01-01' } }) },
    {
      op: 'POST /api/v1/network/divisions/{code}/retire',
      allowed: ['county'],
      req: async (who) => {
        const code = retiredVillageCode();
        if (who === 'county') await w.ok('county', 'POST', '/network/divisions', { code, name: `退役村${code.slice(-2)}`, kind: 'village', validFrom: '2026-01-01' });
        return { url: `/network/divisions/${code}/retire`, body: { validTo: '2026-06-01' } };
      },
    },
    { op: 'GET /api/v1/network/sites', allowed: [...COUNTY_READERS, 'township', 'village'] },
    { op: 'POST /api/v1/network/sites', allowed: ['county'], req: () => ({ url: '/network/sites', body: { name: `测试点${next()}`, kind: 'village_point', divisionCode: '530621110206', address: '施初村' } }) },
    // 乐红镇's station: its township operator reads and changes it; 乐红村's point does not see it.
    { op: 'GET /api/v1/network/sites/{id}', allowed: [...COUNTY_READERS, 'township'], req: () => ({ url: '/network/sites/site_ld2_530621110' }) },
    { op: 'PATCH /api/v1/network/sites/{id}', allowed: ['county', 'township', 'village'], req: () => ({ url: `/network/sites/${OWN_POINT}`, body: { openingHours: '每天 8:00–20:00' } }) },
    { op: 'GET /api/v1/network/coverage', allowed: [...COUNTY_READERS, 'township'] },
    { op: 'GET /api/v1/network/targets', allowed: [...COUNTY_READERS, 'township'] },
    { op: 'PUT /api/v1/network/targets', allowed: ['county'], req: () => ({ url: '/network/targets', body: { villagePoints: 49 } }) },

    { op: 'GET /api/v1/notify/outbox', allowed: ['county'] },

    // 后台任务: the county admin alone sees the jobs and runs one now.
    { op: 'GET /api/v1/jobs', allowed: ['county'] },
    { op: 'GET /api/v1/jobs/{name}/runs', allowed: ['county'], req: () => ({ url: '/jobs/kernel.purge-job-runs/runs' }) },
    { op: 'POST /api/v1/jobs/{name}/run', allowed: ['county'], req: () => ({ url: '/jobs/kernel.purge-job-runs/run' }) },
  ];
}
