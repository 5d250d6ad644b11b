import { Type, type Static } from 'typebox';
import { StringEnum } from '../../../kernel/http/schema.js';
import { PARCEL_STATUS_LABELS, type LinkedParcel } from '../services.ports.js';
import type { RecordRow } from '../stations.tables.js';
import { PLATFORM_LABELS, PROXY_BUY_PLATFORMS, type ProxyBuyRow, type ServicesDb } from '../services.tables.js';
import { CustomerFields, refusal, yuan, type AnyRecordHandler, type RecordHandler, type StationsTrx } from './types.js';

/**
 * 代买 — buying for a villager: request (item, budget, deposit) → ordered (platform, order number, cost) → parcel
 * (waybill; linked to the logistics parcel when logistics knows it, read when listed) → handover (fee, collected) or
 * cancel (refund ≤ deposit). Steps name the request by its clientId (`proxyBuyClientId`), so a chain made offline
 * syncs in one batch. Steps out of order are taken where harmless (a parcel before the order), nothing after the
 * handover or cancel, and no handover before the order (PROXY_BUY_NOT_ORDERED). It counts as the service 代买 at its
 * hand-over (amount = the order's cost, fee = the service fee, for the request's villager); the request only takes
 * the deposit, and a cancelled one is never counted.
 */

const Fen = (description: string, max = 100_000_000) => Type.Integer({ minimum: 0, maximum: max, description });
const ClientRef = Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: 'the clientId of the proxy_buy.request' });

