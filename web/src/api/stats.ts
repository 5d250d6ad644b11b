import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, withQuery } from './http.js';
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
  kind: 'sum' | 'distinct' | 'ratio' | 'snapshot';
  numerator: string | null;
  denominator: string | null;
  dims: Dim[];
  sources: string[];
  owner: string;
  status: 'live' | 'awaiting_source';
  headline: boolean;
  monthlyOnly: boolean;
}

export interface Target {
  id: string;
  indicator: string;
  indicatorName: string;
  label: string;
  value: number | null;
  growthPct: number | null;
  due: string | null;
  updatedAt: string;
  updatedBy: string;
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

export interface Figures {
  grain: Grain;
  period: string;
  place: { level: 'county' | 'township' | 'village'; code: string; name: string };
  figures: FigureValue[];
}

export interface SeriesPoint {
  period: string;
  value: number | null;
}

export interface Series {
  indicator: string;
  name: string;
  unit: Unit;
  points: SeriesPoint[];
}

export interface BreakdownRow {
  key: string;
  label: string;
  value: number;
  /** Of the county's figure, 0–1. */
  share: number | null;
  yoyPct: number | null;
}

export interface Breakdown {
  indicator: string;
  name: string;
  unit: Unit;
  dim: Dim;
  items: BreakdownRow[];
}

/** One child of a place in the drill-down table: a township of the county or a village of a township. */
export interface PlaceRow {
  code: string;
  name: string;
  level: 'township' | 'village';
  isPoor: boolean;
  points: number;
  onlineRetailFen: number;
  parcelsDown: number;
  parcelsUp: number;
  /** Percent, one decimal. */
  onTimeShare: number | null;
  poorHouseholdsBenefiting: number;
}

export interface RebuildStatus {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  percent: number;
  requestedBy: string;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

interface Headline {
  indicator: string;
  name: string;
  unit: Unit;
  value: number | null;
  yoyPct: number | null;
}
interface Ranked {
  key: string;
  label: string;
  value: number;
  share: number | null;
}

/** GET /stats/screen: everything the data screen shows, in one answer. */
export interface Screen {
  county: { code: string; name: string };
  asOf: string;
  today: string;
  month: string;
  year: string;
  fingerprint: string;
  headline: { today: Headline[]; month: Headline[]; year: Headline[] };
  trend: { month: string; platformFen: number; externalFen: number; targetFen: number | null }[];
  topProducts: Ranked[];
  topBrands: Ranked[];
  pavilions: Ranked[];
  poverty: { incomeFen: number; households: number; povertyPavilionFen: number };
  gauges: { indicator: string; name: string; value: number | null; target: number | null; targetLabel: string | null; status: 'live' | 'awaiting_source' }[];
  parcelsToday: { down: number; up: number; arrived: number; inTransit: number };
  townships: { code: string; name: string; isPoor: boolean; points: number; parcelsDown: number; parcelsUp: number; salesFen: number }[];
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

export function useScreen() {
  return useQuery({
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
