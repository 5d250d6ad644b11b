import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import { hasRole, requireRole, signedIn, type RequestContext } from '../../kernel/context.js';
import { recordAudit } from '../../kernel/audit.js';
import type { AnyKysely } from '../../kernel/db.js';
import { AppError, forbidden, invalidField, notFound } from '../../kernel/errors.js';
import { decodeCursor, toPage } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import { maskPhone } from '../../kernel/mask.js';
import { checkCodLimit } from './cod-limit.js';
import { cashDeadline, describeHours, parseOpeningHours } from './opening-hours.js';
import { isShortNo, shortNoDigits } from './short-number.js';
import type { CheckoutInput, OrderView } from './orders.schema.js';
import type { OrderListFilter, OrdersDb, OrdersRepository } from './orders.repository.js';
import type { OrderItemRow, OrderRow, OrderStatus, PaymentRow } from './orders.tables.js';
import type { PaymentCallback, PaymentProvider } from './payments.js';
import type { OrderBrief, OrdersDirectory, PickupPoint, ReservedLine, SaleHooks, StockKeeper } from './ports.js';

/** How an order is placed beyond its cart: the point that takes its cash, and whether the point placed it for a walk-in villager. */
export interface PlaceOptions {
  pickup: PickupPoint | null;
  walkIn?: boolean;
}

interface Placed {
  row: OrderRow;
  items: OrderItemRow[];
  payments: PaymentRow[];
  payUrl?: string;
}

/** What may still be cancelled: nothing has left the seller yet. */
const CANCELLABLE: OrderStatus[] = ['pending_payment', 'confirmed', 'paid'];

const SYSTEM: RequestContext = { principal: null, ip: '127.0.0.1', requestId: 'system' };

/** How long an unpaid order paid online holds its stock (cash at a village point waits for the point's hours). */
export const PAYMENT_WINDOW_MS = 30 * 60_000;
const DEFAULT_PARCEL_FEE_FEN = 1000;

/**
 * What `?q=` asks for: a whole short number (its check digit right: a typo is told, not answered with nothing) or its
 * first 4 to 7 digits; spaces and dashes as people write it are ignored.
 */
function shortNoQuery(q: string): { exact: string } | { prefix: string } {
  const digits = shortNoDigits(q);
  if (!/^\d{4,8}$/.test(digits)) throw invalidField('querystring.q', 'an order number: 8 digits (or its first 4 or more)');
  if (digits.length < 8) return { prefix: digits };
  if (!isShortNo(digits)) throw new AppError(400, 'ORDER_NO_INVALID', 'querystring.q: no order has this number; a digit is wrong', { field: 'querystring.q' });
  return { exact: digits };
}

/** The lines that hold stock (a presale line waits for its harvest and holds none), in SKU order as checkout locks them. */
const stocked = (items: OrderItemRow[]) =>
  items.flatMap((i) => (i.location === 'presale' ? [] : [{ skuId: i.sku_id, location: i.location, quantity: i.quantity }])).sort((a, b) => a.skuId.localeCompare(b.skuId));
const committedOrder = (orderId: string, items: OrderItemRow[]) => ({ orderId, lines: stocked(items).map(({ skuId, quantity }) => ({ skuId, quantity })) });

/** Cart, checkout and the life of an order: payment, shipping, delivery, completion, cancellation and refund. */
export class OrdersService {
  constructor(
    private readonly repo: OrdersRepository,
    private readonly stock: StockKeeper,
    private readonly hooks: SaleHooks,
    private readonly directory: OrdersDirectory,
    /** The online payment provider; null when there is none (outside a demo): online checkouts are refused. */
    readonly payments: PaymentProvider | null,
    private readonly clock: Clock,
  ) {}

