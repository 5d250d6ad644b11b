/**
 * 市场主体与站外月报 in a real browser: the county imports a roster of monthly reports with one bad row (shown by row
 * and column, nothing imported), fixes it and imports it whole; the player's chart then shows the months. The list
 * and the detail read on a 390 px phone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { creditCodeCheck, organisationCodeCheck } from '../../src/modules/parties/index.js';
import { useBrowserHarness } from './harness.js';

/** The last ended month and the one before it, in Asia/Shanghai. */
function recentMonths(): [string, string] {
  const now = new Date(Date.now() + 8 * 3600_000);
  const month = (back: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
  return [month(2), month(1)];
}

async function workbookFile(name: string, rows: unknown[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('月报');
  sheet.addRow(['店铺编号', '平台', '店铺名', '月份', '销售额（元）', '订单数', '其中农产品（元）']);
  for (const row of rows) sheet.addRow(row);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'players-e2e-')), name);
  await book.xlsx.writeFile(file);
  return file;
}

describe('market players and their monthly reports', () => {
  const h = useBrowserHarness();
  const ownErrors = (errors: string[]) => errors.filter((e) => !/status of 401/.test(e));

  it('imports reports all or nothing, names the bad row and column, and charts the months once imported', async () => {
    const { page, errors } = await h.openPage();
    await h.signIn(page, 'demo.county');
    const org = 'MA6Y0001';
    const first17 = `93530621${org}${organisationCodeCheck(org)}`;
    const created = await page.request.post(`${h.base}/api/v1/players/players`, {
      data: { name: '鲁甸县浏览器测试花椒专业合作社', kind: 'cooperative', creditCode: first17 + creditCodeCheck(first17), contactName: '马测试', contactPhone: '13987005555', townshipCode: '530621110' },
    });
    expect(created.status()).toBe(201);
    const player = (await created.json()) as { id: string };
    const shop = await page.request.post(`${h.base}/api/v1/players/players/${player.id}/shops`, { data: { platform: 'pdd', name: '浏览器测试花椒店', openedOn: '2024-01-01' } });
    expect(shop.status()).toBe(201);
    const [before, last] = recentMonths();

    // The menu: 统计 → 站外月报 → Excel 导入.
    await page.goto(`${h.base}/stats/player-reports?tab=import`);
    await expect.poll(() => page.locator('[data-testid=reports-tabs]').textContent()).toContain('Excel 导入');
    const bad = await workbookFile('bad.xlsx', [
      ['', '拼多多', '浏览器测试花椒店', before, '2345.60', 31, '2000'],
      ['', '拼多多', '浏览器测试花椒店', last, '3,1x0', 40, ''],
    ]);
    await page.locator('input[type=file]').setInputFiles(bad);
    const errorRows = page.locator('[data-testid=import-errors] tbody tr.ant-table-row');
    await expect.poll(() => errorRows.count()).toBe(1);
    expect((await errorRows.first().locator('td').allTextContents()).map((s) => s.trim())).toEqual(['3', '销售额（元）', '「3,1x0」不是金额：应为不小于 0 的数，最多两位小数']);
    expect(await page.locator('[data-testid=import-error]').textContent()).toContain('未导入任何数据');
    await h.shot(page, 'players-import-errors');
    const none = await h.apiGet<{ items: unknown[] }>(page, `/players/reports?playerId=${player.id}`);
    expect(none.items).toEqual([]);

    const good = await workbookFile('good.xlsx', [
      ['', '拼多多', '浏览器测试花椒店', before, '2345.60', 31, '2000'],
      ['', '拼多多', '浏览器测试花椒店', last, '3,180', 40, ''],
    ]);
    await page.locator('input[type=file]').setInputFiles(good);
    await expect.poll(() => page.locator('[data-testid=import-done]').textContent()).toContain('已导入 2 条月报');
    await h.shot(page, 'players-import-done');

    await page.goto(`${h.base}/stats/players/${player.id}`);
    await expect.poll(() => page.locator('[data-testid=player-sales]').getAttribute('data-months')).toBe(`${before},${last}`);
    await expect.poll(() => page.locator('[data-testid=player-sales-chart]').getAttribute('data-rendered')).toBe('true');
    const reports = page.locator('[data-testid=player-reports] tbody tr.ant-table-row');
    await expect.poll(() => reports.count()).toBe(2);
    expect(await reports.first().textContent()).toContain('¥3,180.00');
    await h.shot(page, 'players-detail');
    // The refused import is the one 400 the browser logs.
    expect(ownErrors(errors).filter((e) => !/status of 400/.test(e))).toEqual([]);
    expect(ownErrors(errors).filter((e) => /status of 400/.test(e)).length).toBe(1);
  }, 120_000);

  it('lists the demo players by name and kind, and reviews a flagged report', async () => {
    const { page, errors } = await h.openPage();
    await h.signIn(page, 'demo.county');
    await page.goto(`${h.base}/stats/players`);
    const rows = page.locator('[data-testid=players-table] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(15);
    const lvyuan = rows.filter({ hasText: '云南鲁甸绿源农业开发有限公司' });
    expect(await lvyuan.textContent()).toContain('企业');
    expect(await lvyuan.textContent()).toContain('文屏镇');
    await h.shot(page, 'players-list');

    await page.goto(`${h.base}/stats/player-reports`);
    const flagged = page.locator('[data-testid=flagged-reports] tbody tr.ant-table-row');
    const jump = flagged.filter({ hasText: '江底山核桃' });
    await expect.poll(() => jump.textContent()).toContain('数据异常');
    expect(await jump.textContent()).toContain('超过前');
    await h.shot(page, 'players-flagged');
    await jump.locator('[data-testid=report-review]').click();
    await page.locator('[data-testid=review-note]').fill('秋季核桃上市叠加直播活动，已电话核实');
    await page.locator('[data-testid=review-save]').click();
    await expect.poll(() => flagged.filter({ hasText: '江底山核桃' }).count()).toBe(0);

    await page.goto(`${h.base}/stats/player-reports?tab=missing`);
    await expect.poll(() => page.locator('[data-testid=missing-reports]').textContent()).toContain('春梅花椒小铺');
    await h.shot(page, 'players-missing');
    expect(ownErrors(errors)).toEqual([]);
  }, 120_000);

  it('reads on a 390 px phone: the players as cards, the detail with its chart', async () => {
    const { page, errors } = await h.openPage({ width: 390, height: 844 });
    await h.signIn(page, 'demo.county');
    await page.goto(`${h.base}/stats/players`);
    const card = page.locator('[data-testid=players-table]').getByText('云南鲁甸绿源农业开发有限公司');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await h.shot(page, 'players-phone');
    await card.click();
    await expect.poll(() => page.locator('[data-testid=player-sales-chart]').getAttribute('data-rendered')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await h.shot(page, 'players-detail-phone', true);
    expect(ownErrors(errors)).toEqual([]);
  }, 120_000);
});
