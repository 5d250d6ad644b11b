/** 代卖 Consignment's tables: lots villagers brought in, lots listed in the shop, and each villager's account. */

/** One consignment intake (its record's id): produce a villager left at the site to be sold on its behalf. */
export interface ConsignmentLotRow {
  record_id: string;
  site_id: string;
  customer_id: string;
  produce: string;
  produce_name: string;
  grade: string;
  grade_name: string;
  /** The site's stock item holding it (`stations_stock`, kind consignment): one per consignor, produce and grade. */
  item_key: string;
  weight_g: number;
  /** What the villager is offered per kg sold. */
  price_fen_per_kg: number;
  day: string;
  at: string;
  /** Grams of it moved into the shop's stock by listings. */
  listed_g: number;
  /** 1 once its record was voided. */
  voided: number;
}

/** Part of a lot put into the shop's stock held at the station: whole units of one SKU. */
export interface ConsignmentListingRow {
  id: string;
  lot_record_id: string;
  site_id: string;
  customer_id: string;
  sku_id: string;
  product_id: string;
  product_name: string;
  spec: string;
  seller_id: string;
  net_weight_g: number;
  price_fen_per_kg: number;
  units: number;
  /** Units of it sold in paid orders (first in, first out across the product's listings; back when an order is cancelled unshipped). */
  units_sold: number;
  /** The poor household its sales credit in the poverty-alleviation ledger, the link and its share. */
  household_id: string | null;
  link_id: string | null;
  share_bp: number | null;
  listed_at: string;
  listed_by: string;
  listed_by_name: string;
}

export const ENTRY_KINDS = ['sale', 'refund', 'payout'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** One line of a villager's consignment account: + a sale, − a refund taking a sale back, − a payout. */
export interface ConsignmentEntryRow {
  id: string;
  site_id: string;
  customer_id: string;
  kind: EntryKind;
  /** What makes it once: `<order>:<line>:<listing>` (sale), `<order>:<refundedAt>:<line>:<listing>` (refund), the record id (payout). */
  ref: string;
  order_id: string | null;
  line_no: number | null;
  listing_id: string | null;
  record_id: string | null;
  /** The paid order's total (fen), kept with a sale so a partial refund is split by it. */
  order_total_fen: number | null;
  units: number;
  amount_fen: number;
  product_name: string | null;
  at: string;
  day: string;
  /** 1 once a sale's units went back to its listing (the order cancelled before it shipped). */
  restocked: number;
  /** 1 once a payout's record was voided. */
  voided: number;
}

export interface ConsignmentTables {
  stations_consignment_lots: ConsignmentLotRow;
  stations_consignment_listings: ConsignmentListingRow;
  stations_consignment_entries: ConsignmentEntryRow;
}
