/**
 * Farm inputs bought at a village point, beside the buyer's farm records, in a real browser on a phone: a farmer of
 * 乐红村 bought a pesticide 31 days ago and never recorded a spray, and bought fertiliser; the plot's page shows both
 * with their registration numbers, the pesticide marked 购药后30天未见用药记录. Once a spray is recorded within the 30
 * days, the mark turns to 已有用药记录. Screenshots: /tmp/shots/trace-station-purchases-*.png.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../helpers.js';
import { shanghaiDay, useBrowserHarness } from './harness.js';

const PHONE = { width: 390, height: 844 };
const VILLAGE = '530621110205'; // 乐红村
const POINT = 'site_ld3_530621110205';

describe('farm inputs bought at a point, beside the farm records', () => {
  const h = useBrowserHarness({ busy: '.ant-spin-spinning, .ant-skeleton' });

  it('shows what the producer bought, and a pesticide with no spray record within 30 days', async () => {
    const session = async (username: string) => {
      const login = await fetch(`${h.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      return login.headers.get('set-cookie')!.split(';')[0];
    };
    const county = await session('demo.county');
    const village = await session('demo.village');
    const call = async <T,>(cookie: string, url: string, body?: object): Promise<T> => {
      const res = await fetch(`${h.base}/api/v1${url}`, { method: body ? 'POST' : 'GET', headers: { cookie, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
      expect(res.status, `${url}: ${res.status}`).toBeLessThan(300);
      return (await res.json()) as T;
    };
    const pesticide = await call<{ id: string }>(county, '/stations/farm-inputs', { name: '啶虫脒', kind: 'pesticide', registrationNo: 'PD20121876', maker: '山东省联合农药工业有限公司', spec: '5%乳油 100毫升/瓶', unit: '瓶', priceFen: 650 });
    const fertiliser = await call<{ id: string }>(county, '/stations/farm-inputs', { name: '花椒专用肥', kind: 'fertiliser', registrationNo: '云农肥（2021）准字0456号', maker: '云南滇丰肥业有限公司', spec: '40千克/袋', unit: '袋', priceFen: 12_000 });
    const producer = await call<{ id: string }>(village, '/trace/producers', { kind: 'farmer', name: '孙永华', divisionCode: VILLAGE });
    const base = await call<{ id: string }>(village, '/trace/bases', { producerId: producer.id, name: '孙家湾', divisionCode: VILLAGE, areaMu: 2 });
    const plot = await call<{ id: string }>(village, '/trace/plots', { baseId: base.id, name: '孙家湾花椒地', crop: 'pepper', variety: '鲁甸青花椒', areaMu: 2 });

    // Stocked and sold at 乐红村's point 31 days ago (the oldest day a record may be for), to the farmer as producer.
    const at = new Date(Date.now() - 31 * 86_400_000).toISOString();
    let serial = 0;
    const record = (fields: object) => ({ clientId: `e2e-fin-${Date.now()}-${++serial}`, at, ...fields });
    const buyer = { name: '孙永华', phone: '13908709876' };
    const { outcomes } = await call<{ outcomes: { status: string; code: string | null }[] }>(village, '/stations/records/batch', {
      siteId: POINT,
      records: [
        record({ type: 'farm_input.stock_in', inputId: pesticide.id, quantity: 5 }),
        record({ type: 'farm_input.stock_in', inputId: fertiliser.id, quantity: 5 }),
        record({ type: 'farm_input.sale', customer: buyer, producerId: producer.id, inputId: pesticide.id, quantity: 2 }),
        record({ type: 'farm_input.sale', customer: buyer, producerId: producer.id, inputId: fertiliser.id, quantity: 1 }),
      ],
    });
    expect(outcomes.map((o) => [o.status, o.code])).toEqual([...Array(4)].map(() => ['stored', null]));

    const { page, errors } = await h.openPage(PHONE, { isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await h.signIn(page, 'demo.village');
    await page.goto(`${h.base}/trace/farm/${plot.id}`);
    const card = page.getByTestId('station-purchases');
    await expect.poll(() => card.textContent()).toContain('在服务站点购买的农资');
    const lines = card.getByTestId('station-purchase');
    await expect.poll(() => lines.count()).toBe(2);
    const text = (await card.textContent())!;
    expect(text).toContain('啶虫脒 5%乳油 100毫升/瓶 × 2瓶');
    expect(text).toContain('登记证号 PD20121876');
    expect(text).toContain('花椒专用肥 40千克/袋 × 1袋');
    expect(text).toContain('登记证号 云农肥(2021)准字0456号');
    expect(text).toContain(shanghaiDay(-31));
    expect(text).toContain('乐红村');
    // Only the pesticide is followed, and it has no spray record within the 30 days.
    expect(await card.getByTestId('purchase-spray-missing').count()).toBe(1);
    await expect.poll(() => lines.filter({ hasText: '啶虫脒' }).textContent()).toContain('购药后30天未见用药记录');
    expect(await lines.filter({ hasText: '花椒专用肥' }).textContent()).not.toContain('用药记录');
    // No ids or English codes shown.
    expect(text).not.toMatch(/srec_|fin_|prd_|pesticide|fertiliser/);
    await h.shot(page, 'trace-station-purchases-missing');

    // A spray recorded 25 days ago, within the 30 days: the mark turns to 已有用药记录.
    await call(village, `/trace/plots/${plot.id}/records`, { kind: 'input', occurredOn: shanghaiDay(-25), input: { category: 'pesticide', productName: '5%啶虫脒乳油', registrationNo: 'PD20121876', dose: '2000倍液', intervalDays: 15 } });
    await page.reload();
    await expect.poll(() => lines.filter({ hasText: '啶虫脒' }).textContent()).toContain(`${shanghaiDay(-25)} 已有用药记录`);
    expect(await card.getByTestId('purchase-spray-missing').count()).toBe(0);
    await h.shot(page, 'trace-station-purchases-recorded');
    // The sign-in page asks who is signed in first and is told 401: expected.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
