/**
 * The merchant's pages on a 390 px phone (issue 13, item 5): products, sellers and batches are card lists, so a
 * product's price, stock and every action are on screen (not "多⌄" in a cut-off table), a seller's card opens its
 * page, and a batch shows its code, crop, quantity and stock; the farm pages stay usable. Each page is also shot at
 * 1440 px. Screenshots: /tmp/shots/names-b/phone-*.png and desktop-*.png.
 */
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserHarness } from './harness.js';

const PHONE = { width: 390, height: 844 };
const INTERNAL_ID = /\b(?:slr|usr|prd|sku|bat|plt|rfs|hh|site|ord|pcl)_[A-Za-z0-9]+/;

/** The element lies wholly inside the phone's width: nothing to scroll sideways to reach it. */
async function withinWidth(target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  return !!box && box.x >= 0 && box.x + box.width <= PHONE.width;
}

const bodyText = (page: Page) => page.locator('body').innerText();

describe('the merchant’s lists on a phone', () => {
  const h = useBrowserHarness({ busy: '.ant-spin-spinning, .ant-skeleton' });

  it('shows products with price, stock and actions, sellers and batches as cards at 390 px', async () => {
    fs.mkdirSync('/tmp/shots/names-b', { recursive: true });
    const { page, errors } = await h.openPage(PHONE, { isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await h.signIn(page, 'demo.merchant');

    // 商品管理: a card per product with each SKU's price and what is left, and its actions as buttons.
    await page.goto(`${h.base}/sales/products`);
    const card = page.getByTestId('managed-product-card').first();
    await expect.poll(() => card.textContent()).toMatch(/¥\s?\d/);
    expect(await card.textContent()).toContain('可售');
    expect(await page.getByTestId('products-table').count()).toBe(0);
    for (const action of ['edit-product', 'product-stock', 'product-cert', 'product-photos']) expect(await withinWidth(card.getByTestId(action)), action).toBe(true);
    await h.shot(page, 'names-b/phone-products');
    await card.getByTestId('product-stock').click();
    await expect.poll(() => page.locator('.ant-modal-wrap:visible .ant-modal-title').first().textContent()).toContain('盘点库存');
    await page.keyboard.press('Escape');

    // 商户: a card per seller; the card opens the seller's page, which names the managing account, no id.
    await page.goto(`${h.base}/parties/sellers`);
    const seller = page.getByTestId('seller-card').first();
    await expect.poll(() => seller.textContent()).toContain('乐红');
    expect(await page.getByTestId('sellers-table').count()).toBe(0);
    await h.shot(page, 'names-b/phone-sellers');
    await seller.click();
    await page.waitForURL(/\/parties\/sellers\/[^/]+$/);
    await expect.poll(() => page.getByTestId('seller-descriptions').textContent()).toContain('本账号');
    expect(await bodyText(page)).not.toMatch(INTERNAL_ID);
    await h.shot(page, 'names-b/phone-seller-detail');

    // 批次与标签: a card per batch with its trace code, crop, quantity and stock.
    await page.goto(`${h.base}/trace/batches`);
    const batch = page.getByTestId('batch-row').first();
    await expect.poll(() => batch.textContent()).toMatch(/530621\d{14}/);
    expect(await batch.textContent()).toContain('入库 / 售出');
    expect(await page.getByTestId('batches-table').count()).toBe(0);
    expect(await withinWidth(batch)).toBe(true);
    await h.shot(page, 'names-b/phone-batches');

    // 农事记录: the plots, then one plot's records.
    await page.goto(`${h.base}/trace/farm`);
    await page.getByTestId('plot-card').filter({ hasText: '乐红坡地' }).first().click();
    await expect.poll(() => page.getByTestId('record-item').count()).toBeGreaterThan(0);
    expect(await bodyText(page)).not.toMatch(INTERNAL_ID);
    await h.shot(page, 'names-b/phone-plot');
    expect(errors.filter((e) => !/status of (401|404)/.test(e))).toEqual([]);

    // The same pages on a desktop keep their tables.
    const desk = await h.openPage();
    await h.signIn(desk.page, 'demo.merchant');
    for (const [path, table] of [['/sales/products', 'products-table'], ['/parties/sellers', 'sellers-table'], ['/trace/batches', 'batches-table']] as const) {
      await desk.page.goto(`${h.base}${path}`);
      await expect.poll(() => desk.page.getByTestId(table).count()).toBe(1);
      await h.shot(desk.page, `names-b/desktop-${table}`);
    }
  }, 180_000);
});