  private view(row: OrderRow, items: OrderItemRow[], payments: PaymentRow[], ctx: RequestContext | null, payUrl?: string): OrderView {
    const shipTo = JSON.parse(row.ship_to);
    const buyer = ctx?.principal?.userId === row.buyer_user_id;
    // A walk-in villager's phone is theirs, the point's that took it, and the county's.
    const walkInKeeper = row.walk_in === 1 && !!ctx && (hasRole(ctx, 'county_admin') || (ctx.principal?.scope.kind === 'site' && ctx.principal.scope.id === row.pickup_site_id));
    return {
      id: row.id,
      shortNo: row.short_no,
      walkIn: row.walk_in === 1,
      buyerUserId: row.buyer_user_id,
      sellerId: row.seller_id,
      status: row.status,
      paymentMethod: row.payment_method,
      delivery: row.delivery,
      shipTo: { ...shipTo, phone: buyer || walkInKeeper ? shipTo.phone : maskPhone(shipTo.phone) },
      pickupSiteId: row.pickup_site_id,
      cashWindow: row.pickup_hours ? { hours: row.pickup_hours, assumed: row.pickup_hours_assumed === 1 } : null,
      items: items.map((i) => ({ skuId: i.sku_id, productId: i.product_id, productName: i.product_name, spec: i.spec, unitPriceFen: i.unit_price_fen, quantity: i.quantity, lineFen: i.line_fen })),
      itemsFen: row.items_fen,
      deliveryFeeFen: row.delivery_fee_fen,
      totalFen: row.total_fen,
      expiresAt: row.expires_at,
      paidAt: row.paid_at,
      shippedAt: row.shipped_at,
      carrier: row.carrier,
      waybillNo: row.waybill_no,
      deliveredAt: row.delivered_at,
      completedAt: row.completed_at,
      cancelledAt: row.cancelled_at,
      cancelReason: row.cancel_reason,
      returnReason: row.return_reason,
      payments: payments.map((p) => ({ method: p.method, status: p.status, amountFen: p.amount_fen, createdAt: p.created_at, settledAt: p.settled_at })),
      ...(payUrl && { payUrl }),
      createdAt: row.created_at,
    };
  }

  private async deliveryFee(delivery: CheckoutInput['delivery'], divisionCode: string): Promise<number> {
    const key = delivery === 'parcel' ? 'parcel' : divisionCode.slice(0, 9);
    const row = await this.repo.fee(key);
    if (delivery === 'parcel') return row?.fee_fen ?? DEFAULT_PARCEL_FEE_FEN;
    if (!row || divisionCode.length < 9) throw invalidField('body.shipTo.divisionCode', 'same-town delivery is offered within a township that has a fee set; choose parcel');
    return row.fee_fen;
  }

  /**
   * Places the orders of a cart, one per seller, in one transaction: prices come from the catalogue and the
   * stock of every line is reserved, or nothing is stored at all.
   */
  async checkout(ctx: RequestContext, input: CheckoutInput): Promise<OrderView[]> {
    signedIn(ctx);
    const pickup = await this.checkPickup(input);
    const fee = await this.deliveryFee(input.delivery, input.shipTo.divisionCode);
    return this.placeCart(ctx, input, fee, { pickup });
  }

  /**
   * Places a cart's orders, one per seller, in one transaction (stock reserved, or nothing stored); `each` runs in the
   * same transaction for every order placed (a walk-in villager's text).
   */
  async placeCart(ctx: RequestContext, input: CheckoutInput, fee: number, options: PlaceOptions, each?: (trx: OrdersDb, placed: Placed) => Promise<void>): Promise<OrderView[]> {
    const created: Placed[] = [];
    await this.repo.transaction(async (trx) => {
      if (input.paymentMethod === 'cod') checkCodLimit(await this.repo.codUnitsHeld(trx, signedIn(ctx).userId, [...new Set(input.items.map((i) => i.skuId))]), input.items);
      const lines = await this.stock.reserve(trx, input.items);
      const bySeller = new Map<string, ReservedLine[]>();
      for (const line of lines) bySeller.set(line.sellerId, [...(bySeller.get(line.sellerId) ?? []), line]);
      for (const [sellerId, sellerLines] of bySeller) {
        const placed = await this.place(trx, ctx, sellerId, sellerLines, input, fee, null, options);
        await each?.(trx, placed);
        created.push(placed);
      }
    });
    return created.map((c) => this.view(c.row, c.items, c.payments, ctx, c.payUrl));
  }

  /** Checks what paying in cash at a village point needs, and answers the point; shared by checkout and presale. */
  async checkPickup(input: Pick<CheckoutInput, 'paymentMethod' | 'pickupSiteId'>): Promise<PickupPoint | null> {
    if (input.paymentMethod === 'online' && !this.payments) {
      throw new AppError(409, 'PAYMENT_UNAVAILABLE', 'body.paymentMethod: online payment is not offered by this deployment; pay in cash at a village point or on delivery', { field: 'body.paymentMethod' });
    }
    if (input.paymentMethod !== 'village_cash') return null;
    if (!input.pickupSiteId) throw invalidField('body.pickupSiteId', 'cash at a village point needs the village point');
    const point = await this.directory.pickupPoint(input.pickupSiteId);
    if (!point) throw invalidField('body.pickupSiteId', 'is not an operating village point');
    return point;
  }

