/**
 * 工作台 in a real browser: each demo role signs in, lands on /workbench, and sees the counts the API gives it (one
 * card per count, each a link to where the work is done), with its own menu group open. Needs the built console.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useBrowserHarness } from './harness.js';

/** The sign-in page asks who is signed in first: its 401 is expected. */
const ownErrors = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of 401/.test(e));

type Workbench = { name: string; place: string | null; blocks: { role: string; items: { key: string; count: number }[] }[] };

const ROLES = [
  // who, the count the demo has work for, an entry of the role's own menu group, where the first card leads
  { who: 'village', busy: 'parcelsToHandOver', menu: '服务点收发', opens: '/logistics/point' },
  { who: 'courier', busy: 'runsToday', menu: '配送调度', opens: '/logistics/runs' },
  { who: 'merchant', busy: 'lowStockSkus', menu: '商品管理', opens: '/sales/orders' },
  { who: 'regulator', busy: 'reviewsPending', menu: '监管复核', opens: '/trace/refusals' },
  { who: 'township', busy: 'pointsOperating', menu: '站点列表', opens: '/network/sites' },
  { who: 'county', busy: 'promiseBreaches', menu: '商户入驻', opens: '/logistics/promise' },
  { who: 'trainer', busy: 'sessionsUpcoming', menu: '培训班次', opens: '/training/sessions' },
] as const;

describe('工作台', () => {
  const h = useBrowserHarness();
  fs.mkdirSync('/tmp/shots/workbench', { recursive: true });

  it.each(ROLES)('$who lands on its workbench and sees the counts the API gives it', async ({ who, busy, menu, opens }) => {
    const { page, errors } = await h.openPage();
    await h.signIn(page, `demo.${who}`);
    await page.waitForURL(/\/workbench$/);
    const bench = await h.apiGet<Workbench>(page, '/workbench');
    await expect.poll(() => page.getByTestId('workbench-greeting').textContent()).toContain(bench.name);
    if (bench.place) await expect.poll(() => page.getByTestId('workbench-place').textContent()).toBe(bench.place);

    const items = bench.blocks.flatMap((b) => b.items);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) await expect.poll(() => page.getByTestId(`workbench-count-${item.key}`).textContent()).toBe(item.count.toLocaleString('en-US'));
    // The demo has work waiting for this role.
    expect(items.find((i) => i.key === busy)!.count).toBeGreaterThan(0);
    // A trainer's card names its next sessions (by title, never an id), each a link to the session.
    if (who === 'trainer') {
      const next = bench.blocks.flatMap((b) => b.items).find((i) => i.key === 'sessionsUpcoming') as { sessions?: { id: string; title: string }[] };
      await expect.poll(() => page.getByTestId('workbench-trainer-sessions').textContent()).toContain(next.sessions![0]!.title);
    }

    // Its own menu group is open.
    await expect.poll(() => page.locator('.ant-layout-sider .ant-menu-root').getByText(menu, { exact: true }).isVisible()).toBe(true);
    // No internal ids or English codes on the page.
    expect(await page.locator('main, .ant-layout-content').first().textContent()).not.toMatch(/\b(slr|usr|pcl|site|ord)_[A-Za-z0-9]|[a-z]+_[a-z]+/);
    await h.shot(page, `workbench/${who}-desktop`);

    // The first card opens the page where that work is done.
    await page.getByTestId(`workbench-item-${items[0].key}`).click();
    await page.waitForURL((url) => url.pathname === opens);
    expect(ownErrors(errors)).toEqual([]);
  }, 120_000);

  it.each(ROLES.map((r) => r.who))('%s sees the same on a phone, one card a row', async (who) => {
    const { page, errors } = await h.openPage({ width: 390, height: 844 });
    await h.signIn(page, `demo.${who}`);
    await page.waitForURL(/\/workbench$/);
    const bench = await h.apiGet<Workbench>(page, '/workbench');
    const items = bench.blocks.flatMap((b) => b.items);
    for (const item of items) await expect.poll(() => page.getByTestId(`workbench-count-${item.key}`).textContent()).toBe(item.count.toLocaleString('en-US'));
    // One column: every card as wide as the first, none beyond the screen.
    const boxes = await Promise.all(items.map((i) => page.getByTestId(`workbench-item-${i.key}`).boundingBox()));
    for (const box of boxes) {
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      expect(Math.round(box!.width)).toBe(Math.round(boxes[0]!.width));
    }
    await h.shot(page, `workbench/${who}-phone`);
    expect(ownErrors(errors)).toEqual([]);
  }, 120_000);
});
