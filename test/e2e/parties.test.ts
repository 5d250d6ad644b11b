/**
 * Market players (市场主体) in a real browser against the real server with the Ludian demo data: a co-op applies to
 * sell, the county office approves it, registers poor households and links them to it with shares of each sale,
 * and a merchant changes its password. Needs the built console (`npx vite build`) and Chromium (test/setup/chromium.ts finds it).
 * Screenshots go to /tmp/shots/sellers*.png, households*.png, ledger-*.png and password.png.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../helpers.js';
import { pick, useBrowserHarness } from './harness.js';

/** A co-op new to the demo data (which has its own 乐红青花椒种植专业合作社 for demo.merchant). */
const COOP = '鲁甸县乐红青花椒产销专业合作社';
/** A valid 统一社会信用代码 (a farmers' co-op, 93…), and the same with a wrong check character. */
const CREDIT_CODE = '93530621MA6K001610';
const WRONG_CREDIT_CODE = '93530621MA6K001611';
/** 乐红村 in 乐红镇. */
const LEHONG_VILLAGE = '530621110205';
/** The demo registers two households in every poor village: 乐红村's are …0001 and …0002. */
const TAKEN_NO = '5306211102050001';
const FIRST = { no: '5306211102050003', head: '马文学', id: '360426199101010071', masked: '3604**********0071' };
const SECOND = { no: '5306211102050004', head: '马文忠', id: '34052419800101001X', masked: '3405**********001X' };
const NEW_PASSWORD = 'Huajiao-2026';

/** A day (YYYY-MM-DD) in the county's time zone, as the server counts days. */
const shanghaiDate = (ms: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(ms));

interface SellerRow {
  id: string;
  name: string;
  kind: string;
  status: string;
  creditCode: string | null;
  divisionCode: string;
  tags: string[];
  reviewedBy: string | null;
}

interface HouseholdRow {
  id: string;
  householdNo: string;
  villageCode: string;
  headIdNumber: string;
  links: { sellerId: string; shareBp: number; role: string; productId: string | null; validTo: string | null }[];
}

interface LedgerPage {
  items: { key: string; incomeFen: number; salesFen: number }[];
  totals: { incomeFen: number; salesFen: number; groups: number };
}

/** Money as the console shows it: 12800 fen → ¥128.00. */
const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

