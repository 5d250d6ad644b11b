import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, withQuery } from './http.js';
import type { ApiListItem, ApiQuery, ApiResponse, ItemOf } from './generated/openapi.js';
import type { SiteDetail } from './network.js';

/** 统计: indicators, figures of a place and period, the drill-down's children, the data screen, rebuilds. */
export type Grain = ApiQuery<'GET /api/v1/stats/figures'>['grain'];
export type Dim = ApiQuery<'GET /api/v1/stats/breakdown'>['dim'];

export type IndicatorDef = ApiListItem<'GET /api/v1/stats/indicators'>;
export type Unit = IndicatorDef['unit'];
export type Target = ApiListItem<'GET /api/v1/stats/targets'>;
/** Every figure of a period at a place (with the place's name). */
export type Figures = ApiResponse<'GET /api/v1/stats/figures'>;
export type FigureValue = ItemOf<Figures['figures']>;
export type Series = ApiResponse<'GET /api/v1/stats/series'>;
export type SeriesPoint = ItemOf<Series['points']>;
export type Breakdown = ApiResponse<'GET /api/v1/stats/breakdown'>;
/** `share` is of the county's figure, 0–1. */
export type BreakdownRow = ItemOf<Breakdown['items']>;
/** One child of a place in the drill-down table: a township of the county or a village of a township; onTimeShare in percent. */
export type PlaceRow = ApiListItem<'GET /api/v1/stats/places'>;
export type RebuildStatus = ApiResponse<'POST /api/v1/stats/rebuilds'>;
/** GET /stats/screen: everything the data screen shows, in one answer. */
export type Screen = ApiResponse<'GET /api/v1/stats/screen'>;

/** Where a figure is read: the county (no township), a township, or one of its villages. */
export interface Place {
  township?: string;
  village?: string;
}

export const statsKeys = {
  all: ['stats'] as const,
  indicators: ['stats', 'indicators'] as const,
  targets: ['stats', 'targets'] as const,
  figures: (grain: Grain, period: string, place: Place) => ['stats', 'figures', grain, period, place] as const,
  series: (q: SeriesQuery) => ['stats', 'series', q] as const,
  breakdown: (q: BreakdownQuery) => ['stats', 'breakdown', q] as const,
  places: (grain: Grain, period: string, township?: string) => ['stats', 'places', grain, period, township ?? null] as const,
  screen: ['stats', 'screen'] as const,
  rebuild: ['stats', 'rebuilds', 'latest'] as const,
};

export function useIndicators() {
  return useQuery({
    queryKey: statsKeys.indicators,
    queryFn: ({ signal }) => fetchAll<IndicatorDef>('/stats/indicators', {}, signal),
    staleTime: 5 * 60_000,
  });
}

export function useTargets() {
  return useQuery({
    queryKey: statsKeys.targets,
    queryFn: ({ signal }) => fetchAll<Target>('/stats/targets', {}, signal),
  });
}

export function useFigures(grain: Grain, period: string, place: Place, enabled = true) {
  return useQuery({
    enabled,
    queryKey: statsKeys.figures(grain, period, place),
    queryFn: ({ signal }) => api<Figures>('/stats/figures', { query: { grain, period, ...place }, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface SeriesQuery {
  indicator: string;
  grain: Grain;
  from: string;
  to: string;
  dim?: Dim;
  dimValue?: string;
}

export function useSeries(q: SeriesQuery) {
  return useQuery({
    queryKey: statsKeys.series(q),
    queryFn: ({ signal }) => api<Series>('/stats/series', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface BreakdownQuery {
  indicator: string;
  grain: Grain;
  period: string;
  dim: Dim;
  township?: string;
}

export function useBreakdown(q: BreakdownQuery) {
  return useQuery({
    queryKey: statsKeys.breakdown(q),
    queryFn: ({ signal }) => api<Breakdown>('/stats/breakdown', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePlaces(grain: Grain, period: string, township?: string) {
  return useQuery({
    queryKey: statsKeys.places(grain, period, township),
    // A township has a few dozen villages, a county a dozen townships: every page.
    queryFn: ({ signal }) => fetchAll<PlaceRow>('/stats/places', { grain, period, township }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The data screen reads again every 30 s; the last answer stays on the wall while the next one comes. */
export const SCREEN_REFRESH_MS = 30_000;

export function useScreen(enabled = true) {
  return useQuery({
    enabled,
    queryKey: statsKeys.screen,
    queryFn: ({ signal }) => api<Screen>('/stats/screen', { signal }),
    refetchInterval: SCREEN_REFRESH_MS,
    refetchIntervalInBackground: true,
    placeholderData: keepPreviousData,
  });
}

/** The drill-down as a workbook: the browser downloads it with the session cookie. */
export const exportUrl = (grain: Grain, period: string, place: Place) => withQuery('/api/v1/stats/export.xlsx', { grain, period, ...place });

/** The last rebuild; polled every second while one runs. */
export function useLatestRebuild(enabled: boolean) {
  return useQuery({
    queryKey: statsKeys.rebuild,
    queryFn: async ({ signal }) => (await api<{ rebuild: RebuildStatus | null }>('/stats/rebuilds/latest', { signal })).rebuild,
    enabled,
    refetchInterval: (query) => {
      const status = query.state.data?.state;
      return status === 'queued' || status === 'running' ? 1_000 : false;
    },
  });
}

export function useStartRebuild() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (idempotencyKey: string) => api<RebuildStatus>('/stats/rebuilds', { method: 'POST', body: {}, idempotencyKey }),
    onSuccess: (started) => {
      qc.setQueryData(statsKeys.rebuild, started);
      void qc.invalidateQueries({ queryKey: statsKeys.rebuild });
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: statsKeys.all, predicate: (q) => q.queryKey[1] !== 'rebuilds' }),
  });
}

/** A village operator's own site: its village and township are the place its statistics are read for. */
export function useOwnSite(id: string | null) {
  return useQuery({
    queryKey: ['network', 'site', id ?? ''],
    queryFn: ({ signal }) => api<SiteDetail>(`/network/sites/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}
