/**
 * Names, not ids (issue 13, item 4): signs in as each demo role, walks every console page the role's menu offers
 * (read from the page, so a new page is walked too), every tab on it and the first detail page each list links to,
 * and fails naming the page and the text wherever the visible text (not attributes) shows an internal id
 * (`pcl_…`), an untranslated code (`order.cash_received`, `village_point`), "System" or an upper-case error code.
 * A consumer walks the shop the same way from its bottom tabs, on a phone. Staff pages at desktop width: the phone's
 * card lists show the same fields. Needs the built console (`npx vite build`) and Chromium (test/setup/chromium.ts finds it).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserHarness } from './harness.js';

/** Every prefix `newId` is given in src (grep "newId('"), and the kernel's request ids. */
const ID_PREFIXES = ['adr', 'aud', 'bas', 'bat', 'brd', 'cat', 'cmp', 'crt', 'epc', 'fil', 'hh', 'hhl', 'job', 'jrun', 'led', 'lic', 'lln', 'mf', 'mft', 'oit', 'ord', 'pay', 'pcl', 'pho', 'pkg', 'plt', 'prd', 'rcl', 'rcn', 'rec', 'ref', 'req', 'rfs', 'rte', 'run', 'site', 'sku', 'slr', 'sms', 'sst', 'tok', 'usr'];

const FINDINGS: { what: string; re: RegExp }[] = [
  { what: 'internal id', re: new RegExp(`\\b(?:${ID_PREFIXES.join('|')})_[A-Za-z0-9]+`, 'g') },
  { what: 'dotted code', re: /\b[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*\b/g },
  { what: 'snake_case code', re: /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g },
  { what: 'English "System"', re: /\bSystem\b/g },
  { what: 'error code', re: /\b(?:[A-Z][A-Z0-9]*_[A-Z0-9_]+|FORBIDDEN|UNAUTHENTICATED|INTERNAL|BUSY)\b/g },
];

/**
 * The allow-list, kept tiny:
 * - web addresses and e-mail addresses are addresses, not codes (removed before checking);
 * - a login name (`demo.county`) is what a person types to sign in: it may show where accounts are managed
 *   (用户), nowhere else.
 */
const ADDRESSES = /\bhttps?:\/\/\S+|\S+@\S+\.\S+/g;
const LOGIN_NAME = /\bdemo\.[a-z]+\b/g;
const LOGIN_NAME_PAGES = ['/admin/users'];

interface Role {
  username: string;
  /** The shop's consumer walks the shop from its bottom tabs instead of the console menu. */
  shop?: boolean;
}

const ROLES: Role[] = [
  { username: 'demo.county' },
  { username: 'demo.township' },
  { username: 'demo.village' },
  { username: 'demo.merchant' },
  { username: 'demo.courier' },
  { username: 'demo.regulator' },
  { username: 'demo.trainer' },
  { username: 'demo.consumer', shop: true },
  // A data centre's account is a machine client's: in the console it has the welcome page and the shop.
  { username: 'demo.datacenter', shop: true },
];

/** What the text shows that a user should not see, each with a few characters around it. */
function findCodes(text: string, pathname: string): string[] {
  let clean = text.replace(ADDRESSES, ' ');
  if (LOGIN_NAME_PAGES.some((p) => pathname.startsWith(p))) clean = clean.replace(LOGIN_NAME, ' ');
  const found = new Set<string>();
  for (const { what, re } of FINDINGS) {
    for (const m of clean.matchAll(re)) {
      const around = clean.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20).replace(/\s+/g, ' ');
      found.add(`${what} "${m[0]}" in "…${around}…"`);
    }
  }
  return [...found];
}

describe('no internal ids or English codes on any page', () => {
  const h = useBrowserHarness({ busy: '.ant-spin-spinning, .ant-skeleton' });

  /** The page has loaded: no spinner or skeleton, and the network quiet (a page polling forever still passes). */
  async function settle(page: Page) {
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
    await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton').count(), { timeout: 20_000 }).toBe(0);
  }

  /** The console menu's pages: every group opened, each item's key is the path it opens. */
  async function menuPaths(page: Page): Promise<string[]> {
    const menu = page.locator('.ant-layout-sider .ant-menu-root');
    await expect.poll(() => menu.locator('li.ant-menu-item').count()).toBeGreaterThan(0);
    for (;;) {
      const closed = menu.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
      if ((await closed.count()) === 0) break;
      await closed.first().click();
    }
    const ids = await menu.locator('li.ant-menu-item').evaluateAll((items) => items.map((li) => li.getAttribute('data-menu-id') ?? ''));
    return [...new Set(ids.map((id) => /-(\/\S*)$/.exec(id)?.[1]).filter((p): p is string => !!p))];
  }

  /** The shop's bottom tabs (a phone's: the shop is built for phones first). */
  async function shopPaths(page: Page): Promise<string[]> {
    const tabs = page.locator('[data-testid=bottom-nav] a[href]');
    await expect.poll(() => tabs.count()).toBeGreaterThan(0);
    const hrefs = await tabs.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    return [...new Set(hrefs.filter((p) => p.startsWith('/')))];
  }

  /** The first link of the page's content that leads deeper than the page itself (a list's first detail). */
  async function firstDetail(page: Page, from: string, menu: string[]): Promise<string | null> {
    const hrefs = await page.locator('main a[href], .shop-content a[href], a[data-testid=product-card], a[href^="/shop/orders/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const prefix = from === '/shop' ? '/shop/products/' : `${from}/`;
    return hrefs.find((href) => href.startsWith(prefix) && !menu.includes(href.split('?')[0])) ?? null;
  }

  /** Checks the page as it is, then each of its tabs. */
  async function check(page: Page, label: string, problems: string[]) {
    await settle(page);
    const pathname = new URL(page.url()).pathname;
    const look = async (where: string) => {
      for (const f of findCodes(await page.locator('body').innerText(), pathname)) problems.push(`${label} ${where}: ${f}`);
    };
    await look(pathname);
    const tabs = page.locator('main .ant-tabs-tab:not(.ant-tabs-tab-disabled)');
    const count = await tabs.count();
    for (let i = 1; i < count; i++) {
      const name = (await tabs.nth(i).innerText()).trim();
      await tabs.nth(i).click();
      await settle(page);
      await look(`${pathname} [${name}]`);
    }
  }

  it.each(ROLES)('$username sees names and Chinese on every page', async ({ username, shop }) => {
    const { page } = await h.openPage(shop ? { width: 390, height: 844 } : undefined);
    await h.signIn(page, username);
    if (shop) await page.goto(`${h.base}/shop`);
    const paths = shop ? await shopPaths(page) : await menuPaths(page);
    if (shop && !paths.includes('/shop/orders')) paths.push('/shop/orders');
    expect(paths.length, `${username}'s menu`).toBeGreaterThan(0);

    const problems: string[] = [];
    const visited = new Set<string>();
    for (const path of paths) {
      // The console's menu links the shop too: the consumer walks it; staff pages stay in the console.
      if (!shop && path.startsWith('/shop')) continue;
      await page.goto(`${h.base}${path}`);
      await check(page, username, problems);
      visited.add(path);
      const detail = await firstDetail(page, path, paths);
      if (detail && !visited.has(detail)) {
        await page.goto(`${h.base}${detail}`);
        await check(page, username, problems);
        visited.add(detail);
      }
    }
    expect(visited.size).toBeGreaterThan(0);
    expect(problems, `pages walked: ${[...visited].join(', ')}`).toEqual([]);
  }, 300_000);
});
