import { useMemo } from 'react';
import { useManagedProducts, type Product } from '../../../api/catalog.js';
import { useProducers } from '../../../api/trace-farm.js';
import type { BatchView } from '../../../api/trace-batches.js';
import { formatFen } from '../../../app/format.js';

export interface SkuOption {
  value: string;
  label: string;
  product: Product;
}

/**
 * The SKUs a batch may become: the products of its producer's seller (a farmer's produce is sold by the managing
 * account, so every product it manages), grouped by product for the select.
 */
export function useSkuOptions(batch: BatchView) {
  const producers = useProducers();
  const sellerId = producers.data?.find((p) => p.id === batch.producerId)?.sellerId ?? undefined;
  const products = useManagedProducts(sellerId, !producers.isPending);
  return useMemo(() => {
    const list = products.data ?? [];
    const byId = new Map<string, SkuOption>();
    const groups = list
      .filter((p) => p.skus.length > 0)
      .map((p) => ({
        label: p.name,
        title: p.name,
        options: p.skus.map((s) => {
          const option: SkuOption = { value: s.id, label: `${p.name} · ${s.spec}（${formatFen(s.priceFen)}）`, product: p };
          byId.set(s.id, option);
          return { value: option.value, label: option.label };
        }),
      }));
    return { groups, byId, loading: producers.isPending || products.isPending, error: products.error };
  }, [products.data, products.isPending, products.error, producers.isPending]);
}