  feeFor(input: Pick<CheckoutInput, 'delivery' | 'shipTo'>): Promise<number> {
    return this.deliveryFee(input.delivery, input.shipTo.divisionCode);
  }

  /** Stores one order of one seller inside the caller's transaction, starting its online payment if any. */
  async place(trx: OrdersDb, ctx: RequestContext, sellerId: string, lines: (Omit<ReservedLine, 'location'> & { location: OrderItemRow['location'] })[], input: Omit<CheckoutInput, 'items'>, fee: number, campaignId: string | null, options: PlaceOptions): Promise<Placed> {
    const now = this.clock.now();
    // Cash at a village point waits for the point's hours (until it closes on the next opening day); online, 30 minutes.
    const hours = input.paymentMethod === 'village_cash' && options.pickup ? parseOpeningHours(options.pickup.openingHours) : null;
    const id = newId('ord', now.getTime());
    const items: OrderItemRow[] = lines.map((l) => ({ id: newId('oit'), order_id: id, sku_id: l.skuId, product_id: l.productId, product_name: l.productName, spec: l.spec, unit_price_fen: l.unitPriceFen, quantity: l.quantity, line_fen: l.unitPriceFen * l.quantity, location: l.location }));
    const itemsFen = items.reduce((n, i) => n + i.line_fen, 0);
    const prepaid = input.paymentMethod !== 'cod';
    const row: OrderRow = {
      id,
      buyer_user_id: signedIn(ctx).userId,
      seller_id: sellerId,
      status: prepaid ? 'pending_payment' : 'confirmed',
      payment_method: input.paymentMethod,
      delivery: input.delivery,
      ship_to: JSON.stringify(input.shipTo),
      pickup_site_id: input.paymentMethod === 'village_cash' ? input.pickupSiteId! : null,
      items_fen: itemsFen,
      delivery_fee_fen: fee,
      total_fen: itemsFen + fee,
      expires_at: hours ? cashDeadline(now, hours).toISOString() : prepaid ? new Date(now.getTime() + PAYMENT_WINDOW_MS).toISOString() : null,
      paid_at: null, shipped_at: null, carrier: null, waybill_no: null, delivered_at: null, completed_at: null, cancelled_at: null, cancel_reason: null, return_reason: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      is_demo: 0,
      campaign_id: campaignId,
      short_no: await this.repo.freeShortNo(trx),
      walk_in: options.walkIn ? 1 : 0,
      pickup_hours: hours ? describeHours(hours) : null,
      pickup_hours_assumed: hours?.assumed ? 1 : 0,
    };
    await this.repo.insertOrder(trx, row, items);
    // The reserved units are taken from their traced batches now, paid or not, so a recall reaches this order.
    if (stocked(items).length) await this.hooks.committed(trx, committedOrder(id, items));
    let payUrl: string | undefined;
    const payments: PaymentRow[] = [];
    if (input.paymentMethod === 'online') {
      if (!this.payments) throw new AppError(409, 'PAYMENT_UNAVAILABLE', 'body.paymentMethod: online payment is not offered here', { field: 'body.paymentMethod' });
      const started = this.payments.start(id, row.total_fen);
      payUrl = started.payUrl;
      payments.push({ id: newId('pay'), order_id: id, method: 'online', provider_ref: started.providerRef, amount_fen: row.total_fen, status: 'pending', recorded_by: null, created_at: now.toISOString(), settled_at: null });
      await this.repo.insertPayments(trx, payments);
    }
    await recordAudit(trx, ctx, { action: options.walkIn ? 'order.placed_for_walk_in' : 'order.placed', entityType: 'order', entityId: id, details: { orderNo: row.short_no, sellerId, totalFen: row.total_fen, paymentMethod: row.payment_method, campaignId, expiresAt: row.expires_at } });
    return { row, items, payments, payUrl };
  }

  viewOf(placed: Placed, ctx: RequestContext): OrderView {
    return this.view(placed.row, placed.items, placed.payments, ctx, placed.payUrl);
  }

  private async load(id: string, db?: OrdersDb) {
    const row = await this.repo.order(id, db);
    if (!row) throw notFound('Order');
    const items = await this.repo.items([id], db);
    return { row, items, payments: await this.repo.payments([id], db) };
  }

