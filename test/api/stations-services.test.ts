import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

const LEHONG = '530621110';
const OWN_POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, demo.village's
const LEHONG_STATION = 'site_ld2_530621110';

let serial = 0;
const clientId = (label: string) => `${label}-${Date.now().toString(36)}-${++serial}`.padEnd(8, '0');

/**
 * 代买 and 便民服务 at the till: a proxy buy's chain (made offline, synced in one batch, steps out of order where
 * harmless, nothing after the hand-over), its parcel linked to logistics, the list and the desk; bills, tickets,
 * cash withdrawals and loan referrals submitted to their providers by the job, accepted or refused, shown in the
 * record's details.
 */
describe.each(engines())('stations services: proxy buys and convenience services, on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  // 8 Dec 2026, 10:00 in Shanghai.
  const clock = manualClock('2026-12-08T02:00:00.000Z');
  const now = (minutes = 0) => new Date(clock.now().getTime() + minutes * 60_000).toISOString();
  let otherTownshipPoint = '';

  const call = (who: string | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: who ? as[who] : {}, payload: payload as object });
  const ok = async (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  const batch = (who: string, siteId: string, records: unknown[]) => ok(who, 'POST', '/stations/records/batch', { siteId, records });
  const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(t.database.db)).rows;
  const outcomesOf = (result: { outcomes: { status: string; code: string | null; message: string | null }[] }) => result.outcomes.map((o) => [o.status, o.code, o.message]);

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoCatalog: false, demoLogistics: false, clock });
    for (const who of ['county', 'township', 'village', 'regulator', 'merchant']) as[who] = await signIn(t.app, `demo.${who}`);
    const points = (await ok('county', 'GET', '/network/sites?kind=village_point&status=operating&limit=500')).items as { id: string; townshipCode: string }[];
    otherTownshipPoint = points.find((p) => p.townshipCode !== LEHONG)!.id;
  }, 180_000);
  afterAll(() => t?.close());

  it('a proxy buy made offline syncs in one batch: request, parcel before the order, order, hand-over; nothing after it', async () => {
    const request = { clientId: clientId('pb-req'), type: 'proxy_buy.request', at: now(-30), customer: { name: '李桂芬', phone: '13987012345' }, item: '复合肥', quantityText: '2 袋', budgetFen: 30_000, depositFen: 10_000 };
    const parcel = { clientId: clientId('pb-parcel'), type: 'proxy_buy.parcel', at: now(-20), proxyBuyClientId: request.clientId, waybillNo: 'YT7700112233', carrier: 'yuantong' };
    const ordered = { clientId: clientId('pb-order'), type: 'proxy_buy.ordered', at: now(-10), proxyBuyClientId: request.clientId, platform: 'pinduoduo', externalOrderNo: '241208-556677', costFen: 26_800 };
    const handover = { clientId: clientId('pb-hand'), type: 'proxy_buy.handover', at: now(-5), proxyBuyClientId: request.clientId, feeFen: 500, collectedFen: 17_300 };
    const again = { ...handover, clientId: clientId('pb-hand2') };
    const cancel = { clientId: clientId('pb-cancel'), type: 'proxy_buy.cancel', at: now(-4), proxyBuyClientId: request.clientId, refundFen: 0, reason: '不要了' };
    const unknown = { ...ordered, clientId: clientId('pb-unknown'), proxyBuyClientId: 'never-requested-1' };
    const result = await batch('village', OWN_POINT, [request, parcel, ordered, handover, again, cancel, unknown]);
    expect(outcomesOf(result)).toEqual([
      ['stored', null, null],
      ['stored', null, null],
      ['stored', null, null],
      ['stored', null, null],
      ['refused', 'ALREADY_HANDED_OVER', '代买「复合肥」已交货'],
      ['refused', 'ALREADY_HANDED_OVER', '代买「复合肥」已交货'],
      ['refused', 'UNKNOWN_REFERENCE', '找不到这笔代买登记'],
    ]);
    const [req, , ord, hand] = result.outcomes.map((o: { record: Record<string, unknown> }) => o.record);
    expect(req).toMatchObject({ type: 'proxy_buy.request', service: null, amountFen: 10_000, feeFen: 0, cashInFen: 10_000, cashOutFen: 0, summary: '代买 · 复合肥 2 袋 · 定金 ¥100.00', customer: { name: '李桂芬', phoneMasked: '139****2345', poor: false } });
    expect(ord).toMatchObject({ service: null, cashInFen: 0, summary: '代买下单 · 复合肥 · 拼多多 · 订单 241208-556677 · ¥268.00' });
    // 代买 counts at the hand-over: the goods' cost and the service fee, for the request's villager.
    expect(hand).toMatchObject({ service: 'proxy_buy', amountFen: 26_800, feeFen: 500, cashInFen: 17_300, cashOutFen: 0, summary: '代买交货 · 复合肥 · 收 ¥173.00（服务费 ¥5.00）', customer: { id: req.customer.id, name: '李桂芬', phoneMasked: '139****2345', poor: false } });

    // Replayed after a lost answer: nothing twice.
    const replay = await batch('village', OWN_POINT, [request, parcel, ordered, handover]);
    expect(replay.outcomes.map((o: { status: string }) => o.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);

    const done = (await ok('village', 'GET', `/stations/proxy-buys?siteId=${OWN_POINT}&status=done`)).items.find((p: { clientId: string }) => p.clientId === request.clientId);
    expect(done).toEqual({
      id: req.id,
      clientId: request.clientId,
      siteId: OWN_POINT,
      siteName: '乐红村电商服务点',
      day: '2026-12-08',
      requestedAt: request.at,
      status: 'done',
      statusName: '已交货',
      stage: 'done',
      stageName: '已交货',
      customer: { id: expect.any(String), name: '李桂芬', phoneMasked: '139****2345', poor: false },
      item: '复合肥',
      quantityText: '2 袋',
      budgetFen: 30_000,
      depositFen: 10_000,
      platform: 'pinduoduo',
      platformName: '拼多多',
      externalOrderNo: '241208-556677',
      costFen: 26_800,
      orderedAt: ordered.at,
      waybillNo: 'YT7700112233',
      carrier: 'yuantong',
      parcelAt: parcel.at,
      parcel: null,
      feeFen: 500,
      collectedFen: 17_300,
      handedOverAt: handover.at,
      refundFen: null,
      cancelReason: null,
      cancelledAt: null,
    });
    // Counted once as a service, at the hand-over: the order's cost and the fee (the deposit is not what was bought).
    const recorded = (await rows(sql<{ payload: string }>`select payload from kernel_events where type = 'stations.service-recorded'`)).map((r) => JSON.parse(r.payload)).filter((e) => [req.id, ord.id, hand.id].includes(e.recordId));
    expect(recorded).toEqual([expect.objectContaining({ recordId: hand.id, service: 'proxy_buy', amountFen: 26_800, feeFen: 500, customerId: req.customer.id, poor: false, siteId: OWN_POINT })]);
  });

  it('a cancel hands back at most the deposit; a voided cancel opens the proxy buy again, a voided request takes it away', async () => {
    const request = { clientId: clientId('pb-req'), type: 'proxy_buy.request', at: now(-30), customer: { name: '王德明' }, item: '儿童羽绒服 130 码', depositFen: 5_000 };
    const tooMuch = { clientId: clientId('pb-cancel'), type: 'proxy_buy.cancel', at: now(-20), proxyBuyClientId: request.clientId, refundFen: 5_001, reason: '尺码不对' };
    const cancel = { ...tooMuch, clientId: clientId('pb-cancel'), refundFen: 5_000 };
    const result = await batch('village', OWN_POINT, [request, tooMuch, cancel]);
    expect(outcomesOf(result)).toEqual([
      ['stored', null, null],
      ['refused', 'REFUND_EXCEEDS_DEPOSIT', '退款不能超过定金 ¥50.00'],
      ['stored', null, null],
    ]);
    expect(result.outcomes[2].record).toMatchObject({ cashInFen: 0, cashOutFen: 5_000, summary: '代买取消 · 儿童羽绒服 130 码 · 退 ¥50.00' });
    const cancelled = (await ok('village', 'GET', `/stations/proxy-buys?siteId=${OWN_POINT}&status=cancelled`)).items.find((p: { clientId: string }) => p.clientId === request.clientId);
    expect(cancelled).toMatchObject({ status: 'cancelled', statusName: '已取消', refundFen: 5_000, cancelReason: '尺码不对', cancelledAt: cancel.at });

    // The request cannot be voided while its cancel stands; the cancel can, and the proxy buy is open again.
    const voidRequest = { clientId: clientId('void'), type: 'record.void', at: now(-10), targetClientId: request.clientId, reason: '登记错了' };
    expect(outcomesOf(await batch('village', OWN_POINT, [voidRequest]))).toEqual([['refused', 'PROXY_BUY_CLOSED', '代买「儿童羽绒服 130 码」已取消，请先撤销那条记录']]);
    const voidCancel = { clientId: clientId('void'), type: 'record.void', at: now(-9), targetClientId: cancel.clientId, reason: '客户又要了' };
    expect(outcomesOf(await batch('village', OWN_POINT, [voidCancel]))).toEqual([['stored', null, null]]);
    const open = (await ok('village', 'GET', `/stations/desk?siteId=${OWN_POINT}`)).openProxyBuys.find((p: { clientId: string }) => p.clientId === request.clientId);
    expect(open).toMatchObject({ status: 'open', stage: 'requested', stageName: '待下单', refundFen: null, cancelReason: null, customer: { name: '王德明', phoneMasked: null } });
    // Now the request may be voided: the proxy buy leaves the lists, and a step for it finds nothing.
    expect(outcomesOf(await batch('village', OWN_POINT, [{ ...voidRequest, clientId: clientId('void') }]))).toEqual([['stored', null, null]]);
    const step = { clientId: clientId('pb-order'), type: 'proxy_buy.ordered', at: now(-5), proxyBuyClientId: request.clientId, platform: 'other', platformName: '微信小店', externalOrderNo: 'WX-1', costFen: 100 };
    expect(outcomesOf(await batch('village', OWN_POINT, [step]))).toEqual([['refused', 'UNKNOWN_REFERENCE', '找不到这笔代买登记']]);
    const listed = (await ok('village', 'GET', `/stations/proxy-buys?siteId=${OWN_POINT}`)).items.map((p: { clientId: string }) => p.clientId);
    expect(listed).not.toContain(request.clientId);
    // A proxy buy cancelled (or voided) is never counted as a service.
    const recorded = (await rows(sql<{ payload: string }>`select payload from kernel_events where type = 'stations.service-recorded'`)).map((r) => JSON.parse(r.payload));
    expect(recorded.filter((e) => [result.outcomes[0].recordId, result.outcomes[2].recordId].includes(e.recordId))).toEqual([]);
  });

  it('counts a proxy buy at its hand-over for the request’s villager (poor as the request’s); a voided hand-over withdraws it', async () => {
    const request = { clientId: clientId('pb-req'), type: 'proxy_buy.request', at: now(-30), customer: { name: '陈光华', poor: true }, item: '手电筒', depositFen: 2_000 };
    // Not yet ordered: the goods' value is unknown, so it cannot be handed over (it would count at ¥0 for good).
    const handover = { clientId: clientId('pb-hand'), type: 'proxy_buy.handover', at: now(-20), proxyBuyClientId: request.clientId, feeFen: 300, collectedFen: 0 };
    const early = await batch('village', OWN_POINT, [request, handover]);
    expect(outcomesOf(early)).toEqual([
      ['stored', null, null],
      ['refused', 'PROXY_BUY_NOT_ORDERED', '代买「手电筒」尚未下单，不能交付'],
    ]);
    const ordered = { clientId: clientId('pb-order'), type: 'proxy_buy.ordered', at: now(-25), proxyBuyClientId: request.clientId, platform: 'jd', externalOrderNo: 'JD-1', costFen: 1_700 };
    const result = await batch('village', OWN_POINT, [ordered, handover]);
    expect(outcomesOf(result)).toEqual([
      ['stored', null, null],
      ['stored', null, null],
    ]);
    const req = early.outcomes[0].record as Record<string, unknown> & { id: string; customer: { id: string } };
    const hand = result.outcomes[1].record as Record<string, unknown> & { id: string };
    expect(req).toMatchObject({ service: null, customer: { name: '陈光华', poor: true } });
    expect(hand).toMatchObject({ service: 'proxy_buy', amountFen: 1_700, feeFen: 300, customer: { id: req.customer.id, name: '陈光华', poor: true } });
    const events = async (type: string) => (await rows(sql<{ payload: string }>`select payload from kernel_events where type = ${type}`)).map((r) => JSON.parse(r.payload)).filter((e) => [req.id, hand.id].includes(e.recordId));
    expect(await events('stations.service-recorded')).toEqual([expect.objectContaining({ recordId: hand.id, service: 'proxy_buy', amountFen: 1_700, feeFen: 300, customerId: req.customer.id, poor: true })]);
    const day = await ok('village', 'GET', `/stations/days/${OWN_POINT}/2026-12-08`);
    const before = day.byService.proxy_buy as { count: number; amountFen: number };

    // Voiding the hand-over takes the service back and opens the proxy buy again.
    const voidHand = { clientId: clientId('void'), type: 'record.void', at: now(-10), targetClientId: handover.clientId, reason: '还没交给村民' };
    expect(outcomesOf(await batch('village', OWN_POINT, [voidHand]))).toEqual([['stored', null, null]]);
    expect(await events('stations.service-voided')).toEqual([expect.objectContaining({ recordId: hand.id, service: 'proxy_buy', amountFen: 1_700, feeFen: 300, customerId: req.customer.id, poor: true })]);
    expect((await ok('village', 'GET', `/stations/days/${OWN_POINT}/2026-12-08`)).byService.proxy_buy).toEqual({ count: before.count - 1, amountFen: before.amountFen - 1_700 });
    const open = (await ok('village', 'GET', `/stations/proxy-buys?siteId=${OWN_POINT}&status=open`)).items.find((p: { clientId: string }) => p.clientId === request.clientId);
    expect(open).toMatchObject({ status: 'open', feeFen: null });
  });

  it('links the parcel logistics knows by its waybill, and shows where it is now', async () => {
    const manifest = await call('county', 'POST', '/logistics/manifests', { carrier: 'zhongtong', parcels: [{ waybillNo: 'ZT9900776655', recipientName: '张秀英', recipientPhone: '13887011111', address: '乐红镇乐红村 2 社' }] });
    expect(manifest.statusCode, manifest.body).toBe(201);
    const known = (await ok('county', 'GET', '/logistics/parcels?waybillNo=ZT9900776655')).items[0];
    const request = { clientId: clientId('pb-req'), type: 'proxy_buy.request', at: now(-3), customer: { name: '张秀英', phone: '13887011111' }, item: '电饭煲', depositFen: 0 };
    const parcel = { clientId: clientId('pb-parcel'), type: 'proxy_buy.parcel', at: now(-2), proxyBuyClientId: request.clientId, waybillNo: 'ZT9900776655' };
    const result = await batch('village', OWN_POINT, [request, parcel]);
    expect(result.outcomes[1].record.details).toEqual({ proxyBuyId: result.outcomes[0].recordId, item: '电饭煲', waybillNo: 'ZT9900776655', carrier: 'zhongtong', parcelId: known.id, parcelStatus: known.status, parcelStatusName: '已建单' });
    const listed = (await ok('village', 'GET', `/stations/proxy-buys?siteId=${OWN_POINT}&status=open`)).items.find((p: { clientId: string }) => p.clientId === request.clientId);
    expect(listed).toMatchObject({ stage: 'parcel', stageName: '已到件', waybillNo: 'ZT9900776655', carrier: 'zhongtong', parcel: { id: known.id, status: 'created', statusName: '已建单' } });
  });

  it('lists proxy buys in the caller’s sight, with a cursor', async () => {
    const requests = Array.from({ length: 3 }, (_, i) => ({ clientId: clientId('pb-page'), type: 'proxy_buy.request', at: now(-1), customer: { name: `翻页${i}` }, item: `翻页测试${i}`, depositFen: 0 }));
    await batch('village', OWN_POINT, requests);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { clientId: string }[]; nextCursor: string | null } = await ok('village', 'GET', `/stations/proxy-buys?siteId=${OWN_POINT}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((p) => p.clientId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expect.arrayContaining(requests.map((r) => r.clientId)));
    expect(new Set(seen).size).toBe(seen.length);
    // The township sees its points'; the county all; another township's point is not the village operator's to read.
    expect((await ok('township', 'GET', '/stations/proxy-buys?limit=500')).items.map((p: { clientId: string }) => p.clientId)).toEqual(expect.arrayContaining(requests.map((r) => r.clientId)));
    expect((await ok('regulator', 'GET', `/stations/proxy-buys?siteId=${OWN_POINT}&limit=500`)).items.length).toBeGreaterThanOrEqual(3);
    expect((await call('village', 'GET', `/stations/proxy-buys?siteId=${otherTownshipPoint}`)).statusCode).toBe(403);
    expect((await call('merchant', 'GET', '/stations/proxy-buys')).statusCode).toBe(403);
    expect((await call(null, 'GET', '/stations/proxy-buys')).statusCode).toBe(401);
  });

  it('gives the providers in Chinese, with what they do, to the desk and the list', async () => {
    const list = await ok('village', 'GET', '/stations/providers');
    expect(list.nextCursor).toBeNull();
    expect(list.items.find((p: { id: string }) => p.id === 'yn_power')).toEqual({ id: 'yn_power', name: '国网云南电力', kinds: ['bill'], kindNames: ['缴费'], services: ['electricity'], serviceNames: ['电费'], accountHints: { electricity: '电费户号为 10 位数字' } });
    expect(list.items.find((p: { id: string }) => p.id === 'ld_rcb')).toMatchObject({ name: '鲁甸农商银行', kindNames: ['助农取款', '贷款推荐'], accountHints: {} });
    expect(list.items.map((p: { name: string }) => p.name).sort()).toEqual(['12306 铁路', '中国移动', '中国电信', '中国联通', '国网云南电力', '携程', '昭通客运', '民航', '邮储银行', '鲁甸县自来水公司', '鲁甸农商银行'].sort());
    const desk = await ok('village', 'GET', `/stations/desk?siteId=${OWN_POINT}`);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect([...desk.providers].sort(byId)).toEqual([...list.items].sort(byId));
  });

  it('bills, tickets, cash and loans: recorded with the till’s cash, submitted by the job, accepted or refused in the details', async () => {
    const customer = { name: '赵永华', phone: '13508701234' };
    const records = [
      { clientId: clientId('bill'), type: 'bill.pay', at: now(-9), customer, service: 'electricity', providerId: 'yn_power', accountNo: '5306210123', amountFen: 12_000, feeFen: 0, paidBy: 'cash' },
      { clientId: clientId('bill'), type: 'bill.pay', at: now(-8), customer, service: 'phone', providerId: 'china_mobile', accountNo: '13508701234', amountFen: 5_000, feeFen: 100, paidBy: 'transfer' },
      { clientId: clientId('bill'), type: 'bill.pay', at: now(-7), customer, service: 'water', providerId: 'ld_water', accountNo: '53060000', amountFen: 3_600, feeFen: 0, paidBy: 'cash' },
      { clientId: clientId('ticket'), type: 'ticket.book', at: now(-6), customer, mode: 'train', providerId: 'rail_12306', description: '昭通—昆明 D8712', travelDate: '2026-12-20', amountFen: 15_850, feeFen: 500, paidBy: 'cash' },
      { clientId: clientId('cash'), type: 'cash.withdraw', at: now(-5), customer, providerId: 'ld_rcb', cardTail: '6621', amountFen: 50_000, feeFen: 300 },
      { clientId: clientId('loan'), type: 'loan.refer', at: now(-4), customer, providerId: 'psbc', amountFen: 5_000_000, purpose: '种植花椒' },
      { clientId: clientId('bill'), type: 'bill.pay', at: now(-3), customer, service: 'electricity', providerId: 'ld_water', accountNo: '5306210123', amountFen: 100, feeFen: 0, paidBy: 'cash' },
      { clientId: clientId('bill'), type: 'bill.pay', at: now(-3), customer, service: 'electricity', providerId: 'no_such', accountNo: '5306210123', amountFen: 100, feeFen: 0, paidBy: 'cash' },
      { clientId: clientId('ticket'), type: 'ticket.book', at: now(-2), customer, mode: 'bus', providerId: 'zt_bus', description: '鲁甸—昭通', travelDate: '2026-12-07', amountFen: 2_500, feeFen: 0, paidBy: 'cash' },
    ];
    const result = await batch('village', OWN_POINT, records);
    expect(outcomesOf(result)).toEqual([
      ['stored', null, null],
      ['stored', null, null],
      ['stored', null, null],
      ['stored', null, null],
      ['stored', null, null],
      ['stored', null, null],
      ['refused', 'PROVIDER_MISMATCH', '鲁甸县自来水公司不办理电费'],
      ['refused', 'UNKNOWN_REFERENCE', '找不到这家服务商'],
      ['refused', 'TRAVEL_DATE_PAST', '出行日期 2026-12-07 已过'],
    ]);
    const stored = result.outcomes.slice(0, 6).map((o: { record: Record<string, unknown> }) => o.record);
    expect(stored.map((r: Record<string, unknown>) => [r.service, r.amountFen, r.feeFen, r.cashInFen, r.cashOutFen, r.summary])).toEqual([
      ['bill', 12_000, 0, 12_000, 0, '电费 · 国网云南电力 · ¥120.00'],
      ['bill', 5_000, 100, 0, 0, '话费 · 中国移动 · ¥50.00'],
      ['bill', 3_600, 0, 3_600, 0, '水费 · 鲁甸县自来水公司 · ¥36.00'],
      ['ticket', 15_850, 500, 16_350, 0, '火车票 · 12306 铁路 · 昭通—昆明 D8712 · 2026-12-20 · ¥158.50'],
      ['cash_withdrawal', 50_000, 300, 0, 50_000, '助农取款 · 鲁甸农商银行 · 尾号6621 · ¥500.00'],
      ['loan_referral', 5_000_000, 0, 0, 0, '贷款推荐 · 邮储银行 · 种植花椒 · ¥50,000.00'],
    ]);
    expect(stored[1].details).toEqual({ kind: 'bill', service: 'phone', serviceName: '话费', providerId: 'china_mobile', providerName: '中国移动', accountMasked: '13*****1234', paidBy: 'transfer', paidByName: '转账', providerStatus: 'pending', providerRef: null, providerMessage: null });
    // The account (a phone number here) is kept sealed: nowhere in the stations' tables as it was typed.
    for (const table of ['stations_records', 'stations_service_submissions', 'stations_provider_local']) {
      const dump = JSON.stringify(await rows(sql`select * from ${sql.table(table)}`));
      expect(dump, table).not.toContain('13508701234');
    }

    // The job submits each once: accepted with the provider's reference, or refused with its reason.
    expect(await t.modules.stations.providerSubmitter.submitDue(clock.now())).toEqual({ accepted: 5, refused: 1, failed: 0 });
    const details = async (id: string) => (await ok('village', 'GET', `/stations/records/${id}`)).details;
    const answers = [];
    for (const r of stored) answers.push(await details(r.id as string));
    expect(answers.map((d: { providerStatus: string; providerMessage: string }) => [d.providerStatus, d.providerMessage])).toEqual([
      ['accepted', '缴费成功'],
      ['accepted', '缴费成功'],
      ['refused', '户号不存在（已销户或输错），请核对缴费通知单'],
      ['accepted', '出票成功'],
      ['accepted', '取款成功'],
      ['accepted', '已受理，银行将联系客户'],
    ]);
    expect(answers[0].providerRef).toMatch(/^YNPOWE20261208\d{6}$/);
    expect(answers[2].providerRef).toBeNull();
    const book = await rows(sql<{ record_id: string; asked: number; provider_ref: string | null }>`select record_id, asked, provider_ref from stations_provider_local`);
    for (const [i, r] of stored.entries()) expect(book.filter((b) => b.record_id === r.id).map((b) => [Number(b.asked), b.provider_ref]), String(i)).toEqual([[1, answers[i].providerRef]]);
    // Run again: nothing more is submitted.
    expect(await t.modules.stations.providerSubmitter.submitDue(new Date(clock.now().getTime() + 3_600_000))).toEqual({ accepted: 0, refused: 0, failed: 0 });

    // A record voided before the job took it is never submitted; the refused one is voided and its cash handed back.
    const late = { clientId: clientId('bill'), type: 'bill.pay', at: now(-2), customer, service: 'electricity', providerId: 'yn_power', accountNo: '5306210999', amountFen: 8_000, feeFen: 0, paidBy: 'cash' };
    const lateResult = await batch('village', OWN_POINT, [late, { clientId: clientId('void'), type: 'record.void', at: now(-1), targetClientId: late.clientId, reason: '客户改主意' }, { clientId: clientId('void'), type: 'record.void', at: now(-1), targetClientId: records[2].clientId, reason: '户号不对，退款' }]);
    expect(lateResult.outcomes.map((o: { status: string }) => o.status)).toEqual(['stored', 'stored', 'stored']);
    expect(await t.modules.stations.providerSubmitter.submitDue(clock.now())).toEqual({ accepted: 0, refused: 0, failed: 0 });
    expect(await rows(sql`select record_id from stations_provider_local where record_id = ${lateResult.outcomes[0].recordId}`)).toEqual([]);
    expect((await rows(sql<{ status: string }>`select status from stations_service_submissions where record_id = ${lateResult.outcomes[0].recordId}`))[0].status).toBe('cancelled');
    expect((await ok('village', 'GET', `/stations/records/${stored[2].id}`)).voided).toBe(true);
  });

  it('refuses to void a bill, ticket, withdrawal or referral the provider has taken; one it refused is voided to hand the money back', async () => {
    const customer = { name: '王秀英', phone: '13508705678' };
    const taken = [
      { clientId: clientId('bill'), type: 'bill.pay', at: now(-9), customer, service: 'electricity', providerId: 'yn_power', accountNo: '5306210777', amountFen: 20_000, feeFen: 0, paidBy: 'cash' },
      { clientId: clientId('ticket'), type: 'ticket.book', at: now(-8), customer, mode: 'train', providerId: 'rail_12306', description: '昭通—昆明 D8714', travelDate: '2026-12-21', amountFen: 15_850, feeFen: 500, paidBy: 'cash' },
      { clientId: clientId('cash'), type: 'cash.withdraw', at: now(-7), customer, providerId: 'ld_rcb', cardTail: '4410', amountFen: 30_000, feeFen: 300 },
      { clientId: clientId('loan'), type: 'loan.refer', at: now(-6), customer, providerId: 'psbc', amountFen: 2_000_000, purpose: '养牛' },
    ];
    const refusedByProvider = { clientId: clientId('bill'), type: 'bill.pay', at: now(-5), customer, service: 'water', providerId: 'ld_water', accountNo: '53070000', amountFen: 2_400, feeFen: 0, paidBy: 'cash' };
    const result = await batch('village', OWN_POINT, [...taken, refusedByProvider]);
    expect(result.outcomes.map((o: { status: string }) => o.status)).toEqual(['stored', 'stored', 'stored', 'stored', 'stored']);
    expect(await t.modules.stations.providerSubmitter.submitDue(clock.now())).toEqual({ accepted: 4, refused: 1, failed: 0 });

    const voidOf = (target: { clientId: string }) => ({ clientId: clientId('void'), type: 'record.void', at: now(-1), targetClientId: target.clientId, reason: '客户不要了' });
    const voids = await batch('village', OWN_POINT, [...taken.map(voidOf), voidOf(refusedByProvider)]);
    expect(outcomesOf(voids)).toEqual([
      ['refused', 'ALREADY_SUBMITTED', '已提交服务商，不能作废'],
      ['refused', 'ALREADY_SUBMITTED', '已提交服务商，不能作废'],
      ['refused', 'ALREADY_SUBMITTED', '已提交服务商，不能作废'],
      ['refused', 'ALREADY_SUBMITTED', '已提交服务商，不能作废'],
      ['stored', null, null],
    ]);
    const view = async (o: { recordId: string }) => ok('village', 'GET', `/stations/records/${o.recordId}`);
    // The till keeps the cash the provider was paid with; the refused bill's cash leaves it (handed back).
    for (const o of result.outcomes.slice(0, 4)) expect((await view(o)).voided).toBe(false);
    expect((await view(result.outcomes[4])).voided).toBe(true);
    const statuses = await rows(sql<{ status: string }>`select status from stations_service_submissions where record_id in (${sql.join(result.outcomes.map((o: { recordId: string }) => o.recordId))}) order by created_at, record_id`);
    // The refused one, voided, is settled: never refunded as well.
    expect(statuses.map((r) => r.status).sort()).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'voided']);

    // One the job has taken but not yet finished (submitting) is refused too: the provider may be paying it now.
    const inFlight = { clientId: clientId('bill'), type: 'bill.pay', at: now(-2), customer, service: 'phone', providerId: 'china_mobile', accountNo: '13508705678', amountFen: 5_000, feeFen: 0, paidBy: 'cash' };
    const [stored] = (await batch('village', OWN_POINT, [inFlight])).outcomes;
    await sql`update stations_service_submissions set status = 'submitting', lease_until = ${now(5)} where record_id = ${stored.recordId}`.execute(t.database.db);
    expect(outcomesOf(await batch('village', OWN_POINT, [voidOf(inFlight)]))).toEqual([['refused', 'ALREADY_SUBMITTED', '已提交服务商，不能作废']]);
    expect((await view(stored)).voided).toBe(false);
  });

  it('names the field of a record that does not match its schema (400 for the whole batch)', async () => {
    const good = { clientId: clientId('bill'), type: 'bill.pay', at: now(), customer: { name: '赵永华' }, service: 'electricity', providerId: 'yn_power', accountNo: '5306210123', amountFen: 100, feeFen: 0, paidBy: 'cash' };
    const cases: [unknown, string][] = [
      [{ clientId: clientId('cash'), type: 'cash.withdraw', at: now(), customer: { name: '赵永华' }, providerId: 'ld_rcb', cardTail: '6621', amountFen: 300_001, feeFen: 0 }, 'body.records[1].amountFen'],
      [{ clientId: clientId('ticket'), type: 'ticket.book', at: now(), customer: { name: '赵永华' }, mode: 'bus', providerId: 'zt_bus', description: '鲁甸—昭通', travelDate: '2026-02-30', amountFen: 2_500, feeFen: 0, paidBy: 'cash' }, 'body.records[1].travelDate'],
      [{ clientId: clientId('cash'), type: 'cash.withdraw', at: now(), customer: { name: '赵永华' }, providerId: 'ld_rcb', cardTail: '66210', amountFen: 100, feeFen: 0 }, 'body.records[1].cardTail'],
      [{ clientId: clientId('pb'), type: 'proxy_buy.ordered', at: now(), proxyBuyClientId: 'abcdefgh1', platform: 'amazon', externalOrderNo: '1', costFen: 1 }, 'body.records[1].platform'],
    ];
    for (const [bad, field] of cases) {
      const res = await call('village', 'POST', '/stations/records/batch', { siteId: OWN_POINT, records: [good, bad] });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message, res.body).toContain(field);
    }
    // Nothing of those batches was stored.
    expect((await call('village', 'GET', `/stations/records?siteId=${OWN_POINT}&limit=500`)).json().items.map((r: { clientId: string }) => r.clientId)).not.toContain(good.clientId);
  });

  it('the township operator records at its station, not at a village point', async () => {
    const bill = { clientId: clientId('bill'), type: 'bill.pay', at: now(), customer: { name: '周明' }, service: 'broadband', providerId: 'china_telecom', accountNo: 'LD0870123456', amountFen: 9_900, feeFen: 0, paidBy: 'cash' };
    expect((await batch('township', LEHONG_STATION, [bill])).outcomes[0].status).toBe('stored');
    expect((await call('township', 'POST', '/stations/records/batch', { siteId: OWN_POINT, records: [{ ...bill, clientId: clientId('bill') }] })).statusCode).toBe(403);
    expect((await call('county', 'POST', '/stations/records/batch', { siteId: OWN_POINT, records: [{ ...bill, clientId: clientId('bill') }] })).statusCode).toBe(403);
  });
});
