import { Type } from 'typebox';
import { defineEvent } from '../../kernel/events/index.js';

/**
 * The parts of the orders module's events the sales counts read (see docs/architecture.md, "Event catalogue"); a
 * nested list is compared whole, so a line carries every field the publisher's does.
 */
export const OrderPaid = defineEvent({
  type: 'orders.paid',
  version: 1,
  aggregate: 'order',
  description: '订单已付款 An order was paid',
  payload: Type.Object({ orderId: Type.String(), paidAt: Type.String(), lines: Type.Array(Type.Object({ productId: Type.String(), quantity: Type.Integer(), lineFen: Type.Integer() })) }),
});

export const OrderRefunded = defineEvent({
  type: 'orders.refunded',
  version: 1,
  aggregate: 'order',
  description: '订单已退款 A paid order was refunded',
  payload: Type.Object({ orderId: Type.String() }),
});
