import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { buildTestApp, engines, signIn, TEST_DATA_KEY, TEST_KUAIDI100_SALT, type TestApp } from '../helpers.js';

describe.each(engines())('catalogue and Chinese search on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  let pepperCoop = '';
  let appleCoop = '';
  const category: Record<string, string> = {};
  let brand = '';
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false });
    for (const who of ['county', 'merchant', 'consumer']) as[who] = await signIn(t.app, `demo.${who}`);
    pepperCoop = (await t.app.inject({ url: '/api/v1/parties/sellers', headers: as.merchant })).json().items[0].id;
    const all = (await t.app.inject({ url: '/api/v1/parties/sellers?limit=100', headers: as.county })).json().items;
    appleCoop = all.find((s: { name: string }) => s.name === '鲁甸县龙头山苹果产销专业合作社').id;
    for (const name of ['调味品', '水果', '坚果']) {
      category[name] = (await post('/catalog/categories', 'county', { name })).json().id;
    }
    brand = (await post('/catalog/brands', 'county', { name: '鲁甸青花椒', description: '区域公共品牌' })).json().id;
  });
  afterAll(() => t.close());

  function post(url: string, who: string, payload?: object) {
    return t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as[who], payload });
  }
  const search = (query: string) => t.app.inject({ url: `/api/v1/catalog/search?${query}` }).then((r) => r.json());
  const pepper = () => ({
    sellerId: pepperCoop,
    categoryId: category['调味品'],
    name: '鲁甸青花椒 特级麻椒',
    subtitle: '乐红镇高山青花椒，当季采摘',
    originCode: '530621110205',
    status: 'listed',
    skus: [
      { spec: '250克袋装', unit: '袋', netWeightG: 250, priceFen: 3800, stock: 100 },
      { spec: '500克罐装', unit: '罐', netWeightG: 500, priceFen: 6800, stock: 40 },
    ],
  });
  let pepperId = '';

  it('lets a seller add a product with SKUs, and nobody else', async () => {
    const res = await post('/catalog/products', 'merchant', pepper());
    expect(res.statusCode).toBe(201);
    pepperId = res.json().id;
    expect(res.json()).toMatchObject({ minPriceFen: 3800, onSale: true, skus: [{ available: 100 }, { available: 40 }] });
    const notMine = await post('/catalog/products', 'merchant', { ...pepper(), sellerId: appleCoop });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.details.field).toBe('body.sellerId');
    expect((await post('/catalog/products', 'consumer', pepper())).statusCode).toBe(403);
  });

  it('refuses bad products with the field named', async () => {
    const cases: [object, string][] = [
      [{ skus: [] }, 'body.skus'],
      [{ skus: [{ spec: 'x', unit: '袋', netWeightG: 250, priceFen: 0 }] }, 'body.skus.0.priceFen'],
      [{ categoryId: 'cat_nothing' }, 'body.categoryId'],
      [{ originCode: '5306' }, 'body.originCode'],
      [{ brandId: 'brd_nothing' }, 'body.brandId'],
      [{ gtin: '9506000134353' }, 'body.gtin'],
      [{ gtin: '96385075' }, 'body.gtin'],
    ];
    for (const [change, field] of cases) {
      const res = await post('/catalog/products', 'merchant', { ...pepper(), ...change });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.details.field).toBe(field);
    }
    // The county office manages every seller, but only sellers that exist.
    const nobody = await post('/catalog/products', 'county', { ...pepper(), sellerId: 'sel_nobody' });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().error.details.field).toBe('body.sellerId');
  });

  it('takes a GTIN only with its GS1 check digit, on create and on change', async () => {
    const made = await post('/catalog/products', 'merchant', { ...pepper(), name: '青花椒 条码测试', status: 'draft', gtin: '6901234567892' });
    expect(made.statusCode).toBe(201);
    expect(made.json().gtin).toBe('6901234567892');
    const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/catalog/products/${made.json().id}`, headers: as.merchant, payload });
    const wrong = await patch({ gtin: '6901234567891' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'GTIN_INVALID', details: { field: 'body.gtin' } });
    expect((await patch({ gtin: '09506000134352' })).json().gtin).toBe('09506000134352');
    expect((await patch({ gtin: null })).json().gtin).toBeNull();
    expect((await t.app.inject({ url: `/api/v1/catalog/manage/products/${made.json().id}`, headers: as.merchant })).json().gtin).toBeNull();
  });

  it('licenses a brand only to a seller that exists', async () => {
    const res = await post(`/catalog/brands/${brand}/licences`, 'county', { sellerId: 'sel_nobody', licenceNo: 'LDQHJ-X', validFrom: '2020-01-01', validTo: '2099-12-31' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe('body.sellerId');
  });

  it('shows a regional brand only while the seller holds a licence in force', async () => {
    const unlicensed = await post('/catalog/products', 'merchant', { ...pepper(), brandId: brand });
    expect(unlicensed.json().error.code).toBe('BRAND_NOT_LICENSED');
    const licence = await post(`/catalog/brands/${brand}/licences`, 'county', { sellerId: pepperCoop, licenceNo: 'LDQHJ-2026-001', validFrom: '2020-01-01', validTo: '2099-12-31' });
    expect(licence.json().inForce).toBe(true);
    const branded = await t.app.inject({ method: 'PATCH', url: `/api/v1/catalog/products/${pepperId}`, headers: as.merchant, payload: { brandId: brand } });
    expect(branded.json().brand).toEqual({ id: brand, name: '鲁甸青花椒' });
    await post(`/catalog/licences/${licence.json().id}/revoke`, 'county');
    expect((await t.app.inject({ url: `/api/v1/catalog/products/${pepperId}` })).json().brand).toBeNull();
    await post(`/catalog/brands/${brand}/licences`, 'county', { sellerId: pepperCoop, licenceNo: 'LDQHJ-2026-002', validFrom: '2020-01-01', validTo: '2099-12-31' });
    expect((await t.app.inject({ url: `/api/v1/catalog/products/${pepperId}` })).json().brand.name).toBe('鲁甸青花椒');
  });

  it('keeps an uploaded photo resized, serves it to anyone, and refuses what is not an image', async () => {
    const png = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#3a7d2c' } }).png().toBuffer();
    const upload = (who: string, body: Buffer, field = 'photo') => {
      const boundary = '----countyhub' + Math.random().toString(16).slice(2);
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`),
        body,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({ method: 'POST', url: `/api/v1/catalog/products/${pepperId}/photos`, headers: { ...as[who], 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    };
    const res = await upload('merchant', png);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ width: 1200, height: 800 });
    const image = await t.app.inject({ url: res.json().thumbUrl });
    expect(image.headers['content-type']).toBe('image/webp');
    expect((await sharp(image.rawPayload).metadata()).width).toBe(400);
    expect((await t.app.inject({ url: `/api/v1/catalog/manage/products/${pepperId}`, headers: as.merchant })).json().photos).toHaveLength(1);
    expect((await upload('consumer', png)).statusCode).toBe(403);
    const text = await upload('merchant', Buffer.from('not a picture at all'));
    expect(text.statusCode).toBe(400);
    expect(text.json().error).toMatchObject({ code: 'NOT_AN_IMAGE', details: { field: 'body.photo' } });
    expect((await upload('merchant', png, 'file')).json().error.details.field).toBe('body.photo');
  });

  it('drops the badge of an expired certificate', async () => {
    await post(`/catalog/products/${pepperId}/certifications`, 'merchant', { kind: 'geographical_indication', number: 'AGI-2020-01', issuer: '农业农村部', validFrom: '2020-01-01', validTo: '2099-01-01' });
    await post(`/catalog/products/${pepperId}/certifications`, 'merchant', { kind: 'green_food', number: 'LB-2019', issuer: '中国绿色食品发展中心', validFrom: '2019-01-01', validTo: '2022-01-01' });
    const kinds = (await t.app.inject({ url: `/api/v1/catalog/products/${pepperId}` })).json().certifications.map((c: { kind: string }) => c.kind);
    expect(kinds).toEqual(['geographical_indication']);
  });

  it('pages every catalogue list with a cursor', async () => {
    for (const name of ['蔬菜', '蜂产品', '药材']) await post('/catalog/categories', 'county', { name, sort: -1 });
    await post('/catalog/brands', 'county', { name: '昭通苹果', description: '' });
    await post(`/catalog/brands/${brand}/licences`, 'county', { sellerId: appleCoop, licenceNo: 'LDQHJ-2026-009', validFrom: '2021-01-01', validTo: '2099-12-31' });
    const lists = ['/catalog/categories', '/catalog/brands', `/catalog/brands/${brand}/licences`, '/catalog/manage/products', `/catalog/manage/products?sellerId=${pepperCoop}`];
    for (const list of lists) {
      const url = (extra: string) => `/api/v1${list}${list.includes('?') ? '&' : '?'}${extra}`;
      const whole = (await t.app.inject({ url: url('limit=500'), headers: as.county })).json();
      expect(whole.nextCursor, list).toBeNull();
      expect(whole.items.length, list).toBeGreaterThan(1);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = (await t.app.inject({ url: url(`limit=1${cursor ? `&cursor=${cursor}` : ''}`), headers: as.county })).json();
        expect(page.items.length, list).toBe(1);
        seen.push(page.items[0].id);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, list).toEqual(whole.items.map((i: { id: string }) => i.id));
    }
    const bad = await t.app.inject({ url: '/api/v1/catalog/brands?cursor=bm90LWpzb24' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe('querystring.cursor');
  });

  describe('search', () => {
    beforeAll(async () => {
      await post('/catalog/products', 'merchant', { ...pepper(), name: '麻辣花椒油', subtitle: '青花椒冷榨', skus: [{ spec: '250毫升', unit: '瓶', netWeightG: 250, priceFen: 2900, stock: 10 }] });
      await post('/catalog/products', 'county', { ...pepper(), sellerId: appleCoop, categoryId: category['水果'], name: '昭通苹果 红富士 10斤装', subtitle: '龙头山高原苹果', originCode: '530621103202', skus: [{ spec: '10斤', unit: '箱', netWeightG: 5000, priceFen: 6990, stock: 50 }] });
      await post('/catalog/products', 'county', { ...pepper(), sellerId: appleCoop, categoryId: category['坚果'], name: '鲁甸大麻核桃 薄壳', subtitle: '龙头山核桃', originCode: '530621103202', skus: [{ spec: '1千克', unit: '袋', netWeightG: 1000, priceFen: 4500, stock: 30 }] });
      await post('/catalog/products', 'merchant', { ...pepper(), name: '小米辣 干辣椒', subtitle: '朝天椒晒干', skus: [{ spec: '200克', unit: '袋', netWeightG: 200, priceFen: 3200, stock: 20 }] });
    });
    const names = async (q: string) => (await search(`q=${encodeURIComponent(q)}&limit=100`)).items.map((p: { name: string }) => p.name);
    const PEPPER = '鲁甸青花椒 特级麻椒';
    const OIL = '麻辣花椒油';
    const APPLE = '昭通苹果 红富士 10斤装';
    const WALNUT = '鲁甸大麻核桃 薄壳';
    const CHILI = '小米辣 干辣椒';

    it('finds products by one Chinese character', async () => {
      expect(await names('苹')).toEqual([APPLE]);
      expect((await names('果'))[0]).toBe(APPLE);
      expect((await names('椒')).sort()).toEqual([PEPPER, OIL, CHILI].sort());
      expect((await names('桃'))).toEqual([WALNUT]);
    });

    it('finds products by English names, whole phrases first', async () => {
      for (const q of ['apple', 'Apples', 'APPLE']) expect(await names(q), q).toEqual([APPLE]);
      expect(await names('walnut')).toEqual([WALNUT]);
      expect((await names('pepper')).sort()).toEqual([PEPPER, OIL, CHILI].sort());
      const sichuan = await names('Sichuan pepper');
      expect(sichuan.slice(0, 2).sort()).toEqual([PEPPER, OIL].sort());
      expect(sichuan).not.toContain(APPLE);
      expect((await names('chili'))).toEqual([CHILI]);
    });

    it('finds products by pinyin and by initials', async () => {
      expect(await names('pingguo')).toEqual([APPLE]);
      expect((await names('pg'))[0]).toBe(APPLE);
      expect((await names('huajiao')).sort()).toEqual([PEPPER, OIL].sort());
      expect((await names('hj')).slice(0, 2).sort()).toEqual([PEPPER, OIL].sort());
      expect((await names('qinghuajiao'))[0]).toBe(PEPPER);
      expect((await names('qing hua jiao'))[0]).toBe(PEPPER);
      expect((await names('hetao'))).toEqual([WALNUT]);
      expect((await names('lajiao'))).toEqual([CHILI]);
    });

    it('ranks whole-word hits above single-character hits', async () => {
      // 花椒 is a word of the pepper and the oil; 苹 only a character of the apple.
      const mixed = await names('花椒 苹');
      expect(mixed.slice(0, 2).sort()).toEqual([PEPPER, OIL].sort());
      expect(mixed[2]).toBe(APPLE);
      // A word no product carries is looked up by its characters.
      expect((await names('椒盐')).sort()).toEqual([PEPPER, OIL, CHILI].sort());
      expect(await names('榴莲')).toEqual([]);
    });

    it('refuses an over-long query with 400 naming q', async () => {
      for (const q of ['a'.repeat(5000), '椒'.repeat(5000), '花'.repeat(61)]) {
        const res = await t.app.inject({ url: `/api/v1/catalog/search?q=${encodeURIComponent(q)}` });
        expect(res.statusCode).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'querystring.q' } });
      }
      // Over a real connection too: a 5,000-letter query is read and refused by the schema.
      const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const res = await fetch(`${address}/api/v1/catalog/search?q=${'a'.repeat(5000)}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error.details.field).toBe('querystring.q');
    });

    it('rebuilds terms built with older rules at start', async () => {
      // A database indexed before characters and pinyin were: only whole words, version 0.
      await t.database.db.deleteFrom('catalog_search_terms' as never).where('term' as never, 'in', ['苹', 'pingguo', 'pg', 'apple'] as never).execute();
      await t.database.db.updateTable('catalog_revision' as never).set({ search_version: 0, revision: 1000 } as never).execute();
      expect(await names('pingguo')).toEqual([]);
      // The app starting again on this database (its routes are mounted after the migrations) rebuilds them once.
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'countyhub-restart-'));
      await buildApp({ config: { dataDir, databaseUrl: '', secureCookies: false, trustProxy: false, dataKey: TEST_DATA_KEY, kuaidi100Salt: TEST_KUAIDI100_SALT }, database: t.database });
      fs.rmSync(dataDir, { recursive: true, force: true });
      expect(await t.modules.catalog.catalog.ensureSearchIndex()).toBe(false);
      for (const q of ['苹', 'pingguo', 'pg', 'apple']) expect((await names(q))[0], q).toBe(APPLE);
    });

    it('finds 花椒 inside 青花椒 and 花椒油, 核桃 inside 大麻核桃, best match first', async () => {
      const result = await search(`q=${encodeURIComponent('花椒')}`);
      expect(result.items.map((p: { name: string }) => p.name).sort()).toEqual(['麻辣花椒油', '鲁甸青花椒 特级麻椒'].sort());
      expect((await search(`q=${encodeURIComponent('核桃')}`)).items.map((p: { name: string }) => p.name)).toEqual(['鲁甸大麻核桃 薄壳']);
      expect((await search(`q=${encodeURIComponent('苹果')}`)).items[0].name).toBe('昭通苹果 红富士 10斤装');
      const phrase = await search(`q=${encodeURIComponent('鲁甸青花椒')}`);
      expect(phrase.items[0].name).toBe('鲁甸青花椒 特级麻椒');
      expect((await search(`q=${encodeURIComponent('榴莲')}`)).total).toBe(0);
    });

    it('filters by category, township and price, with facets of what is found', async () => {
      expect((await search(`categoryId=${category['水果']}`)).items.map((p: { name: string }) => p.name)).toEqual(['昭通苹果 红富士 10斤装']);
      expect((await search('townshipCode=530621103')).total).toBe(2);
      const cheap = await search('maxPriceFen=3000');
      expect(cheap.items.map((p: { name: string }) => p.name)).toEqual(['麻辣花椒油']);
      const all = await search('limit=100');
      expect(all.facets.category.find((f: { label: string }) => f.label === '调味品').count).toBe(3);
      // Only the pepper itself carries the brand; the oil does not.
      expect(all.facets.brand).toEqual([{ value: brand, label: '鲁甸青花椒', count: 1 }]);
    });

    it('pages through results without repeats', async () => {
      const first = await search('limit=2');
      const second = await search(`limit=2&cursor=${first.nextCursor}`);
      const third = await search(`limit=2&cursor=${second.nextCursor}`);
      expect([first.items.length, second.items.length, third.items.length]).toEqual([2, 2, 1]);
      expect(new Set([...first.items, ...second.items, ...third.items].map((p: { id: string }) => p.id)).size).toBe(5);
      expect(third.nextCursor).toBeNull();
    });

    it('puts a product in 扶贫馆 only while a poor household is linked to it', async () => {
      // The demo links households to the pepper co-op as a whole, so its products are in the pavilion.
      const poverty = await search('pavilion=poverty&limit=100');
      expect(poverty.items.every((p: { pavilions: string[] }) => p.pavilions.includes('poverty'))).toBe(true);
      expect(poverty.items.map((p: { sellerId: string }) => p.sellerId)).toContain(pepperCoop);
      const hh = (await t.app.inject({ url: '/api/v1/parties/households?limit=500', headers: as.county })).json().items;
      for (const h of hh) {
        const detail = (await t.app.inject({ url: `/api/v1/parties/households/${h.id}`, headers: as.county })).json();
        for (const link of detail.links.filter((l: { sellerId: string }) => l.sellerId === appleCoop)) {
          await post(`/parties/household-links/${link.id}/end`, 'county', { validTo: '2019-01-01' });
        }
      }
      const after = await search('pavilion=poverty&limit=100');
      expect(after.items.map((p: { sellerId: string }) => p.sellerId)).not.toContain(appleCoop);
    });

    it('puts a product in 特色馆 when the county curates it', async () => {
      expect((await t.app.inject({ method: 'PUT', url: `/api/v1/catalog/products/${pepperId}/specialty`, headers: as.merchant, payload: { inPavilion: true } })).statusCode).toBe(403);
      await t.app.inject({ method: 'PUT', url: `/api/v1/catalog/products/${pepperId}/specialty`, headers: as.county, payload: { inPavilion: true } });
      expect((await search('pavilion=specialty')).items.map((p: { id: string }) => p.id)).toEqual([pepperId]);
    });

    it("takes a suspended seller's products out of the shop, and brings them back", async () => {
      await post(`/parties/sellers/${appleCoop}/suspend`, 'county', { reason: '抽检不合格' });
      expect((await search(`q=${encodeURIComponent('苹果')}`)).total).toBe(0);
      const appleId = (await t.app.inject({ url: `/api/v1/catalog/manage/products?sellerId=${appleCoop}`, headers: as.county })).json().items[0].id;
      expect((await t.app.inject({ url: `/api/v1/catalog/products/${appleId}` })).statusCode).toBe(404);
      await post(`/parties/sellers/${appleCoop}/reinstate`, 'county');
      expect((await search(`q=${encodeURIComponent('苹果')}`)).total).toBe(1);
    });

    it('hides unlisted products from the shop but not from their seller', async () => {
      await t.app.inject({ method: 'PATCH', url: `/api/v1/catalog/products/${pepperId}`, headers: as.merchant, payload: { status: 'unlisted' } });
      expect((await t.app.inject({ url: `/api/v1/catalog/products/${pepperId}` })).statusCode).toBe(404);
      expect((await t.app.inject({ url: `/api/v1/catalog/manage/products/${pepperId}`, headers: as.merchant })).json().status).toBe('unlisted');
      expect((await t.app.inject({ url: `/api/v1/catalog/manage/products/${pepperId}`, headers: as.consumer })).statusCode).toBe(404);
    });
  });
});
