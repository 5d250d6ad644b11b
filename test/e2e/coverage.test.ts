/**
 * The coverage page in a real browser: every share shows as the server rounded it (a card and the county row
 * agree), and the plan's poor-township target is shown. Needs the built console (`npx vite build`).
 */
import { describe, expect, it } from 'vitest';
import { useBrowserHarness } from './harness.js';

interface Covered {
  total: number;
  covered: number;
  share: number | null;
  met: boolean | null;
}

describe('coverage page', () => {
  const h = useBrowserHarness();

  it('shows each share once rounded, the same on the cards and in the county row, and the poor townships', async () => {
    const { page, errors } = await h.openPage();
    await h.signIn(page, 'demo.county');
    await page.goto(`${h.base}/network/coverage`);
    await page.locator('[data-testid=coverage-chart][data-rendered=true]').waitFor({ timeout: 20_000 });
    const coverage = await h.apiGet<{ poorVillages: Covered; otherVillages: Covered; poorTownships: Covered; townships: { name: string; isPoor: boolean }[] }>(page, '/network/coverage');

    // 37 of 38 poor villages: 97.368… % is 97.4 % on the card and in the county row alike.
    expect(coverage.poorVillages).toMatchObject({ covered: 37, total: 38, share: 0.974 });
    await expect.poll(() => page.getByTestId('card-poor').textContent()).toContain('97.4%');
    const countyRow = page.locator('[data-testid=coverage-table] .ant-table-summary tr');
    await expect.poll(() => countyRow.textContent()).toContain('97.4%');
    expect(await page.getByTestId('card-poor-mark').getAttribute('data-met')).toBe('true');
    await expect.poll(() => page.getByTestId('card-poor').textContent()).toContain('目标 50%');

    // Stations in 100 % of poor townships: 10 of 11 operate (茨院's is being built).
    expect(coverage.poorTownships).toMatchObject({ covered: 10, total: 11, met: false });
    const poorTownships = page.getByTestId('card-poor-townships');
    await expect.poll(() => poorTownships.textContent()).toContain('90.9%');
    await expect.poll(() => poorTownships.textContent()).toContain('10 / 11 个贫困乡镇服务站已运营');
    expect(await page.getByTestId('card-poor-townships-mark').getAttribute('data-met')).toBe('false');
    await expect.poll(() => page.locator('[data-testid=coverage-table] [data-testid=poor-township]').count()).toBe(coverage.townships.filter((t) => t.isPoor).length);
    await h.shot(page, 'coverage-poor-townships');
    // The sign-in page asks who is signed in first and is told 401: expected.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
