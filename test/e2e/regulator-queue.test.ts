/**
 * The regulator's queue (监管复核) in a real browser: two harvests refused by the pre-harvest interval rule. On a
 * desktop the regulator follows the first one's link to the plot's farm records (the spraying that broke the rule
 * is marked), comes back, and permits the harvest with a reason: its batch is made and opens. On a phone the
 * regulator upholds the second one from its card: it leaves the pending list, shows 维持拒绝 with the reason, and no
 * batch is made from that plot. Screenshots: /tmp/shots/names-b/queue-*.png.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../helpers.js';
import { clickUntilGone, shanghaiDay, useBrowserHarness } from './harness.js';

const PHONE = { width: 390, height: 844 };
const LERONG = '530621110205';

const reasonBox = (page: Page) => page.locator('textarea[data-testid=decision-reason]');

describe("the regulator's queue", () => {
  const h = useBrowserHarness({ busy: '.ant-spin-spinning, .ant-skeleton' });

  it('links a refused harvest to the plot’s records, permits one with a reason (its batch is made) and upholds another on a phone', async () => {
    fs.mkdirSync('/tmp/shots/names-b', { recursive: true });
    const login = await fetch(`${h.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo.merchant', password: DEMO_PASSWORD }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const call = async <T,>(url: string, body?: object): Promise<{ status: number; json: T }> => {
      const res = await fetch(`${h.base}/api/v1${url}`, { method: body ? 'POST' : 'GET', headers: { cookie, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
      return { status: res.status, json: (await res.json()) as T };
    };
    // The pepper co-op sprays two plots two days ago (a 14-day interval on the label) and harvests both today: refused.
    const producer = (await call<{ items: { id: string; name: string }[] }>('/trace/producers')).json.items.find((p) => p.name.includes('乐红青花椒'))!;
    const base = (await call<{ id: string }>('/trace/bases', { producerId: producer.id, name: '复核试验基地', divisionCode: LERONG, areaMu: 8 })).json;
    const plots: Record<string, string> = {};
    for (const name of ['复核甲地', '复核乙地']) {
      plots[name] = (await call<{ id: string }>('/trace/plots', { baseId: base.id, name, crop: 'pepper', variety: '九叶青', areaMu: 4 })).json.id;
      const sprayed = await call(`/trace/plots/${plots[name]}/records`, {
        kind: 'input',
        occurredOn: shanghaiDay(-2),
        input: { category: 'pesticide', productName: '70%吡虫啉水分散粒剂', registrationNo: 'PD20140001', activeIngredient: '吡虫啉', dose: '10000 倍液', intervalDays: 14, maxUsesPerSeason: 2 },
      });
      expect(sprayed.status).toBe(201);
      const harvest = await call<{ error: { code: string } }>(`/trace/plots/${plots[name]}/records`, { kind: 'harvest', occurredOn: shanghaiDay(0), harvest: { quantity: 180, unit: 'kg' } });
      expect(harvest.json.error.code).toBe('HARVEST_INTERVAL_NOT_KEPT');
    }

    // On a desktop: the queue names the plot and the rule; the link opens that plot's records at the spraying.
    const desk = await h.openPage();
    await h.signIn(desk.page, 'demo.regulator');
    await desk.page.goto(`${h.base}/trace/refusals`);
    const first = desk.page.getByTestId('refusal-row').filter({ hasText: '复核甲地' });
    await expect.poll(() => first.textContent()).toContain('拒绝采收');
    await expect.poll(() => first.textContent()).toContain(`70%吡虫啉水分散粒剂：${shanghaiDay(-2)} 施用，间隔期 14 天，${shanghaiDay(12)} 起方可采收`);
    expect(await first.textContent()).toContain('安全间隔期规则');
    await h.shot(desk.page, 'names-b/queue-desktop');

    await first.getByTestId('refusal-plot-records').click();
    await desk.page.waitForURL(new RegExp(`/trace/farm/${plots['复核甲地']}\\?from=refusals#record-`));
    const marked = desk.page.locator('[data-testid=record-item][data-marked=true]');
    await expect.poll(() => marked.textContent()).toContain('吡虫啉');
    await expect.poll(() => desk.page.getByTestId('plot-from-queue').count()).toBe(1);
    // A regulator reads the records and corrects nothing.
    expect(await desk.page.getByTestId('record-correct').count()).toBe(0);
    await h.shot(desk.page, 'names-b/queue-plot-records-desktop');
    await desk.page.getByTestId('back-to-plots').click();
    await desk.page.waitForURL(/\/trace\/refusals$/);

    // 准予采收 with a reason: the harvest's batch is made and opens.
    await desk.page.getByTestId('refusal-row').filter({ hasText: '复核甲地' }).getByTestId('refusal-release').click();
    await reasonBox(desk.page).fill('抽样检测吡虫啉未检出，准予采收');
    await h.shot(desk.page, 'names-b/queue-permit-desktop', false);
    await clickUntilGone(desk.page.getByTestId('decision-submit'), desk.page.locator('.ant-modal-wrap:visible'));
    await desk.page.waitForURL(/\/trace\/batches\/[^/]+$/);
    await expect.poll(() => desk.page.getByTestId('batch-code').textContent()).toMatch(/530621110\d{11}/);
    type Batch = { id: string; plotName: string | null; quantity: number; held: boolean; status: string };
    const made = (await call<{ items: Batch[] }>('/trace/batches?limit=500')).json.items.filter((b) => b.plotName === '复核甲地');
    expect(made.map((b) => ({ quantity: b.quantity, held: b.held }))).toEqual([{ quantity: 180, held: false }]);
    await h.shot(desk.page, 'names-b/queue-permitted-batch-desktop');

    // On a phone: one card per entry; 维持拒绝 with a reason; it leaves the pending list and no batch is made.
    const phone = await h.openPage(PHONE, { isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await h.signIn(phone.page, 'demo.regulator');
    await phone.page.goto(`${h.base}/trace/refusals`);
    const second = phone.page.getByTestId('refusal-row').filter({ hasText: '复核乙地' });
    await expect.poll(() => second.textContent()).toContain('拒绝采收');
    expect(await phone.page.getByTestId('refusals-table').count()).toBe(0);
    await second.scrollIntoViewIfNeeded();
    await h.shot(phone.page, 'names-b/queue-phone', false);
    await second.getByTestId('refusal-uphold').click();
    await reasonBox(phone.page).fill('间隔期未满，复检吡虫啉超标，维持拒绝');
    await clickUntilGone(phone.page.getByTestId('decision-submit'), phone.page.locator('.ant-modal-wrap:visible'));
    await expect.poll(() => phone.page.getByTestId('refusal-row').filter({ hasText: '复核乙地' }).count()).toBe(0);
    await phone.page.getByTestId('refusals-filter').getByText('全部').click();
    const upheld = phone.page.getByTestId('refusal-row').filter({ hasText: '复核乙地' });
    await expect.poll(() => upheld.textContent()).toContain('维持拒绝');
    await expect.poll(() => upheld.textContent()).toContain('间隔期未满，复检吡虫啉超标，维持拒绝');
    expect(await upheld.getByTestId('refusal-uphold').count()).toBe(0);
    await upheld.scrollIntoViewIfNeeded();
    await h.shot(phone.page, 'names-b/queue-upheld-phone', false);
    expect((await call<{ items: Batch[] }>('/trace/batches?limit=500')).json.items.filter((b) => b.plotName === '复核乙地')).toEqual([]);

    // The plot's records on a phone, as the link opens them.
    await upheld.getByTestId('refusal-plot-records').click();
    await expect.poll(() => phone.page.locator('[data-testid=record-item][data-marked=true]').textContent()).toContain('吡虫啉');
    await h.shot(phone.page, 'names-b/queue-plot-records-phone', false);
    for (const { errors } of [desk, phone]) expect(errors.filter((e) => !/status of (401|404)/.test(e))).toEqual([]);
  }, 240_000);
});
