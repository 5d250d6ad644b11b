/** What the data screen draws, read from the API's one screen answer (GET /stats/screen). */
/**
 * A headline of the board. Only closed periods are compared: today has no change at all; the last closed month has
 * 同比 and 环比; the closed months of the year (1–N月累计) have 同比 on the same months a year before.
 */
export interface Headline {
  key: 'today' | 'lastMonth' | 'yearToDate' | 'yearToDateProduce' | 'yearToDateOrders' | 'activeShops';
  unit: 'fen' | 'count';
  value: number | null;
  yoyPct: number | null;
  momPct: number | null;
  /** Which changes the card shows: none (today), 同比 (the year so far), 同比 and 环比 (last month). */
  changes: 'none' | 'yoy' | 'yoyMom';
}

/** The periods the headlines name: the last closed month (YYYY-MM) and the closed months of a year (YYYY-01 … YYYY-MM). */
export interface HeadlinePeriods {
  lastMonth: string;
  yearToDate: { from: string; to: string };
}

export interface Ranked {
  label: string;
  value: number;
}

export interface Gauge {
  key: string;
  label: string;
  /** A percentage (92.3), null when it cannot be computed. */
  pct: number | null;
  /** The plan's target percentage, if any. */
  target: number | null;
}

/** A count since the programme began against its target (the county's only; null on a township's board). */
export interface TrainingGauge {
  key: 'all' | 'poor';
  /** null: no figure (never a made-up number). */
  total: number | null;
  target: number | null;
  /** This month's person-times. */
  month: number | null;
}

/** A township of the county on the county's board, a village of the township on a township's. */
export interface TownshipFlow {
  code: string;
  name: string;
  points: number;
  down: number;
  up: number;
  salesFen: number;
}

export interface ScreenModel {
  /** The whole county (the API's screen answer) or one township (a township operator's board). */
  level: 'county' | 'township';
  countyName: string;
  /** The township a township operator sees; null for the county. */
  townshipName: string | null;
  asOf: string;
  headlines: Headline[];
  periods: HeadlinePeriods;
  trend: { periods: string[]; platformFen: (number | null)[]; externalFen: (number | null)[]; targetFen: (number | null)[] };
  topProducts: Ranked[];
  topBrands: Ranked[];
  pavilions: Ranked[];
  poorHouseholds: number | null;
  poorIncomeFen: number | null;
  coverage: Gauge[];
  /** Training person-times since the programme began (and the poor's) against the plan's targets, with this month's. */
  training: TrainingGauge[];
  /** inTransit: null where the API has no figure (a township's board). */
  parcelsToday: { down: number; up: number; arrived: number; inTransit: number | null };
  townships: TownshipFlow[];
}
