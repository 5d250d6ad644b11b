import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const OWN_POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, demo.village's
const LEHONG_STATION = 'site_ld2_530621110'; // demo.township's

let serial = 0;
const cid = (label: string) => `${label}-${Date.now().toString(36)}-${++serial}`.padEnd(8, '0');

type Outcome = { status: string; code: string | null; message: string | null; recordId: string | null; record: { cashInFen: number; cashOutFen: number; summary: string; details: Record<string, unknown> } | null };
type Row = { servicesTotal: number; amountFen: number; feeFen: number; peopleServed: number; services: { bill: { count: number; amountFen: number } } };

/**
 * A convenience record its provider refuses: it stops counting (figures, statistics) in the job's transaction while its
 * cash stays in its day's till; a provider.refund hands the money back on a later day (or the same one), once, at its
 * own site, never beside a void. A bill's account of the wrong shape is refused at entry.
 */
describe.each(engines())('stations: a refused bill stops counting and is refunded on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  // 8 Dec 2026, 10:00 in Shanghai; then the 9th.
  const clock = manualClock('2026-12-08T02:00:00.000Z');
  const now = (minutes = 0) => new Date(clock.now().getTime() + minutes * 60_000).toISOString();
  const customer = { name: '赵永华', phone: '13508701234' };

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) => t.app.inject({ method, url: `/api/v1${url}`, headers: as[who], payload: payload as object });
  const ok = async (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  const batch = async (who: string, siteId: string, records: unknown[]): Promise<Outcome[]> => (await ok(who, 'POST', '/stations/records/batch', { siteId, records })).outcomes;
  const said = (outcomes: Outcome[]) => outcomes.map((o) => [o.status, o.code, o.message]);
  const signInAll = async () => {
    for (const who of ['county', 'township', 'village']) as[who] = await signIn(t.app, `demo.${who}`);
  };
  const figures = async (day: string): Promise<Row> => (await ok('county', 'GET', `/stations/figures?from=${day}&to=${day}`)).total;
  const stationServices = async (day: string) => {
    while ((await t.events.runOnce()) > 0);
    const all = (await ok('county', 'GET', `/stats/figures?grain=day&period=${day}`)).figures as { indicator: string; value: number | null }[];
    return ['station_services', 'station_service_amount'].map((k) => all.find((f) => f.indicator === k)!.value);
  };
  const till = async (day: string) => {
    const book = await ok('county', 'GET', `/stations/days/${OWN_POINT}/${day}`);
    return { cashInFen: book.cashInFen, cashOutFen: book.cashOutFen, expectedCashFen: book.expectedCashFen };
  };
  const bill = (accountNo: string, amountFen: number, feeFen = 0, minutes = -30) => ({ clientId: cid('bill'), type: 'bill.pay', at: now(minutes), customer, service: 'electricity', providerId: 'yn_power', accountNo, amountFen, feeFen, paidBy: 'cash' });
  const refund = (target: { clientId: string }, minutes = -1) => ({ clientId: cid('refund'), type: 'provider.refund', at: now(minutes), targetClientId: target.clientId });
  const voidOf = (target: { clientId: string }, minutes = -1) => ({ clientId: cid('void'), type: 'record.void', at: now(minutes), targetClientId: target.clientId, reason: '服务商拒绝，退钱' });

  // 户号不存在: the shape is right, the provider does not have it (the local provider: an account ending 0000).
  const unknownAccount = bill('5306210000', 12_000, 200, -40);
  const accepted = bill('5306211234', 8_000, 0, -35);
  const voidedFirst = bill('5306220000', 5_000, 0, -20);

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    await signInAll();
    // The demo's own events first, so each test waits on its own only.
    while ((await t.events.runOnce()) > 0);
  }, 300_000);
  afterAll(() => t?.close());

  it('refuses at entry a bill whose account breaks its service’s shape, with the rule in Chinese', async () => {
    const wrong = [bill('123', 1_000), { ...bill('5306210123', 1_000), service: 'water', providerId: 'ld_water' }, { ...bill('1350870', 1_000), service: 'phone', providerId: 'china_mobile' }];
    expect(said(await batch('village', OWN_POINT, wrong))).toEqual([
      ['refused', 'ACCOUNT_INVALID', '电费户号为 10 位数字'],
      ['refused', 'ACCOUNT_INVALID', '水费户号为 8 位数字'],
      ['refused', 'ACCOUNT_INVALID', '话费账号为 11 位手机号码'],
    ]);
  }, 120_000);

  it('a bill the provider refuses leaves the figures and station_services (down by exactly one), its cash stays in the till', async () => {
    expect(said(await batch('village', OWN_POINT, [unknownAccount, accepted]))).toEqual([
      ['stored', null, null],
      ['stored', null, null],
    ]);
    const before = { figures: await figures('2026-12-08'), stats: await stationServices('2026-12-08'), till: await till('2026-12-08') };
    expect(before.figures).toMatchObject({ servicesTotal: 2, amountFen: 20_000, feeFen: 200, services: { bill: { count: 2, amountFen: 20_000 } } });
    expect(before.stats).toEqual([2, 20_000]);

    expect(await t.modules.stations.providerSubmitter.submitDue(clock.now())).toEqual({ accepted: 1, refused: 1, failed: 0 });

    expect(await figures('2026-12-08')).toMatchObject({ servicesTotal: 1, amountFen: 8_000, feeFen: 0, peopleServed: 1, services: { bill: { count: 1, amountFen: 8_000 } } });
    expect(await stationServices('2026-12-08')).toEqual([1, 8_000]);
    // The money is in the drawer until it is handed back.
    expect(await till('2026-12-08')).toEqual(before.till);
    const record = await ok('village', 'GET', `/stations/records/${(await batch('village', OWN_POINT, [unknownAccount]))[0].recordId}`);
    expect(record).toMatchObject({ voided: false, cashInFen: 12_200, details: { providerStatus: 'refused', providerMessage: '户号不存在（已销户或输错），请核对缴费通知单' } });
  }, 120_000);

  it('a refused bill voided the same day leaves the till and is not counted off twice; then it cannot be refunded', async () => {
    expect(said(await batch('village', OWN_POINT, [voidedFirst]))).toEqual([['stored', null, null]]);
    expect(await t.modules.stations.providerSubmitter.submitDue(clock.now())).toEqual({ accepted: 0, refused: 1, failed: 0 });
    const refused = { figures: await figures('2026-12-08'), stats: await stationServices('2026-12-08'), till: await till('2026-12-08') };
    expect(refused.figures).toMatchObject({ servicesTotal: 1, amountFen: 8_000 });
    expect(refused.stats).toEqual([1, 8_000]);

    expect(said(await batch('village', OWN_POINT, [voidOf(voidedFirst)]))).toEqual([['stored', null, null]]);
    expect(await figures('2026-12-08')).toEqual(refused.figures);
    expect(await stationServices('2026-12-08')).toEqual([1, 8_000]);
    expect(await till('2026-12-08')).toEqual({ ...refused.till, cashInFen: refused.till.cashInFen - 5_000, expectedCashFen: refused.till.expectedCashFen - 5_000 });

    expect(said(await batch('village', OWN_POINT, [refund(voidedFirst)]))).toEqual([['refused', 'ALREADY_VOIDED', '这条记录已经撤销，钱已从当天的账里退回']]);
  }, 120_000);

  it('hands the money back on a later day: cash out of that day’s till, once, only for a refused record, only at its own site; then no void', async () => {
    clock.advance(24 * 3600_000);
    await signInAll();
    const counted = { figures: await figures('2026-12-08'), stats: await stationServices('2026-12-08') };
    const today = await till('2026-12-09');
    // The desk offers 退款 for the refused bill of yesterday (not the one voided, nor the accepted one).
    const refundable = async () => ((await ok('village', 'GET', `/stations/desk?siteId=${OWN_POINT}`)).refundable as { clientId: string }[]).map((r) => r.clientId);
    expect(await refundable()).toEqual([unknownAccount.clientId]);

    const handBack = refund(unknownAccount, -3);
    const [done, again, ofAccepted] = await batch('village', OWN_POINT, [handBack, refund(unknownAccount, -2), refund(accepted, -2)]);
    expect(said([done, again, ofAccepted])).toEqual([
      ['stored', null, null],
      ['refused', 'ALREADY_REFUNDED', '这笔业务已经退过款了'],
      ['refused', 'NOT_REFUSED', '服务商没有拒绝这笔业务，不能退款'],
    ]);
    expect(done.record).toMatchObject({ cashInFen: 0, cashOutFen: 12_200, summary: '退款 · 电费 · 国网云南电力 · ¥120.00 · ¥122.00' });
    expect(await till('2026-12-09')).toEqual({ cashInFen: today.cashInFen, cashOutFen: today.cashOutFen + 12_200, expectedCashFen: today.expectedCashFen - 12_200 });
    expect(await refundable()).toEqual([]);
    // Another site does not have the record.
    expect(said(await batch('township', LEHONG_STATION, [refund(unknownAccount)]))).toEqual([['refused', 'UNKNOWN_REFERENCE', '要退款的记录不存在（可能尚未上传）']]);

    // A refund is not a service: the figures and statistics stay as the refusal left them.
    expect(await figures('2026-12-08')).toEqual(counted.figures);
    expect((await figures('2026-12-09')).servicesTotal).toBe(0);
    expect(await stationServices('2026-12-08')).toEqual(counted.stats);

    // The refused record says it was refunded (the phone hides 退款), and can no longer be voided on its own day.
    const original = await ok('village', 'GET', `/stations/records/${(await batch('village', OWN_POINT, [unknownAccount]))[0].recordId}`);
    expect(original.details.refund).toEqual({ clientId: handBack.clientId, recordId: done.recordId, day: '2026-12-09' });
    const lateVoid = { ...voidOf(unknownAccount), at: '2026-12-08T12:00:00.000Z' };
    expect(said(await batch('village', OWN_POINT, [lateVoid]))).toEqual([['refused', 'ALREADY_REFUNDED', '这笔业务已经退款，不能再撤销']]);
  }, 120_000);

  it('a refund voided the same day gives the refused record back its wait for one', async () => {
    const target = bill('5306230000', 3_000, 0, -10);
    expect(said(await batch('village', OWN_POINT, [target]))).toEqual([['stored', null, null]]);
    expect(await t.modules.stations.providerSubmitter.submitDue(clock.now())).toEqual({ accepted: 0, refused: 1, failed: 0 });
    const first = refund(target, -5);
    expect(said(await batch('village', OWN_POINT, [first, voidOf(first, -4), refund(target, -3)]))).toEqual([
      ['stored', null, null],
      ['stored', null, null],
      ['stored', null, null],
    ]);
    const stats = await stationServices('2026-12-09');
    expect(stats).toEqual([0, 0]);
  }, 120_000);
});