  /** Who may see an order: its buyer, its seller's accounts, the county office, regulators, the collecting point. */
  private async checkSees(ctx: RequestContext, row: OrderRow): Promise<void> {
    const principal = signedIn(ctx);
    if (row.buyer_user_id === principal.userId || hasRole(ctx, 'county_admin', 'regulator')) return;
    if (row.pickup_site_id && principal.scope.kind === 'site' && principal.scope.id === row.pickup_site_id) return;
    if ((await this.directory.managedBy(principal.userId)).includes(row.seller_id)) return;
    throw notFound('Order');
  }

  async get(ctx: RequestContext, id: string): Promise<OrderView> {
    const { row, items, payments } = await this.load(id);
    await this.checkSees(ctx, row);
    const payUrl = row.status === 'pending_payment' && row.payment_method === 'online' ? await this.payUrlOf(row) : undefined;
    return this.view(row, items, payments, ctx, payUrl);
  }

  private async payUrlOf(row: OrderRow): Promise<string | undefined> {
    const providerRef = await this.repo.pendingProviderRef(row.id);
    return providerRef && this.payments ? `/api/v1/payments/local/${providerRef}/pay?order=${row.id}` : undefined;
  }

  async list(ctx: RequestContext, filter: { as?: 'buyer' | 'seller' | 'pickup' | 'county'; status?: OrderStatus; sellerId?: string; q?: string }, limit: number, cursor?: string) {
    const principal = signedIn(ctx);
    const where: OrderListFilter = { sellerId: filter.sellerId, status: filter.status, shortNo: filter.q === undefined ? undefined : shortNoQuery(filter.q) };
    if (filter.as === 'pickup') {
      if (principal.scope.kind !== 'site') throw forbidden('Only a village point lists the orders it collects cash for');
      where.pickupSiteId = principal.scope.id;
    } else if (filter.as === 'county') {
      requireRole(ctx, 'county_admin', 'regulator');
    } else if (filter.as === 'seller') {
      const mine = await this.directory.managedBy(principal.userId);
      if (filter.sellerId && !mine.includes(filter.sellerId)) throw forbidden('You do not manage this seller');
      where.sellerIds = mine.length ? mine : [''];
    } else {
      where.buyerUserId = principal.userId;
    }
    where.beforeId = decodeCursor(cursor);
    const rows = await this.repo.listOrders(where, limit + 1);
    const page = toPage(rows, limit, (r) => r.id);
    const ids = page.items.map((r) => r.id);
    const items = await this.repo.items(ids);
    const payments = await this.repo.payments(ids);
    return { items: page.items.map((r) => this.view(r, items.filter((i) => i.order_id === r.id), payments.filter((p) => p.order_id === r.id), ctx)), nextCursor: page.nextCursor };
  }

  /**
   * Moves an order from one of `from` to `to` in a transaction, guarded by its current status so that two
   * actors never both act; `work` does the rest of the change inside the same transaction.
   */
  private async move(ctx: RequestContext | null, id: string, from: OrderStatus[], to: OrderStatus, set: Partial<OrderRow>, action: string, work?: (trx: OrdersDb, row: OrderRow, items: OrderItemRow[]) => Promise<void>) {
    const now = this.clock.now().toISOString();
    return this.repo.transaction(async (trx) => {
      const { row, items } = await this.load(id, trx);
      if (!from.includes(row.status)) throw new AppError(409, 'ORDER_STATUS_CONFLICT', `The order is ${row.status}; this needs it to be ${from.join(' or ')}`, { status: row.status });
      if (!(await this.repo.updateOrderIf(trx, id, row.status, { ...set, status: to, updated_at: now }))) throw new AppError(409, 'ORDER_STATUS_CONFLICT', 'The order changed meanwhile; reload');
      const next = { ...row, ...set, status: to, updated_at: now };
      await work?.(trx, next, items);
      await recordAudit(trx, ctx ?? SYSTEM, { action, entityType: 'order', entityId: id, details: { orderNo: row.short_no, from: row.status, to, ...set } });
      return { row: next, items, payments: await this.repo.payments([id], trx) };
    });
  }

