/**
 * 统计报表 in a real browser: the county admin generates last month's report, watches it finish, and downloads the
 * workbook and the PDF through the page's buttons (Chinese file names); on a phone the list reads as cards; a
 * township operator reads the list and downloads but has no 生成 form.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pdfPages, pdfText } from '../api/reports-pdf-text.js';
import { useBrowserHarness } from './harness.js';

const lastMonth = () => {
  const now = new Date(Date.now() + 8 * 3600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
};

describe('the reports page', () => {
  const h = useBrowserHarness();
  const ownErrors = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of 401/.test(e));
  const month = lastMonth();
  const title = `鲁甸县农村电子商务统计月报（${Number(month.slice(0, 4))}年${Number(month.slice(5))}月）`;
  const row = (page: Page) => page.locator('[data-testid=reports-table] tr.ant-table-row, [data-testid=reports-table] .ant-list-item', { hasText: title }).first();

  async function download(page: Page, testId: string): Promise<{ name: string; body: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), row(page).locator(`[data-testid=${testId}]`).click()]);
    const path = await file.path();
    return { name: file.suggestedFilename(), body: fs.readFileSync(path) };
  }

  it('generates last month’s report, shows it done and downloads its Excel and PDF', async () => {
    const { page, errors } = await h.openPage({ width: 1280, height: 900 });
    await h.signIn(page, 'demo.county');
    await page.goto(`${h.base}/reports`);
    await expect.poll(() => page.locator('[data-testid=report-period]').textContent()).toContain(`${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`);
    await page.locator('[data-testid=report-generate]').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已提交');
    await expect.poll(() => row(page).textContent()).toContain('排队中');
    await h.shot(page, 'reports-queued');

    // The job runs at the next tick of an app process (tests tick by hand); the page polls until it is done.
    await h.t.jobs.tick();
    await expect.poll(() => row(page).locator('[data-testid=report-status]').textContent(), { timeout: 20_000 }).toContain('已完成');
    await expect.poll(() => row(page).textContent()).toContain('鲁甸县网络零售额');
    await h.shot(page, 'reports-done');

    const xlsx = await download(page, 'report-xlsx');
    expect(xlsx.name).toBe(`${title}第1版.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
    expect(String(book.getWorksheet('概要')!.getCell('A1').value)).toBe(title);
    const [sales] = (await h.t.modules.stats.figures.period('month', month)).filter((f) => f.indicator === 'online_retail_fen');
    let salesCell: unknown;
    book.getWorksheet('概要')!.eachRow((r) => {
      if (r.getCell(2).value === sales.name) salesCell = r.getCell(3).value;
    });
    expect(salesCell).toBe(sales.value === null ? '待接入' : sales.value / 100);

    const pdf = await download(page, 'report-pdf');
    expect(pdf.name).toBe(`${title}第1版.pdf`);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPages(pdf.body)).toBeGreaterThanOrEqual(2);
    expect(pdfText(pdf.body)).toContain(title);
    fs.writeFileSync('/tmp/shots/reports-monthly.pdf', pdf.body);
    expect(ownErrors(errors)).toEqual([]);
  }, 180_000);

  it('reads on a 390 px phone as cards with their downloads', async () => {
    const { page, errors } = await h.openPage({ width: 390, height: 844 });
    await h.signIn(page, 'demo.county');
    await page.goto(`${h.base}/reports`);
    await expect.poll(() => row(page).textContent()).toContain('已完成');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await h.shot(page, 'reports-phone');
    expect(ownErrors(errors)).toEqual([]);
  }, 120_000);

  it('lets a township operator read and download, without the form to generate', async () => {
    const { page } = await h.openPage({ width: 1280, height: 900 });
    await h.signIn(page, 'demo.township');
    await page.goto(`${h.base}/reports`);
    await expect.poll(() => row(page).textContent()).toContain('已完成');
    expect(await page.locator('[data-testid=report-generate]').count()).toBe(0);
    const pdf = await download(page, 'report-pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});
