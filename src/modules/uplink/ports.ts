import type { Grain } from './schedule-rule.js';

/** One indicator of the statistics catalogue, as far as reporting upward reads it. */
export interface UplinkIndicator {
  key: string;
  name: string;
  unit: string;
}

/** One figure of a period (the statistics module's FigureValue, the fields sent upward). */
export interface UplinkFigure {
  indicator: string;
  name: string;
  unit: string;
  /** null: no source yet; not sent. */
  value: number | null;
  previousPeriod: number | null;
  previousYear: number | null;
  momPct: number | null;
  yoyPct: number | null;
  status: string;
}

/** The county's figures, read from the statistics module's rollups (its `figures` door). */
export interface UplinkFigures {
  indicators(): readonly UplinkIndicator[];
  period(grain: Grain, period: string): Promise<readonly UplinkFigure[]>;
}

/** The county this deployment serves (network). */
export interface UplinkCounty {
  county(): Promise<{ code: string; name: string }>;
}

export interface UplinkPorts {
  figures: UplinkFigures;
  county: UplinkCounty;
}