  /**
   * Why an order may not take money or leave now, or null: an unpaid order of a seller that may no longer sell
   * (suspended since checkout or backing), a presale backing once its presale has closed, or an order holding
   * units of a recalled batch. Read inside the order's transaction, after its row is locked.
   */
  private async refusal(trx: OrdersDb, row: OrderRow): Promise<AppError | null> {
    if (row.status === 'pending_payment' && !(await this.directory.sellingSellers(trx)).has(row.seller_id)) {
      return new AppError(409, 'NOT_ON_SALE', 'The seller of this order may not sell now (suspended); it cannot be paid');
    }
    if (row.campaign_id && row.status === 'pending_payment') {
      const campaign = await this.repo.campaignOfOrder(row.campaign_id, trx);
      if (campaign.status !== 'open' || campaign.deadline <= this.clock.now().toISOString()) return new AppError(409, 'CAMPAIGN_CLOSED', 'This presale has closed; the backing can no longer be paid');
    }
    if (await this.hooks.recalled(trx, row.id)) return new AppError(409, 'ORDER_RECALLED', 'This order holds produce of a recalled batch: it is cancelled (and refunded if paid), never paid or shipped');
    return null;
  }

  /** What cancelling an unshipped order does inside its transaction: stock and traced units back, money back. */
  private async unwind(trx: OrdersDb, id: string, items: OrderItemRow[], wasPaid: boolean): Promise<void> {
    await this.stock.release(trx, stocked(items));
    await this.hooks.released(trx, id);
    // A payment asked of the provider and never made ends cancelled; money taken goes back.
    await this.repo.movePayments(trx, id, 'pending', 'cancelled');
    if (wasPaid) await this.refundAll(trx, id);
  }

  /** Every payment that went through goes back, and the refund is announced with its amount. */
  private async refundAll(trx: OrdersDb, id: string): Promise<void> {
    const amountFen = (await this.repo.payments([id], trx)).filter((p) => p.status === 'succeeded').reduce((sum, p) => sum + p.amount_fen, 0);
    await this.repo.movePayments(trx, id, 'succeeded', 'refunded');
    await this.hooks.refunded(trx, { orderId: id, refundedAt: this.clock.now().toISOString(), amountFen });
  }

  private async markPaid(trx: OrdersDb, row: OrderRow, items: OrderItemRow[]): Promise<void> {
    await this.hooks.paid(trx, {
      orderId: row.id,
      sellerId: row.seller_id,
      paidAt: row.paid_at!,
      lines: items.map((i) => ({ productId: i.product_id, quantity: i.quantity, lineFen: i.line_fen })),
      buyerId: row.walk_in === 1 ? null : row.buyer_user_id,
      paymentMethod: row.payment_method,
      pointSiteId: row.pickup_site_id,
      totalFen: row.total_fen,
    });
    await this.hooks.committed(trx, committedOrder(row.id, items));
  }

  /** The village point took the cash (代收): the order is paid. */
  async confirmCash(ctx: RequestContext, id: string): Promise<OrderView> {
    const principal = signedIn(ctx);
    const { row } = await this.load(id);
    if (row.payment_method !== 'village_cash') throw new AppError(409, 'WRONG_PAYMENT_METHOD', 'This order is not paid in cash at a village point');
    const atPoint = principal.scope.kind === 'site' && principal.scope.id === row.pickup_site_id;
    if (!atPoint && !hasRole(ctx, 'county_admin')) throw forbidden('Only the collecting village point records the cash');
    const now = this.clock.now().toISOString();
    const moved = await this.move(ctx, id, ['pending_payment'], 'paid', { paid_at: now, expires_at: null }, 'order.cash_received', async (trx, next, items) => {
      const refused = await this.refusal(trx, { ...next, status: 'pending_payment' });
      if (refused) throw refused;
      await this.repo.insertPayments(trx, [{ id: newId('pay'), order_id: id, method: 'village_cash', provider_ref: null, amount_fen: next.total_fen, status: 'succeeded', recorded_by: principal.username, created_at: now, settled_at: now }]);
      await this.markPaid(trx, next, items);
    });
    return this.view(moved.row, moved.items, moved.payments, ctx);
  }

