import type { ProductFacts } from './inputs.js';

/** What the rollups need to know of products and sellers when an order is paid (catalog, parties, trace). */
export interface StatsProducts {
  /** Name, category (and whether it is farm produce), brand, pavilions and whether it has traced batches; unknown ids are left out. */
  products(productIds: string[]): Promise<Map<string, ProductFacts>>;
  /** A seller's name and the township and village it is registered in. */
  seller(sellerId: string): Promise<{ name: string; townshipCode: string | null; villageCode: string | null } | null>;
}

export interface DivisionFacts {
  code: string;
  name: string;
  level: 'township' | 'village';
  parentCode: string | null;
  isPoor: boolean;
}

/** The county's division tree and its village points (network). */
export interface StatsPlaces {
  county(): Promise<{ code: string; name: string }>;
  /** Townships and villages in force today. */
  divisions(): Promise<DivisionFacts[]>;
  /** The township and village of a site (a village operator's scope). */
  siteVillage(siteId: string): Promise<{ townshipCode: string | null; villageCode: string | null } | null>;
  /** Village points (all states) with their village and whether they operate. */
  points(): Promise<{ townshipCode: string | null; villageCode: string; operating: boolean }[]>;
}

export interface CoverageCounts {
  townships: number;
  townshipsReached: number;
  poorTownships: number;
  poorTownshipsWithStation: number;
  villages: number;
  villagesWithPoint: number;
  poorVillages: number;
  poorVillagesWithPoint: number;
  perTownship: { code: string; villages: number; villagesWithPoint: number; poorVillages: number; poorVillagesWithPoint: number }[];
}

/** The network's coverage today, for the daily snapshot (network). */
export interface StatsCoverage {
  counts(): Promise<CoverageCounts>;
}

export interface StatsPorts {
  products: StatsProducts;
  places: StatsPlaces;
  coverage: StatsCoverage;
}
