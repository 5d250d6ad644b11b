/**
 * The merchant's photos in the console: a product without one is flagged 缺图片; pressing the flag opens its photos,
 * where the merchant uploads two, sees the first marked 主图, makes the second the main one, and the shop then
 * shows that photo on the product's card. On a desktop and a 390 px phone; screenshots in /tmp/shots/shop/.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useBrowserHarness } from './harness.js';

interface ManagedProduct {
  id: string;
  name: string;
  photos: { id: string; thumbUrl: string }[];
}

describe('photos on the product form', () => {
  const h = useBrowserHarness({ busy: '.ant-message-notice, .ant-spin-spinning, .ant-skeleton' });

  it('flags a product without photos and lets the merchant upload, order and preview them', async () => {
    const { page, errors } = await h.openPage({ width: 1440, height: 900 });
    await h.signIn(page, 'demo.merchant');
    await page.goto(`${h.base}/sales/products`);
    const flagged = page.locator('[data-testid=products-table] tbody tr.ant-table-row').filter({ has: page.getByTestId('photo-missing-tag') });
    await expect.poll(() => flagged.count()).toBeGreaterThan(0);
    const name = (await flagged.first().getByTestId('managed-product-name').textContent())!.trim();
    await h.shot(page, 'shop/console-products-flagged', false);

    await flagged.first().getByTestId('photo-missing-tag').click();
    const modal = page.locator('.ant-modal');
    await expect.poll(() => modal.getByTestId('photo-missing').isVisible()).toBe(true);
    const red = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c0392b' } }).png().toBuffer();
    const green = await sharp({ create: { width: 200, height: 300, channels: 3, background: '#27ae60' } }).jpeg().toBuffer();
    await modal.getByTestId('photo-add').locator('input[type=file]').setInputFiles([
      { name: 'red.png', mimeType: 'image/png', buffer: red },
      { name: 'green.jpg', mimeType: 'image/jpeg', buffer: green },
    ]);
    await expect.poll(() => modal.getByTestId('photo-tile').count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => modal.getByTestId('photo-missing').count()).toBe(0);
    expect(await modal.getByTestId('photo-tile').first().getByTestId('photo-main').count()).toBe(1);

    const mine = await h.apiGet<{ items: ManagedProduct[] }>(page, '/catalog/manage/products?limit=100');
    const product = mine.items.find((p) => p.name === name)!;
    expect(product.photos).toHaveLength(2);
    const [first, second] = product.photos;

    // The second made the main one: saved at once, and the shop's card shows it.
    const saved = page.waitForResponse((res) => res.url().endsWith(`/catalog/products/${product.id}/photos/order`) && res.request().method() === 'PUT');
    await modal.getByTestId('photo-make-main').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(async () => (await h.apiGet<ManagedProduct>(page, `/catalog/manage/products/${product.id}`)).photos.map((p) => p.id)).toEqual([second.id, first.id]);
    await expect.poll(() => modal.getByTestId('photo-tile').first().locator('img').getAttribute('src')).toBe(second.thumbUrl);
    await h.shot(page, 'shop/console-photos', false);
    await page.keyboard.press('Escape');
    await expect.poll(() => flagged.filter({ hasText: name }).count()).toBe(0);

    // A new product takes its photos in the form itself, before it is saved.
    await page.getByTestId('create-product').click();
    const drawer = page.locator('.ant-drawer-body').filter({ has: page.getByTestId('new-photos-hint') });
    await expect.poll(() => drawer.getByTestId('new-photos-hint').textContent()).toContain('还没有商品图片');
    await drawer.getByTestId('photo-add').locator('input[type=file]').setInputFiles([
      { name: 'a.png', mimeType: 'image/png', buffer: red },
      { name: 'b.jpg', mimeType: 'image/jpeg', buffer: green },
    ]);
    await expect.poll(() => drawer.getByTestId('photo-tile').count()).toBe(2);
    await expect.poll(() => drawer.getByTestId('new-photos-hint').textContent()).toContain('保存商品后自动上传');
    await h.shot(page, 'shop/console-new-product-photos', false);
    await page.keyboard.press('Escape');

    const shopper = await h.openPage({ width: 390, height: 844 }, { isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await shopper.page.goto(`${h.base}/shop/products/${product.id}`);
    await expect.poll(() => shopper.page.getByTestId('product-photo').first().getAttribute('src')).toBe(second.thumbUrl.replace(/thumb$/, 'large'));
    await h.shot(shopper.page, 'shop/shop-product-photos', false);
    expect(errors.filter((e) => !/status of (401|404)/.test(e))).toEqual([]);
  }, 180_000);

  it('shows the flag and the photos on a phone', async () => {
    const { page } = await h.openPage({ width: 390, height: 844 }, { isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await h.signIn(page, 'demo.merchant');
    await page.goto(`${h.base}/sales/products`);
    const card = page.getByTestId('managed-product-card').filter({ has: page.getByTestId('photo-missing-tag') }).first();
    await expect.poll(() => card.isVisible()).toBe(true);
    await h.shot(page, 'shop/console-products-phone', false);
    await card.getByTestId('photo-missing-tag').click();
    await expect.poll(() => page.locator('.ant-modal').getByTestId('photo-wall').isVisible()).toBe(true);
    await h.shot(page, 'shop/console-photos-phone', false);
  }, 120_000);
});
