// The shop on a rural phone: each page opened in Chromium with a cold cache under 3G emulation (1.6 Mbit/s down,
// 750 kbit/s up, 150 ms latency, CPU 4× slower), timed until what the shopper came for is on screen, with the bytes
// that crossed the network by then (compressed, headers included). A bare static page, served the same way, is the
// floor. Used by bench/run.ts; alone: `node --import tsx bench/three-g.ts --url=http://127.0.0.1:3000 [--runs=3]`.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { unpackPackagedChromium } from '../test/setup/chromium.js';

export const THREE_G = { downloadKbps: 1600, uploadKbps: 750, latencyMs: 150, cpuSlowdown: 4 };
/** The targets of issue 13, for each shop page. */
export const TARGET_MS = 3000;

export interface PageLoad {
  name: string;
  url: string;
  /** Median over the runs, from navigation start to the awaited element on screen. */
  visibleMs: number;
  /** Bytes over the network until then (the run with the median time). */
  bytes: number;
  requests: number;
}

interface Scenario {
  name: string;
  path: string;
  /** The element whose appearance means the page is usable. */
  selector: string;
}

/** The shop's own sign-in (phone and SMS code) where this build has it, else the console's. */
function signInPath(): string {
  const router = path.join(import.meta.dirname, '..', 'web', 'src', 'app', 'router.tsx');
  return fs.existsSync(router) && fs.readFileSync(router, 'utf8').includes("path: 'login'") ? '/shop/login' : '/login';
}

async function chromiumPath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : unpackPackagedChromium();
}

/** A page with nothing but one line of text: what the link itself costs, the floor for every page. */
async function bareStaticServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const page = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>bare</title></head><body><p id="bare">县域电商</p></body></html>';
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }).end(page));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Records when `selector` first shows (page time, ms since navigation start), checked on every frame. */
const watchScript = (selector: string) => `
  (() => {
    const check = () => {
      const el = document.querySelector(${JSON.stringify(selector)});
      if (el && el.getBoundingClientRect().height > 0) { window.__visibleAt = performance.now(); return; }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })();`;

async function openOnce(browser: Browser, url: string, selector: string): Promise<{ visibleMs: number; bytes: number; requests: number }> {
  // A new context is a new profile: no cache, no cookies, no service worker.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: THREE_G.latencyMs,
      downloadThroughput: (THREE_G.downloadKbps * 1000) / 8,
      uploadThroughput: (THREE_G.uploadKbps * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THREE_G.cpuSlowdown });
    await page.addInitScript(watchScript(selector));
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForFunction(() => (window as { __visibleAt?: number }).__visibleAt !== undefined, undefined, { timeout: 120_000, polling: 50 });
    // What had arrived by then, by the page's own resource timings (transferSize: compressed body and headers).
    const seen = await page.evaluate(() => {
      const at = (window as unknown as { __visibleAt: number }).__visibleAt;
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
      const done = entries.filter((e) => e.responseEnd > 0 && e.responseEnd <= at);
      return { visibleMs: at, files: done.map((e) => ({ name: e.name, bytes: e.transferSize, endMs: e.responseEnd })) };
    });
    if (process.env.BENCH_3G_FILES) for (const f of seen.files) console.log(`  ${Math.round(f.endMs)} ms ${(f.bytes / 1024).toFixed(1)} KB ${f.name}`);
    return { visibleMs: seen.visibleMs, bytes: seen.files.reduce((sum, f) => sum + f.bytes, 0), requests: seen.files.length };
  } finally {
    await context.close();
  }
}

/**
 * Opens the bare page and each shop page `runs` times (cold each time) against the app at `base`, and gives the
 * median time of each with the bytes of that run. `productId` is the product whose shared link is opened.
 */
export async function measureThreeG(base: string, productId: string, runs = 3): Promise<PageLoad[]> {
  const bare = await bareStaticServer();
  const browser = await chromium.launch({ executablePath: await chromiumPath(), args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const login = signInPath();
    const scenarios: (Scenario & { base: string })[] = [
      { name: 'bare static page (baseline)', base: bare.url, path: '/', selector: '#bare' },
      { name: 'shop home: first products visible', base, path: '/shop', selector: '[data-testid="product-card"]' },
      { name: 'shared product link: product visible', base, path: `/shop/products/${encodeURIComponent(productId)}`, selector: '[data-testid="product-title"]' },
      { name: `sign-in form visible (${login})`, base, path: login, selector: 'form input' },
    ];
    const loads: PageLoad[] = [];
    for (const s of scenarios) {
      const tries = [];
      for (let i = 0; i < runs; i++) tries.push(await openOnce(browser, s.base + s.path, s.selector));
      const median = [...tries].sort((a, b) => a.visibleMs - b.visibleMs)[Math.floor(tries.length / 2)];
      loads.push({ name: s.name, url: s.path, visibleMs: median.visibleMs, bytes: median.bytes, requests: median.requests });
    }
    return loads;
  } finally {
    await browser.close();
    await bare.close();
  }
}

export function threeGTable(loads: PageLoad[]): string {
  const floor = loads[0].visibleMs;
  const head = `Shop pages on a phone under 3G (${THREE_G.downloadKbps / 1000} Mbit/s down, ${THREE_G.uploadKbps} kbit/s up, ${THREE_G.latencyMs} ms latency, CPU ${THREE_G.cpuSlowdown}× slower; 390×844, cold cache, median of the runs; target ≤ ${TARGET_MS / 1000} s):\n\n| page | address | visible after, s | ratio to the bare page | bytes on the wire, KB | requests | target |\n| --- | --- | ---: | ---: | ---: | ---: | --- |`;
  const rows = loads.map((l, i) => `| ${l.name} | ${l.url} | ${(l.visibleMs / 1000).toFixed(2)} | ${(l.visibleMs / floor).toFixed(1)}× | ${(l.bytes / 1024).toFixed(1)} | ${l.requests} | ${i === 0 ? '' : l.visibleMs <= TARGET_MS ? 'met' : 'missed'} |`);
  return [head, ...rows].join('\n');
}

/** A product on sale at `base`, for the shared-link scenario. */
export async function productOnSale(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/catalog/search?limit=1`);
  const { items } = (await res.json()) as { items: { id: string }[] };
  if (!items[0]) throw new Error(`${base} has no product on sale`);
  return items[0].id;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const base = process.argv.find((a) => a.startsWith('--url='))?.slice('--url='.length) ?? 'http://127.0.0.1:3000';
  const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 3);
  console.log(threeGTable(await measureThreeG(base, await productOnSale(base), runs)));
}
