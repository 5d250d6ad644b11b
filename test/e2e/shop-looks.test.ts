/**
 * The shop looks like a real one, on a 390 × 844 phone, with the demo products' drawn photos: every card shows its
 * photo (sized, loaded lazily) and 已售 N; sorting by price reorders the results both ways and by sales puts the best
 * seller first; 分类 is a tree; the product page's buy bar is fully on screen and nothing covers it; after an order is
 * placed the cart tab is not lit. Screenshots go to /tmp/shots/shop/looks-*.png, and the shop's pages at 1440 px too.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../helpers.js';
import { pick, useBrowserHarness } from './harness.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
/** The 乐红村 village point, which takes cash for orders. */
const PICKUP = 'site_ld3_530621110205';

describe('a shop that looks real', () => {
  const h = useBrowserHarness({ busy: '.ant-message-notice, .ant-spin-spinning, .ant-skeleton', demoPhotos: true });
  const { apiGet, shot } = h;
  const openPage = (viewport = PHONE) => h.openPage(viewport, viewport.width < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {});
  const ownErrors = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of (401|404)/.test(e));
  /** The cards' lowest prices in fen, top to bottom, once a search answer for `sort` has been shown. */
  const cardPrices = (page: Page) => page.getByTestId('card-price').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-fen'))));
  const searched = (page: Page, sort: string) => page.waitForResponse((res) => res.url().includes('/api/v1/catalog/search') && new URL(res.url()).searchParams.get('sort') === sort);

  it('shows photos and 已售 on every card, and sorts by price both ways and by sales', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${h.base}/shop/search`);
    await expect.poll(() => page.getByTestId('product-card').count()).toBeGreaterThan(10);

    // Photos, not clip-art: each card's picture is the product's own, sized before it arrives and fetched when near.
    const cards = page.getByTestId('product-card');
    const photo = cards.first().getByTestId('product-photo');
    expect(await photo.getAttribute('loading')).toBe('lazy');
    expect(Number(await photo.getAttribute('width'))).toBeGreaterThan(0);
    expect(Number(await photo.getAttribute('height'))).toBeGreaterThan(0);
    expect(await photo.getAttribute('src')).toMatch(/^\/api\/v1\/catalog\/photos\/pho_[0-9a-z]+\/thumb$/);
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.locator('[data-testid=product-card] [data-produce]').count()).toBe(0);

    // 已售 N on every card, as the server counts it.
    const sold = await page.getByTestId('sold-count').allTextContents();
    expect(sold.length).toBe(await cards.count());
    expect(sold.every((s) => /^已售 \d+$/.test(s))).toBe(true);
    const answer = await apiGet<{ items: { name: string; unitsSold: number }[] }>(page, '/catalog/search?limit=20');
    expect(sold).toEqual(answer.items.map((p) => `已售 ${p.unitsSold}`));
    await shot(page, 'shop/looks-search');

    // 价格 ↑, then ↓: the same products, cheapest first, then dearest first.
    const before = await cardPrices(page);
    let answered = searched(page, 'price_asc');
    await page.getByTestId('sort-price').click();
    await answered;
    await expect.poll(async () => { const p = await cardPrices(page); return p.length > 10 && p.every((v, i) => i === 0 || p[i - 1] <= v); }).toBe(true);
    const up = await cardPrices(page);
    expect(up).not.toEqual(before);
    expect(page.url()).toContain('sort=price_asc');
    await shot(page, 'shop/looks-price-up');
    answered = searched(page, 'price_desc');
    await page.getByTestId('sort-price').click();
    await answered;
    await expect.poll(async () => { const p = await cardPrices(page); return p.length > 10 && p.every((v, i) => i === 0 || p[i - 1] >= v); }).toBe(true);
    expect((await cardPrices(page))[0]).toBeGreaterThan(up[0]);

    // 销量: the best seller first, counts never rising down the list.
    answered = searched(page, 'sales');
    await page.getByTestId('sort-sales').click();
    await answered;
    await expect.poll(async () => { const n = (await page.getByTestId('sold-count').allTextContents()).map((s) => Number(s.replace(/\D/g, ''))); return n.length > 10 && n[0] > 0 && n.every((v, i) => i === 0 || n[i - 1] >= v); }).toBe(true);
    await shot(page, 'shop/looks-sales');
    expect(ownErrors(errors)).toEqual([]);
  }, 180_000);

  it('shows the categories as a tree on 分类 and in the filters', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${h.base}/shop`);
    await page.getByTestId('nav-categories').click();
    await page.waitForURL(/\/shop\/categories$/);
    await expect.poll(() => page.getByTestId('nav-categories').getAttribute('aria-current')).toBe('page');
    await expect.poll(() => page.getByTestId('category-top').allTextContents()).toEqual(expect.arrayContaining(['水果', '坚果', '调味品']));
    await page.getByTestId('category-top').filter({ hasText: '坚果' }).click();
    await expect.poll(() => page.getByTestId('category-heading').textContent()).toBe('坚果');
    await expect.poll(() => page.getByTestId('category-tile').allTextContents()).toEqual([expect.stringMatching(/^全部坚果\d+ 件$/), expect.stringMatching(/^核桃\d+ 件$/), expect.stringMatching(/^核桃仁·核桃粉\d+ 件$/)]);
    await shot(page, 'shop/looks-categories');

    // A top category finds what its children hold; the filter shows the tree with its counts.
    await page.getByTestId('category-tile').first().click();
    await page.waitForURL(/categoryId=cat_nuts/);
    await expect.poll(() => page.getByTestId('product-card').count()).toBeGreaterThan(0);
    await page.getByTestId('open-filters').click();
    await expect.poll(() => page.getByTestId('facet-children').first().textContent()).toMatch(/核桃\d+核桃仁·核桃粉\d+/);
    await shot(page, 'shop/looks-filters', false);
    expect(ownErrors(errors)).toEqual([]);
  }, 120_000);

  it('keeps the product page’s buy bar whole on screen, and the cart tab unlit once the order is placed', async () => {
    const { page, errors } = await openPage();
    // Signed in from the start, through the API, so the test follows the shop and not a sign-in form.
    await page.goto(`${h.base}/shop`);
    const login = await page.evaluate(async (password) => (await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo.consumer', password }) })).status, DEMO_PASSWORD);
    expect(login).toBe(200);

    await page.goto(`${h.base}/shop/search?q=${encodeURIComponent('花椒')}`);
    await page.getByTestId('product-card').first().click();
    await page.waitForURL(/\/shop\/products\/prd_/);
    await expect.poll(() => page.getByTestId('product-title').isVisible()).toBe(true);

    // The bar is inside the screen, above the tab bar's place (the page hides the tab bar), and nothing lies on it.
    const bar = page.getByTestId('buy-bar');
    await expect.poll(() => bar.isVisible()).toBe(true);
    expect(await page.getByTestId('bottom-nav').count()).toBe(0);
    const box = (await bar.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    for (const id of ['add-to-cart', 'buy-now']) {
      const button = (await page.getByTestId(id).boundingBox())!;
      expect(button.y + button.height).toBeLessThanOrEqual(PHONE.height);
      const onTop = await page.evaluate(([x, y, testId]) => !!document.elementFromPoint(x as number, y as number)?.closest(`[data-testid="${testId}"]`), [button.x + button.width / 2, button.y + button.height / 2, id] as const);
      expect(onTop, id).toBe(true);
    }
    // Also after scrolling to the very end of the page: the details and the footer stay above the bar.
    await page.mouse.wheel(0, 5000);
    await expect.poll(() => page.evaluate(() => Math.round(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1)).toBe(true);
    const end = (await bar.boundingBox())!;
    expect(end.y + end.height).toBeLessThanOrEqual(PHONE.height);
    await shot(page, 'shop/looks-product', false);

    // Into the cart (from the bar), to the checkout, and the order placed: cash at the 乐红村 point.
    await page.getByTestId('add-to-cart').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已加入购物车');
    await page.getByTestId('buy-bar-cart').click();
    await page.waitForURL(/\/shop\/cart$/);
    await expect.poll(() => page.getByTestId('nav-cart').getAttribute('aria-current')).toBe('page');
    await page.getByTestId('go-checkout').click();
    await page.waitForURL(/\/shop\/checkout/);
    await page.getByTestId('ship-name').fill('李华');
    await page.getByTestId('ship-phone').fill('13912345678');
    await pick(page, 'ship-township', '乐红镇');
    await pick(page, 'ship-village', '乐红村');
    await page.getByTestId('ship-address').fill('乐红村三组 12 号');
    const points = await apiGet<{ items: { id: string; name: string }[] }>(page, '/network/service-points?kind=village_point');
    await pick(page, 'pickup-point', points.items.find((p) => p.id === PICKUP)!.name, { typed: '乐红' });
    const placed = page.waitForResponse((res) => res.url().endsWith('/api/v1/orders/checkout') && res.request().method() === 'POST');
    await page.getByTestId('place-order').click();
    expect((await placed).status()).toBe(201);
    await expect.poll(() => page.getByTestId('placed-order').count()).toBe(1);

    // The order is placed: the cart tab is not lit (the page is no longer the cart's).
    const cartTab = page.getByTestId('nav-cart');
    await expect.poll(() => cartTab.isVisible()).toBe(true);
    expect(await cartTab.getAttribute('aria-current')).toBeNull();
    expect(await page.locator('[data-testid=bottom-nav] [aria-current=page]').count()).toBe(0);
    await shot(page, 'shop/looks-placed', false);
    expect(ownErrors(errors)).toEqual([]);
  }, 180_000);

  it('looks right on a wide screen too', async () => {
    const { page, errors } = await openPage(DESKTOP);
    await page.goto(`${h.base}/shop`);
    await expect.poll(() => page.getByTestId('product-card').count()).toBeGreaterThan(0);
    await shot(page, 'shop/looks-home-wide');
    await page.goto(`${h.base}/shop/search?sort=sales`);
    await expect.poll(() => page.getByTestId('sort-sales').getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => page.getByTestId('product-card').count()).toBeGreaterThan(10);
    await shot(page, 'shop/looks-search-wide');
    await page.goto(`${h.base}/shop/categories`);
    await expect.poll(() => page.getByTestId('category-tile').count()).toBeGreaterThan(1);
    await shot(page, 'shop/looks-categories-wide');
    await page.getByTestId('category-tile').nth(1).click();
    await page.getByTestId('product-card').first().click();
    await page.waitForURL(/\/shop\/products\/prd_/);
    await expect.poll(() => page.getByTestId('product-title').isVisible()).toBe(true);
    // On a wide screen the buttons stay in the page, beside the picture.
    expect(await page.getByTestId('buy-bar').count()).toBe(0);
    await expect.poll(() => page.getByTestId('add-to-cart').isVisible()).toBe(true);
    await shot(page, 'shop/looks-product-wide');
    expect(ownErrors(errors)).toEqual([]);
  }, 180_000);
});
