/**
 * A stranger's first purchase on a village phone (issue 13, "done means"): a shared product link → 立即购买 → sign up
 * with an SMS code → pay cash at the 乐红村 village point → the point (demo.village) finds the order by the short
 * number the buyer reads out and takes the cash → the buyer sees it paid. Then the point orders for a walk-in
 * villager (代下单), who is texted the number. All on a 390 × 844 phone. Screenshots: /tmp/shots/first-purchase-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pick, useBrowserHarness } from './harness.js';

const PHONE = { width: 390, height: 844 };
const SHOPPER_PHONE = '13687654321';
const VILLAGER_PHONE = '13511112222';
/** The 乐红村 village point, which demo.village operates. */
const POINT = 'site_ld3_530621110205';

interface OrderRow {
  id: string;
  shortNo: string;
  status: string;
  paymentMethod: string;
  pickupSiteId: string | null;
  expiresAt: string | null;
  cashWindow: { hours: string; assumed: boolean } | null;
}

/** Page errors that are ours, not the browser refusing a resource of the headless profile. */
const ownErrors = (errors: string[]) => errors.filter((e) => !/Failed to load resource|favicon/.test(e));

describe('a stranger buys with cash at the village point, found by the short number', () => {
  const h = useBrowserHarness();
  let order: OrderRow | undefined;
  /** The shopper's phone, signed in, kept open to look at the order again once paid. */
  let shopper: Page | undefined;

  /** The last code texted to a phone (the local SMS outbox holds what would have gone out). */
  const codeSentTo = async (phone: string, before: number) => {
    let body = '';
    await expect.poll(async () => {
      const sent = await h.t.modules.notify.outbox.sentTo(phone);
      body = sent.length > before ? sent[0].body : '';
      return body;
    }, { timeout: 15_000 }).toMatch(/验证码\d{6}/);
    return /验证码(\d{6})/.exec(body)![1];
  };

  const spaced = (no: string) => `${no.slice(0, 4)} ${no.slice(4)}`;

  it('opens a shared product link, signs up with an SMS code and orders, paying cash at the point', async () => {
    const { page, errors } = await h.openPage(PHONE);
    const found = await (await page.request.get(`${h.base}/api/v1/catalog/search?q=${encodeURIComponent('花椒')}&limit=20`)).json();
    const product = (found.items as { id: string; sellerName: string | null; skus: { available: number }[] }[]).find((p) => p.sellerName?.includes('乐红') && p.skus.some((s) => s.available > 0))!;
    expect(product).toBeDefined();

    await page.goto(`${h.base}/shop/products/${product.id}`);
    await page.getByTestId('buy-now').click();
    await page.waitForURL(/\/shop\/login/);
    await page.getByTestId('sms-phone').fill(SHOPPER_PHONE);
    const before = (await h.t.modules.notify.outbox.sentTo(SHOPPER_PHONE)).length;
    await page.getByTestId('sms-send').click();
    const code = await codeSentTo(SHOPPER_PHONE, before);
    await page.getByTestId('sms-code').fill(code);
    if (await page.getByTestId('sms-name').isVisible()) await page.getByTestId('sms-name').fill('张小梅');
    await h.shot(page, 'first-purchase-sign-up');
    await page.getByTestId('sms-submit').click();
    await page.waitForURL(/\/shop\/checkout/);

    await page.getByTestId('ship-name').fill('张小梅');
    await page.getByTestId('ship-phone').fill(SHOPPER_PHONE);
    await pick(page, 'ship-township', '乐红镇');
    await pick(page, 'ship-village', '乐红村');
    await page.getByTestId('ship-address').fill('乐红村五组 8 号');
    const points = (await (await page.request.get(`${h.base}/api/v1/network/service-points?kind=village_point&limit=200`)).json()) as { items: { id: string; name: string }[] };
    await pick(page, 'pickup-point', points.items.find((p) => p.id === POINT)!.name, { typed: '乐红' });
    await h.shot(page, 'first-purchase-checkout');
    const placed = page.waitForResponse((res) => res.url().endsWith('/api/v1/orders/checkout') && res.request().method() === 'POST');
    await page.getByTestId('place-order').click();
    expect((await placed).status()).toBe(201);
    [order] = ((await (await placed).json()) as { orders: OrderRow[] }).orders;
    expect(order).toMatchObject({ status: 'pending_payment', paymentMethod: 'village_cash', pickupSiteId: POINT, cashWindow: { hours: '每天 08:00–20:00', assumed: false } });
    expect(order.shortNo).toMatch(/^[1-9]\d{7}$/);
    // Not the 30 minutes of an online payment: until the point closes on its next opening day.
    expect(new Date(order.expiresAt!).getTime() - Date.now()).toBeGreaterThan(12 * 3600_000);

    // My order: the number in large type, a QR code for the point, and until when to pay.
    await page.goto(`${h.base}/shop/orders/${order.id}`);
    await expect.poll(() => page.getByTestId('pickup-qr-no').textContent()).toBe(spaced(order!.shortNo));
    await expect.poll(() => page.getByTestId('pickup-qr-image').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await expect.poll(() => page.getByTestId('order-no').textContent()).toContain(spaced(order!.shortNo));
    await expect.poll(() => page.getByTestId('pickup-qr-pay-by').textContent()).toContain('请在');
    expect(await page.locator('body').innerText()).not.toMatch(/\bord_/);
    await h.shot(page, 'first-purchase-order');
    shopper = page;
    expect(ownErrors(errors)).toEqual([]);
  }, 180_000);

  it('lets the point find the order by the number read out and take the cash; the shopper sees it paid', async () => {
    expect(order).toBeDefined();
    const { page, errors } = await h.openPage(PHONE);
    await h.signIn(page, 'demo.village');
    await page.goto(`${h.base}/network/pickup-orders`);
    // A digit wrong is told as such, not answered with nothing.
    const typo = `${order!.shortNo.slice(0, 7)}${(Number(order!.shortNo[7]) + 1) % 10}`;
    await page.getByTestId('order-lookup').locator('input').fill(spaced(typo));
    await page.getByTestId('order-lookup').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('lookup-error').textContent()).toContain('订单号有误');

    await page.getByTestId('order-lookup').locator('input').fill(spaced(order!.shortNo));
    await page.getByTestId('order-lookup').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('looked-up-no').textContent()).toBe(spaced(order!.shortNo));
    await h.shot(page, 'first-purchase-point-found');
    await page.getByTestId('looked-up').getByTestId('confirm-cash').click();
    // The cash is recorded when the server answers (seconds on a loaded machine), then the card is read again.
    const recorded = page.waitForResponse((res) => res.url().endsWith(`/api/v1/orders/${order!.id}/cash-received`) && res.request().method() === 'POST', { timeout: 60_000 });
    await page.getByTestId('confirm-cash-ok').click();
    expect((await recorded).status()).toBe(200);
    await expect.poll(() => page.getByTestId('looked-up').getByTestId('order-status').textContent(), { timeout: 30_000 }).toBe('已付款');

    // The shopper's phone shows the order paid.
    await shopper!.reload();
    await expect.poll(() => shopper!.getByTestId('order-status').first().textContent()).toBe('已付款');
    await expect.poll(() => shopper!.getByTestId('pickup-qr-pay-by').count()).toBe(0);
    await h.shot(shopper!, 'first-purchase-paid');
    expect(ownErrors(errors)).toEqual([]);
  }, 180_000);

  it('lets the point order for a walk-in villager, who is texted the number', async () => {
    const { page, errors } = await h.openPage(PHONE);
    await h.signIn(page, 'demo.village');
    await page.goto(`${h.base}/network/pickup-orders`);
    await page.getByTestId('walk-in-open').click();
    await pick(page, 'walk-in-product', '', { typed: '花椒' });
    await expect.poll(() => page.getByTestId('walk-in-lines').locator('.ant-input-number').count()).toBe(1);
    await page.getByTestId('walk-in-name').fill('王秀英');
    await page.getByTestId('walk-in-phone').fill(VILLAGER_PHONE);
    await h.shot(page, 'first-purchase-walk-in');
    const placed = page.waitForResponse((res) => res.url().endsWith('/api/v1/orders/walk-in') && res.request().method() === 'POST');
    await page.getByTestId('walk-in-submit').click();
    expect((await placed).status()).toBe(201);
    const [walkIn] = ((await (await placed).json()) as { orders: OrderRow[] }).orders;
    await expect.poll(() => page.getByTestId('walk-in-placed').textContent()).toContain(spaced(walkIn.shortNo));
    const texts = await h.t.modules.notify.outbox.sentTo(VILLAGER_PHONE);
    expect(texts[0].body).toContain(`订单号${spaced(walkIn.shortNo)}`);
    await page.locator('.ant-modal-confirm-btns button').click();
    // It waits for the villager's cash with the point's other orders, by its number.
    await expect.poll(() => page.getByTestId('pickup-order-no').allTextContents()).toContain(spaced(walkIn.shortNo));
    await h.shot(page, 'first-purchase-pickup-list');
    expect(ownErrors(errors)).toEqual([]);
  }, 180_000);

  it('shows orders by their short numbers, never their ids, to the point and the seller on a desktop', async () => {
    expect(order).toBeDefined();
    const point = await h.openPage();
    await h.signIn(point.page, 'demo.village');
    await point.page.goto(`${h.base}/network/pickup-orders?tab=all`);
    await expect.poll(() => point.page.getByTestId('pickup-order-no').allTextContents()).toContain(spaced(order!.shortNo));
    expect(await point.page.locator('body').innerText()).not.toMatch(/\bord_/);
    await h.shot(point.page, 'first-purchase-pickup-desktop');

    const seller = await h.openPage();
    await h.signIn(seller.page, 'demo.merchant');
    await seller.page.goto(`${h.base}/sales/orders`);
    await expect.poll(() => seller.page.getByTestId('order-link').allTextContents()).toContain(spaced(order!.shortNo));
    expect(await seller.page.locator('body').innerText()).not.toMatch(/\bord_/);
    await h.shot(seller.page, 'first-purchase-seller-desktop');
    const sellerPhone = await h.openPage(PHONE);
    await h.signIn(sellerPhone.page, 'demo.merchant');
    await sellerPhone.page.goto(`${h.base}/sales/orders`);
    // On a phone each order is a card with its number, total and the seller's moves, not a table cut to its numbers.
    await expect.poll(() => sellerPhone.page.getByTestId('seller-order-card').count()).toBeGreaterThan(0);
    await expect.poll(() => sellerPhone.page.getByTestId('seller-order-card').first().innerText()).toMatch(/¥\d/);
    await h.shot(sellerPhone.page, 'first-purchase-seller-phone');
    await sellerPhone.page.getByTestId('order-link').first().click();
    await expect.poll(() => sellerPhone.page.getByTestId('order-no').textContent()).toMatch(/^\d{4} \d{4}/);
    await h.shot(sellerPhone.page, 'first-purchase-seller-drawer-phone');
    // A presale of the co-op's, so its card shows.
    const managed = await h.apiGet<{ items: { skus: { id: string }[] }[] }>(sellerPhone.page, '/catalog/manage/products');
    const deadline = new Date(Date.now() + 10 * 86_400_000);
    const opened = await sellerPhone.page.request.post(`${h.base}/api/v1/orders/campaigns`, {
      data: { skuId: managed.items[0].skus[0].id, title: '新季青花椒预售', priceFen: 1500, targetQty: 100, deadline: deadline.toISOString(), shipDate: new Date(deadline.getTime() + 2 * 86_400_000).toISOString().slice(0, 10) },
    });
    expect(opened.status()).toBe(201);
    await sellerPhone.page.goto(`${h.base}/sales/presales`);
    await expect.poll(() => sellerPhone.page.getByTestId('campaign-card').count()).toBeGreaterThan(0);
    await h.shot(sellerPhone.page, 'first-purchase-presales-phone');
    expect(ownErrors(sellerPhone.errors)).toEqual([]);
    expect(ownErrors([...point.errors, ...seller.errors])).toEqual([]);
  }, 180_000);
});
