import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, type TestApp } from '../helpers.js';

/** The API answers a page's HTML has the browser fetch before its script runs (`<link rel="preload" as="fetch">`). */
function announcedAnswers(html: string): string[] {
  return [...html.matchAll(/<link rel="preload" as="fetch" crossorigin="anonymous" href="([^"]+)">/g)].map(([, href]) => href.replaceAll('&amp;', '&'));
}

/** Needs the built console (dist/web): the shop's pages are its index.html with their first answers announced. */
describe.each(engines())('shop pages announce the answers of their first screen on %s', (engine) => {
  let t: TestApp;
  let productId: string;
  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false });
    productId = (await t.app.inject({ url: '/api/v1/catalog/search?limit=1' })).json().items[0].id;
  });
  afterAll(() => t.close());

  it('has the shop home fetch the featured products, who is signed in, the mode and the county with its HTML', async () => {
    const res = await t.app.inject({ url: '/shop' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<div id="root"></div>');
    expect(announcedAnswers(res.body)).toEqual(['/api/v1/auth/me', '/api/health', '/api/v1/network/county', '/api/v1/catalog/search?pavilion=specialty&limit=10']);
  });

  it('has a shared product link fetch its product first, and the sign-in page who is signed in', async () => {
    const product = await t.app.inject({ url: `/shop/products/${productId}` });
    expect(announcedAnswers(product.body)[0]).toBe(`/api/v1/catalog/products/${productId}`);
    const signIn = await t.app.inject({ url: '/shop/login' });
    expect(announcedAnswers(signIn.body)).toContain('/api/v1/auth/me');
    // The console's own sign-in is not the shop's: it announces no shop answers.
    expect(announcedAnswers((await t.app.inject({ url: '/login' })).body)).toEqual([]);
  });

  it('announces only answers that exist and that a visitor may read', async () => {
    const pages = ['/shop', `/shop/products/${productId}`, '/shop/login'];
    const answers = new Set(await Promise.all(pages.map(async (url) => announcedAnswers((await t.app.inject({ url })).body))).then((lists) => lists.flat()));
    for (const url of answers) {
      const res = await t.app.inject({ url, headers: { accept: 'application/json' } });
      // Nobody is signed in: /auth/me says so; every other answer is public.
      expect(res.statusCode, url).toBe(url === '/api/v1/auth/me' ? 401 : 200);
    }
  });

  it('does not announce the product of a link to one not on sale, nor a hostile id', async () => {
    for (const id of ['prd_nothing', encodeURIComponent('"><script>x</script>')]) {
      const res = await t.app.inject({ url: `/shop/products/${id}` });
      expect(res.statusCode, id).toBe(200);
      expect(announcedAnswers(res.body).some((url) => url.includes('/catalog/products/')), id).toBe(false);
      expect(res.body).not.toContain('<script>x');
    }
  });
});
