/**
 * The village point's phone page (服务点收发) in a real browser against the real server with the Ludian demo data:
 * a parcel for 乐红村 comes on the van; demo.village receives it on a 390 px phone, notifies the recipient (the SMS
 * with the pick-up code lands in the local outbox), refuses a wrong code, loses the connection, hands the parcel over
 * with the right code (kept on the phone), comes back online and the queue syncs: the server holds exactly one
 * picked_up event, and sending the same queue again stores nothing new.
 * Then the page offline: after its first visit it opens again without a connection (the app shell kept by the
 * service worker), shows the queue and takes more; a hand-over queued offline for a parcel the county returned
 * meanwhile does not count, and the operator is told so in Chinese with the waybill, also after a resend.
 * Needs the built console (`npx vite build`) and Chromium (test/setup/chromium.ts finds it). Screenshots: /tmp/shots/logistics-point-e2e-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn as apiSignIn } from '../helpers.js';
import { useBrowserHarness } from './harness.js';

const PHONE = { width: 390, height: 844 };
const MOBILE = { isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

interface ParcelDetail {
  id: string;
  status: string;
  problem: string | null;
  events: { eventId: string; type: string; flagged: boolean }[];
}

describe('the village point phone page', () => {
  const h = useBrowserHarness({ busy: '.ant-spin-spinning, .ant-skeleton' });
  const stamp = Date.now().toString().slice(-8);
  const waybill = `ZT7${stamp}`;
  const recipientPhone = `1397${stamp.slice(-7)}`;

  async function inject<T>(cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<T> {
    const res = await h.t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, payload: payload as object });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json() as T;
  }

  /** The queued scans of the signed-in user, as the page keeps them on the device. */
  const storedQueue = (page: Page) =>
    page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('countyhub.point.queue.'));
      return key ? { key, value: localStorage.getItem(key)! } : null;
    });

  /** Console noise the test causes on purpose: signed out at first, the wrong code, the lost connection. */
  const ownErrors = (errors: string[]) => errors.filter((e) => !/status of (401|400)|ERR_INTERNET_DISCONNECTED|net::ERR_/.test(e));

  it('receives a parcel, hands it over offline with the code and syncs it once', async () => {
    // The courier's manifest and the warehouse scans: the parcel is on the van to 乐红村.
    const courier = (await apiSignIn(h.t.app, 'demo.courier')).cookie;
    await inject(courier, 'POST', '/logistics/manifests', { carrier: 'zhongtong', parcels: [{ waybillNo: waybill, recipientName: '马春花', recipientPhone, address: '鲁甸县乐红镇乐红村3组' }] });
    for (const type of ['received_county', 'loaded']) await inject(courier, 'POST', '/logistics/scans', { eventId: `e2e-${waybill}-${type}`, waybillNo: waybill, type });

    const { page, errors } = await h.openPage(PHONE, MOBILE);
    const context = page.context();
    await h.signIn(page, 'demo.village');
    await page.goto(`${h.base}/logistics/point`);
    const card = page.locator(`[data-testid=parcel-card][data-waybill="${waybill}"]`);

    // On the way → 到件扫描 → at the point.
    await expect.poll(() => page.locator(`[data-testid=section-transit] [data-waybill="${waybill}"]`).count(), { timeout: 15_000 }).toBe(1);
    await card.getByTestId('parcel-receive').click();
    await expect.poll(() => page.locator(`[data-testid=section-at-point] [data-waybill="${waybill}"]`).count()).toBe(1);
    await expect.poll(() => card.getAttribute('data-status')).toBe('arrived_village');

    // 通知取件: the SMS with the code goes to the recipient's phone (the local outbox).
    await card.getByTestId('parcel-notify').click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('notified');
    const messages = await h.t.modules.notify.outbox.sentTo(recipientPhone);
    const code = /取件码(\d{6})/.exec(messages[0]?.body ?? '')?.[1];
    expect(code, messages[0]?.body).toMatch(/^\d{6}$/);

    // A wrong code is refused and said plainly; the parcel stays at the point.
    await card.getByTestId('parcel-handover').click();
    await page.getByTestId('handover-code').fill(code === '000000' ? '111111' : '000000');
    await page.getByTestId('handover-ok').click();
    await expect.poll(() => page.getByTestId('pickup-code-wrong').count()).toBe(1);
    await h.shot(page, 'logistics-point-e2e-wrong-code', false);
    await page.getByTestId('handover-code').fill(code!);

    // Offline: the hand-over is kept on the phone and shown as pending.
    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('point-sync-banner').getAttribute('data-online')).toBe('false');
    await page.getByTestId('handover-ok').click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('picked_up');
    await expect.poll(() => card.getAttribute('data-pending')).toBe('1');
    await expect.poll(() => page.getByTestId('point-sync-banner').textContent()).toContain('离线 1 条待同步');
    const queued = await storedQueue(page);
    expect(queued).not.toBeNull();
    const scans = (JSON.parse(queued!.value) as { pending: { scan: { type: string; pickupCode?: string; eventId: string; at?: string } }[] }).pending.map((q) => q.scan);
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ type: 'picked_up', pickupCode: code });
    expect(scans[0].at).toBeTruthy();
    await h.shot(page, 'logistics-point-e2e-offline', false);

    // Still nothing on the server.
    const village = (await apiSignIn(h.t.app, 'demo.village')).cookie;
    const [listed] = (await inject<{ items: { id: string }[] }>(village, 'GET', `/logistics/parcels?waybillNo=${waybill}`)).items;
    expect((await inject<ParcelDetail>(village, 'GET', `/logistics/parcels/${listed.id}`)).status).toBe('notified');

    // Back online: the queue goes up by itself and leaves the device.
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('point-sync-result').getAttribute('data-stored'), { timeout: 15_000 }).toBe('1');
    await expect.poll(() => storedQueue(page)).toBeNull();
    await expect.poll(() => card.getAttribute('data-pending')).toBe('0');
    await expect.poll(() => card.getAttribute('data-status')).toBe('picked_up');
    await h.shot(page, 'logistics-point-e2e-synced', false);

    const once = await inject<ParcelDetail>(village, 'GET', `/logistics/parcels/${listed.id}`);
    expect(once.status).toBe('picked_up');
    expect(once.problem).toBeNull();
    expect(once.events.filter((e) => e.type === 'picked_up')).toHaveLength(1);

    // The same queue again (an answer lost on the way back): a duplicate, nothing stored twice.
    await page.evaluate(({ key, value }) => localStorage.setItem(key, value), queued!);
    await page.reload();
    await expect.poll(() => page.getByTestId('point-sync-result').getAttribute('data-duplicates'), { timeout: 15_000 }).toBe('1');
    expect(await page.getByTestId('point-sync-result').getAttribute('data-stored')).toBe('0');
    await expect.poll(() => storedQueue(page)).toBeNull();
    const twice = await inject<ParcelDetail>(village, 'GET', `/logistics/parcels/${listed.id}`);
    expect(twice.events.filter((e) => e.type === 'picked_up')).toHaveLength(1);

    expect(ownErrors(errors)).toEqual([]);
  }, 120_000);

  it('opens offline after its first visit with its queue, takes more, and shows a conflict in Chinese with the waybill, also after a resend', async () => {
    const [returned, arriving, taken] = [`YD8${stamp}`, `YD9${stamp}`, `YD7${stamp}`];
    const phone = `1396${stamp.slice(-7)}`;
    const courier = (await apiSignIn(h.t.app, 'demo.courier')).cookie;
    const county = (await apiSignIn(h.t.app, 'demo.county')).cookie;
    const village = (await apiSignIn(h.t.app, 'demo.village')).cookie;
    await inject(courier, 'POST', '/logistics/manifests', {
      carrier: 'yunda',
      parcels: [
        { waybillNo: returned, recipientName: '马国华', recipientPhone: phone, address: '鲁甸县乐红镇乐红村5组' },
        { waybillNo: arriving, recipientName: '陈秀英', recipientPhone: `1395${stamp.slice(-7)}`, address: '鲁甸县乐红镇乐红村2组' },
        { waybillNo: taken, recipientName: '朱永福', recipientPhone: `1394${stamp.slice(-7)}`, address: '鲁甸县乐红镇乐红村1组' },
      ],
    });
    for (const w of [returned, arriving, taken]) for (const type of ['received_county', 'loaded']) await inject(courier, 'POST', '/logistics/scans', { eventId: `e2e-${w}-${type}`, waybillNo: w, type });
    // The first parcel is at the point and its recipient has the code (the page's own way is the test above).
    await inject(village, 'POST', '/logistics/scans', { eventId: `e2e-${returned}-arr`, waybillNo: returned, type: 'arrived_village' });
    const [first] = (await inject<{ items: { id: string }[] }>(village, 'GET', `/logistics/parcels?waybillNo=${returned}`)).items;
    await inject(village, 'POST', `/logistics/parcels/${first.id}/notify`, { eventId: `e2e-${returned}-ntf` });
    const code = /取件码(\d{6})/.exec((await h.t.modules.notify.outbox.sentTo(phone))[0]?.body ?? '')![1];
    await inject(village, 'POST', '/logistics/scans', { eventId: `e2e-${taken}-arr`, waybillNo: taken, type: 'arrived_village' });
    const [third] = (await inject<{ items: { id: string }[] }>(village, 'GET', `/logistics/parcels?waybillNo=${taken}`)).items;
    await inject(village, 'POST', `/logistics/parcels/${third.id}/notify`, { eventId: `e2e-${taken}-ntf` });
    const takenCode = /取件码(\d{6})/.exec((await h.t.modules.notify.outbox.sentTo(`1394${stamp.slice(-7)}`))[0]?.body ?? '')![1];

    // The first visit, online: the page and the shell worker that keeps it.
    const { page, errors } = await h.openPage(PHONE, MOBILE);
    const context = page.context();
    await h.signIn(page, 'demo.village');
    await page.goto(`${h.base}/logistics/point`);
    const cardOf = (w: string) => page.locator(`[data-testid=parcel-card][data-waybill="${w}"]`);
    await expect.poll(() => cardOf(returned).getAttribute('data-status'), { timeout: 15_000 }).toBe('notified');
    await expect.poll(() => cardOf(arriving).count()).toBe(1);
    await expect.poll(() => cardOf(taken).getAttribute('data-status')).toBe('notified');

    // Another phone hands the third parcel over; this page still shows it waiting and reminds the recipient: the
    // reminder does not count and the operator is told why, with the waybill (no SMS goes out).
    await inject(village, 'POST', `/logistics/parcels/${third.id}/pickup`, { code: takenCode, eventId: `e2e-${taken}-pick` });
    await cardOf(taken).getByTestId('parcel-notify').click();
    await expect.poll(() => page.locator('.ant-message-notice').allTextContents()).toContainEqual(expect.stringContaining(`${taken}：包裹已取件，本次「通知取件」未生效`));
    expect(await h.t.modules.notify.outbox.sentTo(`1394${stamp.slice(-7)}`)).toHaveLength(1);
    // Installing the worker fetches the whole shell (~1.4 MB): on a busy machine that takes a while.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null), { timeout: 60_000 }).toBe('activated');
    // The worker is served as a script from the root, so its scope is the whole console.
    const worker = await page.request.get(`${h.base}/sw.js`);
    expect(worker.status()).toBe(200);
    expect(worker.headers()['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(`${h.base}/`);
    const shell = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('countyhub-shell-')));
    expect(shell).toHaveLength(1);
    // The worker keeps static files only: no API answer is in its cache.
    const kept = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), shell[0]);
    expect(kept).toContain('/index.html');
    expect(kept.filter((path) => !path.startsWith('/assets/') && path !== '/index.html' && path !== '/favicon.svg')).toEqual([]);

    // Offline: the hand-over is kept on the phone, and a reload opens the page from the kept shell with its queue.
    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('point-sync-banner').getAttribute('data-online')).toBe('false');
    await cardOf(returned).getByTestId('parcel-handover').click();
    await page.getByTestId('handover-code').fill(code);
    await page.getByTestId('handover-ok').click();
    // The form closes once the hand-over is kept on the phone; then the card shows it waiting to be sent.
    await expect.poll(() => page.getByTestId('handover-ok').count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => cardOf(returned).getAttribute('data-pending'), { timeout: 20_000 }).toBe('1');
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await expect.poll(() => page.getByTestId('point-sync-banner').textContent(), { timeout: 15_000 }).toContain('离线 1 条待同步');
    await page.getByTestId('point-queue-toggle').click();
    await expect.poll(() => page.getByTestId('point-queue-list').textContent()).toContain(returned);

    // Still offline, the next parcel is received: the queue grows.
    await expect.poll(() => cardOf(arriving).count()).toBe(1);
    await cardOf(arriving).getByTestId('parcel-receive').click();
    await expect.poll(() => page.getByTestId('point-sync-banner').textContent()).toContain('离线 2 条待同步');
    await expect.poll(() => cardOf(arriving).getAttribute('data-status')).toBe('arrived_village');
    const queued = (await storedQueue(page))!;
    await h.shot(page, 'logistics-point-e2e-offline-reload', false);

    // Meanwhile the county sent the first parcel back.
    await inject(county, 'POST', '/logistics/scans', { eventId: `e2e-${returned}-ret`, parcelId: first.id, type: 'returned', note: '超期未取' });

    // Back online: the queue goes up; the arrival counts, the hand-over does not, and the page says why.
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('point-sync-result').getAttribute('data-stored'), { timeout: 20_000 }).toBe('2');
    const conflict = page.locator(`[data-testid=point-conflict][data-waybill="${returned}"]`);
    await expect.poll(() => conflict.textContent()).toContain('县仓已将包裹退回，本次交付未生效');
    expect(await conflict.textContent()).toContain(returned);
    expect(await conflict.getAttribute('data-status')).toBe('returned');
    await expect.poll(() => page.locator(`[data-testid=point-sync-outcome][data-waybill="${arriving}"]`).textContent()).toContain('到件，已生效');
    // Sent back, it leaves the point's lists; the warning above says what became of it.
    await expect.poll(() => cardOf(returned).count()).toBe(0);
    await page.getByTestId('point-sync-result').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0);
    await h.shot(page, 'logistics-point-e2e-conflict', false);
    const detail = await inject<ParcelDetail>(village, 'GET', `/logistics/parcels/${first.id}`);
    expect(detail.status).toBe('returned');
    expect(detail.events.filter((e) => e.type === 'picked_up').map((e) => e.flagged)).toEqual([true]);

    // Read and dismissed; then the same queue goes again (its answer lost): the stored outcome is shown again.
    await page.getByTestId('point-conflict-dismiss').click();
    await expect.poll(() => page.getByTestId('point-conflicts').count()).toBe(0);
    await page.evaluate(({ key, value }) => localStorage.setItem(key, value), queued);
    await page.reload();
    await expect.poll(() => page.getByTestId('point-sync-result').getAttribute('data-duplicates'), { timeout: 15_000 }).toBe('2');
    await expect.poll(() => conflict.textContent()).toContain('此前已收到，按首次结果');
    expect(await conflict.textContent()).toContain('县仓已将包裹退回');

    expect(ownErrors(errors)).toEqual([]);
  }, 150_000);

  it('leaves no phone number of a parcel on the phone after signing out, or after the session ends', async () => {
    const w = `ZT6${stamp}`;
    const phone = `1393${stamp.slice(-7)}`;
    const courier = (await apiSignIn(h.t.app, 'demo.courier')).cookie;
    await inject(courier, 'POST', '/logistics/manifests', { carrier: 'zhongtong', parcels: [{ waybillNo: w, recipientName: '李桂兰', recipientPhone: phone, address: '鲁甸县乐红镇乐红村4组' }] });
    for (const type of ['received_county', 'loaded']) await inject(courier, 'POST', '/logistics/scans', { eventId: `e2e-${w}-${type}`, waybillNo: w, type });

    /** Where the browser keeps `text` for the site: local and session storage, IndexedDB, Cache Storage (names only). */
    const keptWith = (page: Page, text: string) =>
      page.evaluate(async (needle) => {
        const hits: string[] = [];
        for (const store of [localStorage, sessionStorage]) for (let i = 0; i < store.length; i++) if (`${store.key(i)}${store.getItem(store.key(i)!)}`.includes(needle)) hits.push(store.key(i)!);
        for (const info of (await indexedDB.databases?.()) ?? []) hits.push(`indexedDB:${info.name}`);
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys()) if ((await (await cache.match(request))!.text()).includes(needle)) hits.push(request.url);
        }
        return hits;
      }, text);

    const { page, errors } = await h.openPage(PHONE, MOBILE);
    const openList = async () => {
      await h.signIn(page, 'demo.village');
      await page.goto(`${h.base}/logistics/point`);
      // The operator sees the whole number (to call the recipient) while signed in.
      await expect.poll(() => page.locator(`[data-waybill="${w}"] [data-testid=parcel-phone]`).first().textContent(), { timeout: 15_000 }).toContain(phone);
      await expect.poll(async () => (await keptWith(page, w)).length).toBeGreaterThan(0);
    };

    await openList();
    // The copy kept for opening the page offline has the number masked already.
    expect(await keptWith(page, phone)).toEqual([]);
    // On a busy machine a click can land while the menu is still opening and be lost: sign out until the sign-in page shows.
    const signOut = async () => {
      if (/\/login/.test(page.url())) return page.url();
      await page.getByTestId('user-menu').click({ timeout: 5_000 }).catch(() => undefined);
      await page.getByText('退出登录').click({ timeout: 5_000 }).catch(() => undefined);
      await page.waitForURL(/\/login/, { timeout: 10_000 }).catch(() => undefined);
      return page.url();
    };
    await expect.poll(signOut, { timeout: 60_000 }).toMatch(/\/login/);
    await expect.poll(() => keptWith(page, w)).toEqual([]);
    expect(await keptWith(page, phone)).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem('countyhub.offline.user'))).toBeNull();
    expect(await page.content()).not.toContain(phone);

    // The session ends on the server side (here: the cookie is gone): the next answer is 401 and the copies go too.
    await openList();
    await page.context().clearCookies();
    await page.reload();
    await page.waitForURL(/\/login/);
    await expect.poll(() => keptWith(page, w)).toEqual([]);
    expect(await keptWith(page, phone)).toEqual([]);
    expect(await page.content()).not.toContain(phone);

    expect(ownErrors(errors)).toEqual([]);
  }, 120_000);
});
