import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheck } from '../../src/modules/parties/index.js';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const OWN_POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, demo.village's

let serial = 0;
const clientId = (label: string) => `${label}-${Date.now().toString(36)}-${++serial}`.padEnd(8, '0');

/**
 * A batch the server cannot read is set aside on the phone with its message (`未生效：…`): the operator reads it, so
 * it is Chinese, and the field stays named (`details.field`, and the message starts with it).
 */
describe.each(engines())('stations batch: a bad record is named in Chinese, on %s', (engine) => {
  let t: TestApp;
  let cookie: { cookie: string };
  // 8 Dec 2026, 10:00 in Shanghai.
  const clock = manualClock('2026-12-08T02:00:00.000Z');
  const at = new Date(clock.now().getTime() - 5 * 60_000).toISOString();
  const batch = (bad: Record<string, unknown>) => {
    const good = { clientId: clientId('open'), type: 'day.open', at, openingCashFen: 100 };
    return t.app.inject({ method: 'POST', url: '/api/v1/stations/records/batch', headers: cookie, payload: { siteId: OWN_POINT, records: [good, bad] } });
  };
  const bill = (fields: Record<string, unknown>) => ({
    clientId: clientId('bill'), type: 'bill.pay', at, customer: { name: '赵永华' }, service: 'water', providerId: 'ld_water', accountNo: '12345678', amountFen: 3_600, feeFen: 0, paidBy: 'cash', ...fields,
  });

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    cookie = await signIn(t.app, 'demo.village');
  }, 180_000);
  afterAll(() => t?.close());

  it('answers 400 with a Chinese reason after the field’s path for what an operator can meet', async () => {
    const first17 = '53062119800101123';
    const right = first17 + residentIdCheck(first17);
    const wrong = first17 + (right[17] === '0' ? '1' : '0');
    const cases: [Record<string, unknown>, string, string][] = [
      [bill({ customer: { name: '赵永华', idNumber: wrong } }), 'body.records[1].customer.idNumber', '身份证号校验位（第 18 位）不对，请逐位核对'],
      [bill({ customer: { name: '赵永华', idNumber: '53062119801301123X' } }), 'body.records[1].customer.idNumber', '身份证号第 7–14 位不是出生日期，请逐位核对'],
      [bill({ at: '2026-12-08 10:00' }), 'body.records[1].at', '日期时间格式不对'],
      [bill({ amountFen: -5 }), 'body.records[1].amountFen', '不能小于 0.01 元'],
      [bill({ customer: { name: '赵'.repeat(21) } }), 'body.records[1].customer.name', '不能超过 20 个字'],
      [bill({ customer: { name: '' } }), 'body.records[1].customer.name', '不能为空'],
      [bill({ accountNo: undefined }), 'body.records[1].accountNo', '必须填写'],
      [bill({ amountFen: 'one' }), 'body.records[1].amountFen', '应为整数'],
      [bill({ tip: 1 }), 'body.records[1].tip', '不是这类记录的字段'],
      [bill({ customer: undefined }), 'body.records[1].customer', '必须写明是哪位村民（新村民或已有村民）'],
      [{ ...bill({}), type: 'lottery.sell' }, 'body.records[1].type', '不是能记的记录类型'],
    ];
    for (const [bad, field, reason] of cases) {
      const res = await batch(bad);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error, res.body).toEqual({ code: 'VALIDATION_FAILED', message: `${field}: ${reason}`, details: { field } });
    }
  });
});
