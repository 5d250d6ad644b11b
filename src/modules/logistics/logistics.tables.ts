import type { GuessCounter } from './guess-rule.js';
import type { SmsCounter } from './sms-rule.js';

/** Express carriers as the Kuaidi100 vocabulary names them (FACTS.md). */
export const CARRIERS = {
  ems: 'EMS',
  youzhengguonei: '中国邮政',
  zhongtong: '中通快递',
  yuantong: '圆通速递',
  shentong: '申通快递',
  yunda: '韵达快递',
  jtexpress: '极兔速递',
  shunfeng: '顺丰速运',
  jd: '京东快递',
} as const;
export type CarrierCode = keyof typeof CARRIERS;
export const CARRIER_CODES = Object.keys(CARRIERS) as CarrierCode[];
/** 中通快递 for zhongtong; a code this list does not know is shown as it is. */
export const carrierName = (code: string): string => (CARRIERS as Record<string, string>)[code] ?? code;

/** down: a parcel coming into the county for a villager (下行); up: produce leaving it (上行). */
export const DIRECTIONS = ['down', 'up'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * Where a parcel is. Downward: created (from a manifest) → received_county → sorted → loaded → arrived_township →
 * arrived_village → notified → picked_up, or returned. Upward: opened at a village point → loaded →
 * arrived_township → received_county → handed_to_carrier.
 */
export const PARCEL_STATUSES = ['created', 'opened', 'received_county', 'sorted', 'loaded', 'arrived_township', 'arrived_village', 'notified', 'picked_up', 'returned', 'handed_to_carrier'] as const;
export type ParcelStatus = (typeof PARCEL_STATUSES)[number];

/** Every hop is one of these scans; `problem` records a reason without moving the parcel, `carrier_update` is a carrier's own scan. */
export const SCAN_TYPES = ['received_county', 'sorted', 'loaded', 'arrived_township', 'arrived_village', 'notified', 'picked_up', 'returned', 'handed_to_carrier', 'problem', 'carrier_update'] as const;
export type ScanType = (typeof SCAN_TYPES)[number];

/** matched: a village point was found for the address; unmatched: waits for a person; no_manifest: scanned before its manifest came. */
export const MATCH_STATES = ['matched', 'unmatched', 'no_manifest'] as const;
export type MatchState = (typeof MATCH_STATES)[number];

/** 县级自有货车, 邮政车, 农村客运 (rural bus lines carrying parcels). */
export const ROUTE_MODES = ['county_truck', 'postal_van', 'rural_bus'] as const;
export type RouteMode = (typeof ROUTE_MODES)[number];

export const RUN_STATUSES = ['planned', 'departed', 'completed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface ParcelRow {
  id: string;
  direction: Direction;
  carrier: string | null;
  waybill_no: string | null;
  recipient_name: string;
  /** Sealed (AES-GCM); the last four digits are kept apart for the public tracking lookup. */
  recipient_phone: string;
  phone_last4: string;
  phone_print: string;
  address: string;
  weight_g: number | null;
  description: string | null;
  match_state: MatchState;
  village_code: string | null;
  township_code: string | null;
  /** Where the recipient collects it (down) or where the produce was handed in (up). */
  point_site_id: string | null;
  /** The division code of that point, for a village operator's scope. */
  point_code: string | null;
  route_id: string | null;
  run_id: string | null;
  status: ParcelStatus;
  problem: string | null;
  /** A ProblemCode (lifecycle.ts), for the console to say in the reader's language. */
  problem_code: string | null;
  pickup_code: string | null;
  /** Wrong pick-up codes tried since the code was issued; at PICKUP_TRIES the code is locked until a new one is sent. */
  pickup_misses: number;
  received_at: string | null;
  arrived_at: string | null;
  /** Minutes from county receipt to arrival at the point: the 48-hour promise. */
  transit_minutes: number | null;
  picked_up_at: string | null;
  last_event_at: string | null;
  order_id: string | null;
  recipient_user_id: string | null;
  manifest_id: string | null;
  created_at: string;
  is_demo: number;
}

export interface EventRow {
  event_id: string;
  parcel_id: string;
  type: ScanType;
  at: string;
  recorded_at: string;
  site_id: string | null;
  run_id: string | null;
  actor_user_id: string | null;
  note: string | null;
  /** 1 when the scan made no sense for the parcel at its time; kept, shown as a problem. */
  flagged: number;
  flag_reason: string | null;
  /** The flag's code, or for a problem scan the kind of problem. */
  problem_code: string | null;
}

export interface ManifestRow {
  id: string;
  carrier: string;
  source: 'api' | 'csv' | 'xlsx';
  file_name: string | null;
  total: number;
  matched: number;
  unmatched: number;
  updated: number;
  created_by: string;
  created_at: string;
}

export interface RouteRow {
  id: string;
  name: string;
  mode: RouteMode;
  /** JSON array of site ids in order: township transfer stations and village points. */
  stops: string;
  /** JSON array of departure times, HH:MM in Asia/Shanghai. */
  departures: string;
  /** JSON array of ISO weekdays (1 = Monday) it runs on. */
  weekdays: string;
  township_codes: string;
  vehicle: string | null;
  active: number;
  created_at: string;
  is_demo: number;
}

export interface RunRow {
  id: string;
  route_id: string;
  run_date: string;
  departs_at: string;
  status: RunStatus;
  driver: string | null;
  vehicle: string | null;
  departed_at: string | null;
  completed_at: string | null;
  created_by: string;
  created_at: string;
}

export interface RunStopRow {
  run_id: string;
  site_id: string;
  seq: number;
  signed_by: string | null;
  signed_at: string | null;
  delivered: number;
  collected: number;
}

export interface AlertRow {
  parcel_id: string;
  raised_at: string;
  cleared_at: string | null;
}

/** Wrong guesses per key (`ip:<address>`, `waybill:<number>`) for public tracking (guess-rule.ts). */
export interface GuessCounterRow extends GuessCounter {
  key: string;
}

export interface SmsCounterRow extends SmsCounter {
  key: string;
}

export interface LogisticsTables {
  /** Raised by every logistics write (logistics.repository.ts). */
  logistics_revision: { id: number; revision: number };
  logistics_guess_counters: GuessCounterRow;
  logistics_sms_counters: SmsCounterRow;
  logistics_parcels: ParcelRow;
  logistics_events: EventRow;
  logistics_manifests: ManifestRow;
  logistics_routes: RouteRow;
  logistics_runs: RunRow;
  logistics_run_stops: RunStopRow;
  logistics_alerts: AlertRow;
}