  /**
   * The provider says a payment went through. Unsigned or mismatched callbacks change nothing. Money for an order
   * that can no longer take it (cancelled or expired meanwhile, a closed presale, recalled produce) is refunded at
   * once, and such an order still awaiting payment is cancelled.
   */
  async paymentCallback(rawBody: string, signature: string | undefined): Promise<{ orderId: string; status: OrderStatus }> {
    if (!this.payments?.verify(rawBody, signature)) throw new AppError(400, 'BAD_SIGNATURE', 'headers.x-payment-signature: the callback is not signed by the provider', { field: 'headers.x-payment-signature' });
    const callback = JSON.parse(rawBody) as PaymentCallback;
    const payment = await this.repo.paymentByProviderRef(callback.providerRef);
    if (!payment || payment.order_id !== callback.orderId) throw notFound('Payment');
    if (payment.amount_fen !== callback.amountFen) throw new AppError(400, 'AMOUNT_MISMATCH', 'body.amountFen: differs from the amount asked', { field: 'body.amountFen' });
    if (payment.status === 'succeeded' || payment.status === 'refunded') return { orderId: payment.order_id, status: (await this.load(payment.order_id)).row.status };
    const now = this.clock.now().toISOString();
    const status = await this.repo.transaction(async (trx) => {
      // Taken by its status first, so that two callbacks, or a callback and a cancellation, never both act.
      if (!(await this.repo.settlePaymentIf(trx, payment.id, payment.status, now))) throw new AppError(409, 'ORDER_STATUS_CONFLICT', 'The payment changed meanwhile; reload');
      const { row, items } = await this.load(payment.order_id, trx);
      const refused = row.status === 'pending_payment' ? await this.refusal(trx, row) : null;
      if (row.status === 'pending_payment') {
        const set: Partial<OrderRow> = refused ? { status: 'cancelled', cancelled_at: now, cancel_reason: refused.message, expires_at: null } : { status: 'paid', paid_at: now, expires_at: null };
        if (!(await this.repo.updateOrderIf(trx, row.id, 'pending_payment', { ...set, updated_at: now }))) throw new AppError(409, 'ORDER_STATUS_CONFLICT', 'The order changed meanwhile; reload');
        await recordAudit(trx, SYSTEM, { action: refused ? 'order.cancelled' : 'order.paid_online', entityType: 'order', entityId: row.id, details: { from: row.status, ...set } });
        if (!refused) {
          await this.markPaid(trx, { ...row, paid_at: now }, items);
          return 'paid' as const;
        }
        await this.unwind(trx, row.id, items, false);
      }
      // The order can no longer take this money: it goes back.
      await this.repo.refundPayment(trx, payment.id);
      await recordAudit(trx, SYSTEM, { action: 'payment.refunded', entityType: 'order', entityId: row.id, details: { providerRef: payment.provider_ref, reason: refused?.code ?? `order ${row.status}` } });
      return refused ? ('cancelled' as const) : row.status;
    });
    return { orderId: payment.order_id, status };
  }

  private async checkSells(ctx: RequestContext, row: OrderRow): Promise<void> {
    const principal = signedIn(ctx);
    if (hasRole(ctx, 'county_admin')) return;
    if (!(await this.directory.managedBy(principal.userId)).includes(row.seller_id)) throw forbidden('Only the seller does this');
  }

  /** Who an order goes to, unmasked, for the parcel that carries it; null when there is no such order. */
  async recipient(id: string): Promise<{ buyerUserId: string; name: string; phone: string; address: string } | null> {
    const row = await this.repo.recipientOf(id);
    if (!row) return null;
    const shipTo = JSON.parse(row.ship_to);
    return { buyerUserId: row.buyer_user_id, name: shipTo.name, phone: shipTo.phone, address: shipTo.address };
  }

  /** Orders as a recall sees them, many at once: who bought, where it went, how it travelled. No access check. */
  async briefs(orderIds: string[], db?: AnyKysely): Promise<OrderBrief[]> {
    return (await this.repo.briefRows(orderIds, db as OrdersDb | undefined)).map((r) => {
      const shipTo = JSON.parse(r.ship_to) as { name: string; phone: string };
      return { id: r.id, status: r.status, paidAt: r.paid_at, shippedAt: r.shipped_at, deliveredAt: r.delivered_at, buyerUserId: r.buyer_user_id, recipientName: shipTo.name, recipientPhone: shipTo.phone, carrier: r.carrier, waybillNo: r.waybill_no };
    });
  }

  /**
   * An order's lines in the order `orders.paid` lists them, with where each line's units were reserved (a station's
   * consignment stock is settled with its villagers by what was sold from there). Read in the caller's transaction.
   */
  async lineLocations(orderId: string, db?: AnyKysely): Promise<{ productId: string; quantity: number; location: OrderItemRow['location'] }[]> {
    return (await this.repo.items([orderId], db as OrdersDb | undefined)).map((i) => ({ productId: i.product_id, quantity: i.quantity, location: i.location }));
  }

