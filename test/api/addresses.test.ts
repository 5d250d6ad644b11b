import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

const LEHONG = { township: '乐红镇', village: '乐红村', code: '530621110205' };
const SHICHU = { township: '乐红镇', village: '施初村', code: '530621110206' };

describe.each(engines())('the address book (我的地址) on %s', (engine) => {
  let t: TestApp;
  let admin: { cookie: string };
  let serial = 0;
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false });
    admin = await signIn(t.app, 'demo.county');
  }, 120_000);
  afterAll(() => t?.close());

  /** A new shopper of their own for each test, so no test depends on another's book. */
  const newShopper = async () => {
    const username = `buyer.${engine}.${++serial}`;
    const made = await t.app.inject({ method: 'POST', url: '/api/v1/identity/users', headers: admin, payload: { username, displayName: '王小芳', password: 'shopper-pass-123', roles: ['consumer'], scope: { kind: 'county', id: '530621' } } });
    expect(made.statusCode).toBe(201);
    return signIn(t.app, username, 'shopper-pass-123');
  };
  const call = (who: { cookie: string } | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { ...headers, ...(who && { cookie: who.cookie }) }, payload });
  const book = async (who: { cookie: string }) => {
    const res = await call(who, 'GET', '/me/addresses');
    expect(res.statusCode).toBe(200);
    return res.json() as { items: Array<Record<string, unknown> & { id: string; isDefault: boolean }>; nextCursor: string | null };
  };
  const home = { name: '王小芳', phone: '13987650001', divisionCode: LEHONG.code, address: '3组 18号' };
  const parents = { name: '王国富', phone: '13987650002', divisionCode: SHICHU.code, address: '施初村委会旁' };

  it('keeps the first address as the default, shows names of places and the phone in full to its owner', async () => {
    const me = await newShopper();
    expect(await book(me)).toEqual({ items: [], nextCursor: null });

    const first = await call(me, 'POST', '/me/addresses', home);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({
      id: expect.stringMatching(/^adr_/),
      ...home,
      inCounty: true,
      townshipName: LEHONG.township,
      villageName: LEHONG.village,
      isDefault: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const second = await call(me, 'POST', '/me/addresses', parents);
    expect(second.json()).toMatchObject({ ...parents, townshipName: SHICHU.township, villageName: SHICHU.village, isDefault: false });

    const { items } = await book(me);
    expect(items.map((a) => [a.name, a.phone, a.isDefault])).toEqual([
      ['王小芳', '13987650001', true],
      ['王国富', '13987650002', false],
    ]);
  });

  it('moves the default when another is chosen, keeping exactly one', async () => {
    const me = await newShopper();
    const a = (await call(me, 'POST', '/me/addresses', home)).json();
    const b = (await call(me, 'POST', '/me/addresses', parents)).json();
    const chosen = await call(me, 'POST', `/me/addresses/${b.id}/default`);
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json()).toMatchObject({ id: b.id, isDefault: true });
    // The default comes first.
    expect((await book(me)).items.map((x) => [x.id, x.isDefault])).toEqual([
      [b.id, true],
      [a.id, false],
    ]);
    // A new address asked to be the default takes it over.
    const c = (await call(me, 'POST', '/me/addresses', { ...home, address: '镇上 5号', isDefault: true })).json();
    expect((await book(me)).items.filter((x) => x.isDefault).map((x) => x.id)).toEqual([c.id]);
  });

  it('hands the default on when the default is deleted, and forgets deleted ones', async () => {
    const me = await newShopper();
    const a = (await call(me, 'POST', '/me/addresses', home)).json();
    const b = (await call(me, 'POST', '/me/addresses', parents)).json();
    expect((await call(me, 'DELETE', `/me/addresses/${a.id}`)).json()).toEqual({ ok: true });
    expect((await book(me)).items.map((x) => [x.id, x.isDefault])).toEqual([[b.id, true]]);
    expect((await call(me, 'DELETE', `/me/addresses/${b.id}`)).statusCode).toBe(200);
    expect((await book(me)).items).toEqual([]);
    expect((await call(me, 'DELETE', `/me/addresses/${b.id}`)).statusCode).toBe(404);
  });

  it('changes an address in place', async () => {
    const me = await newShopper();
    const a = (await call(me, 'POST', '/me/addresses', home)).json();
    const changed = await call(me, 'PATCH', `/me/addresses/${a.id}`, { phone: '13987650009', divisionCode: SHICHU.code, address: '  新房子 2号 ' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id: a.id, name: '王小芳', phone: '13987650009', divisionCode: SHICHU.code, villageName: '施初村', address: '新房子 2号', isDefault: true });
    expect((await book(me)).items).toEqual([changed.json()]);
  });

  it("answers 404 for someone else's address and never lists it", async () => {
    const owner = await newShopper();
    const other = await newShopper();
    const a = (await call(owner, 'POST', '/me/addresses', home)).json();
    for (const [method, url, body] of [
      ['PATCH', `/me/addresses/${a.id}`, { name: '冒名' }],
      ['DELETE', `/me/addresses/${a.id}`, undefined],
      ['POST', `/me/addresses/${a.id}/default`, undefined],
    ] as const) {
      const res = await call(other, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    // Nor does the county admin read another's book.
    expect((await call(admin, 'PATCH', `/me/addresses/${a.id}`, { name: '冒名' })).statusCode).toBe(404);
    expect((await book(other)).items).toEqual([]);
    expect((await book(owner)).items).toEqual([expect.objectContaining({ id: a.id, name: '王小芳' })]);
    expect((await call(null, 'GET', '/me/addresses')).statusCode).toBe(401);
  });

  it('takes villages of this county in force and counties elsewhere, and names the field it refuses', async () => {
    const me = await newShopper();
    const refused = async (body: object, field: string) => {
      const res = await call(me, 'POST', '/me/addresses', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.field).toBe(field);
    };
    await refused({ ...home, divisionCode: '530621110299' }, 'body.divisionCode'); // no such village
    await refused({ ...home, divisionCode: '530621' }, 'body.divisionCode'); // this county needs its village
    await refused({ ...home, divisionCode: '530621110' }, 'body.divisionCode'); // a township alone
    await refused({ ...home, phone: '12345' }, 'body.phone');
    await refused({ ...home, name: '   ' }, 'body.name');
    await refused({ ...home, address: '' }, 'body.address');
    const { name: _left, ...noName } = home;
    await refused(noName, 'body.name');
    expect((await book(me)).items).toEqual([]);

    const shanghai = await call(me, 'POST', '/me/addresses', { ...home, divisionCode: '310101', address: '南京东路 100 号' });
    expect(shanghai.statusCode).toBe(201);
    expect(shanghai.json()).toMatchObject({ divisionCode: '310101', inCounty: false, townshipName: null, villageName: null });
    const a = shanghai.json();
    const bad = await call(me, 'PATCH', `/me/addresses/${a.id}`, { divisionCode: '530621110299' });
    expect(bad.json().error.details.field).toBe('body.divisionCode');
  });

  it('keeps exactly one default when several addresses are added at once to an empty book', async () => {
    const me = await newShopper();
    const added = await Promise.all([1, 2, 3, 4, 5].map((n) => call(me, 'POST', '/me/addresses', { ...home, address: `${n}号` })));
    expect(added.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const { items } = await book(me);
    expect(items).toHaveLength(5);
    expect(items.filter((x) => x.isDefault)).toHaveLength(1);
  });

  it('holds at most 20 addresses', async () => {
    const me = await newShopper();
    for (let i = 0; i < 20; i++) expect((await call(me, 'POST', '/me/addresses', { ...home, address: `${i + 1}号` })).statusCode).toBe(201);
    const full = await call(me, 'POST', '/me/addresses', { ...home, address: '第21个' });
    expect(full.statusCode).toBe(409);
    expect(full.json().error).toMatchObject({ code: 'ADDRESS_BOOK_FULL', details: { max: 20 } });
    const { items } = await book(me);
    expect(items).toHaveLength(20);
    expect(items.filter((x) => x.isDefault)).toHaveLength(1);
  });

  it('adds an address once for a repeated Idempotency-Key and keeps the phone sealed at rest', async () => {
    const me = await newShopper();
    const key = { 'idempotency-key': `adr-${engine}-once` };
    const first = await call(me, 'POST', '/me/addresses', home, key);
    const again = await call(me, 'POST', '/me/addresses', home, key);
    expect(again.json().id).toBe(first.json().id);
    expect((await book(me)).items).toHaveLength(1);

    const stored = await t.database.db.selectFrom('identity_addresses' as never).selectAll().where('id' as never, '=', first.json().id as never).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain('13987650001');
    expect(JSON.stringify(stored)).not.toContain('98765');
  });
});
