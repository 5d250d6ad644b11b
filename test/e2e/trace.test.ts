/**
 * Traceability end to end in a real browser: the pepper co-op records a spray and the harvest on a phone, puts the
 * batch in stock and prints its labels, the scan page opens from the label's address, a shopper buys it, and the
 * regulator recalls the batch and sees the buyer notified (the SMS is in the outbox). That checkout then refuses the
 * held stock is an API test. Then a failed lab test recorded after a harvest holds it, and the regulator upholds the
 * hold from the review page (监管复核).
 * Needs the built console (`npx vite build`) and Chromium (test/setup/chromium.ts finds it). Screenshots: /tmp/shots/trace-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../helpers.js';
import { clickUntilGone, pick, shanghaiDay, useBrowserHarness } from './harness.js';

const PHONE = { width: 390, height: 844 };
const POINT = 'site_ld3_530621110205';
const BUYER_PHONE = '13900139000';

/** The text box of an antd field, whether the test id sits on the box or on its wrapper. */
const field = (page: Page, testId: string) => page.locator(`[data-testid=${testId}] input, [data-testid=${testId}] textarea, input[data-testid=${testId}], textarea[data-testid=${testId}]`).first();

/** Picks a preset of the record's date until the field shows its day: on a busy machine a click can land while the panel is still opening. */
async function pickPreset(page: Page, preset: string, day: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId('record-date').click();
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-presets li', { hasText: preset }).click();
    try {
      await expect.poll(() => field(page, 'record-date').inputValue(), { timeout: 3_000 }).toBe(day);
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

describe('a batch from the plot to a recall', () => {
  const h = useBrowserHarness({ busy: '.ant-spin-spinning, .ant-skeleton' });

  it('records a spray and a harvest, prints labels, opens the scan page, and recalls it from its buyer', async () => {
    // On a phone: the co-op's plot 乐红坡地, a spray two days ago (a one-day interval on its label), then the harvest.
    const phone = await h.openPage(PHONE, { isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const farm = phone.page;
    await h.signIn(farm, 'demo.merchant');
    await farm.goto(`${h.base}/trace/farm`);
    await farm.getByTestId('plot-card').filter({ hasText: '乐红坡地' }).first().click();
    await farm.getByTestId('record-kind-input-pesticide').click();
    await pickPreset(farm, '前天', shanghaiDay(-2));
    await field(farm, 'input-product').fill('0.3%苦参碱水剂');
    await farm.getByTestId('input-dose').fill('800 倍液');
    await field(farm, 'input-interval').fill('1');
    await farm.getByTestId('record-submit').click();
    await expect.poll(() => farm.getByTestId('record-item').first().textContent()).toContain('苦参碱');
    await h.shot(farm, 'trace-e2e-spray', false);

    await farm.getByTestId('record-kind-harvest').click();
    await field(farm, 'harvest-quantity').fill('260');
    await farm.getByTestId('record-submit').click();
    const code = (await farm.getByTestId('harvest-batch-code').textContent({ timeout: 15_000 }))!.replace(/\D/g, '');
    expect(code).toMatch(/^530621110\d{11}$/);
    await h.shot(farm, 'trace-e2e-harvest', false);
    const { items } = await h.apiGet<{ items: { id: string; code: string; url: string }[] }>(farm, `/trace/batches?q=${code}`);
    const batch = items.find((b) => b.code === code)!;

    // At the desk: stock it as 青花椒粉, print the labels.
    const desk = await h.openPage();
    await h.signIn(desk.page, 'demo.merchant');
    await desk.page.goto(`${h.base}/trace/batches/${batch.id}`);
    await expect.poll(() => desk.page.getByTestId('batch-code').textContent()).toContain(code);
    await desk.page.getByTestId('batch-stock').click();
    await pick(desk.page, 'stock-sku', '青花椒粉', { typed: '青花椒粉' });
    await field(desk.page, 'stock-quantity').fill('50');
    await desk.page.getByTestId('stock-submit').click();
    await expect.poll(async () => (await h.apiGet<{ stocked: number; skuId: string }>(desk.page, `/trace/batches/${batch.id}`)).stocked).toBe(50);
    // 标签 A4 opens the PDF in a new tab: what it links to is a label sheet.
    const href = (await desk.page.getByTestId('labels-a4').getAttribute('href'))!;
    expect(href).toContain(`/trace/batches/${batch.id}/labels.pdf`);
    const pdf = await desk.page.request.get(new URL(href, h.base).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await h.shot(desk.page, 'trace-e2e-batch');

    // Copies are for the batch label only (at most 500 a file); packed into 600 units, the unit labels come as two files.
    await field(desk.page, 'labels-copies').fill('900');
    await field(desk.page, 'labels-copies').blur();
    await expect.poll(() => desk.page.getByTestId('labels-a4').getAttribute('href')).toContain('copies=500');
    const packed = await desk.page.request.post(`${h.base}/api/v1/trace/batches/${batch.id}/pack`, { data: { cartons: 3, unitsPerCarton: 200 } });
    expect(packed.status()).toBe(201);
    await desk.page.reload();
    await desk.page.getByTestId('labels-level').getByText('单品码').click();
    await expect.poll(() => desk.page.getByTestId('labels-files').textContent()).toContain('共 600 张，分 2 个文件');
    expect(await desk.page.getByTestId('labels-copies').count()).toBe(0);
    await pick(desk.page, 'labels-file', '第 2 个：第 501–600 张');
    await expect.poll(() => desk.page.getByTestId('labels-thermal').getAttribute('href')).toMatch(/level=unit&page=2$/);
    const second = await desk.page.request.get(new URL((await desk.page.getByTestId('labels-thermal').getAttribute('href'))!, h.base).toString());
    expect(second.status()).toBe(200);
    expect(second.headers()['x-label-pages']).toBe('2');
    await farm.goto(`${h.base}/trace/batches/${batch.id}`);
    await farm.getByTestId('labels-level').getByText('单品码').click();
    await expect.poll(() => farm.getByTestId('labels-files').textContent()).toContain('分 2 个文件');
    await farm.getByTestId('labels-files').scrollIntoViewIfNeeded();
    await h.shot(farm, 'trace-e2e-print-card-phone', false);

    // The label's address, opened as a shopper's phone would: no sign-in, no script.
    const shopper = await h.openPage(PHONE, { isMobile: true });
    await shopper.page.goto(batch.url);
    for (const text of ['鲁甸县乐红青花椒种植专业合作社', '乐红村', '0.3%苦参碱水剂', '安全间隔期 1 天 ✓ 已遵守']) await expect.poll(() => shopper.page.locator('body').textContent()).toContain(text);
    await h.shot(shopper.page, 'trace-e2e-scan-page');

    // A buyer in 昆明 orders it and pays at 乐红村's point (through the API: the shop has its own browser tests).
    const stockedSku = (await h.apiGet<{ skuId: string }>(desk.page, `/trace/batches/${batch.id}`)).skuId;
    const session = async (username: string) => {
      const res = await fetch(`${h.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      return res.headers.get('set-cookie')!.split(';')[0];
    };
    const post = async (cookie: string, url: string, body?: object) => {
      const res = await fetch(`${h.base}/api/v1${url}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
      expect(res.status, url).toBeLessThan(300);
      return res.json();
    };
    const shipTo = { name: '王芳', phone: BUYER_PHONE, address: '昆明市五华区人民中路 20 号', divisionCode: '530102' };
    const { orders } = await post(await session('demo.consumer'), '/orders/checkout', { items: [{ skuId: stockedSku, quantity: 3 }], paymentMethod: 'village_cash', delivery: 'parcel', pickupSiteId: POINT, shipTo });
    await post(await session('demo.village'), `/orders/${orders[0].id}/cash-received`);

    // The regulator recalls the batch from its page; the buyer's order is listed and notified.
    const regulator = await h.openPage();
    await h.signIn(regulator.page, 'demo.regulator');
    await regulator.page.goto(`${h.base}/trace/batches/${batch.id}`);
    await regulator.page.getByTestId('batch-recall').click();
    await field(regulator.page, 'recall-reason').fill('抽检苦参碱残留超标，召回本批次');
    await regulator.page.getByTestId('recall-submit').click();
    await regulator.page.waitForURL(/\/trace\/recalls\/rcl_/);
    const notice = regulator.page.getByTestId('recall-notice-row').first();
    await expect.poll(() => notice.textContent()).toContain('已通知');
    await expect.poll(() => notice.textContent()).toContain('139****9000');
    await h.shot(regulator.page, 'trace-e2e-recall');

    const county = await h.openPage();
    await h.signIn(county.page, 'demo.county');
    const outbox = await h.apiGet<{ items: { phone: string; template: string; body: string }[] }>(county.page, '/notify/outbox?limit=20');
    expect(outbox.items.find((m) => m.template === 'recall_notice' && m.body.includes(code))).toMatchObject({ phone: '139****9000' });
    for (const { errors } of [phone, desk, shopper, regulator, county]) expect(errors.filter((e) => !/status of (401|404)/.test(e))).toEqual([]);
  }, 240_000);

  it('holds a harvest and the batch made from it when a failed lab test is recorded later, and the regulator keeps them off sale from the review page', async () => {
    const session = async (username: string) => {
      const res = await fetch(`${h.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      return res.headers.get('set-cookie')!.split(';')[0];
    };
    const call = async <T,>(cookie: string, url: string, body?: object): Promise<T> => {
      const res = await fetch(`${h.base}/api/v1${url}`, { method: body ? 'POST' : 'GET', headers: { cookie, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
      expect(res.status, url).toBeLessThan(300);
      return (await res.json()) as T;
    };
    // The co-op's pepper harvest of last season, pooled with a member's into the batch on sale.
    const merchant = await session('demo.merchant');
    type Batch = { id: string; code: string; url: string; origin: string; plotName: string | null; harvestedOn: string; children: { id: string; code: string }[] };
    const { items } = await call<{ items: Batch[] }>(merchant, '/trace/batches?limit=500');
    const harvest = items.find((b) => b.origin === 'harvest' && b.plotName === '乐红坡地' && b.harvestedOn < shanghaiDay(-30))!;
    const pooled = items.find((b) => b.id === harvest.children[0].id)!;
    const plots = await call<{ items: { id: string; name: string }[] }>(merchant, '/trace/plots');
    const plotId = plots.items.find((p) => p.name === '乐红坡地')!.id;
    const testedOn = new Date(Date.parse(harvest.harvestedOn) - 3 * 86_400_000).toISOString().slice(0, 10);
    await call(merchant, `/trace/plots/${plotId}/records`, { kind: 'lab_test', occurredOn: testedOn, labTest: { laboratory: '昭通市农产品质量安全检测中心', reportNo: 'ZT-2026-0815', items: [{ name: '吡虫啉', result: '0.9 mg/kg', limit: '≤0.5 mg/kg', pass: false }] } });

    const regulator = await h.openPage();
    await h.signIn(regulator.page, 'demo.regulator');
    await regulator.page.goto(`${h.base}/trace/refusals`);
    const row = regulator.page.getByTestId('refusal-row').filter({ hasText: harvest.code });
    await expect.poll(() => row.textContent()).toContain('暂停销售');
    await expect.poll(() => row.textContent()).toContain(pooled.code);
    await expect.poll(() => row.textContent()).toContain(`${testedOn} 检测不合格`);
    await h.shot(regulator.page, 'trace-e2e-review-queue');

    await row.getByTestId('refusal-uphold').click();
    await field(regulator.page, 'decision-reason').fill('复检吡虫啉仍超标，维持暂停销售');
    await h.shot(regulator.page, 'trace-e2e-review-decision', false);
    await clickUntilGone(regulator.page.getByTestId('decision-submit'), regulator.page.locator('.ant-modal-wrap:visible'));
    // Decided, it leaves the pending list; the whole list shows it upheld with the reason.
    await expect.poll(() => regulator.page.getByTestId('refusal-row').filter({ hasText: harvest.code }).count()).toBe(0);
    await regulator.page.getByTestId('refusals-filter').getByText('全部').click();
    const decided = regulator.page.getByTestId('refusal-row').filter({ hasText: harvest.code });
    await expect.poll(() => decided.textContent()).toContain('维持：不得销售');
    await expect.poll(() => decided.textContent()).toContain('复检吡虫啉仍超标，维持暂停销售');
    await h.shot(regulator.page, 'trace-e2e-review-upheld');

    // The public page of the pooled batch on sale follows the decision.
    const shopper = await h.openPage(PHONE, { isMobile: true });
    await shopper.page.goto(pooled.url);
    await expect.poll(() => shopper.page.locator('body').textContent()).toContain('不得销售');
    expect(regulator.errors.filter((e) => !/status of (401|404)/.test(e))).toEqual([]);
  }, 120_000);
});
