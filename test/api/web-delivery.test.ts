import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, type TestApp } from '../helpers.js';

/**
 * What a phone on a slow link gets: text answers compressed as the browser accepts (brotli before gzip), hashed build
 * files kept for a year, index.html asked for each time. Needs the built console (dist/web, `npm run build:web`).
 */
const WEB = path.join(import.meta.dirname, '..', '..', 'dist', 'web');
const entryScript = () => /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(fs.readFileSync(path.join(WEB, 'index.html'), 'utf8'))![1];
const biggestScript = () =>
  fs
    .readdirSync(path.join(WEB, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ f, size: fs.statSync(path.join(WEB, 'assets', f)).size }))
    .sort((a, b) => b.size - a.size)[0].f;

function decode(encoding: string | undefined, body: Buffer): Buffer {
  if (encoding === 'br') return zlib.brotliDecompressSync(body);
  if (encoding === 'gzip') return zlib.gunzipSync(body);
  return body;
}

describe.each(engines())('web delivery on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false });
  });
  afterAll(() => t.close());

  it('sends a build file as brotli or gzip, as the browser takes, decoding to the file itself, kept for a year', async () => {
    const file = `/assets/${biggestScript()}`;
    const original = fs.readFileSync(path.join(WEB, file));
    for (const [accept, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip;q=0.8', 'gzip'],
      ['', undefined],
    ] as const) {
      const res = await t.app.inject({ url: file, headers: { 'accept-encoding': accept } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(decode(encoding, res.rawPayload).equals(original)).toBe(true);
      if (encoding) expect(res.rawPayload.length).toBeLessThan(original.length / 2);
    }
  });

  it('has the browser ask again for index.html, on the shop and console addresses alike', async () => {
    for (const url of ['/', '/index.html', '/shop', '/shop/cart', '/logistics/point']) {
      const res = await t.app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(decode(res.headers['content-encoding'] as string | undefined, res.rawPayload).toString()).toContain(entryScript());
    }
    const worker = await t.app.inject({ url: '/sw.js' });
    expect(worker.headers['cache-control']).toBe('no-cache');
  });

  it('compresses an API answer over 1 KB to the same JSON, and leaves a small one alone', async () => {
    const url = '/api/v1/catalog/search?limit=20';
    const plain = await t.app.inject({ url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    for (const [accept, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await t.app.inject({ url, headers: { 'accept-encoding': accept } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      expect(JSON.parse(decode(encoding, res.rawPayload).toString())).toEqual(plain.json());
    }
    const small = await t.app.inject({ url: '/api/health', headers: { 'accept-encoding': 'br, gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json().status).toBe('ok');
  });

  it('compresses an error answer too, still in the one error shape', async () => {
    const res = await t.app.inject({ url: `/api/v1/catalog/search?q=${'苹'.repeat(300)}`, headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    const body = JSON.parse(decode(res.headers['content-encoding'] as string | undefined, res.rawPayload).toString());
    expect(body.error.code).toEqual(expect.any(String));
  });
});
