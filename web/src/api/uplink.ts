import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from './http.js';
import type { ApiBody, ApiListItem, ApiResponse } from './generated/openapi.js';

/** An endpoint the county pushes its figures to (a city's, province's or the nation's platform). */
export type UplinkEndpoint = ApiListItem<'GET /api/v1/uplink/endpoints'>;
export type UplinkEndpointCreated = ApiResponse<'POST /api/v1/uplink/endpoints'>;
export type UplinkEndpointInput = ApiBody<'POST /api/v1/uplink/endpoints'>;
/** One version of one indicator's figure of one period, sent (or to be sent) to one endpoint. */
export type UplinkDelivery = ApiListItem<'GET /api/v1/uplink/deliveries'>;
export type UplinkDeliveryStatus = UplinkDelivery['status'];
/** A figure received by this deployment's inbox (the demo city's view). */
export type UplinkInboxMessage = ApiListItem<'GET /api/v1/uplink/inbox'>;
export type UplinkPushResult = ApiResponse<'POST /api/v1/uplink/push'>;
/** An indicator the county reports upward (key, Chinese name, unit). */
export type UplinkIndicator = ApiResponse<'GET /api/v1/uplink/indicators'>['indicators'][number];

const key = ['uplink'] as const;
/** Sends run every minute: the log shows what happened within this. */
const REFRESH_MS = 15_000;

export function useUplinkEndpoints() {
  return useQuery({ queryKey: [...key, 'endpoints'], queryFn: ({ signal }) => api<Page<UplinkEndpoint>>('/uplink/endpoints', { query: { limit: 100 }, signal }) });
}

/** The indicators the county reports, for the delivery log's filter. */
export function useUplinkIndicators() {
  return useQuery({ queryKey: [...key, 'indicators'], queryFn: ({ signal }) => api<ApiResponse<'GET /api/v1/uplink/indicators'>>('/uplink/indicators', { signal }), staleTime: 5 * 60_000 });
}

/** The delivery log, newest first, a page at a time (加载更多). */
export function useUplinkDeliveries(filter: { endpointId?: string; status?: UplinkDeliveryStatus; indicator?: string }) {
  return useInfiniteQuery({
    queryKey: [...key, 'deliveries', filter],
    queryFn: ({ pageParam, signal }) => api<Page<UplinkDelivery>>('/uplink/deliveries', { query: { ...filter, limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}

/** What the inbox received, newest first, a page at a time (加载更多). */
export function useUplinkInbox() {
  return useInfiniteQuery({
    queryKey: [...key, 'inbox'],
    queryFn: ({ pageParam, signal }) => api<Page<UplinkInboxMessage>>('/uplink/inbox', { query: { limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: REFRESH_MS,
  });
}

export function useCreateUplinkEndpoint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UplinkEndpointInput) => api<UplinkEndpointCreated>('/uplink/endpoints', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useChangeUplinkEndpoint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; active?: boolean }) => api<UplinkEndpoint>(`/uplink/endpoints/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

/** 立即推送: prepare and send now. */
export function usePushNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<UplinkPushResult>('/uplink/push', { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
