/**
 * Rural logistics end to end in a real browser: the county warehouse uploads a carrier's manifest, sorts the parcel
 * with the scanner screen, the dispatcher sends today's 乐红镇 run out, the 乐红村 point receives it on a phone and
 * hands it over with the code from the recipient's SMS, and the 48-hour board counts it on time.
 * Needs the built console (`npx vite build`) and Chromium (test/setup/chromium.ts finds it). Screenshots: /tmp/shots/logistics-e2e-*.png.
 */
import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../src/kernel/clock.js';
import { clickUntilGone, pick, useBrowserHarness } from './harness.js';

const PHONE = { width: 390, height: 844 };

interface Promise48 {
  overall: { arrived: number; onTime: number };
}

describe('a parcel from manifest to pick-up', () => {
  const h = useBrowserHarness({ busy: '.ant-spin-spinning, .ant-skeleton' });
  const stamp = Date.now().toString().slice(-8);
  const waybill = `ZT8${stamp}`;
  const phone = `1396${stamp.slice(-7)}`;

  it('goes from the warehouse to the village point and counts on time', async () => {
    const { page, errors } = await h.openPage();
    await h.signIn(page, 'demo.courier');
    const today = shanghaiDate(new Date());
    const before = await h.apiGet<Promise48>(page, `/logistics/promise?from=${today}&to=${today}`);

    // The carrier's manifest, as a CSV file.
    await page.goto(`${h.base}/logistics/parcels`);
    await page.getByTestId('manifest-upload').click();
    await pick(page, 'manifest-carrier', '中通快递');
    await page.getByTestId('manifest-file').setInputFiles({ name: '中通清单.csv', mimeType: 'text/csv', buffer: Buffer.from(`运单号,收件人,电话,地址,重量(kg)\n${waybill},马春花,${phone},云南省鲁甸县乐红镇乐红村3组,1.2\n`) });
    await page.getByTestId('manifest-submit').click();
    await expect.poll(() => page.getByTestId('manifest-matched').textContent(), { timeout: 15_000 }).toContain('1');
    await h.shot(page, 'logistics-e2e-manifest', false);

    // The sorting screen: the scanner types the waybill and Enter; the screen says where it goes.
    await page.goto(`${h.base}/logistics/sorting`);
    await page.getByTestId('sorting-input').fill(waybill);
    await page.getByTestId('sorting-input').press('Enter');
    await expect.poll(() => page.getByTestId('sorting-destination').getAttribute('data-state'), { timeout: 15_000 }).toBe('ok');
    expect(await page.getByTestId('sorting-village').textContent()).toContain('乐红村');
    await h.shot(page, 'logistics-e2e-sorted', false);

    // Today's 乐红镇 run leaves the warehouse with it.
    await page.goto(`${h.base}/logistics/runs?date=${today}`);
    await page.getByTestId('runs-table').getByRole('row').filter({ hasText: '乐红镇线' }).getByTestId('run-open').first().click();
    await page.getByTestId('run-depart').click();
    await page.getByTestId('run-depart-confirm').click();
    await expect.poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('departed');
    await expect.poll(() => page.getByTestId('stop-site_ld6_530621110205').textContent()).toContain(waybill);
    await h.shot(page, 'logistics-e2e-departed');

    // At 乐红村: received, the recipient told by SMS, handed over with the code.
    const phonePage = await h.openPage(PHONE, { isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await h.signIn(phonePage.page, 'demo.village');
    await phonePage.page.goto(`${h.base}/logistics/point`);
    const card = phonePage.page.locator(`[data-testid=parcel-card][data-waybill="${waybill}"]`);
    await card.getByTestId('parcel-receive').click();
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 15_000 }).toBe('arrived_village');
    await card.getByTestId('parcel-notify').click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('notified');
    const code = /取件码(\d{6})/.exec((await h.t.modules.notify.outbox.sentTo(phone))[0]?.body ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await card.getByTestId('parcel-handover').click();
    await phonePage.page.getByTestId('handover-code').fill(code!);
    await clickUntilGone(phonePage.page.getByTestId('handover-ok'), phonePage.page.getByTestId('handover-code'));
    await expect.poll(() => card.getAttribute('data-status')).toBe('picked_up');
    await h.shot(phonePage.page, 'logistics-e2e-picked-up', false);

    // The 48-hour board: one more parcel arrived today, on time.
    const [parcel] = (await h.apiGet<{ items: { onTime: boolean; status: string }[] }>(page, `/logistics/parcels?waybillNo=${waybill}`)).items;
    expect(parcel).toMatchObject({ status: 'picked_up', onTime: true });
    const after = await h.apiGet<Promise48>(page, `/logistics/promise?from=${today}&to=${today}`);
    expect(after.overall.onTime).toBe(before.overall.onTime + 1);
    await page.goto(`${h.base}/logistics/promise?from=${today}&to=${today}`);
    await expect.poll(() => page.getByTestId('promise-share-value').textContent(), { timeout: 15_000 }).toMatch(/%/);
    await h.shot(page, 'logistics-e2e-promise');
    // The open alerts load a page at a time under the same board.
    await page.goto(`${h.base}/logistics/promise?list=alerts`);
    await expect.poll(() => page.getByTestId('alerts-table').isVisible(), { timeout: 15_000 }).toBe(true);

    // A manifest saved in Latin-1 (Müller) is refused, row and column named in Chinese; nothing is stored.
    await page.goto(`${h.base}/logistics/parcels`);
    await page.getByTestId('manifest-upload').click();
    await pick(page, 'manifest-carrier', '中通快递');
    await page.getByTestId('manifest-file').setInputFiles({ name: 'latin1.csv', mimeType: 'text/csv', buffer: Buffer.from(`waybill,name,phone,address\nZT9${stamp},Müller,${phone},Lehong\n`, 'latin1') });
    await page.getByTestId('manifest-submit').click();
    await expect.poll(() => page.getByTestId('manifest-row-errors').textContent(), { timeout: 15_000 }).toMatch(/name.*(繁体 Big5|不是有效的 GBK)/);
    expect((await h.apiGet<{ items: unknown[] }>(page, `/logistics/parcels?waybillNo=ZT9${stamp}`)).items).toEqual([]);
    await h.shot(page, 'logistics-e2e-garbled', false);

    // The refused upload's 400 is the one error the browser logs on purpose.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual(['console.error: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    expect(phonePage.errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  }, 180_000);
});
