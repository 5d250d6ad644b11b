/**
 * The web console in a real browser against the real server with the Ludian demo data.
 * Needs the built console in dist/web (`npx vite build`; `npm install` builds it through "prepare") and
 * Chromium (test/setup/chromium.ts finds it). Screenshots go to /tmp/shots/*.png for a person to look at.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../src/kernel/context.js';
import { DEMO_PASSWORD } from '../helpers.js';
import { openOptions, pick, useBrowserHarness } from './harness.js';

const OTHER_SITE = 'site_ld3_530621101201';
const LEHONG = '530621110';
/** 兴隆村 in 水磨镇: a village the demo gives no village point. */
const XINGLONG = '530621102205';
const SHUIMO = '530621102';

interface SiteRow {
  id: string;
  name: string;
  kind: string;
  divisionCode: string;
  townshipCode: string | null;
  status: string;
}

interface UserRow {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  roles: string[];
  scope: { kind: string; id: string };
  status: string;
}

describe('web console', () => {
  const h = useBrowserHarness();
  const { openPage, signIn, apiGet, shot } = h;

  const rows = (page: Page) => page.locator('[data-testid=sites-table] tbody tr.ant-table-row');

  /** Ignores what is expected: the browser logging the 401 / 404 answers the test provokes on purpose. */
  const ownErrors = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of (401|404)/.test(e));

  it('lets the county office sign in, filter the sites, open and edit one, and see coverage against the targets', async () => {
    const { page, errors } = await openPage();

    await page.goto(`${h.base}/`);
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.getByLabel('用户名').isVisible()).toBe(true);
    await shot(page, 'sign-in', false);

    // A wrong password is refused with a message and no redirect.
    await page.getByLabel('用户名').fill('demo.county');
    await page.getByLabel('密码').fill('wrong-password');
    await page.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/\/workbench$/);
    await page.goto(`${h.base}/network/sites`);
    await expect.poll(() => page.getByTestId('platform-name').textContent()).toBe('鲁甸县 · 县域电商综合服务平台');
    await expect.poll(() => page.getByTestId('user-menu').textContent()).toContain('县电商办管理员');

    // The county office's menu: network and administration.
    const menu = page.locator('.ant-layout-sider .ant-menu-root');
    for (const item of ['站点列表', '覆盖率看板', '用户', '审计日志']) await expect.poll(() => menu.getByText(item, { exact: true }).count()).toBe(1);

    // Every site of the county is listed (the table pages locally, the total is in the footer).
    const all = await apiGet<{ items: SiteRow[] }>(page, '/network/sites?limit=500');
    expect(all.items.length).toBeGreaterThan(100);
    await expect.poll(() => rows(page).count()).toBe(20);
    await expect.poll(() => page.locator('.ant-pagination-total-text').textContent()).toBe(`共 ${all.items.length} 个站点`);
    await shot(page, 'sites-list');

    // Kind 乡镇服务站: the 12 township stations, and the filter is in the URL.
    await pick(page, 'filter-kind', '乡镇服务站', { exact: true });
    await page.waitForURL(/kind=township_station/);
    await expect.poll(() => rows(page).count()).toBe(12);
    const kinds = await rows(page).locator('td:nth-child(2)').allTextContents();
    expect(new Set(kinds)).toEqual(new Set(['乡镇服务站']));

    // Township 乐红镇 with the kind cleared: only 乐红镇's sites.
    // The clear icon shows on hover; on a busy machine the first click can land before it does.
    await expect
      .poll(async () => {
        await page.locator('[data-testid=filter-kind]').hover();
        await page.locator('[data-testid=filter-kind] .ant-select-clear').click({ force: true, timeout: 2_000 }).catch(() => undefined);
        return new URL(page.url()).searchParams.has('kind');
      })
      .toBe(false);
    await pick(page, 'filter-township', '乐红镇', { exact: true });
    await page.waitForURL((url) => url.searchParams.get('township') === LEHONG && !url.searchParams.has('kind'));
    const lehong = all.items.filter((s) => s.townshipCode === LEHONG);
    await expect.poll(() => page.locator('.ant-pagination-total-text').textContent()).toBe(`共 ${lehong.length} 个站点`);
    const townships = await rows(page).locator('td:nth-child(3)').allTextContents();
    expect(townships.length).toBe(Math.min(20, lehong.length));
    expect(new Set(townships)).toEqual(new Set(['乐红镇']));

    // The filters survive a reload.
    await page.reload();
    await expect.poll(() => page.locator('.ant-pagination-total-text').textContent()).toBe(`共 ${lehong.length} 个站点`);

    // Site detail: fields, status history, and the edit drawer.
    await page.getByTestId('site-link').filter({ hasText: '乐红镇电商服务站' }).click();
    await page.waitForURL(/\/network\/sites\/site_ld2_530621110$/);
    await expect.poll(() => page.getByTestId('site-title').textContent()).toBe('乐红镇电商服务站');
    await expect.poll(() => page.getByTestId('status-history').locator('.ant-timeline-item').count()).toBeGreaterThan(0);
    await shot(page, 'site-detail');

    await page.getByTestId('edit-site').click();
    const drawer = page.getByRole('dialog');
    const hours = drawer.getByLabel('营业时间');
    await hours.fill('每天 8:00–20:00');
    await drawer.getByLabel('手机号').fill('12345');
    await page.getByTestId('save-site').click();
    await expect.poll(() => drawer.locator('.ant-form-item-explain-error').allTextContents()).toContain('请输入 11 位手机号');
    await drawer.getByLabel('手机号').fill('13908701234');
    await shot(page, 'site-edit', false);
    await page.getByTestId('save-site').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已保存');
    await expect.poll(() => page.locator('.ant-descriptions').first().textContent()).toContain('每天 8:00–20:00');
    const saved = await apiGet<{ openingHours: string; operator: { phone: string } }>(page, '/network/sites/site_ld2_530621110');
    expect(saved.openingHours).toBe('每天 8:00–20:00');
    expect(saved.operator.phone).toBe('139****1234');

    // Coverage: the cards against the plan's 12 stations and 49 points, and a drawn chart.
    await menu.getByText('覆盖率看板', { exact: true }).click();
    await page.waitForURL(/\/network\/coverage$/);
    await page.locator('[data-testid=coverage-chart][data-rendered=true]').waitFor({ timeout: 20_000 });
    const coverage = await apiGet<{ townshipStations: { operating: number; target: number }; villagePoints: { operating: number; target: number }; townships: unknown[] }>(page, '/network/coverage');
    expect(coverage.townshipStations.target).toBe(12);
    expect(coverage.villagePoints.target).toBe(49);
    const stations = page.getByTestId('card-stations');
    const points = page.getByTestId('card-points');
    await expect.poll(() => stations.textContent()).toContain(`${coverage.townshipStations.operating}/ 12`);
    await expect.poll(() => points.textContent()).toContain(`${coverage.villagePoints.operating}/ 49`);
    expect(await page.getByTestId('card-stations-mark').getAttribute('data-met')).toBe(coverage.townshipStations.operating >= 12 ? 'true' : 'false');
    await expect.poll(() => page.locator('[data-testid=coverage-table] tbody tr.ant-table-row').count()).toBe(coverage.townships.length);
    const canvas = page.locator('[data-testid=coverage-chart] canvas');
    expect((await canvas.boundingBox())?.height ?? 0).toBeGreaterThan(200);
    await shot(page, 'coverage');

    // English is one click away and remembered.
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => menu.textContent()).toContain('Coverage');
    await expect.poll(() => stations.textContent()).toContain('Township stations');
    await page.locator('[data-testid=coverage-chart][data-rendered=true]').waitFor();
    await shot(page, 'coverage-en');
    await page.reload();
    await expect.poll(() => menu.textContent()).toContain('Coverage');
    await page.getByText('中文', { exact: true }).click();
    await expect.poll(() => menu.textContent()).toContain('覆盖率看板');

    // Administration pages.
    await menu.getByText('用户', { exact: true }).click();
    await expect.poll(() => page.locator('[data-testid=users-table] tbody tr.ant-table-row').count()).toBeGreaterThanOrEqual(8);
    await shot(page, 'users');
    await menu.getByText('审计日志', { exact: true }).click();
    await expect.poll(() => page.locator('[data-testid=audit-table] tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await page.goto(`${h.base}/admin/audit?action=site.updated&entityId=site_ld2_530621110`);
    await expect.poll(() => page.locator('[data-testid=audit-table] tbody tr.ant-table-row').count()).toBe(1);
    await shot(page, 'audit');

    // Unknown pages get the 404 page inside the console.
    await page.goto(`${h.base}/no/such/page`);
    await expect.poll(() => page.locator('.ant-result-title').textContent()).toBe('页面不存在');

    // Signing out ends the session.
    await page.getByTestId('user-menu').click();
    await page.getByText('退出登录', { exact: true }).click();
    await page.waitForURL(/\/login/);
    expect((await page.request.get(`${h.base}/api/v1/auth/me`)).status()).toBe(401);

    expect(ownErrors(errors)).toEqual([]);
  }, 120_000);

  it('shows a village operator only its own site, also on a phone, and nothing of other sites', async () => {
    const { page, errors } = await openPage({ width: 390, height: 844 });
    await signIn(page, 'demo.village');
    const me = await apiGet<{ scope: { id: string } }>(page, '/auth/me');
    await page.waitForURL(/\/workbench$/);
    await page.goto(`${h.base}/network/sites/${me.scope.id}`);
    const own = await apiGet<{ name: string }>(page, `/network/sites/${me.scope.id}`);
    await expect.poll(() => page.getByTestId('site-title').textContent()).toBe(own.name);
    await shot(page, 'village-phone');

    // On a phone the menu is folded away; opened, it holds only 我的站点.
    await page.getByRole('button', { name: 'menu' }).click();
    const menu = page.locator('.ant-layout-sider .ant-menu-root');
    await expect.poll(() => menu.getByText('我的站点', { exact: true }).isVisible()).toBe(true);
    expect(await menu.getByText('站点列表', { exact: true }).count()).toBe(0);
    expect(await menu.getByText('覆盖率看板', { exact: true }).count()).toBe(0);
    expect(await menu.getByText('系统管理', { exact: true }).count()).toBe(0);
    await shot(page, 'village-phone-menu', false);

    // It may edit its own site, but not appoint the operator.
    await menu.getByText('我的站点', { exact: true }).click();
    await page.getByTestId('edit-site').click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('经营者由乡镇或县电商办指定');
    await shot(page, 'village-phone-edit', false);
    await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();

    // Another site's page shows "not found", never its data.
    const other = await h.t.modules.network.service.getSite(systemContext('530621'), OTHER_SITE);
    await page.goto(`${h.base}/network/sites/${OTHER_SITE}`);
    await expect.poll(() => page.locator('.ant-result-title').textContent()).toBe('站点不存在');
    expect(await page.locator('body').textContent()).not.toContain(other.name);

    // Pages for other roles are refused.
    await page.goto(`${h.base}/network/coverage`);
    await expect.poll(() => page.locator('.ant-result-title').textContent()).toBe('无权访问');

    expect(ownErrors(errors)).toEqual([]);
  }, 90_000);

  it("keeps a township operator to its township and marks the field a server 400 names", async () => {
    const { page, errors } = await openPage();
    await signIn(page, 'demo.township');
    await page.waitForURL(/\/workbench$/);
    await page.goto(`${h.base}/network/sites`);

    // No township filter or column: the server only answers with the operator's own township.
    const own = await apiGet<{ items: SiteRow[] }>(page, '/network/sites?limit=500');
    expect(new Set(own.items.map((s) => s.townshipCode))).toEqual(new Set([LEHONG]));
    await expect.poll(() => page.locator('.ant-pagination-total-text').textContent()).toBe(`共 ${own.items.length} 个站点`);
    expect(await page.locator('[data-testid=filter-township]').count()).toBe(0);

    // Coverage of its own township only, with no county-wide count targets.
    await page.locator('.ant-layout-sider .ant-menu-root').getByText('覆盖率看板', { exact: true }).click();
    await page.locator('[data-testid=coverage-chart][data-rendered=true]').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-testid=coverage-table] tbody tr.ant-table-row').count()).toBe(1);
    expect(await page.getByTestId('card-stations-mark').count()).toBe(0);
    await shot(page, 'coverage-township');

    // A 400 from the server is shown under the field it names.
    const point = own.items.find((s) => s.kind === 'village_point')!;
    await page.goto(`${h.base}/network/sites/${point.id}`);
    await page.getByTestId('edit-site').click();
    await page.route(`**/api/v1/network/sites/${point.id}`, (route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'body.name: 同一乡镇内已有同名站点', details: { field: 'body.name' } } }) })
        : route.continue(),
    );
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('站点名称').fill(`${point.name}（新）`);
    await page.getByTestId('save-site').click();
    await expect.poll(() => drawer.locator('.ant-form-item-explain-error').allTextContents()).toContain('body.name: 同一乡镇内已有同名站点');
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('同一乡镇内已有同名站点');
    await page.unroute(`**/api/v1/network/sites/${point.id}`);

    expect(ownErrors(errors).filter((e) => !/status of 400/.test(e))).toEqual([]);
  }, 90_000);

  it('gives a merchant its seller applications, without the network menu', async () => {
    const { page, errors } = await openPage();
    await signIn(page, 'demo.merchant');
    await page.waitForURL(/\/workbench$/);
    const menu = page.locator('.ant-layout-sider .ant-menu-root');
    await expect.poll(() => menu.getByText('商户入驻', { exact: true }).count()).toBe(1);
    expect(await menu.getByText('服务网络').count()).toBe(0);
    // The welcome page is still there for roles with nothing else (consumers).
    await page.goto(`${h.base}/welcome`);
    await expect.poll(() => page.locator('.ant-result-title').textContent()).toBe('欢迎，鲁甸青花椒合作社');
    expect(ownErrors(errors)).toEqual([]);
  }, 60_000);

  it('lets the county office open a village point, give it an operator account, and that account see only its point', async () => {
    const { page, errors } = await openPage();
    const posts: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().endsWith('/api/v1/network/sites')) posts.push(req.headers()['idempotency-key'] ?? '');
    });
    await signIn(page, 'demo.county');
    await page.waitForURL(/\/workbench$/);
    await page.goto(`${h.base}/network/sites`);
    const before = await apiGet<{ items: SiteRow[] }>(page, '/network/sites?limit=500');
    expect(before.items.filter((s) => s.divisionCode === XINGLONG)).toEqual([]);

    // 新增站点: nothing chosen yet is refused in the form.
    await page.getByTestId('create-site').click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.locator('.ant-drawer-title').textContent()).toBe('新增站点');
    await page.getByTestId('save-new-site').click();
    await expect.poll(() => drawer.locator('.ant-form-item-explain-error').allTextContents()).toEqual(expect.arrayContaining(['请选择站点类型', '请填写站点名称', '请填写地址']));

    // Kind first, then 水磨镇, then its villages: those with a point already say so.
    await pick(page, 'site-kind', '村级服务点', { exact: true });
    await pick(page, 'site-township', '水磨镇', { exact: true });
    await page.getByTestId('site-village').click();
    await expect.poll(() => openOptions(page).filter({ hasText: '泉水村' }).textContent()).toContain('已有村级服务点');
    await expect.poll(() => openOptions(page).filter({ hasText: '兴隆村' }).textContent()).toBe('兴隆村');
    await openOptions(page).filter({ hasText: /^兴隆村$/ }).click();
    await expect.poll(() => drawer.getByLabel('站点名称').getAttribute('placeholder')).toBe('例如：兴隆村电商服务点');

    await drawer.getByLabel('站点名称').fill('兴隆村电商服务点');
    await drawer.getByLabel('地址').fill('水磨镇兴隆村村委会');
    await drawer.getByLabel('经度').fill('103.4712');
    await drawer.getByLabel('纬度').fill('27.2398');
    await drawer.getByLabel('面积（㎡）').fill('36');
    await drawer.getByLabel('营业时间').fill('每天 8:00–20:00');
    for (const service of ['代买', '代卖', '快递收发']) await drawer.getByLabel(service, { exact: true }).check();
    await pick(page, 'site-status', '运营中', { exact: true });
    await page.getByTestId('has-operator').click();
    await drawer.getByLabel('姓名').fill('李春梅');
    await drawer.getByLabel('手机号').fill('13908705205');
    await drawer.getByLabel('党员').check();
    await page.setViewportSize({ width: 1440, height: 1500 });
    await shot(page, 'create-site', false);
    await page.setViewportSize({ width: 1440, height: 900 });

    // A 400 from the server lands under the field it names, and nothing is opened.
    await page.route('**/api/v1/network/sites', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'body.address: 地址过于简略', details: { field: 'body.address' } } }) })
        : route.continue(),
    );
    await page.getByTestId('save-new-site').click();
    await expect.poll(() => drawer.locator('.ant-form-item-explain-error').allTextContents()).toContain('body.address: 地址过于简略');
    await page.unroute('**/api/v1/network/sites');
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);

    // A double click opens one site (one Idempotency-Key for the opened form), then its page.
    await page.getByTestId('save-new-site').dblclick();
    await page.waitForURL(/\/network\/sites\/site_[^/]+$/);
    const siteId = new URL(page.url()).pathname.split('/').pop()!;
    await expect.poll(() => page.getByTestId('site-title').textContent()).toBe('兴隆村电商服务点');
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已新增站点：兴隆村电商服务点');
    // The refused try and the double click all carried the same key.
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(posts).size).toBe(1);
    expect(posts[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    const after = await apiGet<{ items: SiteRow[] }>(page, '/network/sites?limit=500');
    const created = after.items.filter((s) => s.divisionCode === XINGLONG);
    expect(created.map((s) => ({ id: s.id, kind: s.kind, townshipCode: s.townshipCode, status: s.status }))).toEqual([{ id: siteId, kind: 'village_point', townshipCode: SHUIMO, status: 'operating' }]);
    expect(after.items.length).toBe(before.items.length + 1);
    const descriptions = page.locator('.ant-descriptions').first();
    await expect.poll(() => descriptions.textContent()).toContain('兴隆村');
    expect(await descriptions.textContent()).toContain('水磨镇');
    expect(await page.getByTestId('status-history').locator('.ant-timeline-item').count()).toBe(1);
    await expect.poll(() => page.locator('.ant-descriptions').nth(1).textContent()).toContain('139****5205');

    // …and in the list.
    await page.goto(`${h.base}/network/sites?q=${encodeURIComponent('兴隆村')}`);
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await page.getByTestId('site-link').textContent()).toBe('兴隆村电商服务点');

    // 新建用户: a village operator for the new point; a taken user name is marked under the field.
    const menu = page.locator('.ant-layout-sider .ant-menu-root');
    await menu.getByText('用户', { exact: true }).click();
    await page.waitForURL(/\/admin\/users$/);
    await page.getByTestId('create-user').click();
    await expect.poll(() => drawer.locator('.ant-drawer-title').textContent()).toBe('新建用户');
    await drawer.getByLabel('用户名').fill('demo.village');
    await drawer.getByLabel('显示名称').fill('兴隆村服务点');
    await drawer.getByLabel('初始密码').fill('short1');
    await drawer.getByLabel('手机号').fill('13908705205');
    await pick(page, 'user-roles', '村级服务点', { exact: true });
    await page.keyboard.press('Escape');
    await page.getByTestId('user-scope-site').click();
    await page.keyboard.type('兴隆');
    await expect.poll(() => openOptions(page).count()).toBe(1);
    await openOptions(page).filter({ hasText: '兴隆村电商服务点' }).click();
    await page.getByTestId('save-new-user').click();
    await expect.poll(() => drawer.locator('.ant-form-item-explain-error').allTextContents()).toContain('密码至少 10 位，且须同时包含字母和数字');
    await drawer.getByLabel('初始密码').fill('Xinglong-2026');
    await shot(page, 'users-create', false);
    await page.getByTestId('save-new-user').click();
    await expect.poll(() => drawer.locator('.ant-form-item-explain-error').allTextContents()).toContain('该用户名已被使用，请换一个');
    await drawer.getByLabel('用户名').fill('xinglong.point');
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
    await page.getByTestId('save-new-user').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已创建用户 xinglong.point');
    const users = await apiGet<{ items: UserRow[] }>(page, '/identity/users?q=xinglong');
    expect(users.items.map((u) => ({ username: u.username, roles: u.roles, scope: u.scope, phone: u.phone, status: u.status }))).toEqual([
      { username: 'xinglong.point', roles: ['village_operator'], scope: { kind: 'site', id: siteId }, phone: '139****5205', status: 'active' },
    ]);

    // The table shows the point by name and the phone masked, as the server sends it.
    await page.getByPlaceholder('按用户名或姓名搜索').fill('xinglong');
    await page.getByPlaceholder('按用户名或姓名搜索').press('Enter');
    const userRows = page.locator('[data-testid=users-table] tbody tr.ant-table-row');
    await expect.poll(() => userRows.count()).toBe(1);
    await expect.poll(() => userRows.first().textContent()).toContain('兴隆村电商服务点');
    expect(await userRows.first().textContent()).toContain('139****5205');

    // 编辑: a new display name; the masked phone is kept.
    await userRows.first().getByTestId('edit-user').click();
    await expect.poll(() => drawer.locator('.ant-drawer-title').textContent()).toBe('编辑用户：xinglong.point');
    await expect.poll(() => drawer.getByLabel('手机号', { exact: true }).getAttribute('placeholder')).toBe('139****5205');
    await drawer.getByLabel('显示名称').fill('水磨镇兴隆村服务点');
    await shot(page, 'users-edit', false);
    await page.getByTestId('save-user').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已保存');
    await expect.poll(() => userRows.first().textContent()).toContain('水磨镇兴隆村服务点');
    const edited = await apiGet<{ items: UserRow[] }>(page, '/identity/users?q=xinglong');
    expect(edited.items[0]).toMatchObject({ displayName: '水磨镇兴隆村服务点', phone: '139****5205', scope: { kind: 'site', id: siteId } });

    // The county admin cannot disable itself: the server's 403 is shown in the drawer.
    await page.getByPlaceholder('按用户名或姓名搜索').fill('demo.county');
    await page.getByPlaceholder('按用户名或姓名搜索').press('Enter');
    // The list before the search also had one row: wait for the one searched for.
    await expect.poll(() => userRows.first().textContent()).toContain('demo.county');
    await expect.poll(() => userRows.count()).toBe(1);
    await userRows.first().getByTestId('edit-user').click();
    await expect.poll(() => drawer.locator('.ant-drawer-title').textContent()).toBe('编辑用户：demo.county');
    await drawer.getByTestId('user-status').getByText('停用', { exact: true }).click();
    await page.getByTestId('save-user').click();
    await expect.poll(() => drawer.getByTestId('form-error').textContent()).toContain('You cannot disable yourself');
    await drawer.getByRole('button', { name: /取\s*消/ }).click();
    expect((await apiGet<UserRow>(page, '/auth/me')).status).toBe('active');

    // Signed in as the new account: its own point and nothing else.
    await page.getByTestId('user-menu').click();
    await page.getByText('退出登录', { exact: true }).click();
    await page.waitForURL(/\/login/);
    await signIn(page, 'xinglong.point', 'Xinglong-2026');
    await page.waitForURL(/\/workbench$/);
    await page.goto(`${h.base}/network/sites/${siteId}`);
    await expect.poll(() => page.getByTestId('site-title').textContent()).toBe('兴隆村电商服务点');
    const visible = await apiGet<{ items: SiteRow[] }>(page, '/network/sites?limit=500');
    expect(visible.items.map((s) => s.id)).toEqual([siteId]);
    expect(await menu.getByText('我的站点', { exact: true }).count()).toBe(1);
    expect(await menu.getByText('站点列表', { exact: true }).count()).toBe(0);
    await page.goto(`${h.base}/network/sites/${OTHER_SITE}`);
    await expect.poll(() => page.locator('.ant-result-title').textContent()).toBe('站点不存在');

    expect(ownErrors(errors).filter((e) => !/status of (400|403|409)/.test(e))).toEqual([]);
  }, 120_000);
});
