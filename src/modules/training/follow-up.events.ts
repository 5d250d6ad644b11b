import { Type } from 'typebox';
import { defineEvent } from '../../kernel/events/index.js';

/**
 * The orders' events follow-up reads (its own copies, only the fields it uses): a trainee who became a seller here
 * is followed by its sales since the first training, kept as `training_seller_sales` by the subscriber
 * `training.seller-sales`.
 */
export const OrderPaidForFollowUp = defineEvent({
  type: 'orders.paid',
  version: 1,
  aggregate: 'order',
  description: '订单已付款 An order was paid',
  payload: Type.Object({ orderId: Type.String(), sellerId: Type.String(), paidAt: Type.String(), totalFen: Type.Integer() }),
});

export const OrderRefundedForFollowUp = defineEvent({
  type: 'orders.refunded',
  version: 1,
  aggregate: 'order',
  description: '订单已退款 A paid order was refunded',
  payload: Type.Object({ orderId: Type.String(), refundedAt: Type.String(), amountFen: Type.Integer() }),
});

export const FOLLOW_UP_INPUT_EVENTS = [OrderPaidForFollowUp, OrderRefundedForFollowUp] as const;
