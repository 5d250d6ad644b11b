import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, type Page } from './http.js';
import type { ApiBody, ApiListItem, ApiQuery, ApiResponse } from './generated/openapi.js';

/** A market player (市场主体); `contactPhone` is whole for the county office and the owner account, else masked. */
export type Player = ApiListItem<'GET /api/v1/players/players'>;
export type PlayerDetail = ApiResponse<'GET /api/v1/players/players/{id}'>;
export type Shop = ApiListItem<'GET /api/v1/players/shops'>;
export type Report = ApiListItem<'GET /api/v1/players/reports'>;
export type NewPlayer = ApiBody<'POST /api/v1/players/players'>;
export type NewShop = ApiBody<'POST /api/v1/players/players/{id}/shops'>;
export type NewReport = ApiBody<'POST /api/v1/players/reports'>;
export type PlayerFilter = Omit<ApiQuery<'GET /api/v1/players/players'>, 'limit' | 'cursor'>;
export type ReportFilter = Omit<ApiQuery<'GET /api/v1/players/reports'>, 'limit' | 'cursor'>;
export type ImportResult = ApiResponse<'POST /api/v1/players/reports/import'>;
export type PlayerKind = Player['kind'];
export type Platform = Shop['platform'];
export type MonthFigures = ApiResponse<'GET /api/v1/players/players/{id}/months'>['months'][number];

/** The kinds and platforms in the order the forms offer them (the API's own lists). */
export const PLAYER_KINDS = ['enterprise', 'cooperative', 'service_firm', 'trader', 'individual'] as const satisfies readonly PlayerKind[];
export const PLATFORMS = ['taobao', 'tmall', 'jd', 'pdd', 'douyin', 'kuaishou', 'weidian', 'wechat', 'other'] as const satisfies readonly Platform[];

const PAGE_SIZE = 50;

export const playersKeys = {
  all: ['players'] as const,
  list: (filter: PlayerFilter) => ['players', 'list', filter] as const,
  one: (id: string) => ['players', 'one', id] as const,
  months: (id: string) => ['players', 'months', id] as const,
  reports: (filter: ReportFilter) => ['players', 'reports', filter] as const,
  missing: (month: string | undefined) => ['players', 'missing', month ?? ''] as const,
};

const playerPath = (id: string) => `/players/players/${encodeURIComponent(id)}`;

export function usePlayers(filter: PlayerFilter) {
  return useInfiniteQuery({
    queryKey: playersKeys.list(filter),
    queryFn: ({ pageParam, signal }) => api<Page<Player>>('/players/players', { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function usePlayer(id: string) {
  return useQuery({ queryKey: playersKeys.one(id), queryFn: ({ signal }) => api<PlayerDetail>(playerPath(id), { signal }) });
}

/** A player's last 24 months: the sum of its shops' current reports. */
export function usePlayerMonths(id: string) {
  return useQuery({ queryKey: playersKeys.months(id), queryFn: ({ signal }) => api<{ months: MonthFigures[] }>(`${playerPath(id)}/months`, { signal }) });
}

/** Every report of a player's shops, each version (a player has a few shops and at most a few hundred reports). */
export function usePlayerReports(playerId: string) {
  const filter = { playerId, history: true };
  return useQuery({ queryKey: playersKeys.reports(filter), queryFn: ({ signal }) => fetchAll<Report>('/players/reports', filter, signal) });
}

export function useReports(filter: ReportFilter) {
  return useInfiniteQuery({
    queryKey: playersKeys.reports(filter),
    queryFn: ({ pageParam, signal }) => api<Page<Report>>('/players/reports', { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useMissingReports(month: string | undefined) {
  return useInfiniteQuery({
    queryKey: playersKeys.missing(month),
    queryFn: ({ pageParam, signal }) => api<Page<Shop> & { month: string }>('/players/reports/missing', { query: { month, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

const invalidate = (client: ReturnType<typeof useQueryClient>) => client.invalidateQueries({ queryKey: playersKeys.all });

export function useRegisterPlayer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ player, idempotencyKey }: { player: NewPlayer; idempotencyKey: string }) => api<Player>('/players/players', { method: 'POST', body: player, idempotencyKey }),
    onSuccess: () => invalidate(client),
  });
}

export function useAddShop(playerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ shop, idempotencyKey }: { shop: NewShop; idempotencyKey: string }) => api<Shop>(`${playerPath(playerId)}/shops`, { method: 'POST', body: shop, idempotencyKey }),
    onSuccess: () => invalidate(client),
  });
}

export function useCloseShop() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ shopId, closedOn }: { shopId: string; closedOn: string }) => api<Shop>(`/players/shops/${encodeURIComponent(shopId)}/close`, { method: 'POST', body: { closedOn } }),
    onSettled: () => invalidate(client),
  });
}

export function useReportMonth() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ report, idempotencyKey }: { report: NewReport; idempotencyKey: string }) => api<Report>('/players/reports', { method: 'POST', body: report, idempotencyKey }),
    onSuccess: () => invalidate(client),
  });
}

export function useReviewReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) => api<Report>(`/players/reports/${encodeURIComponent(id)}/review`, { method: 'POST', body: { note } }),
    onSettled: () => invalidate(client),
  });
}

/** Sends an .xlsx of reports; a 400 IMPORT_ROWS_INVALID carries `details.rows` ({ row, column, message }). */
export function useImportReports() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return api<ImportResult>('/players/reports/import', { method: 'POST', body });
    },
    onSuccess: () => invalidate(client),
  });
}

export const TEMPLATE_URL = '/api/v1/players/reports/template.xlsx';
