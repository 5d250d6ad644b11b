import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from './http.js';
import type { ApiListItem } from './generated/openapi.js';

/**
 * Farm inputs a producer bought at stations and village points (server: src/modules/trace/station-purchases.ts),
 * newest first; a pesticide carries `sprayCheck`: recorded, waiting (the 30 days not over) or missing
 * (购药后30天未见用药记录).
 */
export type StationPurchase = ApiListItem<'GET /api/v1/trace/producers/{id}/station-purchases'>;
export type SprayCheck = NonNullable<StationPurchase['sprayCheck']>;

export function useStationPurchases(producerId: string | undefined, limit = 20) {
  return useInfiniteQuery({
    queryKey: ['trace', 'station-purchases', producerId ?? '', limit],
    queryFn: ({ pageParam, signal }) => api<Page<StationPurchase>>(`/trace/producers/${encodeURIComponent(producerId!)}/station-purchases`, { query: { limit, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!producerId,
  });
}
