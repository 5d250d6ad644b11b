import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

function multipart(png: Buffer) {
  const boundary = '----preview-photo';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), png, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The tags a chat app reads from a shared link, by name or property. */
function previewTags(html: string): Record<string, string> {
  const tags: Record<string, string> = { title: /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '' };
  for (const [, key, value] of html.matchAll(/<meta (?:name|property)="([^"]+)" content="([^"]*)" \/>/g)) tags[key] = value;
  return tags;
}

const WEB = path.join(import.meta.dirname, '..', '..', 'dist', 'web');

/** Needs the built console (dist/web): the preview is its index.html with the product's tags. */
describe.each(engines())('link previews of shared product links on %s', (engine) => {
  let t: TestApp;
  let merchant: { cookie: string };
  let product: { id: string; name: string; minPriceFen: number; sellerName: string };
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false });
    merchant = await signIn(t.app, 'demo.merchant');
    const sellerId = (await t.app.inject({ url: '/api/v1/parties/sellers', headers: merchant })).json().items[0].id;
    const mine = (await t.app.inject({ url: `/api/v1/catalog/manage/products?sellerId=${sellerId}`, headers: merchant })).json().items;
    product = mine.find((p: { onSale: boolean; photos: unknown[] }) => p.onSale && p.photos.length === 0);
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/v1/catalog/products/${product.id}`, headers: merchant, payload: { name: '昭通苹果 <script>alert(1)</script> "脆甜"', subtitle: '高原冰糖心 & 当季现摘' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const png = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#c0392b' } }).png().toBuffer();
    const photo = await t.app.inject({ method: 'POST', url: `/api/v1/catalog/products/${product.id}/photos`, headers: { ...merchant, ...multipart(png).headers }, payload: multipart(png).payload });
    expect(photo.statusCode, photo.body).toBe(201);
  });
  afterAll(() => t.close());

  it('gives a shared product link its name, price, words, first photo and address, escaped, and the shop still starts', async () => {
    const shown = (await t.app.inject({ url: `/api/v1/catalog/products/${product.id}` })).json();
    const res = await t.app.inject({ url: `/shop/products/${product.id}`, headers: { host: 'shop.example.cn' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    const yuan = `¥${(shown.minPriceFen / 100).toFixed(2)}`;
    expect(previewTags(res.body)).toEqual({
      title: '昭通苹果 &lt;script&gt;alert(1)&lt;/script&gt; &quot;脆甜&quot;',
      description: expect.stringMatching(new RegExp(`^${yuan.replace('.', '\\.')} 起 · 高原冰糖心 &amp; 当季现摘`)),
      'og:type': 'product',
      'og:title': '昭通苹果 &lt;script&gt;alert(1)&lt;/script&gt; &quot;脆甜&quot;',
      'og:description': expect.stringContaining('高原冰糖心 &amp; 当季现摘'),
      'og:image': `http://shop.example.cn${shown.photos[0].url}`,
      'og:url': `http://shop.example.cn/shop/products/${product.id}`,
      'theme-color': '#1677ff',
      viewport: expect.any(String),
    });
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
    expect(res.body).toContain('<div id="root"></div>');
    // The product page's own chunk is fetched beside the entry, not after it.
    const manifest = JSON.parse(fs.readFileSync(path.join(WEB, '.vite', 'manifest.json'), 'utf8'));
    expect(res.body).toContain(`<link rel="modulepreload" crossorigin href="/${manifest['src/features/shop/product/ProductPage.tsx'].file}">`);
  });

  it('announces the sign-in pages\' own chunks in their HTML', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(WEB, '.vite', 'manifest.json'), 'utf8'));
    const res = await t.app.inject({ url: '/login' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain(`<link rel="modulepreload" crossorigin href="/${manifest['src/features/auth/sign-in/SignInPage.tsx'].file}">`);
    const shop = await t.app.inject({ url: '/shop/login' });
    expect(shop.statusCode).toBe(200);
    expect(shop.body).toContain('<div id="root"></div>');
    const own = manifest['src/features/shop/sign-in/ShopSignInPage.tsx'];
    if (own) expect(shop.body).toContain(`<link rel="modulepreload" crossorigin href="/${own.file}">`);
  });

  it('gives a link to a product not on sale the plain shop page, and one with a hostile id no trouble', async () => {
    const unlisted = await t.app.inject({ method: 'PATCH', url: `/api/v1/catalog/products/${product.id}`, headers: merchant, payload: { status: 'unlisted' } });
    expect(unlisted.statusCode, unlisted.body).toBe(200);
    for (const id of [product.id, 'prd_nothing', encodeURIComponent('"><script>x</script>')]) {
      const res = await t.app.inject({ url: `/shop/products/${id}` });
      expect(res.statusCode, id).toBe(200);
      expect(previewTags(res.body)['og:title'], id).toBeUndefined();
      expect(res.body).not.toContain('<script>x');
      expect(res.body).toContain('<div id="root"></div>');
    }
  });
});
