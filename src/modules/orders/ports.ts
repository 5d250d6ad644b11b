import type { AnyKysely } from '../../kernel/db.js';

/** Stock as the catalogue keeps it; every call runs inside the order's own transaction. */
export interface StockKeeper {
  reserve(trx: AnyKysely, lines: { skuId: string; quantity: number }[]): Promise<ReservedLine[]>;
  release(trx: AnyKysely, lines: { skuId: string; location: ReservedLine['location']; quantity: number }[]): Promise<void>;
  consume(trx: AnyKysely, lines: { skuId: string; location: ReservedLine['location']; quantity: number }[]): Promise<void>;
  /** What a SKU is; `onSale` as `reserve` decides it (SKU active, product listed, seller selling). */
  skuInfo(db: AnyKysely, skuId: string): Promise<(Omit<ReservedLine, 'quantity' | 'location'> & { onSale: boolean }) | null>;
}

export interface ReservedLine {
  skuId: string;
  productId: string;
  sellerId: string;
  productName: string;
  spec: string;
  unitPriceFen: number;
  quantity: number;
  /** Where the units were reserved: the county warehouse, the seller's own, or a station's (代卖 consignment). */
  location: 'county_warehouse' | 'seller' | 'station';
}

/** A sale that has been paid for, line by line (the poverty-alleviation ledger), and whole (statistics). */
export interface PaidSale {
  orderId: string;
  sellerId: string;
  paidAt: string;
  lines: { productId: string; quantity: number; lineFen: number }[];
  /** The buyer's account; null for a walk-in villager (the point's operator is only the buyer of record). */
  buyerId: string | null;
  paymentMethod: 'online' | 'village_cash' | 'cod';
  /** The village point that took the cash or placed the order; null otherwise. */
  pointSiteId: string | null;
  /** What the buyer paid: the lines and the delivery fee. */
  totalFen: number;
}

/** Money that went back for a paid order: when, and how much (fen, the payments refunded). */
export interface OrderRefund {
  orderId: string;
  refundedAt: string;
  amountFen: number;
}

/** Units of SKUs taken for a buyer: an order placed with stock reserved, whatever its payment. */
export interface CommittedOrder {
  orderId: string;
  lines: { skuId: string; quantity: number }[];
}

/** Whether an order holds units of a recalled batch (traceability keeps the batches); read in the order's transaction. */
export interface RecallCheck {
  recalledIn(trx: AnyKysely, orderId: string): Promise<boolean>;
}

/** What happens when money or goods move, inside the order's transaction: published as events (see events.ts). */
export interface SaleHooks {
  paid(trx: AnyKysely, sale: PaidSale): Promise<void>;
  refunded(trx: AnyKysely, refund: OrderRefund): Promise<void>;
  /**
   * The order's units are taken from traced batches when its stock is reserved (at checkout, paid or not), so a
   * recall reaches it; called again when it is paid, which changes nothing once taken.
   */
  committed(trx: AnyKysely, order: CommittedOrder): Promise<void>;
  /** Cancelled, expired or refunded before it shipped: the units were never handed over. */
  released(trx: AnyKysely, orderId: string): Promise<void>;
  /** Whether any of the order's units come from a recalled batch (it may then be neither paid nor shipped). */
  recalled(trx: AnyKysely, orderId: string): Promise<boolean>;
}

/** What orders must know of sellers and sites, kept by other modules. */
export interface OrdersDirectory {
  managedBy(userId: string): Promise<string[]>;
  /** Ids of the sellers that may sell now (approved, not suspended); read with `db` inside a transaction. */
  sellingSellers(db?: AnyKysely): Promise<Set<string>>;
  /** An operating village point that can take cash for orders, with its opening hours as written; null otherwise. */
  pickupPoint(siteId: string): Promise<PickupPoint | null>;
}

/** A village point that takes cash, as the network keeps it. */
export interface PickupPoint {
  id: string;
  name: string;
  /** The village it serves. */
  divisionCode: string;
  address: string;
  /** Free text ("每天 8:00–20:00"); read by opening-hours.ts. */
  openingHours: string;
  /** The county's name, for the signature of a text ("【鲁甸县电商】"). */
  countyName: string;
}

/** Text messages to people, sent in the caller's transaction (the notify module's SMS sender). */
export interface OrderTexts {
  send(trx: AnyKysely, message: { phone: string; template: string; params: Record<string, string>; ref: string }): Promise<void>;
}

/** An order in brief, for modules that follow goods to their buyers (a recall). Phone unmasked: mask before showing. */
export interface OrderBrief {
  id: string;
  status: string;
  paidAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  buyerUserId: string;
  recipientName: string;
  recipientPhone: string;
  carrier: string | null;
  waybillNo: string | null;
}
