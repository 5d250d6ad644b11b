import type { AnyKysely } from '../../kernel/db.js';

/**
 * What the catalogue needs to know of sellers and poor households, which the parties module keeps. The
 * composition root supplies it (flows/market-directory.ts), so the catalogue never reads parties' tables.
 */
export interface MarketDirectory {
  /**
   * Sellers allowed to sell now (approved), with their names. Inside a transaction pass its handle: on SQLite
   * the transaction holds the only connection.
   */
  sellingSellers(db?: AnyKysely): Promise<Map<string, string>>;
  /** Whether a seller is registered, whatever its status. */
  sellerExists(sellerId: string): Promise<boolean>;
  /** Seller ids the user manages. */
  managedBy(userId: string): Promise<string[]>;
  /** Sellers (every product) and single products linked to a poor household on a date. */
  povertyLinks(date: string): Promise<{ sellers: Set<string>; products: Set<string> }>;
}