export const ProxyBuyRequestSchema = Type.Object({
  ...CustomerFields,
  item: Type.String({ minLength: 1, maxLength: 100, description: 'what the villager wants (化肥 2 袋, 儿童羽绒服 130 码)' }),
  quantityText: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  budgetFen: Type.Optional(Fen('what the villager means to spend at most')),
  depositFen: Fen('taken now, in cash'),
});
export const ProxyBuyOrderedSchema = Type.Object({
  proxyBuyClientId: ClientRef,
  platform: StringEnum(PROXY_BUY_PLATFORMS),
  platformName: Type.Optional(Type.String({ minLength: 1, maxLength: 30, description: 'the platform’s name when `other`' })),
  externalOrderNo: Type.String({ minLength: 1, maxLength: 64 }),
  costFen: Fen('what the order cost'),
});
export const ProxyBuyParcelSchema = Type.Object({
  proxyBuyClientId: ClientRef,
  waybillNo: Type.String({ minLength: 4, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' }),
  carrier: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
});
export const ProxyBuyHandoverSchema = Type.Object({
  proxyBuyClientId: ClientRef,
  feeFen: Fen('the service fee'),
  collectedFen: Fen('taken now, in cash (what is left of cost and fee after the deposit)'),
});
export const ProxyBuyCancelSchema = Type.Object({
  proxyBuyClientId: ClientRef,
  refundFen: Fen('handed back from the deposit'),
  reason: Type.String({ minLength: 2, maxLength: 200 }),
});

type RequestInput = Static<typeof ProxyBuyRequestSchema>;
type OrderedInput = Static<typeof ProxyBuyOrderedSchema>;
type ParcelInput = Static<typeof ProxyBuyParcelSchema>;
type HandoverInput = Static<typeof ProxyBuyHandoverSchema>;
type CancelInput = Static<typeof ProxyBuyCancelSchema>;

const db = (trx: StationsTrx) => trx as unknown as ServicesDb;

/** The open proxy buy a step refers to, or a refusal: unknown, voided, handed over or cancelled. */
async function openProxyBuy(trx: StationsTrx, siteId: string, clientId: string): Promise<ProxyBuyRow> {
  const row = await db(trx).selectFrom('stations_proxy_buys').selectAll().where('site_id', '=', siteId).where('client_id', '=', clientId).executeTakeFirst();
  if (!row || row.status === 'voided') throw refusal('UNKNOWN_REFERENCE', '找不到这笔代买登记', { field: 'proxyBuyClientId' });
  if (row.status === 'done') throw refusal('ALREADY_HANDED_OVER', `代买「${row.item}」已交货`, { proxyBuyId: row.id });
  if (row.status === 'cancelled') throw refusal('ALREADY_CANCELLED', `代买「${row.item}」已取消`, { proxyBuyId: row.id });
  return row;
}

/** Applies a step's change while the proxy buy is still open; another process that closed it first wins (refused here). */
async function changeOpen(trx: StationsTrx, row: ProxyBuyRow, change: Partial<ProxyBuyRow>): Promise<void> {
  const result = await db(trx).updateTable('stations_proxy_buys').set(change).where('id', '=', row.id).where('status', '=', 'open').executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    // Says why: handed over, cancelled or voided meanwhile.
    await openProxyBuy(trx, row.site_id, row.client_id);
    throw refusal('UNKNOWN_REFERENCE', '找不到这笔代买登记', { field: 'proxyBuyClientId' });
  }
}

const platformName = (row: Pick<ProxyBuyRow, 'platform' | 'platform_name'>) => (row.platform === 'other' && row.platform_name ? row.platform_name : row.platform ? PLATFORM_LABELS[row.platform] : null);

export const proxyBuyRequest: RecordHandler<RequestInput> = {
  type: 'proxy_buy.request',
  schema: ProxyBuyRequestSchema,
  /** Counted at its hand-over (proxy_buy.handover), not here: the deposit is not what was bought. */
  service: null,
  needsCustomer: true,
  async apply(trx, c, input) {
    const now = c.clock.now().toISOString();
    await db(trx)
      .insertInto('stations_proxy_buys')
      .values({
        id: c.recordId,
        site_id: c.site.id,
        township_code: c.site.townshipCode,
        village_code: c.site.villageCode,
        client_id: c.clientId,
        day: c.day,
        requested_at: c.at,
        customer_id: c.customer?.id ?? null,
        item: input.item,
        quantity_text: input.quantityText ?? null,
        budget_fen: input.budgetFen ?? null,
        deposit_fen: input.depositFen,
        status: 'open',
        platform: null,
        platform_name: null,
        external_order_no: null,
        cost_fen: null,
        ordered_at: null,
        ordered_record_id: null,
        waybill_no: null,
        carrier: null,
        parcel_id: null,
        parcel_at: null,
        parcel_record_id: null,
        fee_fen: null,
        collected_fen: null,
        handed_over_at: null,
        refund_fen: null,
        cancel_reason: null,
        cancelled_at: null,
        closed_record_id: null,
        updated_at: now,
      })
      .execute();
    const what = input.quantityText ? `${input.item} ${input.quantityText}` : input.item;
    return {
      amountFen: input.depositFen,
      feeFen: 0,
      cashInFen: input.depositFen,
      cashOutFen: 0,
      details: { item: input.item, quantityText: input.quantityText ?? null, budgetFen: input.budgetFen ?? null, depositFen: input.depositFen },
      summary: `代买 · ${what} · 定金 ${yuan(input.depositFen)}`,
    };
  },
  async onVoid(trx, _c, target) {
    const row = await db(trx).selectFrom('stations_proxy_buys').selectAll().where('id', '=', target.id).executeTakeFirst();
    if (!row) return;
    if (row.status === 'done' || row.status === 'cancelled') throw refusal('PROXY_BUY_CLOSED', `代买「${row.item}」已${row.status === 'done' ? '交货' : '取消'}，请先撤销那条记录`, { proxyBuyId: row.id });
    await db(trx).updateTable('stations_proxy_buys').set({ status: 'voided', updated_at: _c.clock.now().toISOString() }).where('id', '=', row.id).execute();
  },
};

export const proxyBuyOrdered: RecordHandler<OrderedInput> = {
  type: 'proxy_buy.ordered',
  schema: ProxyBuyOrderedSchema,
  service: null,
  async apply(trx, c, input) {
    const row = await openProxyBuy(trx, c.site.id, input.proxyBuyClientId);
    const change = { platform: input.platform, platform_name: input.platform === 'other' ? (input.platformName ?? null) : null, external_order_no: input.externalOrderNo, cost_fen: input.costFen, ordered_at: c.at, ordered_record_id: c.recordId, updated_at: c.clock.now().toISOString() };
    await changeOpen(trx, row, change);
    const name = platformName(change) ?? '';
    return {
      amountFen: input.costFen,
      feeFen: 0,
      cashInFen: 0,
      cashOutFen: 0,
      details: { proxyBuyId: row.id, item: row.item, platform: input.platform, platformName: name, externalOrderNo: input.externalOrderNo, costFen: input.costFen },
      summary: `代买下单 · ${row.item} · ${name} · 订单 ${input.externalOrderNo} · ${yuan(input.costFen)}`,
    };
  },
  async onVoid(trx, c, target) {
    await db(trx)
      .updateTable('stations_proxy_buys')
      .set({ platform: null, platform_name: null, external_order_no: null, cost_fen: null, ordered_at: null, ordered_record_id: null, updated_at: c.clock.now().toISOString() })
      .where('ordered_record_id', '=', target.id)
      .execute();
  },
};

export const proxyBuyParcel: RecordHandler<ParcelInput> = {
  type: 'proxy_buy.parcel',
  schema: ProxyBuyParcelSchema,
  service: null,
  /** The logistics parcel of this waybill, when logistics knows it (read before the transaction). */
  async prepare(c, input) {
    const [parcel] = await c.ports.parcels.byWaybill([input.waybillNo]);
    return parcel ?? null;
  },
  async apply(trx, c, input) {
    const row = await openProxyBuy(trx, c.site.id, input.proxyBuyClientId);
    const parcel = c.prepared as LinkedParcel | null;
    await changeOpen(trx, row, { waybill_no: input.waybillNo, carrier: input.carrier ?? parcel?.carrier ?? null, parcel_id: parcel?.parcelId ?? null, parcel_at: c.at, parcel_record_id: c.recordId, updated_at: c.clock.now().toISOString() });
    return {
      amountFen: 0,
      feeFen: 0,
      cashInFen: 0,
      cashOutFen: 0,
      details: { proxyBuyId: row.id, item: row.item, waybillNo: input.waybillNo, carrier: input.carrier ?? parcel?.carrier ?? null, parcelId: parcel?.parcelId ?? null, parcelStatus: parcel?.status ?? null, parcelStatusName: parcel ? (PARCEL_STATUS_LABELS[parcel.status] ?? parcel.status) : null },
      summary: `代买到件 · ${row.item} · 运单 ${input.waybillNo}`,
    };
  },
  async onVoid(trx, c, target) {
    await db(trx)
      .updateTable('stations_proxy_buys')
      .set({ waybill_no: null, carrier: null, parcel_id: null, parcel_at: null, parcel_record_id: null, updated_at: c.clock.now().toISOString() })
      .where('parcel_record_id', '=', target.id)
      .execute();
  },
};

export const proxyBuyHandover: RecordHandler<HandoverInput> = {
  type: 'proxy_buy.handover',
  schema: ProxyBuyHandoverSchema,
  /** 代买 counts here: the goods' value (the order's cost) and the service fee. */
  service: 'proxy_buy',
  async apply(trx, c, input) {
    const row = await openProxyBuy(trx, c.site.id, input.proxyBuyClientId);
    // Without its order the goods' value is unknown: handed over, it would count at ¥0 for good.
    if (row.ordered_record_id === null) throw refusal('PROXY_BUY_NOT_ORDERED', `代买「${row.item}」尚未下单，不能交付`, { proxyBuyId: row.id });
    const request = await c.clientRef('proxy_buy.request', input.proxyBuyClientId);
    await changeOpen(trx, row, { status: 'done', fee_fen: input.feeFen, collected_fen: input.collectedFen, handed_over_at: c.at, closed_record_id: c.recordId, updated_at: c.clock.now().toISOString() });
    return {
      amountFen: row.cost_fen ?? 0, // set with ordered_record_id
      feeFen: input.feeFen,
      cashInFen: input.collectedFen,
      cashOutFen: 0,
      details: { proxyBuyId: row.id, item: row.item, depositFen: row.deposit_fen, costFen: row.cost_fen, feeFen: input.feeFen, collectedFen: input.collectedFen },
      summary: `代买交货 · ${row.item} · 收 ${yuan(input.collectedFen)}（服务费 ${yuan(input.feeFen)}）`,
      // The service is the request's villager's.
      customer: row.customer_id ? { id: row.customer_id, poor: request?.poor === 1 } : null,
    };
  },
  onVoid: reopen,
};

export const proxyBuyCancel: RecordHandler<CancelInput> = {
  type: 'proxy_buy.cancel',
  schema: ProxyBuyCancelSchema,
  service: null,
  async apply(trx, c, input) {
    const row = await openProxyBuy(trx, c.site.id, input.proxyBuyClientId);
    if (input.refundFen > row.deposit_fen) throw refusal('REFUND_EXCEEDS_DEPOSIT', `退款不能超过定金 ${yuan(row.deposit_fen)}`, { field: 'refundFen', depositFen: row.deposit_fen });
    await changeOpen(trx, row, { status: 'cancelled', refund_fen: input.refundFen, cancel_reason: input.reason, cancelled_at: c.at, closed_record_id: c.recordId, updated_at: c.clock.now().toISOString() });
    return {
      amountFen: input.refundFen,
      feeFen: 0,
      cashInFen: 0,
      cashOutFen: input.refundFen,
      details: { proxyBuyId: row.id, item: row.item, depositFen: row.deposit_fen, refundFen: input.refundFen, reason: input.reason },
      summary: `代买取消 · ${row.item} · 退 ${yuan(input.refundFen)}`,
    };
  },
  onVoid: reopen,
};

/** A voided handover or cancel opens its proxy buy again. */
async function reopen(trx: StationsTrx, c: { clock: { now(): Date } }, target: RecordRow): Promise<void> {
  await db(trx)
    .updateTable('stations_proxy_buys')
    .set({ status: 'open', fee_fen: null, collected_fen: null, handed_over_at: null, refund_fen: null, cancel_reason: null, cancelled_at: null, closed_record_id: null, updated_at: c.clock.now().toISOString() })
    .where('closed_record_id', '=', target.id)
    .execute();
}

export const PROXY_BUY_HANDLERS: AnyRecordHandler[] = [proxyBuyRequest, proxyBuyOrdered, proxyBuyParcel, proxyBuyHandover, proxyBuyCancel];
