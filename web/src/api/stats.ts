import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from './http.js';
import type { SiteDetail } from './network.js';

/** 统计: indicators, figures of a place and period, the drill-down's children, the data screen, rebuilds. */
export type Grain = 'day' | 'month' | 'quarter' | 'year';
export type Dim = 'township' | 'village' | 'category' | 'brand' | 'pavilion' | 'channel' | 'source' | 'platform' | 'kind' | 'product';
export type Unit = 'fen' | 'count' | 'person_times' | 'percent' | 'households';

export interface IndicatorDef {
  key: string;
  name: string;
  nameEn: string;
  unit: Unit;
  definition: string;
  formula: string;
  kind: string;
  dims: Dim[];
  sources: string[];
  owner: string;
  status: 'live' | 'awaiting_source';
  headline: boolean;
}

export interface Target {
  id: string;
  indicator: string;
  value: number | null;
  growthPct: number | null;
  due: string | null;
  label: string;
}

export interface FigureValue {
  indicator: string;
  name: string;
  unit: Unit;
  value: number | null;
  previousPeriod: number | null;
  previousYear: number | null;
  momPct: number | null;
  yoyPct: number | null;
  target: { value: number | null; growthPct: number | null; due: string | null; label: string } | null;
  status: 'live' | 'awaiting_source';
}

export interface SeriesPoint {
  period: string;
  value: number | null;
}

export interface BreakdownRow {
  key: string;
  label: string;
  value: number;
  share: number | null;
  yoyPct: number | null;
}

/** One child of a place in the drill-down table: a township of the county or a village of a township. */
export interface PlaceRow {
  code: string;
  name: string;
  points: number;
  onlineRetailFen: number;
  parcelsDown: number;
  parcelsUp: number;
  onTimeShare: number | null;
  poorHouseholdsBenefiting: number;
}

export interface Places {
  level: 'township' | 'village';
  items: PlaceRow[];
}

export interface RebuildStatus {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  percent: number;
  startedAt: string | null;
  finishedAt: string | null;
}

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

const itemsOf = <T,>(answer: T[] | { items: T[] }): T[] => (Array.isArray(answer) ? answer : answer.items);

export function useIndicators() {
  return useQuery({
    queryKey: statsKeys.indicators,
    queryFn: async ({ signal }) => itemsOf(await api<IndicatorDef[] | { items: IndicatorDef[] }>('/stats/indicators', { signal })),
    staleTime: 5 * 60_000,
  });
}

export function useTargets() {
  return useQuery({
    queryKey: statsKeys.targets,
    queryFn: async ({ signal }) => itemsOf(await api<Target[] | { items: Target[] }>('/stats/targets', { signal })),
  });
}

export function useFigures(grain: Grain, period: string, place: Place, enabled = true) {
  return useQuery({
    enabled,
    queryKey: statsKeys.figures(grain, period, place),
    queryFn: async ({ signal }) => itemsOf(await api<FigureValue[] | { items: FigureValue[] }>('/stats/figures', { query: { grain, period, ...place }, signal })),
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
    queryFn: async ({ signal }) => itemsOf(await api<SeriesPoint[] | { items: SeriesPoint[] }>('/stats/series', { query: { ...q }, signal })),
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
    queryFn: async ({ signal }) => itemsOf(await api<BreakdownRow[] | { items: BreakdownRow[] }>('/stats/breakdown', { query: { ...q }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function usePlaces(grain: Grain, period: string, township?: string) {
  return useQuery({
    queryKey: statsKeys.places(grain, period, township),
    queryFn: ({ signal }) => api<Places>('/stats/places', { query: { grain, period, township }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The data screen reads again every 30 s; the last answer stays on the wall while the next one comes. */
export const SCREEN_REFRESH_MS = 30_000;

export function useScreen<T>() {
  return useQuery({
    queryKey: statsKeys.screen,
    queryFn: ({ signal }) => api<T>('/stats/screen', { signal }),
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
    queryFn: ({ signal }) => api<RebuildStatus | null>('/stats/rebuilds/latest', { signal }),
    enabled,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
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
