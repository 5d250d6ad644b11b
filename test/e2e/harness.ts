/**
 * What the browser tests share: the real server with the Ludian demo data on a free port, headless Chromium, and
 * the page helpers. Needs the built console in dist/web (`npx vite build`; `npm install` builds it through "prepare")
 * and Chromium, found once by test/setup/chromium.ts (Debian's, or the one packaged on npm). Screenshots go to /tmp/shots; a failed test leaves failed-<test>-<n>.png there,
 * one per page it opened.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, onTestFailed } from 'vitest';
import { buildTestApp, DEMO_PASSWORD, type TestApp } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const INDEX_HTML = path.join(ROOT, 'dist', 'web', 'index.html');
const SHOTS = '/tmp/shots';

/** The day `days` from now (YYYY-MM-DD) in the county's time zone. */
export const shanghaiDay = (days: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));

/** The options of the Select dropdown that is open now. */
export const openOptions = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');

/**
 * Opens an antd Select by its test id (once it is enabled), types `typed` if given, and picks the option whose text
 * starts with this label (or is exactly it), until the select shows it: on a busy machine a click can land while
 * the dropdown is still moving in, or the dropdown can close under it.
 */
export async function pick(page: Page, testId: string, label: string, { typed, exact = false }: { typed?: string; exact?: boolean } = {}): Promise<void> {
  const select = page.locator(`[data-testid=${testId}]`);
  const option = openOptions(page).filter({ hasText: new RegExp(`^${label}${exact ? '$' : ''}`) }).first();
  for (let attempt = 1; ; attempt++) {
    await expect.poll(() => select.getAttribute('class')).not.toContain('ant-select-disabled');
    // A slow pick may have landed after all; a dropdown may still be open from the last try.
    if (attempt > 1 && (await select.textContent())?.includes(label)) return;
    try {
      if (attempt === 1 || !(await openOptions(page).first().isVisible())) await select.click();
      if (typed) {
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Backspace');
        await page.keyboard.type(typed);
      }
      await option.click({ timeout: 5_000 });
      await expect.poll(() => select.textContent(), { timeout: 3_000 }).toContain(label);
      return;
    } catch (err) {
      if (attempt >= 4) throw err;
    }
  }
}

/**
 * Clicks a dialog's button until the dialog is gone: on a busy machine a click can land while the dialog is still
 * zooming in, and is lost.
 */
export async function clickUntilGone(button: Locator, dialog: Locator): Promise<void> {
  for (let attempt = 1; (await dialog.count()) > 0; attempt++) {
    await button.click();
    try {
      await expect.poll(() => dialog.count(), { timeout: 5_000 }).toBe(0);
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

export interface Harness {
  readonly t: TestApp;
  readonly base: string;
  /** A fresh browser profile (no cookies, Chinese) with page errors collected; `extra` adds context options. */
  openPage(viewport?: { width: number; height: number }, extra?: BrowserContextOptions): Promise<{ page: Page; errors: string[] }>;
  signIn(page: Page, username: string, password?: string): Promise<void>;
  /** The browser's own session asks the API, so the figures match what the user may see. */
  apiGet<T>(page: Page, url: string): Promise<T>;
  /** A screenshot once toasts, spinners and animations (and whatever `busy` names) have settled. */
  shot(page: Page, name: string, fullPage?: boolean): Promise<void>;
}

/**
 * Registers beforeAll / afterAll in the calling describe: the server, the browser and closing them and every profile.
 * `busy` is what shot waits to be gone; `demoPhotos` draws the demo products' photos (seconds more to start).
 */
export function useBrowserHarness({ busy = '.ant-message-notice, .ant-spin-spinning', demoPhotos = false } = {}): Harness {
  let t: TestApp | undefined;
  let browser: Browser | undefined;
  let base = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(INDEX_HTML)) {
      throw new Error(`The built console is missing (${INDEX_HTML}). Build it first: npx vite build (npm install runs it through "prepare").`);
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    t = await buildTestApp('sqlite', { demo: true, demoPhotos });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: inject('chromiumPath'), args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    // The demo server starts in seconds, or in over a minute while the other browser file's server and Chromium share the cores.
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  return {
    get t() {
      return t!;
    },
    get base() {
      return base;
    },
    async openPage(viewport = { width: 1440, height: 900 }, extra = {}) {
      const context = await browser!.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...extra });
      // Waits for an element or a page load end when it comes; on a loaded 2-core machine that can be past 30 s.
      context.setDefaultTimeout(60_000);
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      // What each page showed when its test failed: /tmp/shots/failed-<test>-<n>.png.
      const n = contexts.length;
      onTestFailed(async ({ task }) => {
        await page.screenshot({ path: `${SHOTS}/failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}-${n}.png`, fullPage: true }).catch(() => undefined);
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') errors.push(`console.${msg.type()}: ${msg.text()}`);
      });
      return { page, errors };
    },
    async signIn(page, username, password = DEMO_PASSWORD) {
      await page.goto(`${base}/`);
      await page.waitForURL(/\/login/);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await page.locator('button[type=submit]').click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    },
    async apiGet<T>(page: Page, url: string): Promise<T> {
      const res = await page.request.get(`${base}/api/v1${url}`);
      expect(res.status(), url).toBe(200);
      return (await res.json()) as T;
    },
    async shot(page, name, fullPage = true) {
      await expect.poll(() => page.locator(busy).count(), { timeout: 10_000 }).toBe(0);
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
    },
  };
}
