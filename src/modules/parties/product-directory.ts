/**
 * What parties needs to know of the catalogue, answered through a port (parties reads no catalogue table).
 * Wired in `src/flows/product-directory.ts`.
 */
export interface ProductDirectory {
  /** The seller of a product, or null when no such product exists. */
  ownerOf(productId: string): Promise<string | null>;
  /** Products' names by id (the ledger's export names them); unknown ids are left out. */
  namesOf(productIds: string[]): Promise<Map<string, string>>;
}
