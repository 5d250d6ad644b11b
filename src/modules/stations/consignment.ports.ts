import type { AnyKysely } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';

/** A shop SKU with its product and seller (catalog). */
export interface ConsignmentSku {
  skuId: string;
  spec: string;
  unit: string;
  netWeightG: number;
  priceFen: number;
  active: boolean;
  productId: string;
  productName: string;
  sellerId: string;
}

/**
 * What 代卖 consignment needs of the shop (catalog, parties, orders). Calls given `trx` run inside the caller's
 * transaction (the listing's, or the order's for what an inline subscriber asks); the others read before it.
 */
export interface ConsignmentShop {
  /** The SKU, or null when there is none. */
  sku(skuId: string): Promise<ConsignmentSku | null>;
  /** Ids of the sellers an account manages (the 代卖 sellers a village point registered for farmers). */
  sellersManagedBy(userId: string): Promise<string[]>;
  /** Puts whole units of a SKU into the shop's stock held at stations ('station'). */
  addStationStock(trx: AnyKysely, skuId: string, units: number): Promise<void>;
  /**
   * Links a poor household to a product with its share of each sale from today (parties), so the product's sales
   * reach the poverty-alleviation ledger; a link of the household to the product already in force is kept. Throws
   * parties' 409 SHARES_EXCEED_WHOLE when the product's households would share more than the whole sale.
   */
  linkHousehold(trx: AnyKysely, ctx: RequestContext, householdId: string, link: { sellerId: string; productId: string; shareBp: number }): Promise<{ linkId: string; shareBp: number }>;
  /** A paid order's lines in the order `orders.paid` lists them, with where each line's units were reserved (orders). */
  orderLines(trx: AnyKysely, orderId: string): Promise<{ productId: string; quantity: number; location: string }[]>;
}
