import { Type, type TSchema } from 'typebox';
import { defineEvent, type EventPublisher } from '../../kernel/events/index.js';
import type { RecallCheck, SaleHooks } from './ports.js';

const Lines = <T extends Parameters<typeof Type.Object>[0]>(line: T) => Type.Array(Type.Object(line));
const OrNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Money came in for an order (online, cash at a village point, cash on delivery). */
export const OrderPaid = defineEvent({
  type: 'orders.paid',
  version: 1,
  aggregate: 'order',
  description: '订单已付款 An order was paid: its seller, buyer (null for a walk-in villager), when, how, at which village point, its total and each line’s product, units and amount (fen)',
  payload: Type.Object({
    orderId: Type.String(),
    sellerId: Type.String(),
    paidAt: Type.String(),
    lines: Lines({ productId: Type.String(), quantity: Type.Integer(), lineFen: Type.Integer() }),
    buyerId: OrNull(Type.String()),
    paymentMethod: Type.Union([Type.Literal('online'), Type.Literal('village_cash'), Type.Literal('cod')]),
    pointSiteId: OrNull(Type.String()),
    totalFen: Type.Integer(),
  }),
});

/** Money went back for a paid order (cancelled before shipping, a recall, an accepted return). */
export const OrderRefunded = defineEvent({
  type: 'orders.refunded',
  version: 1,
  aggregate: 'order',
  description: '订单已退款 A paid order’s money went back to its buyer: when, and how much (fen)',
  payload: Type.Object({ orderId: Type.String(), refundedAt: Type.String(), amountFen: Type.Integer() }),
});

/** Units of stock were taken for a buyer: at checkout (paid or not), and again when the order is paid. */
export const OrderStockCommitted = defineEvent({
  type: 'orders.stock-committed',
  version: 1,
  aggregate: 'order',
  description: '订单占用库存 Units were taken for an order’s buyer (at checkout, again at payment): SKU and quantity per line',
  payload: Type.Object({ orderId: Type.String(), lines: Lines({ skuId: Type.String(), quantity: Type.Integer() }) }),
});

/** An unshipped order was cancelled, expired or refunded: its units were never handed over. */
export const OrderStockReleased = defineEvent({
  type: 'orders.stock-released',
  version: 1,
  aggregate: 'order',
  description: '订单释放库存 An unshipped order was cancelled or expired: its units go back',
  payload: Type.Object({ orderId: Type.String() }),
});

export const ORDER_EVENTS = [OrderPaid, OrderRefunded, OrderStockCommitted, OrderStockReleased];

/**
 * What the order service announces, in its own transaction: each moment is published as an event (the ledger and
 * traceability subscribe inline), and whether an order holds recalled produce is asked of traceability.
 */
export const saleEvents = (events: EventPublisher, recalls: RecallCheck): SaleHooks => ({
  paid: (trx, sale) => events.publish(trx, OrderPaid, sale.orderId, sale),
  refunded: (trx, refund) => events.publish(trx, OrderRefunded, refund.orderId, refund),
  committed: (trx, order) => events.publish(trx, OrderStockCommitted, order.orderId, order),
  released: (trx, orderId) => events.publish(trx, OrderStockReleased, orderId, { orderId }),
  recalled: (trx, orderId) => recalls.recalledIn(trx, orderId),
});
