import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, type Page } from './http.js';
import { logisticsKey, useInvalidateLogistics, type Parcel } from './logistics.js';
import type { ApiBody, ApiListItem, ApiResponse, ItemOf } from './generated/openapi.js';

/** A delivery route: county warehouse → its stops in order, on a timetable (departures HH:MM Asia/Shanghai, ISO weekdays). */
export type DeliveryRoute = ApiListItem<'GET /api/v1/logistics/routes'>;

/** The body of POST /logistics/routes and PUT /logistics/routes/:id (a PUT replaces the whole route). */
export type RouteInput = ApiBody<'POST /api/v1/logistics/routes'>;

/** A run of a route on one date; `byCarrier` counts by carrier code, `produce` for what villages send up. */
export type Run = ApiListItem<'GET /api/v1/logistics/runs'>;
export type RunDetail = ApiResponse<'GET /api/v1/logistics/runs/{id}'>;
/** One stop: `dropOff` the parcels it receives, `pickUp` the produce it sends up. */
export type RunStop = ItemOf<RunDetail['stops']>;
export type NewRun = ApiBody<'POST /api/v1/logistics/runs'>;

export type PromiseSummary = ApiResponse<'GET /api/v1/logistics/promise'>;
/** On-time figures of one group (a township, route or carrier; `overall` for the county); `share` is null when nothing is decided. */
export type PromiseShare = PromiseSummary['overall'];

export type LogisticsAlert = ApiListItem<'GET /api/v1/logistics/alerts'>;

/** Under logisticsKey, so a scan (useInvalidateLogistics) makes them all stale. */
export const dispatchKeys = {
  routes: [...logisticsKey, 'routes'] as const,
  runs: (date: string) => [...logisticsKey, 'runs', date] as const,
  run: (id: string) => [...logisticsKey, 'run', id] as const,
  promise: (from?: string, to?: string) => [...logisticsKey, 'promise', { from, to }] as const,
  overdue: (atRisk: boolean) => [...logisticsKey, 'overdue', { atRisk }] as const,
  alerts: [...logisticsKey, 'alerts'] as const,
};

/** Delivery routes, every page of them; also names a parcel's route on the parcels and sorting pages. */
export function useRoutes(enabled = true) {
  return useQuery({
    queryKey: dispatchKeys.routes,
    queryFn: ({ signal }) => fetchAll<DeliveryRoute>('/logistics/routes', {}, signal),
    enabled,
  });
}

/** Creates a route (with an idempotency key per opened form) or replaces one. */
export function useSaveRoute() {
  const invalidate = useInvalidateLogistics();
  return useMutation({
    mutationFn: ({ id, route, idempotencyKey }: { id?: string; route: RouteInput; idempotencyKey?: string }) =>
      id ? api<DeliveryRoute>(`/logistics/routes/${encodeURIComponent(id)}`, { method: 'PUT', body: route }) : api<DeliveryRoute>('/logistics/routes', { method: 'POST', body: route, idempotencyKey }),
    onSuccess: invalidate,
  });
}

/** One day's runs (Asia/Shanghai date), every page of them: the day's board shows them all. */
export function useRuns(date: string) {
  return useQuery<Run[]>({
    queryKey: dispatchKeys.runs(date),
    queryFn: ({ signal }) => fetchAll<Run>('/logistics/runs', { date }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRun(id: string | undefined) {
  return useQuery({
    queryKey: dispatchKeys.run(id ?? ''),
    queryFn: ({ signal }) => api<RunDetail>(`/logistics/runs/${encodeURIComponent(id!)}`, { signal }),
    enabled: !!id,
  });
}

/** Every change to a run answers the run with its stops: keep that, then let the lists catch up. */
function useRunChanged() {
  const client = useQueryClient();
  const invalidate = useInvalidateLogistics();
  return (run: RunDetail) => {
    client.setQueryData(dispatchKeys.run(run.id), run);
    void invalidate();
  };
}

/** Plans a run; a second plan of the same route, day and departure answers 409 RUN_EXISTS. */
export function usePlanRun() {
  const changed = useRunChanged();
  return useMutation({
    mutationFn: (run: NewRun) => api<RunDetail>('/logistics/runs', { method: 'POST', body: run }),
    onSuccess: changed,
  });
}

/** 发车 (depart) or 完成 (complete). */
export function useRunAction() {
  const changed = useRunChanged();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'depart' | 'complete' }) => api<RunDetail>(`/logistics/runs/${encodeURIComponent(id)}/${action}`, { method: 'POST', body: {} }),
    onSuccess: changed,
  });
}

/** 交接签收 at one stop, signed by who took the parcels. */
export function useHandover() {
  const changed = useRunChanged();
  return useMutation({
    mutationFn: ({ id, siteId, signedBy }: { id: string; siteId: string; signedBy: string }) =>
      api<RunDetail>(`/logistics/runs/${encodeURIComponent(id)}/stops/${encodeURIComponent(siteId)}/handover`, { method: 'POST', body: { signedBy } }),
    onSuccess: changed,
  });
}

/** The 48-hour promise over parcels received from `from` to `to` (server default: the last 30 days). */
export function usePromise(from?: string, to?: string) {
  return useQuery({
    queryKey: dispatchKeys.promise(from, to),
    queryFn: ({ signal }) => api<PromiseSummary>('/logistics/promise', { query: { from, to }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Parcels past 48 h (or, with atRisk, 36 h) not yet at their point, oldest first. */
export function useOverdue(atRisk: boolean) {
  return useInfiniteQuery({
    queryKey: dispatchKeys.overdue(atRisk),
    queryFn: ({ pageParam, signal }) => api<Page<Parcel>>('/logistics/overdue', { query: { atRisk: atRisk || undefined, limit: 20, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Open alerts (past 36 h), newest first, a page at a time. */
export function useAlerts() {
  return useInfiniteQuery({
    queryKey: dispatchKeys.alerts,
    queryFn: ({ pageParam, signal }) => api<Page<LogisticsAlert>>('/logistics/alerts', { query: { limit: 20, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
