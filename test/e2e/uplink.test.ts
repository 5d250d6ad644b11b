/**
 * 数据上报 in a real browser: the county admin pushes now to the demo city (this deployment's own inbox), sees each
 * delivery 已送达 in the log with its indicator's name and the city's 接收记录; adds an SM2 endpoint and is shown its
 * public key once; the page reads on a 390 px phone.
 */
import { describe, expect, it } from 'vitest';
import { pick, useBrowserHarness } from './harness.js';

describe('the reporting-upward page', () => {
  const h = useBrowserHarness();
  const ownErrors = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of 401/.test(e));

  it('pushes now to the demo city and shows the deliveries sent and what the city received', async () => {
    const { page, errors } = await h.openPage();
    await h.signIn(page, 'demo.county');
    // The demo endpoint names this deployment's usual address; the test server listens on a port of its own.
    const endpoints = await h.apiGet<{ items: { id: string; name: string }[] }>(page, '/uplink/endpoints');
    const demo = endpoints.items.find((e) => e.name === '昭通市电子商务公共服务平台（演示）')!;
    expect((await page.request.patch(`${h.base}/api/v1/uplink/endpoints/${demo.id}`, { data: { url: `${h.base}/api/v1/uplink/inbox` } })).status()).toBe(200);

    // 统计 → 数据上报 in the menu.
    // The group opens with an animation: the item is clicked once the group says it is open and the item shows.
    const group = page.locator('.ant-menu-root .ant-menu-submenu').filter({ has: page.getByText('统计', { exact: true }) });
    if ((await group.locator('.ant-menu-submenu-title').getAttribute('aria-expanded')) !== 'true') await group.locator('.ant-menu-submenu-title').click();
    await expect.poll(() => group.locator('.ant-menu-submenu-title').getAttribute('aria-expanded')).toBe('true');
    const item = page.locator('.ant-menu-root').getByText('数据上报');
    await item.waitFor({ state: 'visible' });
    await item.click();
    await page.waitForURL(/\/uplink$/);
    await expect.poll(() => page.locator('[data-testid=uplink-deliveries]').textContent()).toContain('还没有推送记录');

    await page.getByTestId('uplink-push-now').click();
    await expect.poll(() => page.locator('.ant-message').textContent(), { timeout: 30_000 }).toContain('已推送');
    const rows = page.locator('[data-testid=uplink-deliveries] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    // A push makes more versions than one page holds: filter the log to 网络零售额 and wait until it shows only those.
    await pick(page, 'uplink-indicator-filter', '网络零售额', { typed: '网络零售额', exact: true });
    await expect.poll(async () => (await rows.allTextContents()).length > 0 && (await rows.allTextContents()).every((r) => r.includes('网络零售额'))).toBe(true);
    const sales = rows.filter({ hasText: '网络零售额' }).first();
    await expect.poll(() => sales.locator('[data-testid=uplink-delivery-status]').textContent()).toBe('已送达');
    expect(await sales.textContent()).toContain('第 1 版');
    expect(await sales.textContent()).toContain('昭通市电子商务公共服务平台（演示）');
    // Every delivery delivered: none waiting or failed.
    const statuses = await page.locator('[data-testid=uplink-deliveries] [data-testid=uplink-delivery-status]').allTextContents();
    expect(new Set(statuses)).toEqual(new Set(['已送达']));
    await h.shot(page, 'uplink-deliveries');

    await page.getByRole('tab', { name: '接收记录' }).click();
    const received = page.locator('[data-testid=uplink-inbox] tbody tr.ant-table-row');
    await expect.poll(() => received.filter({ hasText: '网络零售额' }).count()).toBeGreaterThan(0);
    expect(await received.first().textContent()).toContain('鲁甸县');
    expect(await received.first().textContent()).toContain('HMAC-SHA256');
    await h.shot(page, 'uplink-inbox');
    expect(ownErrors(errors)).toEqual([]);
  }, 120_000);

  it('adds an SM2 endpoint and shows the county’s public key to hand over', async () => {
    const { page, errors } = await h.openPage();
    await h.signIn(page, 'demo.county');
    await page.goto(`${h.base}/uplink`);
    await page.getByRole('tab', { name: '上报端点' }).click();
    await page.getByTestId('uplink-add-endpoint').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '新增端点' });
    await dialog.getByLabel('名称').fill('云南省电子商务公共服务平台');
    await dialog.getByText('省级').click();
    await dialog.getByLabel('地址').fill('https://ec.yn.example/api/county-figures');
    await dialog.getByText('SM2/SM3 国密签名').click();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const key = page.getByTestId('uplink-created-public-key');
    await expect.poll(() => key.textContent()).toMatch(/^04[0-9a-f]{128}/);
    await h.shot(page, 'uplink-sm2-created');
    await page.locator('.ant-modal').filter({ hasText: '端点已添加' }).getByRole('button', { name: /确\s*定/ }).click();
    const row = page.locator('[data-testid=uplink-endpoints] tbody tr.ant-table-row', { hasText: '云南省电子商务公共服务平台' });
    await expect.poll(() => row.textContent()).toContain('SM2/SM3 国密签名');
    expect(await row.textContent()).toContain('月、季、年');
    expect(ownErrors(errors)).toEqual([]);
  }, 120_000);

  it('reads on a 390 px phone', async () => {
    const { page, errors } = await h.openPage({ width: 390, height: 844 });
    await h.signIn(page, 'demo.county');
    await page.goto(`${h.base}/uplink`);
    await pick(page, 'uplink-indicator-filter', '网络零售额', { typed: '网络零售额', exact: true });
    await expect.poll(() => page.getByTestId('uplink-deliveries').textContent()).toContain('网络零售额');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await h.shot(page, 'uplink-phone');
    expect(ownErrors(errors)).toEqual([]);
  }, 120_000);
});
