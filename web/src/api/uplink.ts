import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

const key = ['uplink'] as const;
/** Sends run every minute: the log shows what happened within this. */
const REFRESH_MS = 15_000;

export function useUplinkEndpoints() {
  return useQuery({ queryKey: [...key, 'endpoints'], queryFn: ({ signal }) => api<Page<UplinkEndpoint>>('/uplink/endpoints', { query: { limit: 100 }, signal }) });
}

export function useUplinkDeliveries(filter: { endpointId?: string; status?: UplinkDeliveryStatus }) {
  return useQuery({
    queryKey: [...key, 'deliveries', filter],
    queryFn: ({ signal }) => api<Page<UplinkDelivery>>('/uplink/deliveries', { query: { limit: 200, ...filter }, signal }),
    refetchInterval: REFRESH_MS,
  });
}

export function useUplinkInbox() {
  return useQuery({ queryKey: [...key, 'inbox'], queryFn: ({ signal }) => api<Page<UplinkInboxMessage>>('/uplink/inbox', { query: { limit: 200 }, signal }), refetchInterval: REFRESH_MS });
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
