import type { Kysely } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import { newShortNo } from './short-number.js';
import type { CampaignRow, CampaignStatus, OrderItemRow, OrderRow, OrdersTables, OrderStatus, PaymentRow, PaymentStatus } from './orders.tables.js';

/** The orders tables, or a transaction over them. */
export type OrdersDb = Kysely<OrdersTables>;

export interface OrderListFilter {
  buyerUserId?: string;
  pickupSiteId?: string;
  sellerIds?: string[];
  sellerId?: string;
  status?: OrderStatus;
  /** A whole short number, or its first digits. */
  shortNo?: { exact: string } | { prefix: string };
  /** Newest first: only orders with an id below this one. */
  beforeId?: string;
}

export interface CampaignListFilter {
  sellerIds: string[];
  status?: CampaignStatus;
  sellerId?: string;
  /** By deadline, then id: only campaigns after this one. */
  after?: { deadline: string; id: string };
}

/** Statuses of an order whose backing counts toward a presale's target. */
const BACKING_PAID: OrderStatus[] = ['paid', 'shipped', 'delivered', 'completed'];

const updatedOne = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows) === 1;

/**
 * Data access for orders, their lines and payments, presale campaigns and delivery fees (every `orders_` table).
 * Methods that take `db` run in the caller's transaction when given one; the services decide where transactions
 * begin and in what order rows are touched.
 */
export class OrdersRepository {
  /** Handed to other modules' ports that read in the same database (the catalogue's SKU lookup). */
  readonly db: OrdersDb;
  constructor(db: AnyKysely) {
    this.db = db as OrdersDb;
  }

