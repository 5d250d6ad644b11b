import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { DELIVERY_KINDS, ORDER_STATUSES, PAYMENT_METHODS, PAYMENT_STATUSES } from './orders.tables.js';

export const ShipTo = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50 }),
  phone: Type.String({ pattern: '^1\\d{10}$' }),
  address: Type.String({ minLength: 1, maxLength: 200 }),
  divisionCode: Type.String({ pattern: '^(\\d{6}|\\d{9}|\\d{12})$', description: 'for same-town delivery: a township or village of this county' }),
});

export const CheckoutBody = Type.Object({
  items: Type.Array(Type.Object({ skuId: Type.String({ minLength: 1, maxLength: 64 }), quantity: Type.Integer({ minimum: 1, maximum: 999 }) }), { minItems: 1, maxItems: 50 }),
  paymentMethod: StringEnum(PAYMENT_METHODS),
  delivery: StringEnum(DELIVERY_KINDS),
  shipTo: ShipTo,
  pickupSiteId: Type.Optional(Type.String({ maxLength: 64, description: 'the village point collecting the cash (village_cash)' })),
});
export type CheckoutInput = Static<typeof CheckoutBody>;

export const OrderItemSchema = Type.Object({
  skuId: Type.String(),
  productId: Type.String(),
  productName: Type.String(),
  spec: Type.String(),
  unitPriceFen: Type.Integer(),
  quantity: Type.Integer(),
  lineFen: Type.Integer(),
});

export const OrderSchema = Type.Object({
  id: Type.String(),
  shortNo: Type.String({ description: 'the number people read out and scan: 8 digits, shown as "2612 0347"' }),
  walkIn: Type.Boolean({ description: 'placed by a village point for a villager without an account (代下单)' }),
  buyerUserId: Type.String(),
  sellerId: Type.String(),
  status: StringEnum(ORDER_STATUSES),
  paymentMethod: StringEnum(PAYMENT_METHODS),
  delivery: StringEnum(DELIVERY_KINDS),
  shipTo: Type.Object({ name: Type.String(), phone: Type.String({ description: 'masked unless you are the buyer' }), address: Type.String(), divisionCode: Type.String() }),
  pickupSiteId: Nullable(Type.String()),
  cashWindow: Nullable(
    Type.Object(
      { hours: Type.String({ description: 'the point\'s opening hours, e.g. 每天 08:00–20:00' }), assumed: Type.Boolean({ description: 'the point gave no hours that could be read; the default was taken' }) },
      { description: 'for cash at a village point: the hours the payment window (expiresAt) was reckoned from' },
    ),
  ),
  items: Type.Array(OrderItemSchema),
  itemsFen: Type.Integer(),
  deliveryFeeFen: Type.Integer(),
  totalFen: Type.Integer(),
  expiresAt: Nullable(Type.String()),
  paidAt: Nullable(Type.String()),
  shippedAt: Nullable(Type.String()),
  carrier: Nullable(Type.String()),
  waybillNo: Nullable(Type.String()),
  deliveredAt: Nullable(Type.String()),
  completedAt: Nullable(Type.String()),
  cancelledAt: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  returnReason: Nullable(Type.String()),
  payments: Type.Array(
    Type.Object({
      method: StringEnum(PAYMENT_METHODS),
      status: StringEnum(PAYMENT_STATUSES, { description: 'pending (asked of the provider), succeeded, refunded, or cancelled (never made; its order was cancelled first)' }),
      amountFen: Type.Integer(),
      createdAt: Type.String(),
      settledAt: Nullable(Type.String()),
    }),
    { description: 'what was paid, or asked for, and where the money ended' },
  ),
  payUrl: Type.Optional(Type.String({ description: 'where to pay, for an online order awaiting payment' })),
  createdAt: Type.String(),
});
export type OrderView = Static<typeof OrderSchema>;

export const OrderQuery = Type.Object({
  as: Type.Optional(StringEnum(['buyer', 'seller', 'pickup', 'county'] as const, { description: "your purchases (default), your sellers' sales, the orders your village point collects cash for, or every order (county admin, regulator)" })),
  status: Type.Optional(StringEnum(ORDER_STATUSES)),
  sellerId: Type.Optional(Type.String({ maxLength: 64 })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'an order number (8 digits, spaces allowed) or its first 4 or more digits; a scanned order link works too' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

export const ShipBody = Type.Object({
  carrier: StringEnum(['ems', 'youzhengguonei', 'zhongtong', 'yuantong', 'shentong', 'yunda', 'jtexpress', 'shunfeng', 'jd', 'county_delivery'] as const),
  waybillNo: Type.String({ pattern: '^[0-9A-Za-z-]{6,40}$' }),
});
export const CancelBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 200 }) });
export const FeesBody = Type.Object({ fees: Type.Array(Type.Object({ townshipCode: Type.String({ pattern: '^(\\d{9}|parcel)$' }), feeFen: Type.Integer({ minimum: 0, maximum: 100_000 }) }), { minItems: 1 }) });

export const CampaignSchema = Type.Object({
  id: Type.String(),
  sellerId: Type.String(),
  skuId: Type.String(),
  productId: Type.String(),
  productName: Type.String(),
  spec: Type.String(),
  title: Type.String(),
  priceFen: Type.Integer(),
  targetQty: Type.Integer(),
  backedQty: Type.Integer({ description: 'units in paid backings' }),
  deadline: Type.String(),
  shipDate: Type.String(),
  status: StringEnum(['open', 'succeeded', 'failed'] as const),
});
export const CampaignQuery = Type.Object({
  status: Type.Optional(StringEnum(['open', 'succeeded', 'failed'] as const)),
  sellerId: Type.Optional(Type.String({ maxLength: 64, description: "one seller's presales" })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

export const CampaignBody = Type.Object({
  skuId: Type.String({ minLength: 1, maxLength: 64 }),
  title: Type.String({ minLength: 1, maxLength: 100 }),
  priceFen: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
  targetQty: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  deadline: Type.String({ format: 'date-time' }),
  shipDate: Type.String({ format: 'date' }),
});
export const BackBody = Type.Object({
  quantity: Type.Integer({ minimum: 1, maximum: 999 }),
  paymentMethod: StringEnum(PAYMENT_METHODS),
  delivery: StringEnum(DELIVERY_KINDS),
  shipTo: ShipTo,
  pickupSiteId: Type.Optional(Type.String({ maxLength: 64 })),
});

/** 代下单: a village point orders for a villager without an account, who pays the point in cash. */
export const WalkInBody = Type.Object({
  items: CheckoutBody.properties.items,
  name: Type.String({ minLength: 1, maxLength: 50, description: "the villager's name" }),
  phone: Type.String({ pattern: '^1\\d{10}$', description: "the villager's mobile: the order number is texted to it" }),
  delivery: Type.Optional(StringEnum(DELIVERY_KINDS, { description: 'how the goods come to the point; parcel unless the township has a same-town fee' })),
});
export type WalkInInput = Static<typeof WalkInBody>;