  /** How many different accounts bought these orders (many at once, for a recall's reach). */
  async buyerCount(orderIds: string[]): Promise<number> {
    return (await this.repo.buyersOf(orderIds)).size;
  }

  /** The seller hands the goods to a carrier: stock leaves the shelf. */
  async ship(ctx: RequestContext, id: string, carrier: string, waybillNo: string): Promise<OrderView> {
    const { row } = await this.load(id);
    await this.checkSells(ctx, row);
    if (row.campaign_id) {
      const campaign = await this.repo.campaignOfOrder(row.campaign_id);
      if (campaign.status !== 'succeeded' || shanghaiDate(this.clock.now()) < campaign.ship_date) {
        throw new AppError(409, 'PRESALE_NOT_DUE', `This presale order ships from ${campaign.ship_date}, once the presale has reached its target`);
      }
    }
    const moved = await this.move(ctx, id, ['paid', 'confirmed'], 'shipped', { shipped_at: this.clock.now().toISOString(), carrier, waybill_no: waybillNo }, 'order.shipped', async (trx, next, items) => {
      if (await this.hooks.recalled(trx, next.id)) throw new AppError(409, 'ORDER_RECALLED', 'This order holds produce of a recalled batch and may not ship; it is cancelled and refunded');
      await this.stock.consume(trx, stocked(items));
    });
    return this.view(moved.row, moved.items, moved.payments, ctx);
  }

  /** Delivered to the buyer; cash on delivery is paid here. */
  async deliver(ctx: RequestContext, id: string): Promise<OrderView> {
    const { row } = await this.load(id);
    if (!hasRole(ctx, 'courier')) await this.checkSells(ctx, row);
    const now = this.clock.now().toISOString();
    const cod = row.payment_method === 'cod';
    const moved = await this.move(ctx, id, ['shipped'], 'delivered', { delivered_at: now, ...(cod && { paid_at: now }) }, 'order.delivered', async (trx, next, items) => {
      if (!cod) return;
      await this.repo.insertPayments(trx, [{ id: newId('pay'), order_id: id, method: 'cod', provider_ref: null, amount_fen: next.total_fen, status: 'succeeded', recorded_by: ctx.principal?.username ?? null, created_at: now, settled_at: now }]);
      await this.markPaid(trx, next, items);
    });
    return this.view(moved.row, moved.items, moved.payments, ctx);
  }

  /** The buyer confirms receipt. */
  async complete(ctx: RequestContext, id: string): Promise<OrderView> {
    const { row } = await this.load(id);
    if (row.buyer_user_id !== signedIn(ctx).userId && !hasRole(ctx, 'county_admin')) throw forbidden('Only the buyer confirms receipt');
    const moved = await this.move(ctx, id, ['delivered'], 'completed', { completed_at: this.clock.now().toISOString() }, 'order.completed');
    return this.view(moved.row, moved.items, moved.payments, ctx);
  }

  /**
   * Cancels an order that has not shipped: its stock is released; if it was paid, the money goes back
   * (refunded) and the households' credits with it.
   */
  async cancel(ctx: RequestContext | null, id: string, reason: string, only: OrderStatus[] = CANCELLABLE): Promise<OrderView> {
    const { row } = await this.load(id);
    if (ctx) {
      const principal = signedIn(ctx);
      const mayCancel = row.buyer_user_id === principal.userId || hasRole(ctx, 'county_admin') || (await this.directory.managedBy(principal.userId)).includes(row.seller_id);
      if (!mayCancel) throw notFound('Order');
    }
    // Guarded by the status just read, so an order paid meanwhile is never cancelled without its refund; it is read
    // again and cancelled as what it now is.
    for (let attempt = 0; ; attempt++) {
      const { row: current } = attempt === 0 ? { row } : await this.load(id);
      const from = only.includes(current.status) ? [current.status] : only;
      const wasPaid = current.status === 'paid';
      const now = this.clock.now().toISOString();
      try {
        const moved = await this.move(ctx, id, from, wasPaid ? 'refunded' : 'cancelled', { cancelled_at: now, cancel_reason: reason, expires_at: null }, wasPaid ? 'order.refunded' : 'order.cancelled', (trx, _next, items) =>
          this.unwind(trx, id, items, wasPaid),
        );
        return this.view(moved.row, moved.items, moved.payments, ctx);
      } catch (err) {
        const raced = err instanceof AppError && err.code === 'ORDER_STATUS_CONFLICT' && only.includes(current.status);
        if (!raced || attempt >= 2) throw err;
      }
    }
  }

