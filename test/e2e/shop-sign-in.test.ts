/**
 * A guest on a phone puts a product in the cart, presses 结算 and is asked to sign in the shop's way: a phone, a
 * texted code (read here from the local SMS outbox, where a demo keeps what would have gone out), and back at the
 * checkout signed in. A wrong code is told under the field. Screenshots: /tmp/shots/sms/*.png.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useBrowserHarness } from './harness.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const SHOPPER_PHONE = '13712345678';

/** Page errors that are ours, not the browser refusing a resource of the headless profile. */
const ownErrors = (errors: string[]) => errors.filter((e) => !/Failed to load resource|favicon/.test(e));

describe('a guest signs in the shop with a texted code and comes back to the checkout', () => {
  const h = useBrowserHarness();
  fs.mkdirSync('/tmp/shots/sms', { recursive: true });

  /** The code in the newest text to a phone, once more than `before` texts have gone to it. */
  const codeSentTo = async (phone: string, before: number) => {
    let body = '';
    await expect
      .poll(async () => {
        const sent = await h.t.modules.notify.outbox.sentTo(phone);
        body = sent.length > before ? sent[0].body : '';
        return body;
      }, { timeout: 15_000 })
      .toMatch(/验证码\d{6}/);
    return /验证码(\d{6})/.exec(body)![1];
  };

  it('goes from 结算 to the sign-in, signs up with the code and lands on the checkout signed in', async () => {
    const { page, errors } = await h.openPage(PHONE);
    const found = await (await page.request.get(`${h.base}/api/v1/catalog/search?q=${encodeURIComponent('苹果')}&limit=20`)).json();
    const product = (found.items as { id: string; skus: { available: number }[] }[]).find((p) => p.skus.some((s) => s.available > 0))!;
    expect(product).toBeDefined();

    await page.goto(`${h.base}/shop/products/${product.id}`);
    await page.getByTestId('add-to-cart').click();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('countyhub.cart') ?? '')).toContain(product.id);
    await page.goto(`${h.base}/shop/cart`);
    await page.getByTestId('go-checkout').click();
    await page.waitForURL(/\/shop\/login\?next=%2Fshop%2Fcheckout/);
    await expect.poll(() => page.getByTestId('shop-sign-in-page').isVisible()).toBe(true);
    await h.shot(page, 'sms/sign-in-phone');

    // Asking without a number is told under the field; nothing is sent.
    await page.getByTestId('sms-send').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').first().textContent()).toBe('请输入 11 位手机号');

    await page.getByTestId('sms-phone').fill(SHOPPER_PHONE);
    const before = (await h.t.modules.notify.outbox.sentTo(SHOPPER_PHONE)).length;
    await page.getByTestId('sms-send').click();
    const code = await codeSentTo(SHOPPER_PHONE, before);
    // The button counts down to the next code.
    await expect.poll(() => page.getByTestId('sms-send').textContent()).toMatch(/^\d{1,2} 秒后重发$/);
    expect(await page.getByTestId('sms-send').isDisabled()).toBe(true);

    // A wrong code is told under the code field with the tries left.
    await page.getByTestId('sms-code').fill(code === '000000' ? '111111' : '000000');
    await page.getByTestId('sms-submit').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').first().textContent()).toBe('验证码不正确，还可再试 4 次');
    await h.shot(page, 'sms/sign-in-wrong-code');

    await page.getByTestId('sms-code').fill(code);
    await page.getByTestId('sms-name').fill('李春花');
    await h.shot(page, 'sms/sign-in-filled');
    await page.getByTestId('sms-submit').click();
    await page.waitForURL(/\/shop\/checkout$/);
    // Signed in as the new shopper: the menu shows the name and the masked phone, never a user name or id.
    await page.getByTestId('user-menu').click();
    await expect.poll(() => page.locator('.ant-dropdown-menu').first().textContent()).toContain('李春花 · 137****5678');
    await page.keyboard.press('Escape');
    const me = await h.apiGet<{ displayName: string; roles: string[]; phone: string }>(page, '/auth/me');
    expect(me).toMatchObject({ displayName: '李春花', roles: ['consumer'], phone: SHOPPER_PHONE });
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/\b(usr|ord|slr|pcl|site)_|shopper-/);
    await h.shot(page, 'sms/checkout-signed-in');
    expect(ownErrors(errors)).toEqual([]);
  }, 180_000);

  it('shows the same sign-in on a desktop, and the console sign-in links shoppers to it', async () => {
    const { page, errors } = await h.openPage(DESKTOP);
    await page.goto(`${h.base}/shop/login?next=${encodeURIComponent('/shop/orders')}`);
    await expect.poll(() => page.getByTestId('shop-sign-in-page').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('sms-demo-note').textContent()).toContain('本地短信发件箱');
    await h.shot(page, 'sms/sign-in-desktop');
    // Staff (and the demo's accounts with a password) go to the password form, which still knows where to come back to.
    await page.getByTestId('staff-sign-in').click();
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/shop/orders');

    await page.goto(`${h.base}/login?next=${encodeURIComponent('/shop/checkout')}`);
    await expect.poll(() => page.getByTestId('shopper-sign-in').textContent()).toBe('顾客请用手机验证码登录');
    expect(await page.locator('body').innerText()).toContain('工作人员忘记密码请联系县电商办管理员重置');
    await h.shot(page, 'sms/console-sign-in-desktop');
    await page.getByTestId('shopper-sign-in').click();
    await page.waitForURL(/\/shop\/login\?next=%2Fshop%2Fcheckout/);
    expect(ownErrors(errors)).toEqual([]);

    const phone = await h.openPage(PHONE);
    await phone.page.goto(`${h.base}/login`);
    await expect.poll(() => phone.page.getByTestId('shopper-sign-in').isVisible()).toBe(true);
    await h.shot(phone.page, 'sms/console-sign-in-phone');
    expect(ownErrors(phone.errors)).toEqual([]);
  }, 180_000);
});
