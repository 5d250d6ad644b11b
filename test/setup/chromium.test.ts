/**
 * The fallback a fresh machine relies on: the Chromium packaged on npm unpacks and drives a page, whether or not
 * this machine also has Debian's Chromium (which the browser tests then prefer).
 */
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { unpackPackagedChromium } from './chromium.js';

it('unpacks the npm-packaged Chromium and clicks a button in it', async () => {
  const browser = await chromium.launch({ executablePath: await unpackPackagedChromium(), args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    await page.setContent('<button onclick="this.textContent = \'已签收\'">签收</button>');
    await page.getByRole('button', { name: '签收' }).click();
    await expect.poll(() => page.textContent('button')).toBe('已签收');
  } finally {
    await browser.close();
  }
});
