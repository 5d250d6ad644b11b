/**
 * 后台任务 in a real browser: the county admin sees every job with its schedule and last run, runs one now and
 * reads its runs; on a phone the page still reads; a township operator has no such page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserHarness } from './harness.js';

const PURGE = 'kernel.purge-job-runs';

describe('the jobs page', () => {
  const h = useBrowserHarness();
  /** Ignores the browser logging the 401 of "who am I" before signing in. */
  const ownErrors = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of 401/.test(e));
  const purgeRow = (page: Page) => page.locator('[data-testid=jobs-table] tbody tr.ant-table-row', { hasText: '清理 30 天前的任务记录' });

  it('shows the county admin each job and its last run, runs one now and lists its runs', async () => {
    // Every job is due when the app starts; a tick (what each process's poll does) runs them all once.
    await h.t.jobs.tick();
    const { page, errors } = await h.openPage();
    await h.signIn(page, 'demo.county');
    const entry = page.locator('.ant-menu-root').getByText('后台任务');
    // The menu's groups are open at full width: 后台任务 sits under 系统管理.
    await expect.poll(() => entry.isVisible()).toBe(true);
    await entry.click();
    await page.waitForURL(/\/admin\/jobs$/);

    const row = purgeRow(page);
    await expect.poll(() => row.textContent()).toContain('每天');
    await expect.poll(() => row.locator('[data-testid=job-outcome]').textContent()).toBe('成功');
    await h.shot(page, 'jobs');

    await row.locator(`[data-testid="run-now-${PURGE}"]`).click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已安排');
    await h.t.jobs.tick();

    await row.locator('.ant-table-row-expand-icon').click();
    const runs = page.locator(`[data-testid="job-runs-${PURGE}"] tbody tr.ant-table-row`);
    await expect.poll(() => runs.count()).toBe(2);
    await expect.poll(() => runs.first().textContent()).toContain('成功');
    await h.shot(page, 'jobs-runs');
    expect(ownErrors(errors)).toEqual([]);
  }, 120_000);

  it('reads on a 390 px phone, the table scrolling inside its card', async () => {
    const { page, errors } = await h.openPage({ width: 390, height: 844 });
    await h.signIn(page, 'demo.county');
    await page.goto(`${h.base}/admin/jobs`);
    await expect.poll(() => purgeRow(page).textContent()).toContain('清理 30 天前的任务记录');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await h.shot(page, 'jobs-phone');
    expect(ownErrors(errors)).toEqual([]);
  }, 120_000);

  it('is not offered to a township operator', async () => {
    const { page } = await h.openPage();
    await h.signIn(page, 'demo.township');
    await expect.poll(() => page.locator('.ant-menu-root').textContent()).toContain('服务网络');
    expect(await page.locator('.ant-menu-root').textContent()).not.toContain('后台任务');
    const res = await page.request.get(`${h.base}/api/v1/jobs`);
    expect(res.status()).toBe(403);
  }, 120_000);
});
