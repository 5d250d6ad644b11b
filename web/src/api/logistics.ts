import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey, type Page } from './http.js';
import { MATCH_STATES, PARCEL_CARRIERS, PARCEL_STATUSES, PROBLEM_CODES, ROUTE_MODES, RUN_STATUSES, SCAN_TYPES, type ApiBody, type ApiListItem, type ApiQuery, type ApiResponse, type ItemOf } from './generated/openapi.js';

/** Carriers the county warehouse takes, in the Kuaidi100 spelling. */
export { MATCH_STATES, PARCEL_CARRIERS, PARCEL_STATUSES, PROBLEM_CODES, ROUTE_MODES, RUN_STATUSES, SCAN_TYPES };
export type ParcelCarrier = (typeof PARCEL_CARRIERS)[number];
export type ParcelStatus = (typeof PARCEL_STATUSES)[number];
export type ScanType = (typeof SCAN_TYPES)[number];
export type MatchState = (typeof MATCH_STATES)[number];
/** Why a scan was flagged or a parcel has a problem (server lifecycle.ts); the console translates these. */
export type ProblemCode = (typeof PROBLEM_CODES)[number];
export type RouteMode = (typeof ROUTE_MODES)[number];
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * A parcel; `recipientPhone` is masked (138****5678) except for the recipient and the handling village point,
 * `problem` is in English (problemCode says it for translation), `onTime` is null while still undecided.
 */
export type Parcel = ApiListItem<'GET /api/v1/logistics/parcels'>;
export type ParcelDetail = ApiResponse<'GET /api/v1/logistics/parcels/{id}'>;
export type ParcelEvent = ItemOf<ParcelDetail['events']>;
export type ParcelFilter = Omit<ApiQuery<'GET /api/v1/logistics/parcels'>, 'limit' | 'cursor'>;
export type ScanInput = ApiBody<'POST /api/v1/logistics/scans'>;
export type ScanResult = ApiResponse<'POST /api/v1/logistics/scans'>;
export type BatchResult = Omit<ApiResponse<'POST /api/v1/logistics/scans/batch'>, 'outcomes'>;

/** A client-made scan id: the server stores a retried scan once. */
export const newEventId = (prefix = 'ev') => `${prefix}-${newIdempotencyKey()}`;

const KEY = ['logistics'] as const;

export function useParcels(filter: ParcelFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'parcels', filter],
    queryFn: ({ pageParam, signal }) => api<Page<Parcel>>('/logistics/parcels', { query: { ...filter, limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useParcel(id: string | undefined) {
  return useQuery({ queryKey: [...KEY, 'parcel', id], queryFn: ({ signal }) => api<ParcelDetail>(`/logistics/parcels/${id}`, { signal }), enabled: !!id });
}

/** Every logistics query is stale after a change: a scan moves lists, runs and the dashboard at once. */
export function useInvalidateLogistics() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: KEY });
}

export function useScan() {
  const invalidate = useInvalidateLogistics();
  return useMutation({ mutationFn: (scan: ScanInput) => api<ScanResult>('/logistics/scans', { method: 'POST', body: scan }), onSuccess: invalidate });
}

export function useScanBatch() {
  const invalidate = useInvalidateLogistics();
  return useMutation({ mutationFn: (scans: ScanInput[]) => api<BatchResult>('/logistics/scans/batch', { method: 'POST', body: { scans } }), onSuccess: invalidate });
}

export const logisticsKey = KEY;
