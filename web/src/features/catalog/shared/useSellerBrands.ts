import { useQueries } from '@tanstack/react-query';
import { catalogKeys, fetchLicences, useBrands } from '../../../api/catalog.js';

/** The regional brands a seller holds a licence in force for: only these may go on its products. */
export function useSellerBrands(sellerId: string | undefined) {
  const brands = useBrands();
  const list = brands.data ?? [];
  return useQueries({
    queries: list.map((b) => ({
      queryKey: catalogKeys.licences(b.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchLicences(b.id, signal),
      enabled: !!sellerId,
    })),
    combine: (results) => ({
      brands: list.filter((_, i) => results[i]?.data?.some((l) => l.sellerId === sellerId && l.inForce)),
      pending: brands.isPending || results.some((r) => r.isPending),
    }),
  });
}
