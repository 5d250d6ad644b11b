import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheck } from '../../src/modules/parties/index.js';
import { buildTestApp, engines, manualClock, signIn, type TestApp } from '../helpers.js';

/**
 * 代卖 consignment end to end (issue 16, item 2): a villager's produce received at 乐红村电商服务点, listed as
 * units of a shop SKU held at the station, sold in the shop, the villager credited first in first out and paid out
 * of the till, a refund taking the credit back, and a poor household's share reaching the poverty-alleviation ledger.
 */
const POINT = 'site_ld3_530621110205'; // 乐红村电商服务点, demo.village's
const VILLAGE = '530621110205';
const shipTo = { name: '李明', phone: '13800138000', address: '昆明市五华区人民中路 1 号', divisionCode: '530102' };

let serial = 0;
const clientId = (label: string) => `${label}-${Date.now().toString(36)}-${++serial}`;
/** A valid resident ID number of someone born in 1975 in Ludian, unique in this run. */
function idNumber(): string {
  const first = `53062119750412${String(100 + (++serial % 900)).padStart(3, '0')}`;
  return first + residentIdCheck(first);
}

interface Outcome {
  clientId: string;
  status: string;
  code: string | null;
  message: string | null;
  details: Record<string, unknown> | null;
  record: { id: string; customer: { id: string; name: string; poor: boolean } | null; service: string | null; amountFen: number; cashOutFen: number; summary: string } | null;
}