describe('market players in the console', () => {
  const h = useBrowserHarness();
  const { openPage, signIn, apiGet, shot } = h;
  /** The co-op the merchant applies for, approved by the county in the first test. */
  let sellerId = '';

  async function signOut(page: Page): Promise<void> {
    await page.getByTestId('user-menu').click();
    await page.getByText('退出登录', { exact: true }).click();
    await page.waitForURL(/\/login/);
  }

  /** Waits until the toasts are gone, so the next one is the next answer's. */
  const noToasts = (page: Page) => expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);

  const fieldErrors = (scope: Page | Locator) => scope.locator('.ant-form-item-explain-error').allTextContents();

  /** Ignores what is expected: the browser logging the 4xx answers the test provokes on purpose. */
  const ownErrors = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401|404|409)/.test(e));

  const menu = (page: Page) => page.locator('.ant-layout-sider .ant-menu-root');
  // A table's rows on a desktop, a card each on a phone.
  const sellerRows = (page: Page) => page.locator('[data-testid=sellers-table] tbody tr.ant-table-row, [data-testid=seller-card]');
  const householdRows = (page: Page) => page.locator('[data-testid=households-table] tbody tr.ant-table-row');
  const linkRows = (page: Page) => page.locator('[data-testid=links-table] tbody tr.ant-table-row');

  it("takes a co-op's application with its credit code checked by the server, and lets the county approve it", async () => {
    const { page, errors } = await openPage();
    const keys: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().endsWith('/api/v1/parties/sellers')) keys.push(req.headers()['idempotency-key'] ?? '');
    });

    // A merchant lands on its own sellers only (the demo gives it one). Its menu has 商户入驻 and nothing of the network.
    await signIn(page, 'demo.merchant');
    await page.waitForURL(/\/workbench$/);
    await page.goto(`${h.base}/parties/sellers`);
    const own = await apiGet<{ items: SellerRow[] }>(page, '/parties/sellers');
    expect(own.items.length).toBeGreaterThan(0);
    await expect.poll(() => sellerRows(page).count()).toBe(own.items.length);
    await expect.poll(() => menu(page).getByText('商户入驻', { exact: true }).count()).toBe(1);
    expect(await menu(page).getByText('贫困户台账', { exact: true }).count()).toBe(0);
    expect(await menu(page).getByText('服务网络', { exact: true }).count()).toBe(0);
    await shot(page, 'sellers-merchant');

    // 申请入驻: nothing filled is refused in the form.
    await page.getByTestId('apply-seller').click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.locator('.ant-drawer-title').textContent()).toBe('申请入驻');
    await page.getByTestId('save-new-seller').click();
    await expect.poll(() => fieldErrors(drawer)).toEqual(expect.arrayContaining(['请选择主体类型', '请填写统一社会信用代码', '请选择所在乡镇', '请填写地址', '请填写联系人']));

    // Kind first: a co-op gives its credit code, checked for form in the browser (upper-cased as typed).
    await page.getByTestId('seller-kind').getByText('农民专业合作社', { exact: true }).click();
    await drawer.getByLabel('名称（与营业执照一致）').fill(COOP);
    const code = drawer.getByLabel('统一社会信用代码');
    await code.fill('93530621MA6K0016');
    await expect.poll(() => fieldErrors(drawer)).toContain('统一社会信用代码为 18 位数字或大写字母（不含 I、O、S、V、Z）');
    await code.fill(WRONG_CREDIT_CODE.toLowerCase());
    await expect.poll(() => code.inputValue()).toBe(WRONG_CREDIT_CODE);
    await pick(page, 'seller-township', '乐红镇');
    await pick(page, 'seller-village', '乐红村');
    await drawer.getByLabel('地址').fill('乐红镇乐红村委会旁');
    await drawer.getByLabel('联系人').fill('马建国');
    await drawer.getByLabel('联系电话').fill('13987001234');
    await drawer.getByLabel('返乡创业', { exact: true }).check();
    await drawer.getByLabel('简介').fill('种植青花椒 1200 亩，带动乐红村 86 户农户');

    // The server's verdict on the check character lands under the field, and nothing is stored.
    await page.getByTestId('save-new-seller').click();
    await expect.poll(() => fieldErrors(drawer)).toContain('校验位（第 18 位）不符，请逐位核对');
    await page.setViewportSize({ width: 1440, height: 1400 });
    await shot(page, 'sellers-apply-error', false);
    await page.setViewportSize({ width: 1440, height: 900 });
    expect((await apiGet<{ items: SellerRow[] }>(page, '/parties/sellers')).items.length).toBe(own.items.length);

    // The right code: the application is pending, and its page opens.
    await code.fill(CREDIT_CODE);
    await noToasts(page);
    await page.getByTestId('save-new-seller').click();
    await page.waitForURL(/\/parties\/sellers\/slr_[^/]+$/);
    sellerId = new URL(page.url()).pathname.split('/').pop()!;
    await expect.poll(() => page.getByTestId('seller-title').textContent()).toBe(COOP);
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已提交入驻申请，等待审核');
    await expect.poll(() => page.getByTestId('seller-status-alert').textContent()).toContain('等待县电商办审核');
    expect(await page.getByTestId('seller-status').first().textContent()).toBe('待审核');
    // The managing account sees its own phone in full; no review actions for it.
    expect(await page.getByTestId('seller-phone').textContent()).toBe('13987001234');
    expect(await page.getByTestId('approve-seller').count()).toBe(0);
    const descriptions = page.getByTestId('seller-descriptions');
    expect(await descriptions.textContent()).toContain('乐红镇 乐红村');
    expect(await descriptions.textContent()).toContain('返乡创业');
    await shot(page, 'sellers-detail-pending');
    // The refused try and the accepted one carried the one key of the opened form.
    expect(keys.length).toBe(2);
    expect(new Set(keys).size).toBe(1);
    const applied = await apiGet<SellerRow>(page, `/parties/sellers/${sellerId}`);
    expect(applied).toMatchObject({ kind: 'cooperative', status: 'pending', creditCode: CREDIT_CODE, divisionCode: LEHONG_VILLAGE, tags: ['returning_migrant'] });

    // The list holds it, with its status.
    await menu(page).getByText('商户入驻', { exact: true }).click();
    await expect.poll(() => sellerRows(page).count()).toBe(own.items.length + 1);
    expect(await sellerRows(page).filter({ hasText: COOP }).textContent()).toContain('待审核');
    await signOut(page);

    // The county office: the 待审核 tab, the application, and 通过 after a confirmation.
    await signIn(page, 'demo.county');
    await page.waitForURL(/\/workbench$/);
    for (const item of ['商户入驻', '贫困户台账']) await expect.poll(() => menu(page).getByText(item, { exact: true }).count()).toBe(1);
    await menu(page).getByText('商户入驻', { exact: true }).click();
    await page.waitForURL(/\/parties\/sellers$/);
    await page.getByTestId('seller-tabs').getByRole('tab', { name: '待审核' }).click();
    await page.waitForURL(/status=pending/);
    const pending = await apiGet<{ items: SellerRow[] }>(page, '/parties/sellers?status=pending');
    expect(pending.items.map((s) => s.name)).toContain(COOP);
    await expect.poll(() => sellerRows(page).count()).toBe(pending.items.length);
    expect(new Set(await sellerRows(page).locator('[data-testid=seller-status]').allTextContents())).toEqual(new Set(['待审核']));
    await shot(page, 'sellers-list');
    // Found by name.
    await page.getByTestId('filter-seller-q').locator('input').fill('乐红青花椒产销');
    await page.getByTestId('filter-seller-q').locator('input').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === '乐红青花椒产销' && url.searchParams.get('status') === 'pending');
    await expect.poll(() => sellerRows(page).count()).toBe(1);
    const row = sellerRows(page).first();
    expect(await row.textContent()).toContain(CREDIT_CODE);
    // Another account's phone comes masked.
    expect(await row.textContent()).toContain('139****1234');

    await page.getByTestId('seller-link').filter({ hasText: COOP }).click();
    await page.waitForURL(new RegExp(`/parties/sellers/${sellerId}$`));
    await expect.poll(() => page.getByTestId('seller-phone').textContent()).toBe('139****1234');
    await page.getByTestId('approve-seller').click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect.poll(() => confirm.locator('.ant-modal-confirm-title').textContent()).toBe(`确认通过“${COOP}”的入驻申请？`);
    await shot(page, 'sellers-approve-confirm', false);
    await confirm.getByRole('button', { name: /通\s*过/ }).click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已通过入驻申请');
    await expect.poll(() => page.getByTestId('seller-status').first().textContent()).toBe('已通过');
    // The reviewer by name, never a login name: the county office reads its own decision as 本账号's.
    await expect.poll(() => page.getByTestId('seller-review').textContent()).toContain('审核人本账号');
    expect(await page.getByTestId('seller-review').textContent()).not.toContain('demo.county');
    expect(await page.getByTestId('seller-status-alert').count()).toBe(0);
    // Approved: the next decision is a suspension, which asks for a reason.
    await page.getByTestId('suspend-seller').click();
    const reasonModal = page.locator('.ant-modal').filter({ hasText: '暂停原因' });
    await reasonModal.getByRole('button', { name: /暂\s*停/ }).click();
    await expect.poll(() => fieldErrors(page)).toContain('请填写暂停原因');
    await reasonModal.getByRole('button', { name: /取\s*消/ }).click();
    await shot(page, 'sellers-detail');
    expect(await apiGet<SellerRow>(page, `/parties/sellers/${sellerId}`)).toMatchObject({ status: 'approved', reviewedBy: 'demo.county' });

    expect(ownErrors(errors)).toEqual([]);
  }, 120_000);

  it('registers poor households with their head IDs masked, links them to the seller, and refuses shares beyond the whole', async () => {
    expect(sellerId, 'the first test approves the seller').not.toBe('');
    const { page, errors } = await openPage();
    await signIn(page, 'demo.county');
    await page.waitForURL(/\/workbench$/);
    await menu(page).getByText('贫困户台账', { exact: true }).click();
    await page.waitForURL(/\/parties\/households$/);
    await expect.poll(() => householdRows(page).count()).toBeGreaterThan(0);

    /**
     * 登记贫困户 through the drawer. Asked to, it first tries a number the register has and a wrong head ID, which
     * the server refuses under their fields.
     */
    async function register(h: typeof FIRST, mistakesFirst: boolean): Promise<string> {
      await menu(page).getByText('贫困户台账', { exact: true }).click();
      await page.getByTestId('create-household').click();
      const drawer = page.getByRole('dialog');
      await expect.poll(() => drawer.locator('.ant-drawer-title').textContent()).toBe('登记贫困户');
      await drawer.getByLabel('户编号').fill(mistakesFirst ? TAKEN_NO : h.no);
      await pick(page, 'household-township', '乐红镇');
      await pick(page, 'household-village', '乐红村');
      await drawer.getByLabel('户主姓名').fill(h.head);
      await drawer.getByLabel('家庭人口').fill('5');
      const id = drawer.getByLabel('户主身份证号');
      if (mistakesFirst) {
        await id.fill(h.id);
        await page.getByTestId('save-new-household').click();
        await expect.poll(() => fieldErrors(drawer)).toContain('该户编号或户主身份证号已登记');
        await noToasts(page);
        await drawer.getByLabel('户编号').fill(h.no);
        await id.fill(`${h.id.slice(0, 17)}${h.id.endsWith('2') ? '3' : '2'}`);
        await page.getByTestId('save-new-household').click();
        await expect.poll(() => fieldErrors(drawer)).toContain('校验位（第 18 位）不符，请逐位核对');
        await page.setViewportSize({ width: 1440, height: 1200 });
        await shot(page, 'households-create-error', false);
        await page.setViewportSize({ width: 1440, height: 900 });
        await noToasts(page);
      }
      await id.fill(h.id.toLowerCase());
      await page.getByTestId('save-new-household').click();
      await page.waitForURL(/\/parties\/households\/hh_[^/]+$/);
      await expect.poll(() => page.getByTestId('household-title').textContent()).toBe(`${h.head} · ${h.no}`);
      return new URL(page.url()).pathname.split('/').pop()!;
    }

    /** 关联商户 on the household's page: the seller, 种植, a share in per cent. */
    async function link(percent: string): Promise<void> {
      await page.getByTestId('create-link').click();
      const drawer = page.getByRole('dialog');
      await expect.poll(() => drawer.locator('.ant-drawer-title').textContent()).toBe('关联商户');
      await pick(page, 'link-seller', COOP);
      await drawer.getByLabel('分成比例').fill(percent);
      await page.getByTestId('save-new-link').click();
    }

    // The first household: its head's ID shown masked on its page, and then in the register.
    const first = await register(FIRST, true);
    await expect.poll(() => page.getByTestId('household-head-id').textContent()).toBe(FIRST.masked);
    expect(await page.getByTestId('household-descriptions').textContent()).toContain('乐红镇 乐红村');
    await expect.poll(() => page.locator('[data-testid=links-table] .ant-empty-description').textContent()).toBe('暂无关联商户');

    // Linked to the co-op at 60 % of each sale.
    await link('60');
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已关联商户');
    await expect.poll(() => linkRows(page).count()).toBe(1);
    await expect.poll(() => linkRows(page).first().textContent()).toContain(COOP);
    expect(await linkRows(page).first().getByTestId('link-share-value').textContent()).toBe('60%');
    expect(await linkRows(page).first().textContent()).toContain('种植');
    expect(await linkRows(page).first().textContent()).toContain('全部商品');
    await shot(page, 'households-detail');
    const stored = await apiGet<HouseholdRow>(page, `/parties/households/${first}`);
    expect(stored.headIdNumber).toBe(FIRST.masked);
    expect(stored.links.map((l) => ({ sellerId: l.sellerId, shareBp: l.shareBp, role: l.role, productId: l.productId }))).toEqual([{ sellerId, shareBp: 6000, role: 'grower', productId: null }]);

    // A second household asking 50 % of the same sales: the share field says 40 % is left.
    await register(SECOND, false);
    await expect.poll(() => page.getByTestId('household-head-id').textContent()).toBe(SECOND.masked);
    await link('50');
    const drawer = page.getByRole('dialog');
    // Checked on every day the link covers: the first day the shares would pass the whole is named.
    await expect.poll(() => fieldErrors(drawer)).toContain(`自 ${shanghaiDate(Date.now())} 起该商户（商品）的销售已有 60% 计入贫困户，最多还可分 40%`);
    await shot(page, 'households-link-error', false);
    // 40 % fits.
    await drawer.getByLabel('分成比例').fill('40');
    await noToasts(page);
    await page.getByTestId('save-new-link').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已关联商户');
    await expect.poll(() => linkRows(page).count()).toBe(1);
    await expect.poll(() => linkRows(page).first().getByTestId('link-share-value').textContent()).toBe('40%');

    // The register, filtered to 乐红村: the demo's two households and these two, heads' IDs masked.
    await menu(page).getByText('贫困户台账', { exact: true }).click();
    await expect.poll(() => householdRows(page).count()).toBeGreaterThan(0);
    await pick(page, 'filter-household-township', '乐红镇');
    await pick(page, 'filter-household-village', '乐红村');
    await page.waitForURL((url) => url.searchParams.get('village') === LEHONG_VILLAGE);
    const lehong = await apiGet<{ items: HouseholdRow[] }>(page, `/parties/households?villageCode=${LEHONG_VILLAGE}`);
    expect(lehong.items.map((h) => h.householdNo).sort()).toEqual([TAKEN_NO, '5306211102050002', FIRST.no, SECOND.no]);
    await expect.poll(() => householdRows(page).count()).toBe(4);
    const text = await householdRows(page).filter({ hasText: FIRST.no }).textContent();
    expect(text).toContain(FIRST.masked);
    expect(text).toContain('乐红镇 乐红村');
    expect(text).toContain('未脱贫');
    expect(await page.locator('[data-testid=households-table] tbody').textContent()).not.toMatch(/\d{17}[\dX]/);
    await shot(page, 'households');
    await page.getByPlaceholder('按户编号或户主姓名搜索').fill(SECOND.no);
    await page.getByPlaceholder('按户编号或户主姓名搜索').press('Enter');
    await expect.poll(() => householdRows(page).count()).toBe(1);
    expect(await householdRows(page).first().textContent()).toContain(SECOND.masked);
    await page.getByRole('button', { name: /重\s*置/ }).click();
    await page.waitForURL((url) => url.search === '');
    await expect.poll(() => householdRows(page).count()).toBeGreaterThan(4);
    await page.getByPlaceholder('按户编号或户主姓名搜索').fill(FIRST.no);
    await page.getByPlaceholder('按户编号或户主姓名搜索').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === FIRST.no);
    await expect.poll(() => householdRows(page).count()).toBe(1);

    // 结束关联 on the first household: a link that began today ends tomorrow at the earliest, and says so.
    await householdRows(page).getByTestId('household-link').filter({ hasText: FIRST.no }).click();
    await expect.poll(() => linkRows(page).count()).toBe(1);
    await linkRows(page).first().getByTestId('end-link').click();
    const endModal = page.locator('.ant-modal').filter({ hasText: '结束日期' });
    await expect.poll(() => endModal.locator('.ant-modal-title').textContent()).toBe(`结束与“${COOP}”的关联`);
    const tomorrow = shanghaiDate(Date.now() + 24 * 3600_000);
    expect(await endModal.getByLabel('结束日期').inputValue()).toBe(tomorrow);
    await shot(page, 'households-end-link', false);
    await endModal.getByRole('button', { name: /结束关联/ }).click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已结束关联');
    await expect.poll(() => linkRows(page).first().textContent()).toContain(`至 ${tomorrow}`);
    expect(await linkRows(page).first().getByTestId('end-link').count()).toBe(0);
    const ended = await apiGet<HouseholdRow>(page, `/parties/households/${first}`);
    expect(ended.links.map((l) => l.validTo)).toEqual([tomorrow]);

    expect(ownErrors(errors)).toEqual([]);
  }, 150_000);

  it('shows a regulator sellers and households to read only', async () => {
    const { page, errors } = await openPage();
    await signIn(page, 'demo.regulator');
    await page.goto(`${h.base}/parties/sellers?q=${encodeURIComponent('乐红青花椒产销')}`);
    await expect.poll(() => sellerRows(page).count()).toBe(1);
    expect(await page.getByTestId('apply-seller').count()).toBe(0);
    await page.getByTestId('seller-link').first().click();
    await expect.poll(() => page.getByTestId('seller-title').textContent()).toBe(COOP);
    expect(await page.getByTestId('suspend-seller').count()).toBe(0);
    expect(await page.getByTestId('edit-seller').count()).toBe(0);
    await page.goto(`${h.base}/parties/households?q=${SECOND.no}`);
    await expect.poll(() => householdRows(page).count()).toBe(1);
    expect(await page.getByTestId('create-household').count()).toBe(0);
    await householdRows(page).getByTestId('household-link').filter({ hasText: SECOND.no }).click();
    await expect.poll(() => linkRows(page).count()).toBe(1);
    expect(await page.getByTestId('create-link').count()).toBe(0);
    expect(await page.getByTestId('end-link').count()).toBe(0);
    expect(ownErrors(errors)).toEqual([]);
  }, 60_000);

  it('shows the county office 扶贫台账: cards, chart, table and the household panel give the API’s figures, and exports Excel', async () => {
    const { page, errors } = await openPage();
    await signIn(page, 'demo.county');
    await menu(page).getByText('扶贫台账', { exact: true }).click();
    await page.waitForURL(/\/parties\/ledger/);
    await page.getByTestId('ledger-by').getByText('按户', { exact: true }).click();
    await page.waitForURL(/by=household/);
    await expect.poll(() => page.getByTestId('ledger-chart').getAttribute('data-rendered'), { timeout: 15_000 }).toBe('true');

    // The cards are the server's totals over every entry; the rows come most income first.
    const api = await apiGet<LedgerPage>(page, '/parties/ledger?by=household&limit=100');
    expect(api.items.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('ledger-total-income').locator('.ant-statistic-content').textContent()).toBe(`¥${(api.totals.incomeFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
    const rows = page.locator('[data-testid=ledger-table] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(api.items.length);
    const top = api.items[0];
    await expect.poll(() => rows.first().getByTestId('ledger-income').textContent()).toBe(yuan(top.incomeFen));

    // The household's panel: the same income and sales as its row, from every entry (not a page of them).
    const own = await apiGet<{ totalIncomeFen: number; totalSalesFen: number }>(page, `/parties/households/${top.key}/ledger`);
    expect([own.totalIncomeFen, own.totalSalesFen]).toEqual([top.incomeFen, top.salesFen]);
    await rows.first().getByTestId('ledger-household').click();
    await expect.poll(() => page.getByTestId('household-ledger-income').textContent()).toBe(yuan(top.incomeFen));
    expect(await page.getByTestId('household-ledger-sales').textContent()).toBe(yuan(top.salesFen));
    await expect.poll(() => page.locator('[data-testid=ledger-entries] tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await shot(page, 'ledger-household-panel', false);
    await page.keyboard.press('Escape');

    // 导出 Excel downloads the period's workbook.
    const href = await page.getByTestId('ledger-export').getAttribute('href');
    expect(href).toBe('/api/v1/parties/ledger/export.xlsx?by=household');
    const file = await page.request.get(`${h.base}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');
    await shot(page, 'ledger-page');
    expect(ownErrors(errors)).toEqual([]);
  }, 90_000);

  it("lets a village operator, on a phone, apply for farmers only and see its farmer's ID number in full", async () => {
    const { page, errors } = await openPage({ width: 390, height: 844 });
    await signIn(page, 'demo.village');
    await page.goto(`${h.base}/parties/sellers`);
    const own = await apiGet<{ items: (SellerRow & { idNumber: string | null; ownerUserId: string })[] }>(page, '/parties/sellers');
    const farmer = own.items.find((s) => s.kind === 'farmer' && s.status === 'approved')!;
    expect(farmer.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    await expect.poll(() => sellerRows(page).count()).toBe(own.items.length);
    await shot(page, 'sellers-village-phone');

    // Its own farmer: the ID number masked until 查看完整号码, which asks the server for it.
    await page.getByTestId('seller-link').filter({ hasText: farmer.name }).click();
    await expect.poll(() => page.getByTestId('seller-title').textContent()).toBe(farmer.name);
    await expect.poll(() => page.getByTestId('seller-id-number-value').textContent()).toBe(farmer.idNumber);
    await page.getByTestId('reveal-id-number').click();
    await expect.poll(() => page.getByTestId('seller-id-number-value').textContent()).toMatch(/^\d{17}[\dX]$/);
    const full = (await page.getByTestId('seller-id-number-value').textContent())!;
    expect(full.slice(0, 4) + '**********' + full.slice(-4)).toBe(farmer.idNumber);
    await shot(page, 'sellers-farmer-phone');

    // 申请入驻 offers the farmer kind only, with its ID number field.
    await page.goto(`${h.base}/parties/sellers`);
    await page.getByTestId('apply-seller').click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => page.getByTestId('seller-kind').locator('.ant-radio-button-wrapper').allTextContents()).toEqual(['农户']);
    expect(await drawer.getByLabel('农户姓名').count()).toBe(1);
    expect(await drawer.getByLabel('身份证号').count()).toBe(1);
    await drawer.getByLabel('身份证号').fill('53062119850315105');
    await expect.poll(() => fieldErrors(drawer)).toContain('身份证号须为 18 位：前 17 位为数字，最后一位为数字或 X');
    await shot(page, 'sellers-apply-farmer-phone', false);

    expect(ownErrors(errors)).toEqual([]);
  }, 60_000);

  it('lets the merchant change its password and sign in with the new one', async () => {
    const { page, errors } = await openPage();
    await signIn(page, 'demo.merchant');
    await page.waitForURL(/\/workbench$/);
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '修改密码' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '确认新密码' });
    await expect.poll(() => modal.locator('.ant-modal-title').textContent()).toBe('修改密码');

    // Checked in the form: a weak password, two that differ.
    await modal.getByLabel('当前密码').fill('not-my-password-1');
    await modal.getByLabel('新密码', { exact: true }).fill('short1');
    await modal.getByLabel('确认新密码').fill('short2');
    await modal.getByRole('button', { name: /确认修改/ }).click();
    await expect.poll(() => fieldErrors(modal)).toEqual(['密码至少 10 位，且须同时包含字母和数字', '两次输入的新密码不一致']);

    // A wrong current password is the server's to say, under its field.
    await modal.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await modal.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await modal.getByRole('button', { name: /确认修改/ }).click();
    await expect.poll(() => fieldErrors(modal)).toEqual(['当前密码不正确']);
    await shot(page, 'password', false);

    await modal.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await noToasts(page);
    await modal.getByRole('button', { name: /确认修改/ }).click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('密码已修改');
    // This session stays signed in.
    expect((await page.request.get(`${h.base}/api/v1/auth/me`)).status()).toBe(200);

    // Out, and back in: the old password no longer works, the new one does.
    await signOut(page);
    await page.getByLabel('用户名').fill('demo.merchant');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('用户名或密码错误');
    await page.getByLabel('密码').fill(NEW_PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/\/workbench$/);
    await page.goto(`${h.base}/parties/sellers`);
    await expect.poll(() => sellerRows(page).filter({ hasText: COOP }).count()).toBe(1);

    expect(ownErrors(errors)).toEqual([]);
  }, 90_000);
});
