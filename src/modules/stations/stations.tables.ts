/** 站点服务 The core's tables: every record made at a till, the daily book, the site's customers and its stock. */

/** One record made at a station's or point's till (a service, a day opening or closing, a void). */
export interface RecordRow {
  id: string;
  site_id: string;
  township_code: string;
  village_code: string | null;
  /** The record's Shanghai date. */
  day: string;
  type: string;
  /** The service it counts as (SERVICE_KINDS), or null. */
  service: string | null;
  client_id: string;
  receipt_code: string | null;
  /** When the operator made it on the device (ISO). */
  at: string;
  /** When the server stored it (ISO). */
  recorded_at: string;
  recorded_by: string;
  recorded_by_name: string;
  customer_id: string | null;
  amount_fen: number;
  fee_fen: number;
  cash_in_fen: number;
  cash_out_fen: number;
  /** JSON: the record's input fields and what its handler added (shown on the receipt and lists). */
  details: string;
  summary: string;
  note: string | null;
  /** The id of the record.void that withdrew it. */
  voided_by: string | null;
  void_reason: string | null;
  poor: number;
}

export const DAY_STATUSES = ['open', 'closed'] as const;
export type DayStatus = (typeof DAY_STATUSES)[number];

/** One site's day at the till: opened by its first record (or day.open), closed once by day.close. */
export interface DayRow {
  site_id: string;
  day: string;
  township_code: string;
  village_code: string | null;
  status: DayStatus;
  opening_cash_fen: number;
  /** 1 once a day.open record set the opening cash. */
  opened_explicitly: number;
  /**
   * 1 when the opening cash was carried from an earlier day not yet closed (its expected cash); 0 when it was set
   * (day.open, or a closed day's counted cash). A carried opening becomes the count when that day is closed late.
   */
  opening_carried: number;
  counted_cash_fen: number | null;
  expected_cash_fen: number | null;
  difference_fen: number | null;
  reason: string | null;
  closed_at: string | null;
  closed_by_name: string | null;
}

/** A villager served at one site; personal data sealed, found again by ID fingerprint, phone fingerprint or name. */
export interface CustomerRow {
  id: string;
  site_id: string;
  name: string;
  phone_sealed: string | null;
  phone_print: string | null;
  phone_masked: string | null;
  id_sealed: string | null;
  id_print: string | null;
  id_masked: string | null;
  /** The operator said so, or the ID number belongs to a registered poor household. */
  poor: number;
  household_id: string | null;
  created_at: string;
  last_seen_at: string;
}

export const STOCK_KINDS = ['produce', 'consignment', 'farm_input'] as const;
export type StockKind = (typeof STOCK_KINDS)[number];
export const STOCK_UNITS = ['g', 'unit'] as const;
export type StockUnit = (typeof STOCK_UNITS)[number];

/** What a site holds of one item (grade '' when it has none). */
export interface StockRow {
  site_id: string;
  item_kind: StockKind;
  item_key: string;
  grade: string;
  name: string;
  unit: StockUnit;
  quantity: number;
  updated_at: string;
}

/** One change of a site's stock, made by one record (kept per record so a void reverses it exactly). */
export interface StockMoveRow {
  id: string;
  site_id: string;
  record_id: string;
  item_kind: StockKind;
  item_key: string;
  grade: string;
  name: string;
  unit: StockUnit;
  delta: number;
  at: string;
}

export interface StationsTables {
  stations_records: RecordRow;
  stations_days: DayRow;
  stations_customers: CustomerRow;
  stations_stock: StockRow;
  stations_stock_moves: StockMoveRow;
}
