import { Type, type TSchema } from 'typebox';
import { defineEvent } from '../../kernel/events/index.js';

/** The parts of the orders module's events the ledger reads (see docs/architecture.md, "Event catalogue"). */
export const OrderPaid = defineEvent({
  type: 'orders.paid',
  version: 1,
  aggregate: 'order',
  description: '订单已付款 An order was paid',
  payload: Type.Object({ orderId: Type.String(), sellerId: Type.String(), paidAt: Type.String(), lines: Type.Array(Type.Object({ productId: Type.String(), quantity: Type.Integer(), lineFen: Type.Integer() })) }),
});

export const OrderRefunded = defineEvent({
  type: 'orders.refunded',
  version: 1,
  aggregate: 'order',
  description: '订单已退款 A paid order was refunded',
  payload: Type.Object({ orderId: Type.String() }),
});

const OrNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A seller was approved (its application reviewed): from now on it may sell. Once per seller. */
export const SellerApproved = defineEvent({
  type: 'parties.seller-approved',
  version: 1,
  aggregate: 'seller',
  description: '市场主体审核通过 A seller was approved: its kind, township and village (from its division code), when, and whether it is a registered poor household',
  payload: Type.Object({
    sellerId: Type.String(),
    kind: Type.Union([Type.Literal('enterprise'), Type.Literal('cooperative'), Type.Literal('individual_business'), Type.Literal('farmer')]),
    townshipCode: OrNull(Type.String()),
    villageCode: OrNull(Type.String()),
    approvedAt: Type.String(),
    isPoorHousehold: Type.Boolean(),
  }),
});

/** A paid order credited a poor household in the ledger: once per household and order. */
export const HouseholdCredited = defineEvent({
  type: 'parties.household-credited',
  version: 1,
  aggregate: 'household',
  description: '贫困户获得带贫收益 A paid order credited a poor household: its township and village, the amount (fen) and the day it counts from (the payment)',
  payload: Type.Object({
    householdId: Type.String(),
    orderId: Type.String(),
    townshipCode: OrNull(Type.String()),
    villageCode: OrNull(Type.String()),
    amountFen: Type.Integer(),
    creditedAt: Type.String(),
  }),
});

/** A refund took a household's credits from an order back: once per household and order. */
export const HouseholdCreditReversed = defineEvent({
  type: 'parties.household-credit-reversed',
  version: 1,
  aggregate: 'household',
  description: '贫困户带贫收益冲回 A refund took back what an order had credited a poor household: the amount (fen, positive) and when',
  payload: Type.Object({ householdId: Type.String(), orderId: Type.String(), amountFen: Type.Integer(), reversedAt: Type.String() }),
});

export const PARTIES_EVENTS = [SellerApproved, HouseholdCredited, HouseholdCreditReversed];

/** The township and village a division code names: a village's 12 digits, a township's 9; null where it says less. */
export function placeOf(code: string | null): { townshipCode: string | null; villageCode: string | null } {
  if (code && /^\d{12}$/.test(code)) return { townshipCode: code.slice(0, 9), villageCode: code };
  if (code && /^\d{9}$/.test(code)) return { townshipCode: code, villageCode: null };
  return { townshipCode: null, villageCode: null };
}
