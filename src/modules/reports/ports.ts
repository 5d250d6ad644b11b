/**
 * What reports need of others: the statistics door (the figures of a period, series, breakdowns, the catalogue
 * and targets) and the county's name. Shapes copied from the stats door's contract, only what reports read.
 */
export type Grain = 'day' | 'month' | 'quarter' | 'year';
export type Dim = 'township' | 'village' | 'category' | 'brand' | 'pavilion' | 'channel' | 'source' | 'platform' | 'kind' | 'product' | 'track';
export type Unit = 'fen' | 'count' | 'person_times' | 'percent' | 'households';

export interface FigureTarget {
  value: number | null;
  growthPct: number | null;
  due: string | null;
  label: string;
}

export interface FigureValue {
  indicator: string;
  name: string;
  unit: Unit;
  /** null: no source yet (待接入), never shown as 0. */
  value: number | null;
  previousPeriod: number | null;
  previousYear: number | null;
  momPct: number | null;
  yoyPct: number | null;
  target: FigureTarget | null;
  status: 'live' | 'awaiting_source';
}

export interface IndicatorInfo {
  key: string;
  name: string;
  unit: Unit;
  status: 'live' | 'awaiting_source';
  owner?: string;
  definition?: string;
  headline?: boolean;
  /** A level summed from the start (累计): its figure for a period is everything up to the period's end. */
  cumulativeOf?: string;
}

export interface BreakdownRow {
  key: string;
  label: string;
  value: number;
  /** Of the county's figure, as a fraction (0.652). */
  share: number | null;
  yoyPct: number | null;
}

/** The statistics door (stats module's `figures`). */
export interface ReportFigures {
  indicators(): IndicatorInfo[];
  period(grain: Grain, period: string, place?: { township?: string; village?: string }): Promise<FigureValue[]>;
  series(q: { indicator: string; grain: Grain; from: string; to: string; dim?: Dim; dimValue?: string }): Promise<{ period: string; value: number | null }[]>;
  breakdown(q: { indicator: string; grain: Grain; period: string; dim: Dim; township?: string }): Promise<BreakdownRow[]>;
  fingerprint(grain: Grain, period: string): Promise<string>;
}

/** The county's code and name (network), for the reports' titles. */
export interface CountyName {
  county(): Promise<{ code: string; name: string }>;
}

export interface ReportsPorts {
  figures: ReportFigures;
  county: CountyName;
}
