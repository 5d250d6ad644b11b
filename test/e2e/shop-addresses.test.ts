/**
 * 我的地址 in a real browser on a phone (390 × 844): a new shopper opens it from the shop's 我的 menu, adds two
 * addresses (the form starts with the account's name and phone; township, then village, by name), makes the second
 * the default, and 立即购买 on a product goes to a checkout of that item alone that starts with the default address
 * and places the order there. A stranger's 立即购买 goes through the sign-in and back to the same checkout.
 * Needs the built console (`npx vite build`) and Chromium. Screenshots: /tmp/shots/checkout/*.png, phone and desktop.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn as apiSignIn } from '../helpers.js';
import { pick, useBrowserHarness } from './harness.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const SHOTS = '/tmp/shots/checkout';
const POINT = '乐红村电商服务点';
const SHOPPER = { username: 'shopper.wang', displayName: '王小芳', phone: '13987650001', password: 'shopper-pass-2026' };

interface OrderRow {
  id: string;
  shipTo: { name: string; phone: string; address: string; divisionCode: string };
  items: { productId: string; quantity: number }[];
}

describe('the address book and a checkout that remembers', () => {
  const h = useBrowserHarness({ busy: '.ant-message-notice, .ant-spin-spinning, .ant-skeleton' });
  let shopperCookie = '';

  /** A fresh profile, signed in as the new shopper by the session cookie (the sign-in page is another test's). */
  async function shopperPage(viewport = PHONE): Promise<{ page: Page; errors: string[] }> {
    if (!shopperCookie) {
      const admin = await apiSignIn(h.t.app, 'demo.county');
      const made = await h.t.app.inject({ method: 'POST', url: '/api/v1/identity/users', headers: admin, payload: { ...SHOPPER, roles: ['consumer'], scope: { kind: 'county', id: '530621' } } });
      expect(made.statusCode, made.body).toBe(201);
      shopperCookie = (await apiSignIn(h.t.app, SHOPPER.username, SHOPPER.password)).cookie.split('=')[1];
    }
    const opened = await h.openPage(viewport, viewport.width < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {});
    await opened.page.context().addCookies([{ name: 'countyhub_session', value: shopperCookie, url: h.base }]);
    return opened;
  }

  const shot = async (page: Page, name: string) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await h.shot(page, `checkout/${name}`);
  };
  const ownErrors = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of (401|404)/.test(e));
  const cards = (page: Page) => page.getByTestId('address-card');

  /** Opens the add drawer, checks it starts with the account's name and phone, and saves an address in a village. */
  async function addAddress(page: Page, a: { name?: string; township: string; village: string; street: string }, shotName?: string) {
    const before = await cards(page).count();
    await page.getByTestId('add-address').click();
    await expect.poll(() => page.getByTestId('ship-name').inputValue()).toBe(SHOPPER.displayName);
    await expect.poll(() => page.getByTestId('ship-phone').inputValue()).toBe(SHOPPER.phone);
    if (a.name) await page.getByTestId('ship-name').fill(a.name);
    await pick(page, 'ship-township', a.township);
    await pick(page, 'ship-village', a.village);
    await page.getByTestId('ship-address').fill(a.street);
    if (shotName) await shot(page, shotName);
    await page.getByTestId('save-address').click();
    await expect.poll(() => cards(page).count()).toBe(before + 1);
  }

  it('keeps two addresses, the default first, and 立即购买 checks out one item to the default', async () => {
    const { page, errors } = await shopperPage();

    // From the shop's 我的 menu.
    await page.goto(`${h.base}/shop`);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-addresses').click();
    await page.waitForURL(/\/shop\/addresses$/);
    await expect.poll(() => page.locator('.ant-empty-description').textContent()).toBe('还没有收货地址');
    await shot(page, 'addresses-empty-phone');

    await addAddress(page, { township: '乐红镇', village: '乐红村', street: '三组 18 号' }, 'address-form-phone');
    await expect.poll(() => cards(page).first().getByTestId('address-default').count()).toBe(1);
    await addAddress(page, { name: '王国富', township: '乐红镇', village: '施初村', street: '村委会旁 2 号' });
    await expect.poll(() => page.getByTestId('address-name').allTextContents()).toEqual(['王小芳', '王国富']);
    await expect.poll(() => page.getByTestId('address-place').allTextContents()).toEqual(['乐红镇 乐红村 · 三组 18 号', '乐红镇 施初村 · 村委会旁 2 号']);

    // The second becomes the default and moves to the top; exactly one is marked.
    await cards(page).nth(1).getByTestId('make-default').click();
    await expect.poll(() => page.getByTestId('address-name').allTextContents()).toEqual(['王国富', '王小芳']);
    await expect.poll(() => page.getByTestId('address-default').count()).toBe(1);
    await expect.poll(() => cards(page).first().getByTestId('address-default').count()).toBe(1);
    await shot(page, 'addresses-phone');

    // A product's 立即购买: a checkout of that item alone, starting with the default address.
    const found = await h.apiGet<{ items: { id: string; name: string }[] }>(page, `/catalog/search?q=${encodeURIComponent('花椒')}&limit=1`);
    const product = found.items[0];
    await page.goto(`${h.base}/shop/products/${product.id}`);
    await expect.poll(() => page.getByTestId('product-title').textContent()).toBe(product.name);
    await page.getByTestId('buy-now').click();
    await page.waitForURL((url) => url.pathname === '/shop/checkout' && url.searchParams.get('product') === product.id);
    await expect.poll(() => page.getByTestId('chosen-address').textContent()).toContain('王国富');
    await expect.poll(() => page.getByTestId('chosen-address').textContent()).toContain('乐红镇 施初村 · 村委会旁 2 号');
    await expect.poll(() => page.getByTestId('review-group').count()).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem('countyhub.cart') ?? '[]')).toBe('[]');
    await shot(page, 'checkout-default-phone');

    // Another saved address can be chosen, and the default chosen back.
    await page.getByTestId('change-address').click();
    await expect.poll(() => page.getByTestId('address-choice').count()).toBe(2);
    await shot(page, 'checkout-choose-phone');
    await page.getByTestId('address-choice').filter({ hasText: '王小芳' }).click();
    await expect.poll(() => page.getByTestId('chosen-address').textContent()).toContain('王小芳');
    // Cash is paid at the address's own village point unless the shopper chooses another.
    await expect.poll(() => page.getByTestId('pickup-point').textContent()).toContain(POINT);
    await page.getByTestId('change-address').click();
    await page.getByTestId('address-choice').filter({ hasText: '王国富' }).click();
    await expect.poll(() => page.getByTestId('chosen-address').textContent()).toContain('王国富');

    // Pay cash at the 乐红村 village point, and the order goes to the default address.
    await pick(page, 'pickup-point', POINT, { typed: '乐红村' });
    const placed = page.waitForResponse((res) => res.url().endsWith('/api/v1/orders/checkout') && res.request().method() === 'POST');
    await page.getByTestId('place-order').click();
    expect((await placed).status()).toBe(201);
    const { orders } = (await (await placed).json()) as { orders: OrderRow[] };
    await expect.poll(() => page.locator('.ant-result-title').textContent()).toContain('订单已提交');
    const order = await h.apiGet<OrderRow>(page, `/orders/${orders[0].id}`);
    expect(order.shipTo).toEqual({ name: '王国富', phone: SHOPPER.phone, address: '村委会旁 2 号', divisionCode: '530621110206' });
    expect(order.items).toEqual([expect.objectContaining({ productId: product.id, quantity: 1 })]);
    expect(ownErrors(errors)).toEqual([]);
  }, 180_000);

  it('saves an address typed at checkout to the book, and shows the pages on a desktop', async () => {
    const { page, errors } = await shopperPage(DESKTOP);
    const found = await h.apiGet<{ items: { id: string }[] }>(page, `/catalog/search?q=${encodeURIComponent('核桃')}&limit=1`);
    await page.goto(`${h.base}/shop/products/${found.items[0].id}`);
    await page.getByTestId('buy-now').click();
    await page.waitForURL(/\/shop\/checkout\?/);
    await expect.poll(() => page.getByTestId('chosen-address').textContent()).toContain('王国富');
    await shot(page, 'checkout-default-desktop');

    await page.getByTestId('change-address').click();
    await page.getByTestId('new-address').click();
    await expect.poll(() => page.getByTestId('ship-name').inputValue()).toBe(SHOPPER.displayName);
    await pick(page, 'ship-township', '乐红镇');
    await pick(page, 'ship-village', '红布村');
    await page.getByTestId('ship-address').fill('五组 3 号');
    await pick(page, 'pickup-point', POINT, { typed: '乐红村' });
    await shot(page, 'checkout-new-desktop');
    const saved = page.waitForResponse((res) => res.url().endsWith('/api/v1/me/addresses') && res.request().method() === 'POST');
    await page.getByTestId('place-order').click();
    expect((await saved).status()).toBe(201);
    await expect.poll(() => page.locator('.ant-result-title').textContent()).toContain('订单已提交');

    await page.goto(`${h.base}/shop/addresses`);
    await expect.poll(() => page.getByTestId('address-name').count()).toBe(3);
    await expect.poll(() => page.getByTestId('address-place').allTextContents()).toContain('乐红镇 红布村 · 五组 3 号');
    // The default stays the one the shopper chose.
    await expect.poll(() => cards(page).first().textContent()).toContain('王国富');
    await shot(page, 'addresses-desktop');
    expect(ownErrors(errors)).toEqual([]);
  }, 180_000);

  it("takes a stranger's 立即购买 through the sign-in and back to the same checkout", async () => {
    const { page } = await h.openPage(PHONE, { isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const found = await h.apiGet<{ items: { id: string }[] }>(page, `/catalog/search?q=${encodeURIComponent('花椒')}&limit=1`);
    await page.goto(`${h.base}/shop/products/${found.items[0].id}`);
    await page.getByTestId('buy-now').click();
    await page.waitForURL((url) => url.pathname === '/shop/login' && (url.searchParams.get('next') ?? '').startsWith(`/shop/checkout?product=${found.items[0].id}`));
    // Signed in (here by the cookie), the link it was given leads to the checkout of that item.
    await page.context().addCookies([{ name: 'countyhub_session', value: shopperCookie, url: h.base }]);
    await page.goto(`${h.base}${new URL(page.url()).searchParams.get('next')}`);
    await expect.poll(() => page.getByTestId('chosen-address').textContent()).toContain('王国富');
    await expect.poll(() => page.getByTestId('review-group').count()).toBe(1);
  }, 120_000);
});
