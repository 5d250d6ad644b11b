import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey, type Page } from './http.js';

/** Carriers the county warehouse takes, in the Kuaidi100 spelling. */
export const PARCEL_CARRIERS = ['ems', 'youzhengguonei', 'zhongtong', 'yuantong', 'shentong', 'yunda', 'jtexpress', 'shunfeng', 'jd'] as const;
export type ParcelCarrier = (typeof PARCEL_CARRIERS)[number];
export const PARCEL_STATUSES = ['created', 'opened', 'received_county', 'sorted', 'loaded', 'arrived_township', 'arrived_village', 'notified', 'picked_up', 'returned', 'handed_to_carrier'] as const;
export type ParcelStatus = (typeof PARCEL_STATUSES)[number];
export const SCAN_TYPES = ['received_county', 'sorted', 'loaded', 'arrived_township', 'arrived_village', 'notified', 'picked_up', 'returned', 'handed_to_carrier', 'problem', 'carrier_update'] as const;
export type ScanType = (typeof SCAN_TYPES)[number];
export const MATCH_STATES = ['matched', 'unmatched', 'no_manifest'] as const;
export type MatchState = (typeof MATCH_STATES)[number];
/** Why a scan was flagged or a parcel has a problem (server lifecycle.ts); the console translates these. */
export const PROBLEM_CODES = ['OUT_OF_SEQUENCE', 'NOT_AT_POINT', 'ALREADY_FINISHED', 'WRONG_DIRECTION', 'PICKUP_CODE_WRONG', 'NO_MANIFEST', 'REPORTED'] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];
export const ROUTE_MODES = ['county_truck', 'postal_van', 'rural_bus'] as const;
export type RouteMode = (typeof ROUTE_MODES)[number];
export const RUN_STATUSES = ['planned', 'departed', 'completed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface Parcel {
  id: string;
  direction: 'down' | 'up';
  carrier: string | null;
  carrierName: string | null;
  waybillNo: string | null;
  recipientName: string;
  /** Masked (138****5678) except for the recipient and the handling village point. */
  recipientPhone: string;
  address: string;
  weightG: number | null;
  description: string | null;
  matchState: MatchState;
  villageCode: string | null;
  villageName: string | null;
  townshipCode: string | null;
  townshipName: string | null;
  pointSiteId: string | null;
  pointName: string | null;
  routeId: string | null;
  runId: string | null;
  status: ParcelStatus;
  /** In English; problemCode says it for translation. */
  problem: string | null;
  problemCode: ProblemCode | null;
  pickupCode: string | null;
  receivedAt: string | null;
  arrivedAt: string | null;
  transitMinutes: number | null;
  transitSeconds: number | null;
  /** Within 48 h of county receipt; null while still undecided. */
  onTime: boolean | null;
  pickedUpAt: string | null;
  lastEventAt: string | null;
  orderId: string | null;
  createdAt: string;
}

export interface ParcelEvent {
  eventId: string;
  type: ScanType;
  at: string;
  recordedAt: string;
  siteId: string | null;
  siteName: string | null;
  runId: string | null;
  note: string | null;
  flagged: boolean;
  flagReason: string | null;
  problemCode: ProblemCode | null;
}

export interface ParcelDetail extends Parcel {
  events: ParcelEvent[];
  suggestions: { code: string; name: string; townshipName: string }[];
  matchNote: string | null;
}

export interface ParcelFilter {
  direction?: 'down' | 'up';
  status?: ParcelStatus;
  match?: MatchState;
  carrier?: string;
  townshipCode?: string;
  pointSiteId?: string;
  runId?: string;
  waybillNo?: string;
  problem?: boolean;
}

export interface ScanInput {
  eventId: string;
  waybillNo?: string;
  parcelId?: string;
  carrier?: ParcelCarrier;
  type: ScanType;
  at?: string;
  siteId?: string;
  note?: string;
  pickupCode?: string;
}

export interface ScanResult {
  eventId: string;
  stored: boolean;
  flagged: string | null;
  flagCode: ProblemCode | null;
  parcel: Parcel;
}

export interface BatchResult {
  stored: number;
  duplicates: number;
  flagged: { eventId: string; code: ProblemCode; reason: string }[];
}

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
