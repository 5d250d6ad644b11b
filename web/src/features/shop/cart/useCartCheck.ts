import { useQueries } from '@tanstack/react-query';
import { ApiError, api } from '../../../api/http.js';
import { catalogKeys, type Product } from '../../../api/catalog.js';
import type { CartLine } from './cartStore.js';

export interface LineState {
  /** The price now, from the catalogue. */
  priceFen: number;
  available: number;
  /** false: the product left the shop, or the SKU was withdrawn. */
  onSale: boolean;
}

/**
 * The cart's lines against the catalogue now: current price, what is left, whether each is still on sale.
 * A line not yet checked is missing from the map.
 */
export function useCartCheck(lines: CartLine[]) {
  const productIds = [...new Set(lines.map((l) => l.productId))];
  return useQueries({
    queries: productIds.map((id) => ({
      // Its own key: a gone product is null here, where the product page wants its 404.
      queryKey: [...catalogKeys.all, 'cart-check', id] as const,
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        try {
          return await api<Product>(`/catalog/products/${encodeURIComponent(id)}`, { signal });
        } catch (err) {
          if (err instanceof ApiError && err.status === 404) return null;
          throw err;
        }
      },
      staleTime: 10_000,
    })),
    combine: (results) => {
      const states = new Map<string, LineState>();
      results.forEach((r, i) => {
        if (r.data === undefined) return;
        const productId = productIds[i];
        for (const line of lines.filter((l) => l.productId === productId)) {
          const sku = r.data?.skus.find((s) => s.id === line.skuId);
          states.set(line.skuId, sku && r.data?.onSale && sku.active ? { priceFen: sku.priceFen, available: sku.available, onSale: true } : { priceFen: line.priceFen, available: 0, onSale: false });
        }
      });
      return { states, checking: results.some((r) => r.isPending) };
    },
  });
}

/** What stops a line from being ordered: gone from the shop, sold out, or fewer left than wanted. */
export function lineProblem(line: CartLine, state: LineState | undefined): 'gone' | 'soldOut' | 'tooMany' | null {
  if (!state) return null;
  if (!state.onSale) return 'gone';
  if (state.available <= 0) return 'soldOut';
  if (state.available < line.quantity) return 'tooMany';
  return null;
}