  /** Cancels (and refunds) an unshipped order holding recalled produce; false when it has shipped or ended already. */
  async withdrawRecalled(id: string, reason: string): Promise<boolean> {
    try {
      await this.cancel(null, id, `召回 Recall: ${reason}`.slice(0, 200));
      return true;
    } catch (err) {
      if (err instanceof AppError && (err.code === 'ORDER_STATUS_CONFLICT' || err.code === 'NOT_FOUND')) return false;
      throw err;
    }
  }

  /** The buyer asks to return what was delivered (before confirming receipt). */
  async requestReturn(ctx: RequestContext, id: string, reason: string): Promise<OrderView> {
    const { row } = await this.load(id);
    if (row.buyer_user_id !== signedIn(ctx).userId) throw notFound('Order');
    const moved = await this.move(ctx, id, ['delivered'], 'return_requested', { return_reason: reason }, 'order.return_requested');
    return this.view(moved.row, moved.items, moved.payments, ctx);
  }

  /**
   * The seller accepts a return: the money goes back and the households' credits with it. Returned produce is not
   * put back on the shelf; the seller counts what can be sold again.
   */
  async acceptReturn(ctx: RequestContext, id: string): Promise<OrderView> {
    await this.checkSells(ctx, (await this.load(id)).row);
    const moved = await this.move(ctx, id, ['return_requested'], 'returned', {}, 'order.returned', (trx) => this.refundAll(trx, id));
    return this.view(moved.row, moved.items, moved.payments, ctx);
  }

  /** The seller refuses a return, with a reason the buyer sees; the order is delivered again. */
  async refuseReturn(ctx: RequestContext, id: string, reason: string): Promise<OrderView> {
    const { row } = await this.load(id);
    await this.checkSells(ctx, row);
    const moved = await this.move(ctx, id, ['return_requested'], 'delivered', { return_reason: `${row.return_reason ?? ''} — 卖家拒绝：${reason}` }, 'order.return_refused');
    return this.view(moved.row, moved.items, moved.payments, ctx);
  }

  /**
   * Cancels unpaid orders whose payment window has passed, a chunk at a time, each in its own transaction guarded by
   * its status: safe to run in several processes at once, and a run cut short leaves the rest to the next.
   */
  async expireOverdue(): Promise<number> {
    const now = this.clock.now().toISOString();
    let expired = 0;
    const skipped = new Set<string>();
    for (;;) {
      const overdue = await this.repo.overdueUnpaid(now, 500 + skipped.size);
      const todo = overdue.filter((o) => !skipped.has(o.id));
      if (todo.length === 0) return expired;
      for (const { id } of todo) {
        try {
          await this.cancel(null, id, '超时未付款，已自动取消', ['pending_payment']);
          expired++;
        } catch (err) {
          // Paid or cancelled meanwhile by someone else: nothing to do.
          if (!(err instanceof AppError && err.code === 'ORDER_STATUS_CONFLICT')) throw err;
          skipped.add(id);
        }
      }
    }
  }

  async setFees(ctx: RequestContext, fees: { townshipCode: string; feeFen: number }[]): Promise<void> {
    requireRole(ctx, 'county_admin');
    await this.repo.transaction(async (trx) => {
      await this.repo.replaceFees(trx, fees);
      await recordAudit(trx, ctx, { action: 'fees.set', entityType: 'delivery_fees', entityId: 'county', details: fees });
    });
  }

  /**
   * Fees per township for same-town delivery by township code, a page at a time; the parcel fee comes last (`parcel`
   * sorts after every code), the default one when none is set.
   */
  async fees(limit: number, cursor?: string) {
    const after = decodeCursor(cursor);
    const page = toPage(await this.repo.feesPage(after, limit + 1), limit, (r) => r.township_code);
    const fees = page.items.map((r) => ({ townshipCode: r.township_code, feeFen: r.fee_fen }));
    if (page.nextCursor || fees.some((f) => f.townshipCode === 'parcel') || after === 'parcel') return { items: fees, nextCursor: page.nextCursor };
    const parcelSet = await this.repo.fee('parcel');
    return { items: parcelSet ? fees : [...fees, { townshipCode: 'parcel', feeFen: DEFAULT_PARCEL_FEE_FEN }], nextCursor: null };
  }
}
