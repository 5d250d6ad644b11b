/**
 * 站点服务 in the county console, in a real browser: records made at the 乐红村 point through the phone's batch route
 * (here the API, as the test's own data) reach the county's 站点服务概况 — the point's row moves by exactly those
 * services, the chart is drawn — the point's day book lists them with totals that add up, the workbook exported from
 * the page parses and its 合计 equals the page's, the county edits a grade standard's price (a new version in
 * force) and adds a restricted pesticide (限用), and the villager's consignment statement lists her lot. Every
 * console page of the menu is looked at, desktop and 390 px. Waits on state only.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shanghaiDay, useBrowserHarness } from './harness.js';

const POINT = 'site_ld3_530621110205';
const clientId = () => `e2e-${randomBytes(9).toString('base64url')}`;
const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

interface FigureRow {
  key: string;
  name: string;
  servicesTotal: number;
  amountFen: number;
  feeFen: number;
}
interface Figures {
  rows: FigureRow[];
  total: FigureRow;
}
interface GradeStandard {
  produce: string;
  name: string;
  version: number;
  status: string;
  grades: { key: string; name: string; priceFenPerKg: number }[];
}

describe('stations console', () => {
  const h = useBrowserHarness();
  const ownErrors = (errors: string[]) => errors.filter((e) => !/status of 401/.test(e));

  /** The point's figures this month as the county reads them. */
  const pointFigures = async (page: Page) => {
    const today = shanghaiDay(0);
    const figures = await h.apiGet<Figures>(page, `/stations/figures?from=${today.slice(0, 8)}01&to=${today}&groupBy=site`);
    return figures.rows.find((r) => r.key === POINT) ?? { key: POINT, name: '', servicesTotal: 0, amountFen: 0, feeFen: 0 };
  };

  it('shows a point’s figures after records are made, its day book, the exported workbook’s totals, and edits a grade price', async () => {
    const { page, errors } = await h.openPage();
    await h.signIn(page, 'demo.county');
    const before = await pointFigures(page);

    const standards = (await h.apiGet<{ items: GradeStandard[] }>(page, '/stations/grade-standards')).items.filter((s) => s.status === 'in_force');
    const standard = standards[0]!;

    // The 乐红村 point's operator sends four services from its phone (the batch route): a cash bill, a cash
    // withdrawal, a loan referral and a villager's produce received to sell for her (代卖).
    const op = await h.openPage();
    await h.signIn(op.page, 'demo.village');
    const at = new Date().toISOString();
    const records = [
      { clientId: clientId(), type: 'bill.pay', at, customer: { name: '浏览器测试村民甲' }, service: 'electricity', providerId: 'yn_power', accountNo: '5306210001', amountFen: 12_000, feeFen: 200, paidBy: 'cash' },
      { clientId: clientId(), type: 'cash.withdraw', at, customer: { name: '浏览器测试村民乙' }, providerId: 'ld_rcb', cardTail: '4321', amountFen: 50_000, feeFen: 100 },
      { clientId: clientId(), type: 'loan.refer', at, customer: { name: '浏览器测试村民甲' }, providerId: 'ld_rcb', amountFen: 3_000_000, purpose: '花椒烘干设备' },
      { clientId: clientId(), type: 'consignment.intake', at, customer: { name: '浏览器测试村民丙' }, produce: standard.produce, grade: standard.grades[0]!.key, weightG: 25_000, priceFenPerKg: 800 },
    ];
    const sent = await op.page.request.post(`${h.base}/api/v1/stations/records/batch`, { data: { siteId: POINT, records } });
    expect(sent.status(), await sent.text()).toBe(200);
    const outcomes = ((await sent.json()) as { outcomes: { status: string; message: string | null; record: { amountFen: number; feeFen: number } | null }[] }).outcomes;
    expect(outcomes.map((o) => `${o.status} ${o.message ?? ''}`.trim())).toEqual(['stored', 'stored', 'stored', 'stored']);

    // The county's figures move by exactly what the records say.
    const after = await pointFigures(page);
    expect(after.servicesTotal - before.servicesTotal).toBe(4);
    expect(after.amountFen - before.amountFen).toBe(outcomes.reduce((s, o) => s + o.record!.amountFen, 0));
    expect(after.feeFen - before.feeFen).toBe(outcomes.reduce((s, o) => s + o.record!.feeFen, 0));

    // 站点服务概况: the county's townships first; 乐红镇 opens its points, where the point's row shows the figures
    // with the new services; the chart is drawn.
    await page.goto(`${h.base}/stations`);
    await expect.poll(() => page.locator('[data-testid=stations-chart]').getAttribute('data-rendered')).toBe('true');
    await h.shot(page, 'stations-overview-townships');
    await page.locator('[data-testid=stations-figures] tr[data-row-key="530621110"] [data-testid=township-link]').click();
    await page.waitForURL(/township=530621110/);
    const row = page.locator(`[data-testid=stations-figures] tr[data-row-key="${POINT}"]`);
    await expect.poll(() => row.locator('td').nth(1).textContent()).toBe(String(after.servicesTotal));
    await expect.poll(() => row.locator('td').nth(2).textContent()).toBe(yuan(after.amountFen));
    await expect.poll(() => row.locator('td').nth(3).textContent()).toBe(yuan(after.feeFen));
    await expect.poll(() => page.locator('[data-testid=stations-chart]').getAttribute('data-rendered')).toBe('true');
    await h.shot(page, 'stations-overview');

    // 导出 Excel: the workbook's 合计 on 按站点 equals the page's.
    const pageTotalServices = (await page.locator('[data-testid=total-services]').textContent())!.replace(/,/g, '');
    const pageTotalAmount = (await page.locator('[data-testid=total-amount]').textContent())!;
    const pageTotalFee = (await page.locator('[data-testid=total-fee]').textContent())!;
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=stations-export]').click()]);
    const file = await download.path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('按站点')!;
    const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const col = (name: string) => headers.indexOf(name);
    let totalRow: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === '合计') totalRow = r;
    });
    expect(totalRow).toBeDefined();
    expect(String(totalRow!.getCell(col('服务人次')).value)).toBe(pageTotalServices);
    expect(yuan(Math.round(Number(totalRow!.getCell(col('服务金额（元）')).value) * 100))).toBe(pageTotalAmount);
    expect(yuan(Math.round(Number(totalRow!.getCell(col('手续费（元）')).value) * 100))).toBe(pageTotalFee);
    // …and the point's own line there has the services the page shows.
    let pointLine: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === after.name) pointLine = r;
    });
    expect(Number(pointLine?.getCell(col('服务人次')).value)).toBe(after.servicesTotal);

    // The point's name opens its day books; today's book lists the records with totals that add up.
    await row.locator('td').first().locator('a').click();
    await page.waitForURL(/\/stations\/days\?/);
    const today = shanghaiDay(0);
    const dayRow = page.locator(`[data-testid=stations-days] tr[data-row-key="${POINT}/${today}"]`);
    await expect.poll(() => dayRow.count()).toBe(1);
    await h.shot(page, 'stations-days');
    await dayRow.click();
    await page.waitForURL(new RegExp(`/stations/days/${POINT}/${today}$`));
    const book2 = page.locator('[data-testid=day-records]');
    await expect.poll(() => book2.textContent()).toContain('浏览器测试村民乙');
    await expect.poll(() => book2.textContent()).toContain('浏览器测试村民甲');
    await expect.poll(async () => page.locator('[data-testid=book-total-in]').textContent()).toBe(await page.locator('[data-testid=day-cash-in]').textContent());
    expect(await page.locator('[data-testid=book-total-out]').textContent()).toBe(await page.locator('[data-testid=day-cash-out]').textContent());
    await h.shot(page, 'stations-day-book');

    // 分级标准: the county raises the first grade's price of the first standard; a new version is in force at once.
    const newPrice = standard.grades[0]!.priceFenPerKg + 150;
    await page.goto(`${h.base}/stations/grades`);
    const card = page.locator(`[data-testid=standard-${standard.produce}]`);
    await expect.poll(() => card.locator('[data-testid=grade-price]').first().textContent()).toBe(`${yuan(standard.grades[0]!.priceFenPerKg)}/kg`);
    await card.locator(`[data-testid=standard-edit-${standard.produce}]`).click();
    const price = page.locator('.ant-drawer-open [data-testid=grade-price-0] input, .ant-drawer-open input[data-testid=grade-price-0]').first();
    await price.fill((newPrice / 100).toFixed(2));
    await h.shot(page, 'stations-grade-edit');
    const [put] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/stations/grade-standards/${standard.produce}`) && r.request().method() === 'PUT'),
      page.locator('[data-testid=standard-save]').click(),
    ]);
    expect(put.status(), await put.text()).toBe(200);
    await expect.poll(() => card.locator('[data-testid=grade-price]').first().textContent()).toBe(`${yuan(newPrice)}/kg`);
    const saved = (await h.apiGet<{ items: GradeStandard[] }>(page, `/stations/grade-standards?produce=${standard.produce}`)).items.find((s) => s.status === 'in_force')!;
    expect({ version: saved.version, price: saved.grades[0]!.priceFenPerKg }).toEqual({ version: standard.version + 1, price: newPrice });
    await h.shot(page, 'stations-grades');

    // The other pages of the menu, looked at.
    await page.goto(`${h.base}/stations/records`);
    await expect.poll(() => page.locator('[data-testid=stations-records]').textContent()).toContain('浏览器测试村民乙');
    await h.shot(page, 'stations-records');
    // 农资目录: the county adds a restricted pesticide; it is listed with its registration number, marked 限用.
    await page.goto(`${h.base}/stations/farm-inputs`);
    await page.locator('[data-testid=input-create]').click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.locator('.ant-segmented').getByText('农药').click();
    await page.locator('[data-testid=input-name]').fill('毒死蜱（浏览器测试）');
    await page.locator('[data-testid=input-reg]').fill('PD20081234');
    await drawer.getByLabel('生产企业').fill('云南测试农药有限公司');
    await drawer.getByLabel('规格').fill('40%乳油 100毫升/瓶');
    await drawer.getByLabel('单位').fill('瓶');
    await page.locator('input[data-testid=input-price], [data-testid=input-price] input').first().fill('18.50');
    await drawer.getByText('限制使用农药（实名购买）').click();
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/stations/farm-inputs') && r.request().method() === 'POST'),
      page.locator('[data-testid=input-save]').click(),
    ]);
    expect(created.status(), await created.text()).toBe(201);
    const inputRow = page.locator('[data-testid=farm-inputs] tbody tr', { hasText: '毒死蜱（浏览器测试）' });
    await expect.poll(() => inputRow.textContent()).toContain('PD20081234');
    expect(await inputRow.locator('[data-testid=input-restricted]').textContent()).toBe('限用');
    expect(await inputRow.textContent()).toContain('¥18.50/瓶');
    await h.shot(page, 'stations-farm-inputs');

    // 代卖结算: the villager who brought produce, and her statement with the lot.
    await page.goto(`${h.base}/stations/consignors?siteId=${POINT}`);
    const consignor = page.locator('[data-testid=consignors] tbody tr', { hasText: '浏览器测试村民丙' });
    await expect.poll(() => consignor.count()).toBe(1);
    expect(await consignor.textContent()).toContain('25 kg');
    await h.shot(page, 'stations-consignors');
    await consignor.locator('a').first().click();
    await page.waitForURL(/\/stations\/consignors\/[^/?]+$/);
    await expect.poll(() => page.locator('[data-testid=statement-lots]').textContent()).toContain(`${standard.name} · ${standard.grades[0]!.name}`);
    expect(await page.locator('[data-testid=statement-lots]').textContent()).toContain('¥8.00/kg');
    expect(await page.locator('[data-testid=statement-balance]').textContent()).toBe('¥0.00');
    await h.shot(page, 'stations-statement');

    // A township operator on a phone: the overview and a day book at 390 px.
    const phone = await h.openPage({ width: 390, height: 844 });
    await h.signIn(phone.page, 'demo.township');
    await phone.page.goto(`${h.base}/stations`);
    await expect.poll(() => phone.page.locator('[data-testid=stations-figures-card]').count()).toBeGreaterThan(0);
    await h.shot(phone.page, 'stations-overview-390');
    await phone.page.goto(`${h.base}/stations/days/${POINT}/${today}`);
    await expect.poll(() => phone.page.locator('[data-testid=day-records]').textContent()).toContain('浏览器测试村民乙');
    await h.shot(phone.page, 'stations-day-book-390');
    await phone.page.goto(`${h.base}/stations/days`);
    await expect.poll(() => phone.page.locator('[data-testid=stations-days-card]').count()).toBeGreaterThan(0);
    await h.shot(phone.page, 'stations-days-390');
    await phone.page.goto(`${h.base}/stations/records`);
    await expect.poll(() => phone.page.locator('[data-testid=stations-records]').textContent()).toContain('浏览器测试村民乙');
    await h.shot(phone.page, 'stations-records-390');
    await phone.page.goto(`${h.base}/stations/grades`);
    await expect.poll(() => phone.page.locator(`[data-testid=standard-${standard.produce}]`).count()).toBe(1);
    await h.shot(phone.page, 'stations-grades-390');

    expect(ownErrors(errors)).toEqual([]);
    expect(ownErrors(op.errors)).toEqual([]);
    expect(ownErrors(phone.errors)).toEqual([]);
  }, 240_000);
});
