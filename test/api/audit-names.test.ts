import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

interface AuditRow {
  actorUserId: string | null;
  actorUsername: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  entityName: string | null;
}

const SITE = 'site_ld3_530621110205';
const INTERNAL_ID = /\b[a-z]{2,4}_[0-9a-z]{6,}/;

/**
 * 审计日志 names people and records: the actor by display name (null, shown as 系统, when the platform acted by
 * itself), and the record by the name a person knows it by — never an internal id.
 */
describe.each(engines())('audit log names on %s', (engine) => {
  let t: TestApp;
  let county: { cookie: string };
  let rows: AuditRow[];

  async function get<T>(url: string, who = county): Promise<T> {
    const res = await t.app.inject({ url: `/api/v1${url}`, headers: who });
    expect(res.statusCode, `GET ${url}: ${res.body}`).toBe(200);
    return res.json() as T;
  }

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true });
    county = await signIn(t.app, 'demo.county');
    // One change by a person we know: the county office renames nothing, it sets the opening hours of 乐红村's point.
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/network/sites/${SITE}`, headers: county, payload: { openingHours: '每天 8:00–19:30' } });
    expect(res.statusCode, res.body).toBe(200);
    rows = (await get<{ items: AuditRow[] }>('/identity/audit?limit=500')).items;
  }, 240_000);
  afterAll(() => t?.close());

  it('names the actor by display name, and the platform acting by itself not at all', async () => {
    const mine = rows.find((r) => r.action === 'site.updated' && r.entityId === SITE && r.actorUsername === 'demo.county');
    expect(mine).toMatchObject({ actorName: '县工科局 电商办', entityName: '乐红村电商服务点' });
    const users = (await get<{ items: { id: string; displayName: string }[] }>('/identity/users?limit=200')).items;
    for (const r of rows.filter((x) => x.actorUserId)) {
      const user = users.find((u) => u.id === r.actorUserId);
      expect(r.actorName, `${r.action} by ${r.actorUsername}`).toBe(user ? user.displayName : null);
    }
  });

  it('names sites, sellers, users and parcels as their own pages do, and shows no id anywhere', async () => {
    for (const r of rows) if (r.entityName) expect(r.entityName, `${r.action} ${r.entityType}`).not.toMatch(INTERNAL_ID);
    const users = (await get<{ items: { id: string; displayName: string }[] }>('/identity/users?limit=200')).items;
    const expected: Record<string, (id: string) => Promise<string | undefined>> = {
      site: async (id) => (await get<{ name: string }>(`/network/sites/${id}`)).name,
      seller: async (id) => (await get<{ name: string }>(`/parties/sellers/${id}`)).name,
      user: async (id) => users.find((u) => u.id === id)?.displayName,
      parcel: async (id) => {
        const p = await get<{ waybillNo: string | null; recipientName: string }>(`/logistics/parcels/${id}`);
        return `${p.waybillNo ? `…${p.waybillNo.slice(-4)} ` : ''}${p.recipientName[0]}${'*'.repeat([...p.recipientName].length - 1)}`;
      },
    };
    for (const [type, nameOf] of Object.entries(expected)) {
      const some = (await get<{ items: AuditRow[] }>(`/identity/audit?entityType=${type}&limit=5`)).items;
      expect(some.length, `the demo data's log has ${type} records`).toBeGreaterThan(0);
      for (const r of some) expect(r.entityName, `${r.action} ${type}`).toBe(await nameOf(r.entityId));
    }
  });

  it('is the county office’s alone', async () => {
    const res = await t.app.inject({ url: '/api/v1/identity/audit', headers: await signIn(t.app, 'demo.township') });
    expect(res.statusCode).toBe(403);
  });
});