  transaction<T>(work: (trx: OrdersDb) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  // Orders

  order(id: string, db: OrdersDb = this.db): Promise<OrderRow | undefined> {
    return db.selectFrom('orders_orders').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Lines of the orders, by line id. */
  items(orderIds: string[], db: OrdersDb = this.db): Promise<OrderItemRow[]> {
    return orderIds.length ? db.selectFrom('orders_items').selectAll().where('order_id', 'in', orderIds).orderBy('id').execute() : Promise.resolve([]);
  }

  async insertOrder(trx: OrdersDb, row: OrderRow, items: OrderItemRow[]): Promise<void> {
    await trx.insertInto('orders_orders').values(row).execute();
    await trx.insertInto('orders_items').values(items).execute();
  }

  /** A page of orders, newest first (one more than `limit`, to tell whether another page follows). */
  listOrders(filter: OrderListFilter, limit: number): Promise<OrderRow[]> {
    let q = this.db.selectFrom('orders_orders').selectAll();
    if (filter.pickupSiteId !== undefined) q = q.where('pickup_site_id', '=', filter.pickupSiteId);
    if (filter.sellerIds !== undefined) q = q.where('seller_id', 'in', filter.sellerIds);
    if (filter.buyerUserId !== undefined) q = q.where('buyer_user_id', '=', filter.buyerUserId);
    if (filter.sellerId) q = q.where('seller_id', '=', filter.sellerId);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.shortNo) q = 'exact' in filter.shortNo ? q.where('short_no', '=', filter.shortNo.exact) : q.where('short_no', 'like', `${filter.shortNo.prefix}%`);
    if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
    return q.orderBy('id', 'desc').limit(limit).execute();
  }

  /**
   * A short number no order has yet. Ten draws from nine million numbers; the unique index stops the rare race of two
   * checkouts drawing the same one at once (one of them fails and is retried by its buyer with the same key).
   */
  async freeShortNo(trx: OrdersDb): Promise<string> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const no = newShortNo();
      if (!(await trx.selectFrom('orders_orders').select('id').where('short_no', '=', no).executeTakeFirst())) return no;
    }
    throw new Error('No free short order number after 10 draws: widen short-number.ts');
  }

  /** Changes an order only if it is still in status `from`; false when someone else moved it first. */
  async updateOrderIf(trx: OrdersDb, id: string, from: OrderStatus, set: Partial<OrderRow>): Promise<boolean> {
    return updatedOne(await trx.updateTable('orders_orders').set(set).where('id', '=', id).where('status', '=', from).executeTakeFirst());
  }

  recipientOf(id: string) {
    return this.db.selectFrom('orders_orders').select(['buyer_user_id', 'ship_to']).where('id', '=', id).executeTakeFirst();
  }

  /** What a recall reads of many orders, 500 at a time. */
  async briefRows(orderIds: string[], db: OrdersDb = this.db) {
    const rows = [];
    for (let i = 0; i < orderIds.length; i += 500) {
      const chunk = await db
        .selectFrom('orders_orders')
        .select(['id', 'status', 'paid_at', 'shipped_at', 'delivered_at', 'buyer_user_id', 'ship_to', 'carrier', 'waybill_no'])
        .where('id', 'in', orderIds.slice(i, i + 500))
        .execute();
      rows.push(...chunk);
    }
    return rows;
  }

  /** The different accounts that bought these orders, 5000 orders at a time. */
  async buyersOf(orderIds: string[]): Promise<Set<string>> {
    const buyers = new Set<string>();
    for (let i = 0; i < orderIds.length; i += 5000) {
      const rows = await this.db.selectFrom('orders_orders').select('buyer_user_id').distinct().where('id', 'in', orderIds.slice(i, i + 5000)).execute();
      for (const r of rows) buyers.add(r.buyer_user_id);
    }
    return buyers;
  }

  /** Unpaid orders whose payment window closed before `now`, oldest expiry first. */
  overdueUnpaid(now: string, limit: number) {
    return this.db.selectFrom('orders_orders').select('id').where('status', '=', 'pending_payment').where('expires_at', '<', now).orderBy('expires_at').orderBy('id').limit(limit).execute();
  }

  /** Units of each SKU a buyer holds in cash-on-delivery orders not yet shipped (status confirmed). */
  async codUnitsHeld(db: OrdersDb, buyerUserId: string, skuIds: string[]): Promise<Map<string, number>> {
    const held = await db
      .selectFrom('orders_orders as o')
      .innerJoin('orders_items as i', 'i.order_id', 'o.id')
      .select('i.sku_id')
      .select((eb) => eb.fn.sum<number>('i.quantity').as('qty'))
      .where('o.buyer_user_id', '=', buyerUserId)
      .where('o.payment_method', '=', 'cod')
      .where('o.status', '=', 'confirmed')
      .where('i.sku_id', 'in', skuIds)
      .groupBy('i.sku_id')
      .execute();
    return new Map(held.map((r) => [r.sku_id, Number(r.qty)]));
  }

  // Payments

  /** Payments of the orders, oldest first. */
  payments(orderIds: string[], db: OrdersDb = this.db): Promise<PaymentRow[]> {
    return orderIds.length ? db.selectFrom('orders_payments').selectAll().where('order_id', 'in', orderIds).orderBy('created_at').orderBy('id').execute() : Promise.resolve([]);
  }

  async insertPayments(trx: OrdersDb, payments: PaymentRow[]): Promise<void> {
    await trx.insertInto('orders_payments').values(payments).execute();
  }

  paymentByProviderRef(providerRef: string): Promise<PaymentRow | undefined> {
    return this.db.selectFrom('orders_payments').selectAll().where('provider_ref', '=', providerRef).executeTakeFirst();
  }

  /** The provider's reference of an order's payment still awaited, if any. */
  async pendingProviderRef(orderId: string): Promise<string | null | undefined> {
    const pay = await this.db.selectFrom('orders_payments').select('provider_ref').where('order_id', '=', orderId).where('status', '=', 'pending').executeTakeFirst();
    return pay?.provider_ref;
  }

  /** Marks one payment succeeded only if it is still in status `from`; false when someone else took it first. */
  async settlePaymentIf(trx: OrdersDb, paymentId: string, from: PaymentStatus, settledAt: string): Promise<boolean> {
    return updatedOne(await trx.updateTable('orders_payments').set({ status: 'succeeded', settled_at: settledAt }).where('id', '=', paymentId).where('status', '=', from).executeTakeFirst());
  }

  async refundPayment(trx: OrdersDb, paymentId: string): Promise<void> {
    await trx.updateTable('orders_payments').set({ status: 'refunded' }).where('id', '=', paymentId).execute();
  }

  /** Moves every payment of an order in status `from` to `to` (pending → cancelled, succeeded → refunded). */
  async movePayments(trx: OrdersDb, orderId: string, from: PaymentStatus, to: PaymentStatus): Promise<void> {
    await trx.updateTable('orders_payments').set({ status: to }).where('order_id', '=', orderId).where('status', '=', from).execute();
  }

  // Delivery fees

  /** The fee set for a township code (or `parcel`), if any. */
  fee(townshipCode: string) {
    return this.db.selectFrom('orders_delivery_fees').select('fee_fen').where('township_code', '=', townshipCode).executeTakeFirst();
  }

  /** Fees by township code after `after` (one more than `limit`, to tell whether another page follows). */
  feesPage(after: string | undefined, limit: number) {
    let q = this.db.selectFrom('orders_delivery_fees').selectAll().orderBy('township_code').limit(limit);
    if (after) q = q.where('township_code', '>', after);
    return q.execute();
  }

  async replaceFees(trx: OrdersDb, fees: { townshipCode: string; feeFen: number }[]): Promise<void> {
    for (const fee of fees) {
      await trx.deleteFrom('orders_delivery_fees').where('township_code', '=', fee.townshipCode).execute();
      await trx.insertInto('orders_delivery_fees').values({ township_code: fee.townshipCode, fee_fen: fee.feeFen }).execute();
    }
  }

  // Presale campaigns

  campaign(id: string, db: OrdersDb = this.db): Promise<CampaignRow | undefined> {
    return db.selectFrom('orders_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The campaign an order backs; it always exists (an order keeps the id of the campaign it was placed for). */
  campaignOfOrder(campaignId: string, db: OrdersDb = this.db): Promise<CampaignRow> {
    return db.selectFrom('orders_campaigns').selectAll().where('id', '=', campaignId).executeTakeFirstOrThrow();
  }

  async insertCampaign(trx: OrdersDb, row: CampaignRow): Promise<void> {
    await trx.insertInto('orders_campaigns').values(row).execute();
  }

  /** A page of campaigns by deadline, then id (one more than `limit`, to tell whether another page follows). */
  listCampaigns(filter: CampaignListFilter, limit: number): Promise<CampaignRow[]> {
    let q = this.db.selectFrom('orders_campaigns').selectAll().where('seller_id', 'in', filter.sellerIds).orderBy('deadline').orderBy('id').limit(limit);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.sellerId) q = q.where('seller_id', '=', filter.sellerId);
    const after = filter.after;
    if (after) q = q.where((eb) => eb.or([eb('deadline', '>', after.deadline), eb.and([eb('deadline', '=', after.deadline), eb('id', '>', after.id)])]));
    return q.execute();
  }

  /** Units backed by paid orders of each campaign (what counts toward its target). */
  async backedUnits(campaignIds: string[]): Promise<Map<string, number>> {
    if (campaignIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('orders_orders as o')
      .innerJoin('orders_items as i', 'i.order_id', 'o.id')
      .select(['o.campaign_id'])
      .select((eb) => eb.fn.sum<number>('i.quantity').as('qty'))
      .where('o.campaign_id', 'in', campaignIds)
      .where('o.status', 'in', BACKING_PAID)
      .groupBy('o.campaign_id')
      .execute();
    return new Map(rows.map((r) => [r.campaign_id!, Number(r.qty)]));
  }

  /** Open campaigns whose deadline has come. */
  dueCampaigns(now: string): Promise<CampaignRow[]> {
    return this.db.selectFrom('orders_campaigns').selectAll().where('status', '=', 'open').where('deadline', '<=', now).execute();
  }

  /** Stores a campaign's outcome only if it is still open; false when another run decided it first. */
  async decideCampaignIf(trx: OrdersDb, id: string, outcome: 'succeeded' | 'failed'): Promise<boolean> {
    return updatedOne(await trx.updateTable('orders_campaigns').set({ status: outcome }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst());
  }

  /** Decided campaigns whose backings are not all closed yet, soonest deadline first. */
  unsettledCampaigns(): Promise<CampaignRow[]> {
    return this.db.selectFrom('orders_campaigns').selectAll().where('settled_at', 'is', null).where('status', 'in', ['succeeded', 'failed']).orderBy('deadline').execute();
  }

  /** Ids of a campaign's orders in one of `statuses`, by id. */
  campaignOrderIds(campaignId: string, statuses: OrderStatus[], limit: number) {
    return this.db.selectFrom('orders_orders').select('id').where('campaign_id', '=', campaignId).where('status', 'in', statuses).orderBy('id').limit(limit).execute();
  }

  async markCampaignSettled(id: string, settledAt: string): Promise<void> {
    await this.db.updateTable('orders_campaigns').set({ settled_at: settledAt }).where('id', '=', id).where('settled_at', 'is', null).execute();
  }
}
