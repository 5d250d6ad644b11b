/**
 * The county data screen (数据大屏) and the drill-down (统计分析) in a real browser, against an order paid and a
 * parcel brought to its village point in the test: an 乐红村 co-op's order is paid in cash at the 乐红村 point, a
 * parcel for 乐红村 comes by the courier's manifest and is scanned in at the point; once the statistics have taken
 * the events in, the screen and the drill-down (county → 乐红镇) show figures that moved by exactly that order's
 * amount and that parcel (today's on the wall, this month's in the drill-down by its URL; last month, closed, is the
 * one compared). Screenshots: /tmp/shots/stats-*.png (1920×1080, 1366×768, the drill-down at 1280 and 390).
 * Needs the built console (`npx vite build`).
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatWan } from '../../web/src/features/stats/figureFormat.js';
import { signIn } from '../helpers.js';
import { useBrowserHarness } from './harness.js';

const TOWNSHIP = '530621110'; // 乐红镇
const VILLAGE = '530621110205'; // 乐红村
const POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, run by demo.village
const HOUR = 3600_000;

interface Figure {
  indicator: string;
  value: number | null;
}
interface PlaceRow {
  code: string;
  name: string;
  onlineRetailFen: number;
  parcelsDown: number;
}

/** The period of a day (now) in Shanghai: 2026-12 for the month. */
const monthNow = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
const todayNow = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
/** The last month that is over: the wall's 上月 and the drill-down's default. */
const lastMonth = () => {
  const [y, m] = monthNow().split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

describe('the data screen and the drill-down', () => {
  const h = useBrowserHarness({ busy: '.ant-spin-spinning, .ant-skeleton' });
  const stamp = Date.now().toString().slice(-7);

  /** Delivers every event waiting for the statistics' subscriber. */
  async function deliver() {
    for (let guard = 0; guard < 10_000; guard++) if ((await h.t.events.runOnce()) === 0) return;
    throw new Error('events kept coming');
  }

  async function figures(page: Page, place: { township?: string } = {}, grain = 'month', period = monthNow()) {
    const query = new URLSearchParams({ grain, period, ...place });
    const { figures: list } = await h.apiGet<{ figures: Figure[] }>(page, `/stats/figures?${query.toString()}`);
    return (key: string) => list.find((f) => f.indicator === key)?.value ?? 0;
  }
  const places = async (page: Page) => (await h.apiGet<{ items: PlaceRow[] }>(page, `/stats/places?grain=month&period=${monthNow()}&limit=500`)).items;

  it('shows an order paid and a parcel arrived today, on the wall and county → township', async () => {
    const { app } = h.t;
    const as = {
      county: await signIn(app, 'demo.county'),
      merchant: await signIn(app, 'demo.merchant'),
      consumer: await signIn(app, 'demo.consumer'),
      village: await signIn(app, 'demo.village'),
      courier: await signIn(app, 'demo.courier'),
    };
    const ok = async <T = Record<string, unknown>>(method: 'GET' | 'POST', url: string, who: keyof typeof as, payload?: object): Promise<T> => {
      const res = await app.inject({ method, url: `/api/v1${url}`, headers: as[who], payload });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      return res.json() as T;
    };
    // The demo data's own events first, so "before" is the settled figure.
    await deliver();

    const { page, errors } = await h.openPage({ width: 1920, height: 1080 });
    await h.signIn(page, 'demo.county');
    const county0 = await figures(page);
    const town0 = await figures(page, { township: TOWNSHIP });
    const row0 = (await places(page)).find((r) => r.code === TOWNSHIP)!;
    expect(row0.name).toBe('乐红镇');

    // An 乐红村 co-op sells two bags of 花椒; the buyer pays cash at the 乐红村 point.
    const coop = await ok<{ id: string }>('POST', '/parties/sellers', 'merchant', { kind: 'cooperative', name: `鲁甸县大屏核对专业合作社${stamp}`, creditCode: '93530621MA6K001610', contactName: '陈志强', contactPhone: '13987001235', divisionCode: VILLAGE, address: '乐红村' });
    await ok('POST', `/parties/sellers/${coop.id}/review`, 'county', { decision: 'approve' });
    const category = (await ok<{ items: { id: string }[] }>('GET', '/catalog/categories', 'county')).items[0].id;
    const product = await ok<{ skus: { id: string }[] }>('POST', '/catalog/products', 'merchant', { sellerId: coop.id, categoryId: category, name: '大屏核对青花椒', originCode: VILLAGE, skus: [{ spec: '500克', unit: '袋', netWeightG: 500, priceFen: 61_725, stock: 100, location: 'seller' }], status: 'listed' });
    const shipTo = { name: '李明', phone: '13800138000', address: '昆明市五华区人民中路 1 号', divisionCode: '530102' };
    const placed = await ok<{ orders: { id: string }[] }>('POST', '/orders/checkout', 'consumer', { items: [{ skuId: product.skus[0].id, quantity: 2 }], paymentMethod: 'village_cash', delivery: 'parcel', pickupSiteId: POINT, shipTo });
    const paid = await ok<{ status: string }>('POST', `/orders/${placed.orders[0].id}/cash-received`, 'village');
    expect(paid.status).toBe('paid');
    const lineFen = 2 * 61_725;

    // A parcel for 乐红村 on the courier's manifest, received at the county warehouse and scanned in at the point.
    const waybill = `DP${stamp}01`;
    await ok('POST', '/logistics/manifests', 'courier', { carrier: 'yunda', parcels: [{ waybillNo: waybill, recipientName: '马春花', recipientPhone: `1391${stamp}`, address: '鲁甸县乐红镇乐红村3组' }] });
    const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
    await ok('POST', '/logistics/scans/batch', 'courier', { scans: [{ eventId: `dp-rcv-${stamp}`, waybillNo: waybill, type: 'received_county', at: ago(0.2) }] });
    await ok('POST', '/logistics/scans/batch', 'village', { scans: [{ eventId: `dp-arr-${stamp}`, waybillNo: waybill, type: 'arrived_village', at: ago(0.1) }] });

    await deliver();

    // The figures moved by exactly this order and this parcel: in the county and in 乐红镇.
    const county1 = await figures(page);
    const town1 = await figures(page, { township: TOWNSHIP });
    for (const [before, after] of [
      [county0, county1],
      [town0, town1],
    ]) {
      expect(after('online_retail_fen') - before('online_retail_fen')).toBe(lineFen);
      expect(after('platform_sales_fen') - before('platform_sales_fen')).toBe(lineFen);
      expect(after('orders') - before('orders')).toBe(1);
      expect(after('parcels_down') - before('parcels_down')).toBe(1);
      expect(after('parcels_arrived') - before('parcels_arrived')).toBe(1);
    }
    const row1 = (await places(page)).find((r) => r.code === TOWNSHIP)!;
    expect(row1.onlineRetailFen - row0.onlineRetailFen).toBe(lineFen);
    expect(row1.parcelsDown - row0.parcelsDown).toBe(1);

    // The wall: today's sales as the API counts them (万元 with two decimals), not compared; last month (the last one
    // over) by its name with 同比 and 环比; the year's closed months as 1–N月累计; the parcel in 乐红镇's flow.
    const today1 = await figures(page, {}, 'day', todayNow());
    const last = await figures(page, {}, 'month', lastMonth());
    await page.goto(`${h.base}/screen`);
    await expect.poll(() => page.getByTestId('screen-title').textContent(), { timeout: 20_000 }).toContain('鲁甸县');
    await expect.poll(() => page.getByTestId('screen-today-value').textContent(), { timeout: 20_000 }).toBe(formatWan(today1('online_retail_fen')));
    expect(await page.getByTestId('screen-today-change').textContent()).toBe('今日实时，不作比较');
    expect(await page.getByTestId('screen-lastMonth-title').textContent()).toContain(`${Number(lastMonth().slice(5))}月网络零售额`);
    expect(await page.getByTestId('screen-lastMonth-value').textContent()).toBe(formatWan(last('online_retail_fen')));
    expect(await page.getByTestId('screen-lastMonth-change').textContent()).toMatch(/^同比 .+环比 .+$/);
    expect(await page.getByTestId('screen-yearToDate-title').textContent()).toMatch(/1(–\d+)?月累计网络零售额/);
    expect(await page.getByTestId('screen-yearToDate-change').textContent()).toMatch(/^同比 /);
    await page.locator('[data-testid=screen-network-chart][data-rendered=true]').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid=screen-trend-chart][data-rendered=true]').waitFor({ timeout: 20_000 });
    expect(Number(await page.getByTestId('screen-parcels-down').getByTestId('screen-number').textContent())).toBeGreaterThanOrEqual(1);
    // Training since the programme began against the plan's 3 500 (the poor's 350), with this month's person-times.
    const trained = await figures(page, {}, 'year', monthNow().slice(0, 4));
    await expect.poll(() => page.getByTestId('screen-training-all-value').textContent()).toBe(trained('training_person_times_total').toLocaleString('zh-CN'));
    expect(await page.getByTestId('screen-training-all').textContent()).toContain('/ 3,500 人次');
    expect(await page.getByTestId('screen-training-poor').textContent()).toContain('/ 350 人次');
    expect(await page.getByTestId('screen-training-all-month').textContent()).toBe(`本月 ${county1('training_person_times').toLocaleString('zh-CN')} 人次`);
    await h.shot(page, 'stats-screen-1920', false);

    const small = await h.openPage({ width: 1366, height: 768 });
    await h.signIn(small.page, 'demo.county');
    await small.page.goto(`${h.base}/screen`);
    await expect.poll(() => small.page.getByTestId('screen-today-value').textContent(), { timeout: 20_000 }).toBe(formatWan(today1('online_retail_fen')));
    await small.page.locator('[data-testid=screen-network-chart][data-rendered=true]').waitFor({ timeout: 20_000 });
    // The whole board fits the window: nothing scrolls.
    expect(await small.page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([1366, 768]);
    await h.shot(small.page, 'stats-screen-1366', false);

    // The drill-down opens on last month, compared; this month (by its URL) shows its figures so far, 本期未结束
    // where 同比/环比 would be. Then a click on 乐红镇's row; the URL holds place and period.
    const desk = await h.openPage({ width: 1280, height: 900 });
    await h.signIn(desk.page, 'demo.county');
    await desk.page.goto(`${h.base}/stats`);
    await expect.poll(() => desk.page.getByTestId('figure-online_retail_fen-value').textContent(), { timeout: 20_000 }).toBe(formatWan(last('online_retail_fen')));
    await expect.poll(() => desk.page.getByTestId('figure-online_retail_fen').textContent()).toMatch(/同比.+环比/);
    await h.shot(desk.page, 'stats-drilldown-last-month-1280');
    await desk.page.goto(`${h.base}/stats?grain=month&period=${monthNow()}`);
    await expect.poll(() => desk.page.getByTestId('figure-online_retail_fen-value').textContent(), { timeout: 20_000 }).toBe(formatWan(county1('online_retail_fen')));
    expect(await desk.page.getByTestId('figure-online_retail_fen-open').textContent()).toBe('本期未结束');
    expect(await desk.page.getByTestId('figure-online_retail_fen').textContent()).not.toContain('同比');
    await desk.page.getByTestId('stats-places').getByText('乐红镇', { exact: true }).click();
    await expect.poll(() => new URL(desk.page.url()).searchParams.get('township')).toBe(TOWNSHIP);
    await expect.poll(() => desk.page.getByTestId('stats-place').textContent()).toBe('乐红镇');
    await expect.poll(() => desk.page.getByTestId('figure-online_retail_fen-value').textContent(), { timeout: 20_000 }).toBe(formatWan(town1('online_retail_fen')));
    await expect.poll(() => desk.page.getByTestId('figure-parcels_down-value').textContent()).toBe(town1('parcels_down').toLocaleString('zh-CN'));
    await expect.poll(() => desk.page.getByTestId('stats-places').textContent()).toContain('乐红村');
    await desk.page.locator('[data-testid=stats-trend-chart][data-rendered=true]').waitFor({ timeout: 20_000 });
    await h.shot(desk.page, 'stats-drilldown-1280');

    // 导出 Excel: 乐红镇's month as a workbook, its villages on a sheet.
    const [download] = await Promise.all([desk.page.waitForEvent('download'), desk.page.getByTestId('stats-export').click()]);
    expect(download.suggestedFilename()).toBe(`统计-乐红镇-${monthNow()}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    expect(book.worksheets.map((s) => s.name)).toContain('各村');
    const villages = new Map<string, number>();
    book.getWorksheet('各村')!.eachRow((row) => villages.set(String(row.getCell(2).value ?? ''), Number(row.getCell(5).value)));
    // 网络零售额(元): the order's two bags are in 乐红村's month.
    expect(villages.get('乐红村')).toBeGreaterThanOrEqual(lineFen / 100);

    // The same link on a township operator's phone: cards, its own township.
    const phone = await h.openPage({ width: 390, height: 844 }, { isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await h.signIn(phone.page, 'demo.township');
    await phone.page.goto(`${h.base}/stats?grain=month&period=${monthNow()}&township=${TOWNSHIP}`);
    await expect.poll(() => phone.page.getByTestId('figure-online_retail_fen-value').textContent(), { timeout: 20_000 }).not.toBe('—');
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await h.shot(phone.page, 'stats-drilldown-390');

    // 乐红镇's own wall: its operator's screen shows its township, its villages, and the order in its month.
    const town = await h.openPage({ width: 1920, height: 1080 });
    await h.signIn(town.page, 'demo.township');
    await town.page.goto(`${h.base}/screen`);
    await expect.poll(() => town.page.getByTestId('screen-title').textContent(), { timeout: 20_000 }).toContain('乐红镇');
    const townToday = await figures(town.page, { township: TOWNSHIP }, 'day', todayNow());
    const townLast = await figures(town.page, { township: TOWNSHIP }, 'month', lastMonth());
    await expect.poll(() => town.page.getByTestId('screen-today-value').textContent(), { timeout: 20_000 }).toBe(formatWan(townToday('online_retail_fen')));
    expect(await town.page.getByTestId('screen-lastMonth-value').textContent()).toBe(formatWan(townLast('online_retail_fen')));
    expect(await town.page.getByTestId('screen-lastMonth-change').textContent()).toMatch(/^同比 .+环比 .+$/);
    await town.page.locator('[data-testid=screen-network-chart][data-rendered=true]').waitFor({ timeout: 20_000 });
    const townNow = await figures(town.page, { township: TOWNSHIP });
    await expect.poll(() => town.page.getByTestId('screen-training-all-value').textContent()).toBe(townNow('training_person_times_total').toLocaleString('zh-CN'));
    expect(await town.page.getByTestId('screen-training-all-month').textContent()).toBe(`本月 ${townNow('training_person_times').toLocaleString('zh-CN')} 人次`);
    await h.shot(town.page, 'stats-screen-township', false);
    errors.push(...town.errors);

    // 指标说明: station services and training are live; the county rebuilds every figure from the
    // stored events, follows the progress to the end, and the figures are the same as the live ones.
    await desk.page.goto(`${h.base}/stats/indicators`);
    // Its own row: 站点服务金额 and 服务贫困户人次 mention 站点服务人次 in their definitions.
    const services = desk.page.getByTestId('indicators-table').locator('tr[data-row-key="station_services"]');
    await expect.poll(() => services.textContent(), { timeout: 20_000 }).toContain('站点服务人次');
    expect(await services.textContent()).not.toContain('待接入');
    const training = desk.page.getByTestId('indicators-table').getByRole('row').filter({ hasText: '电商培训人次' }).first();
    expect(await training.textContent()).not.toContain('待接入');
    await expect.poll(() => desk.page.getByTestId('targets-table').textContent()).toContain('网络零售额');
    await desk.page.getByTestId('stats-rebuild-button').click();
    // Queued when the server answers (seconds on a loaded machine); the job runs only when the test ticks it.
    const requested = desk.page.waitForResponse((res) => res.url().endsWith('/api/v1/stats/rebuilds') && res.request().method() === 'POST', { timeout: 60_000 });
    await desk.page.locator('.ant-popconfirm .ant-btn-primary').click();
    expect((await requested).status()).toBe(202);
    await expect.poll(() => desk.page.getByTestId('stats-rebuild').textContent(), { timeout: 30_000 }).toMatch(/已排队|正在重建/);
    await h.shot(desk.page, 'stats-indicators-rebuilding', false);
    await expect
      .poll(
        async () => {
          await h.t.jobs.tick();
          return (await h.apiGet<{ rebuild: { state: string } | null }>(desk.page, '/stats/rebuilds/latest')).rebuild?.state;
        },
        { timeout: 60_000 },
      )
      .toBe('done');
    await expect.poll(() => desk.page.getByTestId('stats-rebuild-done').textContent(), { timeout: 15_000 }).toContain('统计已重建');
    await h.shot(desk.page, 'stats-indicators');
    const rebuilt = await figures(page);
    for (const key of ['online_retail_fen', 'orders', 'parcels_down', 'parcels_arrived']) expect(rebuilt(key)).toBe(county1(key));

    // The sign-in page asks who is signed in first and is told 401: expected.
    for (const list of [errors, small.errors, desk.errors, phone.errors]) expect(list.filter((e) => !/status of 401/.test(e))).toEqual([]);
  }, 180_000);
});
