import type { MarketDirectory } from '../modules/catalog/index.js';
import type { HouseholdService, SellerService } from '../modules/parties/index.js';

/** The catalogue's view of sellers and household links, answered by the parties module. */
export function marketDirectory(parties: { sellers: SellerService; households: HouseholdService }): MarketDirectory {
  return {
    sellingSellers: (db) => parties.sellers.sellingNames(db),
    sellerExists: async (sellerId) => (await parties.sellers.producerFacts(sellerId)) !== null,
    managedBy: (userId) => parties.sellers.managedBy(userId),
    povertyLinks: (date) => parties.households.linkedOn(date),
  };
}
