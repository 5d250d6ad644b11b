/**
 * pending_payment → paid → shipped → delivered → completed for prepaid orders (online, or cash at a village point);
 * cash on delivery goes confirmed → shipped → delivered (paid there) → completed. Before shipping an order can be
 * cancelled (refunded if paid); once delivered the buyer may ask to return it (return_requested), and the seller
 * accepts (returned, refunded) or refuses (back to delivered).
 */
export const ORDER_STATUSES = ['pending_payment', 'confirmed', 'paid', 'shipped', 'delivered', 'completed', 'cancelled', 'refunded', 'return_requested', 'returned'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** 村级服务点代收 (cash at the village point), cash on delivery, online payment. */
export const PAYMENT_METHODS = ['village_cash', 'cod', 'online'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** 同城配送 within the township, or a parcel by a carrier. */
export const DELIVERY_KINDS = ['same_town', 'parcel'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export interface OrderRow {
  id: string;
  buyer_user_id: string;
  seller_id: string;
  status: OrderStatus;
  payment_method: PaymentMethod;
  delivery: DeliveryKind;
  /** Where it goes: a JSON object {name, phone, address, divisionCode}. */
  ship_to: string;
  /** The village point that collects the cash, for village_cash. */
  pickup_site_id: string | null;
  items_fen: number;
  delivery_fee_fen: number;
  total_fen: number;
  expires_at: string | null;
  paid_at: string | null;
  shipped_at: string | null;
  carrier: string | null;
  waybill_no: string | null;
  delivered_at: string | null;
  completed_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  return_reason: string | null;
  created_at: string;
  updated_at: string;
  is_demo: number;
  /** The presale campaign this order backs, if any. */
  campaign_id: string | null;
  /** The number people read out and scan (8 digits, unique, random; short-number.ts). */
  short_no: string;
  /** 1 when a village point placed it for a villager without an account (代下单); its operator is the buyer of record. */
  walk_in: number;
  /** For cash at a village point: the point's hours its payment window was reckoned from ("每天 08:00–20:00"). */
  pickup_hours: string | null;
  /** 1 when the point's hours could not be read and the default was assumed. */
  pickup_hours_assumed: number;
}

export interface OrderItemRow {
  id: string;
  order_id: string;
  sku_id: string;
  product_id: string;
  product_name: string;
  spec: string;
  unit_price_fen: number;
  quantity: number;
  line_fen: number;
  /** Where the stock was reserved; `presale` lines wait for a harvest and hold no stock. */
  location: 'county_warehouse' | 'seller' | 'station' | 'presale';
}

export const PAYMENT_STATUSES = ['pending', 'succeeded', 'refunded', 'cancelled'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export interface PaymentRow {
  id: string;
  order_id: string;
  method: PaymentMethod;
  provider_ref: string | null;
  amount_fen: number;
  /**
   * pending (asked of the provider) → succeeded (money in) → refunded (money back); a pending payment whose order is
   * cancelled first ends cancelled, and money arriving for an order that can no longer take it ends refunded.
   */
  status: PaymentStatus;
  recorded_by: string | null;
  created_at: string;
  settled_at: string | null;
}

/** Same-town delivery fee per township (fen); parcels use the `parcel` row as base per order. */
export interface DeliveryFeeRow {
  township_code: string;
  fee_fen: number;
}

export const CAMPAIGN_STATUSES = ['open', 'succeeded', 'failed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** 预售/众筹: backers pay up front; below target at the deadline, everyone is refunded. */
export interface CampaignRow {
  id: string;
  seller_id: string;
  sku_id: string;
  product_id: string;
  product_name: string;
  spec: string;
  title: string;
  price_fen: number;
  target_qty: number;
  deadline: string;
  ship_date: string;
  status: CampaignStatus;
  /**
   * Null while the campaign is open, and after its outcome is decided (succeeded/failed) until every backing it
   * closes has been cancelled or refunded; settlement resumes every decided campaign without it.
   */
  settled_at: string | null;
  created_at: string;
  is_demo: number;
}

export interface OrdersTables {
  orders_campaigns: CampaignRow;
  orders_orders: OrderRow;
  orders_items: OrderItemRow;
  orders_payments: PaymentRow;
  orders_delivery_fees: DeliveryFeeRow;
}
