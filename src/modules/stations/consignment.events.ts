import { Type } from 'typebox';
import { defineEvent } from '../../kernel/events/index.js';

/**
 * The orders' events 代卖 consignment reads (its own copies, only the fields it uses): a paid order's units sold
 * from a station's consignment stock credit their villagers, a refund takes the credits back, and units of an order
 * cancelled before it shipped go back to their lots. A nested list is compared whole, so a line carries every field
 * the publisher's does.
 */
export const OrderPaidForConsignment = defineEvent({
  type: 'orders.paid',
  version: 1,
  aggregate: 'order',
  description: '订单已付款 An order was paid',
  payload: Type.Object({ orderId: Type.String(), paidAt: Type.String(), lines: Type.Array(Type.Object({ productId: Type.String(), quantity: Type.Integer(), lineFen: Type.Integer() })), totalFen: Type.Integer() }),
});

export const OrderRefundedForConsignment = defineEvent({
  type: 'orders.refunded',
  version: 1,
  aggregate: 'order',
  description: '订单已退款 A paid order was refunded',
  payload: Type.Object({ orderId: Type.String(), refundedAt: Type.String(), amountFen: Type.Integer() }),
});

export const OrderStockReleasedForConsignment = defineEvent({
  type: 'orders.stock-released',
  version: 1,
  aggregate: 'order',
  description: '订单释放库存 An unshipped order was cancelled or expired: its units go back',
  payload: Type.Object({ orderId: Type.String() }),
});
