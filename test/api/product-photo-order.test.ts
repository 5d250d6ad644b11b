import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, signIn, type TestApp } from '../helpers.js';

function multipart(png: Buffer) {
  const boundary = '----photo-order';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), png, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(engines())('ordering a product’s photos on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  let productId = '';
  const photoIds: string[] = [];
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false });
    for (const who of ['merchant', 'county', 'consumer']) as[who] = await signIn(t.app, `demo.${who}`);
    const sellerId = (await t.app.inject({ url: '/api/v1/parties/sellers', headers: as.merchant })).json().items[0].id;
    productId = (await t.app.inject({ url: `/api/v1/catalog/manage/products?sellerId=${sellerId}`, headers: as.merchant })).json().items.find((p: { photos: unknown[] }) => p.photos.length === 0).id;
    for (const colour of ['#c0392b', '#27ae60', '#f1c40f']) {
      const png = await sharp({ create: { width: 60, height: 40, channels: 3, background: colour } }).png().toBuffer();
      const { payload, headers } = multipart(png);
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/catalog/products/${productId}/photos`, headers: { ...as.merchant, ...headers }, payload });
      expect(res.statusCode, res.body).toBe(201);
      photoIds.push(res.json().id);
    }
  });
  afterAll(() => t.close());

  const order = (who: string, ids: string[]) => t.app.inject({ method: 'PUT', url: `/api/v1/catalog/products/${productId}/photos/order`, headers: as[who], payload: { photoIds: ids } });
  const shown = async () => (await t.app.inject({ url: `/api/v1/catalog/products/${productId}` })).json().photos.map((p: { id: string }) => p.id);

  it('shows the photos in the order the seller puts them, the first as the main picture', async () => {
    expect(await shown()).toEqual(photoIds);
    const turned = [photoIds[2], photoIds[0], photoIds[1]];
    expect((await order('merchant', turned)).statusCode).toBe(200);
    expect(await shown()).toEqual(turned);
    expect((await order('county', photoIds)).statusCode).toBe(200);
    expect(await shown()).toEqual(photoIds);
  });

  it('wants every photo of the product once, naming the field, and changes nothing otherwise', async () => {
    for (const ids of [[photoIds[0], photoIds[1]], [photoIds[0], photoIds[0], photoIds[1]], [...photoIds.slice(0, 2), 'pho_other']]) {
      const res = await order('merchant', ids);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.field).toBe('body.photoIds');
    }
    expect(await shown()).toEqual(photoIds);
  });

  it('lets only the seller’s accounts and the county office order them', async () => {
    expect((await order('consumer', photoIds)).statusCode).toBe(403);
    const missing = await t.app.inject({ method: 'PUT', url: '/api/v1/catalog/products/prd_nothing/photos/order', headers: as.merchant, payload: { photoIds } });
    expect(missing.statusCode).toBe(404);
  });
});