describe.each(engines())('代卖 consignment on %s', (engine) => {
  let t: TestApp;
  const as: Record<string, { cookie: string }> = {};
  // 7 Dec 2026, 10:00 in Shanghai.
  const clock = manualClock('2026-12-07T02:00:00.000Z');
  const now = () => clock.now().toISOString();
  let sellerId = '';
  let productId = '';
  let skuId = '';
  const villager = { poor: { name: '马秀兰', idNumber: '' }, other: { name: '李大哥' }, third: { name: '朱秀英', idNumber: '' } };
  const household: Record<string, string> = {};

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: as[who], payload });
  const ok = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, status = 200) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.json();
  };
  const record = async (records: object[]): Promise<Outcome[]> => (await ok('village', 'POST', '/stations/records/batch', { siteId: POINT, records })).outcomes;
  const intake = async (customer: object, weightG: number, priceFenPerKg: number) => {
    const [outcome] = await record([{ clientId: clientId('cin'), type: 'consignment.intake', at: now(), customer, produce: 'pepper', grade: 'first', weightG, priceFenPerKg }]);
    expect(outcome.status, JSON.stringify(outcome)).toBe('stored');
    return outcome.record!;
  };
  const consignor = async (customerId: string) => ((await ok('village', 'GET', `/stations/consignors?siteId=${POINT}&limit=100`)).items as { id: string; balanceFen: number; unitsSold: number; creditedFen: number; paidOutFen: number }[]).find((c) => c.id === customerId)!;
  const statement = (customerId: string) => ok('village', 'GET', `/stations/consignors/${customerId}/statement`);
  const stationGrams = async () => ((await ok('village', 'GET', `/stations/stock?siteId=${POINT}`)).items as { kind: string; quantity: number }[]).filter((i) => i.kind === 'consignment').reduce((n, i) => n + i.quantity, 0);
  /** A checkout paid in cash at the point; the order's id. */
  const buy = async (quantity: number) => {
    const res = await call('consumer', 'POST', '/orders/checkout', { items: [{ skuId, quantity }], paymentMethod: 'village_cash', delivery: 'parcel', pickupSiteId: POINT, shipTo });
    expect(res.statusCode, res.body).toBe(201);
    const [order] = res.json().orders;
    expect((await ok('village', 'POST', `/orders/${order.id}/cash-received`)).status).toBe('paid');
    return order.id as string;
  };
  const paidEvent = async (orderId: string) =>
    JSON.parse((await sql<{ payload: string }>`select payload from kernel_events where type = 'orders.paid' and aggregate_id = ${orderId}`.execute(t.database.db)).rows[0].payload);
  const householdIncome = async (id: string) => (await ok('county', 'GET', `/parties/households/${id}/ledger`)).totalIncomeFen as number;

  beforeAll(async () => {
    t = await buildTestApp(engine, { demo: true, demoLogistics: false, clock });
    for (const who of ['county', 'township', 'village', 'regulator', 'merchant', 'consumer']) as[who] = await signIn(t.app, `demo.${who}`);
    await ok('county', 'PUT', '/orders/delivery-fees', { fees: [{ townshipCode: 'parcel', feeFen: 1000 }] });
    // The point registers a farmer it sells for (代卖), the county approves it, the point puts up its product.
    const seller = await ok('village', 'POST', '/parties/sellers', { kind: 'farmer', name: '乐红村代卖青花椒', idNumber: idNumber(), contactName: '马秀兰', contactPhone: '13987005678', divisionCode: VILLAGE, address: '乐红村三社' }, 201);
    sellerId = seller.id;
    await ok('county', 'POST', `/parties/sellers/${sellerId}/review`, { decision: 'approve' });
    const category = (await ok('county', 'GET', '/catalog/categories')).items[0].id;
    const product = await ok('village', 'POST', '/catalog/products', { sellerId, categoryId: category, name: '乐红村代卖青花椒', originCode: VILLAGE, skus: [{ spec: '500克袋装', unit: '袋', netWeightG: 500, priceFen: 6000, stock: 0, location: 'seller' }], status: 'listed' }, 201);
    productId = product.id;
    skuId = product.skus[0].id;
    // Two villagers are heads of registered poor households.
    villager.poor.idNumber = idNumber();
    villager.third.idNumber = idNumber();
    const register = async (no: string, headName: string, headIdNumber: string) => (await ok('county', 'POST', '/parties/households', { householdNo: no, villageCode: VILLAGE, headName, headIdNumber, members: 4 }, 201)).id as string;
    household.poor = await register(`CONSIGN-${engine}-1`, villager.poor.name, villager.poor.idNumber);
    household.third = await register(`CONSIGN-${engine}-3`, villager.third.name, villager.third.idNumber);
  }, 240_000);
  afterAll(() => t?.close());

  let poorId = '';
  let poorLot = '';
  let firstOrder = '';

  it('receives produce as the villager’s consignment stock, lists whole units in the shop held at the station, and credits the villager and its poor household when they sell', async () => {
    const gramsBefore = await stationGrams();
    const rec = await intake(villager.poor, 2600, 9000);
    poorId = rec.customer!.id;
    poorLot = rec.id;
    expect(rec).toMatchObject({ service: 'consignment', amountFen: 23_400, cashOutFen: 0, summary: '代卖收货 · 花椒 一级 · 2.6 kg · ¥90.00/kg', customer: { name: '马秀兰', poor: true } });
    expect(await stationGrams()).toBe(gramsBefore + 2600);

    const listing = await ok('village', 'POST', `/stations/consignments/${poorLot}/listing`, { skuId }, 201);
    // 2.6 kg makes 5 bags of 500 g (100 g stays with the villager); a bag sold brings her 500 g × ¥90/kg = ¥45 of its ¥60.
    expect(listing).toMatchObject({ recordId: poorLot, consignorId: poorId, consignorName: '马秀兰', skuId, productId, units: 5, unitsSold: 0, netWeightG: 500, priceFenPerKg: 9000, unitCreditFen: 4500, ledgerShareBp: 7500 });
    expect(await stationGrams()).toBe(gramsBefore + 100);
    const shop = await ok('consumer', 'GET', `/catalog/products/${productId}`);
    expect(shop.skus[0].available).toBe(5);

    firstOrder = await buy(3);
    expect(await consignor(poorId)).toMatchObject({ balanceFen: 13_500, unitsSold: 3, creditedFen: 13_500, paidOutFen: 0 });
    const st = await statement(poorId);
    expect(st.entries).toEqual([expect.objectContaining({ kind: 'sale', kindName: '售出', units: 3, amountFen: 13_500, productName: '乐红村代卖青花椒 500克袋装' })]);
    expect(st.lots[0]).toMatchObject({ recordId: poorLot, weightG: 2600, listedG: 2500, gradeName: '一级', listings: [expect.objectContaining({ units: 5, unitsSold: 3 })] });
    expect(st.totals).toEqual({ receivedG: 2600, listedG: 2500, unitsSold: 3, salesFen: 13_500, refundedFen: 0, paidOutFen: 0, balanceFen: 13_500 });
    expect(st.site).toEqual({ id: POINT, name: '乐红村电商服务点', townshipName: expect.any(String) });
    // The ledger credits the household its share of the ¥180 line: 75 %.
    expect(await householdIncome(household.poor)).toBe(13_500);
    // The phone's desk carries the balance for payouts offline.
    const desk = await ok('village', 'GET', `/stations/desk?siteId=${POINT}`);
    expect(desk.consignors).toContainEqual({ id: poorId, name: '马秀兰', balanceFen: 13_500, heldG: 100 });
  });

  it('credits once when the paid event is delivered twice', async () => {
    const payload = await paidEvent(firstOrder);
    await t.database.db.transaction().execute((trx) => t.modules.stations.consignment.settleSale(trx, payload));
    expect(await consignor(poorId)).toMatchObject({ balanceFen: 13_500, unitsSold: 3 });
    expect((await statement(poorId)).entries).toHaveLength(1);
  });

  let otherId = '';
  let secondOrder = '';

  it('sells the product’s listed lots first in, first out, and a cancelled paid order takes the credits back and the units back to their lots', async () => {
    const rec = await intake(villager.other, 1500, 8000);
    otherId = rec.customer!.id;
    expect(rec.customer!.poor).toBe(false);
    const listing = await ok('village', 'POST', `/stations/consignments/${rec.id}/listing`, { skuId }, 201);
    expect(listing).toMatchObject({ units: 3, unitCreditFen: 4000, ledgerShareBp: null });

    secondOrder = await buy(4);
    // 2 bags left of 马秀兰's lot, then 2 of 李大哥's.
    expect(await consignor(poorId)).toMatchObject({ balanceFen: 13_500 + 9000, unitsSold: 5 });
    expect(await consignor(otherId)).toMatchObject({ balanceFen: 8000, unitsSold: 2 });

    const incomeBefore = await householdIncome(household.poor);
    await ok('consumer', 'POST', `/orders/${secondOrder}/cancel`, { reason: '买多了' });
    expect(await consignor(poorId)).toMatchObject({ balanceFen: 13_500, unitsSold: 3, creditedFen: 13_500 });
    expect(await consignor(otherId)).toMatchObject({ balanceFen: 0, unitsSold: 0 });
    const st = await statement(otherId);
    expect(st.entries.map((e: { kind: string; amountFen: number; units: number }) => [e.kind, e.amountFen, e.units])).toEqual([
      ['sale', 8000, 2],
      ['refund', -8000, 2],
    ]);
    expect(st.totals).toMatchObject({ salesFen: 8000, refundedFen: 8000, balanceFen: 0 });
    // The ledger took the household's credit of that order back (its share of the whole line, as the ledger does).
    expect(await householdIncome(household.poor)).toBeLessThan(incomeBefore);

    // The refund delivered again takes nothing more back; the units went back once.
    const refund = JSON.parse((await sql<{ payload: string }>`select payload from kernel_events where type = 'orders.refunded' and aggregate_id = ${secondOrder}`.execute(t.database.db)).rows[0].payload);
    await t.database.db.transaction().execute(async (trx) => {
      await t.modules.stations.consignment.restock(trx, secondOrder);
      await t.modules.stations.consignment.settleRefund(trx, refund);
    });
    expect(await consignor(poorId)).toMatchObject({ balanceFen: 13_500, unitsSold: 3 });
    expect(await consignor(otherId)).toMatchObject({ balanceFen: 0, unitsSold: 0 });

    // The units are on sale again and sell from the oldest lot first.
    await buy(1);
    expect(await consignor(poorId)).toMatchObject({ balanceFen: 18_000, unitsSold: 4 });
  });

  it('credits nobody for units the order took from the seller’s own stock', async () => {
    await ok('village', 'PUT', `/catalog/skus/${skuId}/stock`, { location: 'seller', onHand: 1 });
    await buy(1);
    expect(await consignor(poorId)).toMatchObject({ balanceFen: 18_000, unitsSold: 4 });
    expect(await consignor(otherId)).toMatchObject({ balanceFen: 0, unitsSold: 0 });
  });

  it('refuses a listing that would credit the product’s households more than the whole sale, and moves nothing', async () => {
    const rec = await intake(villager.third, 1000, 9000);
    expect(rec.customer!.poor).toBe(true);
    const grams = await stationGrams();
    const res = await call('village', 'POST', `/stations/consignments/${rec.id}/listing`, { skuId });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'SHARES_EXCEED_WHOLE', details: { field: 'body.skuId' } });
    expect(await stationGrams()).toBe(grams);
    expect((await statement(rec.customer!.id)).lots[0]).toMatchObject({ listedG: 0, listings: [] });
    // More units than the lot makes: 409 naming body.units.
    const tooMany = await call('village', 'POST', `/stations/consignments/${poorLot}/listing`, { skuId, units: 1 });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json().error).toMatchObject({ code: 'STOCK_INSUFFICIENT', details: { field: 'body.units', most: 0, leftG: 100 } });
  });

  it('lists only for the site’s operator managing the product’s seller, or the county', async () => {
    const rec = await intake(villager.other, 600, 8000);
    expect((await call('township', 'POST', `/stations/consignments/${rec.id}/listing`, { skuId })).statusCode).toBe(403);
    expect((await call('merchant', 'POST', `/stations/consignments/${rec.id}/listing`, { skuId })).statusCode).toBe(403);
    expect((await call('regulator', 'POST', `/stations/consignments/${rec.id}/listing`, { skuId })).statusCode).toBe(403);
    expect((await call('village', 'POST', '/stations/consignments/srec_nothere/listing', { skuId })).statusCode).toBe(404);
    const noSku = await call('village', 'POST', `/stations/consignments/${rec.id}/listing`, { skuId: 'sku_nothere' });
    expect([noSku.statusCode, noSku.json().error.details]).toEqual([404, { field: 'body.skuId' }]);
    expect(await ok('county', 'POST', `/stations/consignments/${rec.id}/listing`, { skuId, units: 1 }, 201)).toMatchObject({ units: 1, consignorId: otherId });
  });

  it('pays a consignor out of the till up to its balance, refuses more, and a voided payout gives the balance back', async () => {
    const pay = { clientId: clientId('pay'), type: 'consignment.payout', at: now(), customerId: poorId, amountFen: 10_000 };
    const [paid] = await record([pay]);
    expect(paid).toMatchObject({ status: 'stored', record: { cashOutFen: 10_000, service: null, summary: '代卖结算 · 马秀兰 · ¥100.00' } });
    expect(await consignor(poorId)).toMatchObject({ balanceFen: 8000, paidOutFen: 10_000 });
    const [refused] = await record([{ clientId: clientId('pay'), type: 'consignment.payout', at: now(), customerId: poorId, amountFen: 8001 }]);
    expect(refused).toMatchObject({ status: 'refused', code: 'BALANCE_INSUFFICIENT', details: { balanceFen: 8000 }, record: null });
    expect(refused.message).toMatch(/余额/);
    expect(await consignor(poorId)).toMatchObject({ balanceFen: 8000 });
    const [voided] = await record([{ clientId: clientId('void'), type: 'record.void', at: now(), targetClientId: pay.clientId, reason: '付错人了' }]);
    expect(voided.status).toBe('stored');
    expect(await consignor(poorId)).toMatchObject({ balanceFen: 18_000, paidOutFen: 0 });
    const st = await statement(poorId);
    expect(st.entries.at(-1)).toMatchObject({ kind: 'payout', kindName: '结算付款', amountFen: -10_000, voided: true });
    expect(st.totals.balanceFen).toBe(18_000);
  });

  it('shows a site’s consignors to its readers only, a page at a time', async () => {
    const first = await ok('village', 'GET', `/stations/consignors?siteId=${POINT}&limit=1`);
    expect(first.items).toHaveLength(1);
    const rest = await ok('village', 'GET', `/stations/consignors?siteId=${POINT}&limit=100&cursor=${first.nextCursor}`);
    const ids = [...first.items, ...rest.items].map((c: { id: string }) => c.id);
    expect(rest.nextCursor).toBeNull();
    expect(new Set(ids).size).toBe(3);
    expect(ids).toEqual(expect.arrayContaining([poorId, otherId]));
    expect((await ok('regulator', 'GET', `/stations/consignors/${poorId}/statement`)).consignor.phoneMasked).toBeNull();
    expect((await call('merchant', 'GET', `/stations/consignors?siteId=${POINT}`)).statusCode).toBe(403);
    expect((await call('consumer', 'GET', `/stations/consignors/${poorId}/statement`)).statusCode).toBe(403);
  });

  it('voids an intake not listed yet, and refuses to void one already listed', async () => {
    const customer = { name: '王五' };
    const listed = await intake(customer, 1000, 7000);
    const kept = await intake(customer, 1000, 7000);
    await ok('village', 'POST', `/stations/consignments/${listed.id}/listing`, { skuId, units: 1 }, 201);
    const clientOf = async (recordId: string) => (await ok('village', 'GET', `/stations/records/${recordId}`)).clientId as string;
    const [refused] = await record([{ clientId: clientId('void'), type: 'record.void', at: now(), targetClientId: await clientOf(listed.id), reason: '称错了' }]);
    expect(refused).toMatchObject({ status: 'refused', code: 'ALREADY_LISTED' });
    const [voided] = await record([{ clientId: clientId('void'), type: 'record.void', at: now(), targetClientId: await clientOf(kept.id), reason: '称错了' }]);
    expect(voided.status).toBe('stored');
    const st = await statement(listed.customer!.id);
    expect(st.lots.map((l: { voided: boolean; listedG: number }) => [l.voided, l.listedG])).toEqual([
      [false, 500],
      [true, 0],
    ]);
    expect(st.consignor).toMatchObject({ lots: 1, receivedG: 1000, listedG: 500 });
  });
});
