import { systemContext } from '../kernel/context.js';
import type { CatalogService, ProductView } from '../modules/catalog/index.js';
import type { ProductDirectory } from '../modules/parties/index.js';

/**
 * Parties asks the catalogue who sells a product (a household link names one) and what products are called (the
 * ledger's export).
 */
export const catalogProducts = (catalog: CatalogService): ProductDirectory => {
  const product = (id: string): Promise<ProductView | null> =>
    catalog
      .manage(systemContext(), id)
      .catch((err: unknown) => {
        if ((err as { status?: number }).status === 404) return null;
        throw err;
      });
  return {
    ownerOf: async (productId) => (await product(productId))?.sellerId ?? null,
    namesOf: async (productIds) => {
      const found = await Promise.all([...new Set(productIds)].map(product));
      return new Map(found.flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
    },
  };
};
