import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

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
    ];
    for (const [change, field] of cases) {
      const res = await post('/catalog/products', 'merchant', { ...pepper(), ...change });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.details.field).toBe(field);
    }
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

  describe('search', () => {
    beforeAll(async () => {
      await post('/catalog/products', 'merchant', { ...pepper(), name: '麻辣花椒油', subtitle: '青花椒冷榨', skus: [{ spec: '250毫升', unit: '瓶', netWeightG: 250, priceFen: 2900, stock: 10 }] });
      await post('/catalog/products', 'county', { ...pepper(), sellerId: appleCoop, categoryId: category['水果'], name: '昭通苹果 红富士 10斤装', subtitle: '龙头山高原苹果', originCode: '530621103202', skus: [{ spec: '10斤', unit: '箱', netWeightG: 5000, priceFen: 6990, stock: 50 }] });
      await post('/catalog/products', 'county', { ...pepper(), sellerId: appleCoop, categoryId: category['坚果'], name: '鲁甸大麻核桃 薄壳', subtitle: '龙头山核桃', originCode: '530621103202', skus: [{ spec: '1千克', unit: '袋', netWeightG: 1000, priceFen: 4500, stock: 30 }] });
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
      expect(all.facets.category.find((f: { label: string }) => f.label === '调味品').count).toBe(2);
      // Only the pepper itself carries the brand; the oil does not.
      expect(all.facets.brand).toEqual([{ value: brand, label: '鲁甸青花椒', count: 1 }]);
    });

    it('pages through results without repeats', async () => {
      const first = await search('limit=2');
      const second = await search(`limit=2&cursor=${first.nextCursor}`);
      expect(first.items).toHaveLength(2);
      expect(second.items).toHaveLength(2);
      expect(new Set([...first.items, ...second.items].map((p: { id: string }) => p.id)).size).toBe(4);
      expect(second.nextCursor).toBeNull();
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
