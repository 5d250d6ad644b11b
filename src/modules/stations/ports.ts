import type { StationSiteKind } from './events.js';

/** A township station or village point as the stations module needs it (from the network). */
export interface StationSite {
  id: string;
  name: string;
  kind: StationSiteKind;
  townshipCode: string;
  townshipName: string;
  /** The village of a village point; null for a township station. */
  villageCode: string | null;
  villageName: string | null;
  /** Operating now: only an operating site records; a suspended or closed one keeps its history readable. */
  operating: boolean;
  /** The network's status (planned, building, operating, suspended, closed): what a refusal to record says. */
  status: 'planned' | 'building' | 'operating' | 'suspended' | 'closed';
}

/** The township stations and village points of the county (network), read through a short cache. */
export interface StationPlaces {
  /** One station or point (operating or not), or null (unknown or another kind of site). */
  site(id: string): Promise<StationSite | null>;
  /** The same read fresh from the network, not the cache: whether a site may record now (a suspension counts at once). */
  siteNow(id: string): Promise<StationSite | null>;
  /** Every operating station and point of a township (its township stations first). */
  sitesOfTownship(townshipCode: string): Promise<StationSite[]>;
  /** Every operating station and point of the county. */
  allSites(): Promise<StationSite[]>;
  /** The Chinese name of a township, or null. */
  townshipName(code: string): Promise<string | null>;
}

/** Registered poor households (parties). */
export interface StationHouseholds {
  /**
   * The registered poor household (建档立卡, in poverty or lifted) whose head, as the register keeps it, holds the
   * resident ID number with this keyed fingerprint (kernel.sealer.fingerprint), or null.
   */
  poorHouseholdOf(idFingerprint: string): Promise<string | null>;
}

/** Checks of identifiers other modules own (parties' resident ID rule). */
export interface StationIdentifiers {
  /** What is wrong with a resident ID number, or null. */
  residentIdProblem(id: string): string | null;
}

/**
 * Every port of the stations module. An owner of a part that needs another module adds its port here (one line),
 * to `requires` in index.ts (one line) and its answer in src/flows/wiring.ts (one line).
 */
export interface StationsPorts {
  places: StationPlaces;
  households: StationHouseholds;
  identifiers: StationIdentifiers;
  producers: import('./farm-inputs.ports.js').StationProducers;
  parcels: import('./services.ports.js').StationParcels;
  trace: import('./produce.ports.js').StationTrace;
  consignment: import('./consignment.ports.js').ConsignmentShop;
}
