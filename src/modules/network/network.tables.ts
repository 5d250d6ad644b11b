export const DIVISION_LEVELS = ['county', 'township', 'village'] as const;
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];

/** 镇, 乡 (incl. 民族乡), 街道, 行政村, 社区. */
export const DIVISION_KINDS = ['county', 'town', 'township', 'subdistrict', 'village', 'community'] as const;
export type DivisionKind = (typeof DIVISION_KINDS)[number];

export const SITE_KINDS = ['county_centre', 'township_station', 'village_point', 'county_warehouse', 'township_transfer', 'village_delivery'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export const SITE_STATUSES = ['planned', 'building', 'operating', 'suspended', 'closed'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

/** 代买, 代卖, parcels, bill payment, tickets, small cash, farm inputs, produce collection, training. */
export const SITE_SERVICES = ['buy_for', 'sell_for', 'parcels', 'bill_payment', 'tickets', 'cash', 'farm_inputs', 'produce_collection', 'training'] as const;
export type SiteService = (typeof SITE_SERVICES)[number];

/** Which division level each kind of site sits at. */
export const SITE_KIND_LEVEL: Record<SiteKind, DivisionLevel> = {
  county_centre: 'county',
  county_warehouse: 'county',
  township_station: 'township',
  township_transfer: 'township',
  village_point: 'village',
  village_delivery: 'village',
};

/** One version of a division: a code change ends a version (valid_to) and starts another, so history stays. */
export interface DivisionRow {
  id: string;
  code: string;
  name: string;
  level: DivisionLevel;
  kind: DivisionKind;
  parent_code: string | null;
  population: number | null;
  is_poor_village: number;
  /** A township counted as poor (贫困乡镇); 0 for other levels. */
  is_poor_township: number;
  is_demo: number;
  valid_from: string;
  valid_to: string | null;
}

export interface SiteRow {
  id: string;
  name: string;
  kind: SiteKind;
  division_code: string;
  /** Township the site belongs to, null for county-level sites; kept for scope checks and filters. */
  township_code: string | null;
  address: string;
  longitude: number | null;
  latitude: number | null;
  floor_area_m2: number | null;
  opening_hours: string;
  status: SiteStatus;
  status_since: string;
  /** JSON array of SiteService. */
  services: string;
  operator_user_id: string | null;
  operator_name: string | null;
  operator_phone: string | null;
  operator_poor_household: number;
  operator_disabled: number;
  operator_party_member: number;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface SiteStatusRow {
  id: string;
  site_id: string;
  status: SiteStatus;
  effective_date: string;
  note: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

export interface TargetRow {
  county_code: string;
  metric: string;
  target: number;
}

export interface NetworkTables {
  network_revision: { id: number; revision: number };
  network_divisions: DivisionRow;
  network_sites: SiteRow;
  network_site_status_history: SiteStatusRow;
  network_targets: TargetRow;
}
