/**
 * The phone judges a new villager's ID number before the record is queued: a wrong check character (18th) is an
 * error under the field, in Chinese, and nothing is kept to sync; the right number clears it. Without this the
 * record would be queued and set aside at sync (`未生效：…`). Needs the built console (`npx vite build`) and Chromium.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserHarness } from './harness.js';

const PHONE = { width: 390, height: 844 };
const MOBILE = { isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const RIGHT_ID = '530621198001011233';
const WRONG_ID = '530621198001011234';

describe('a villager’s ID number on the station phone', () => {
  const h = useBrowserHarness({ busy: '.ant-spin-spinning, .ant-skeleton, .ant-message-notice' });

  const queued = (page: Page) =>
    page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('countyhub.station.queue.'));
      return key ? (JSON.parse(localStorage.getItem(key)!) as { pending: unknown[] }).pending.length : 0;
    });
  const idError = (page: Page) => page.locator('.ant-form-item-explain-error').allTextContents();

  it('refuses a wrong check character under the field and queues nothing', async () => {
    const { page, errors } = await h.openPage(PHONE, MOBILE);
    await h.signIn(page, 'demo.village');
    await page.goto(`${h.base}/station`);
    await expect.poll(() => page.getByTestId('station-till').count(), { timeout: 20_000 }).toBe(1);
    if (await page.getByTestId('till-open').count()) {
      await page.getByTestId('till-open').click();
      await page.getByTestId('field-opening').fill('500');
      await page.getByTestId('record-submit-bottom').click();
      await expect.poll(() => page.getByTestId('station-drawer').count(), { timeout: 15_000 }).toBe(0);
    }
    const before = await queued(page);

    await page.getByTestId('service-bill').click();
    await page.getByTestId('field-customer-name').fill('李桂兰');
    await page.getByTestId('field-customer-id').fill(WRONG_ID);
    await page.getByTestId('record-submit-bottom').click();
    await expect.poll(() => idError(page)).toContain('校验位（第 18 位）不符，请逐位核对');
    expect(await page.getByTestId('station-drawer').count()).toBe(1);
    expect(await queued(page)).toBe(before);

    await page.getByTestId('field-customer-id').fill(RIGHT_ID);
    await expect.poll(() => idError(page)).not.toContain('校验位（第 18 位）不符，请逐位核对');
    // Signed out at first: the page's first reads are 401.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
