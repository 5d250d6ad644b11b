/** What the data screen draws, read from the API's one screen answer (GET /stats/screen). */
export interface Headline {
  key: 'today' | 'month' | 'year' | 'yearProduce' | 'yearOrders' | 'activeShops';
  unit: 'fen' | 'count';
  value: number | null;
  yoyPct: number | null;
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

export interface TownshipFlow {
  code: string;
  name: string;
  points: number;
  down: number;
  up: number;
  salesFen: number;
}

export interface ScreenModel {
  countyName: string;
  /** The township a township operator sees; null for the county. */
  townshipName: string | null;
  asOf: string;
  headlines: Headline[];
  trend: { periods: string[]; platformFen: (number | null)[]; externalFen: (number | null)[]; targetFen: (number | null)[] };
  topProducts: Ranked[];
  topBrands: Ranked[];
  pavilions: Ranked[];
  poorHouseholds: number | null;
  poorIncomeFen: number | null;
  coverage: Gauge[];
  /** null until the training module publishes (issue 15): the screen says so, never a made-up number. */
  training: { value: number | null; poor: number | null; target: number | null };
  parcelsToday: { down: number; up: number; arrived: number; inTransit: number };
  townships: TownshipFlow[];
}
