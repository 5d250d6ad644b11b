/** 收购 Produce intake's tables: grade standards by version, the receipt page's lookup counters, receipts made into trace batches. */

/** One version of a produce's grade standard; a change is a new version, never an edit. */
export interface GradeStandardRow {
  id: string;
  /** The produce's key (`pepper`, `walnut`, `apple`, `potato`, or one a county adds). */
  produce: string;
  version: number;
  /** 花椒 */
  name: string;
  /** ISO time from which receipts made (their `at`) are graded with this version. */
  valid_from: string;
  /** JSON: the grades best first, each `{ key, name, priceFenPerKg, criteria: [{ key, label, unit, min?, max? }] }`. */
  grades: string;
  /** What off-grade (等外) produce is bought at; null when it is not bought. */
  off_grade_price_fen_per_kg: number | null;
  note: string | null;
  created_at: string;
  created_by_name: string;
}

/** Unknown receipt codes looked up from one address (a keyed fingerprint of it) within the hour. */
export interface ReceiptLookupRow {
  key: string;
  window_start: string;
  misses: number;
}

/** A purchase receipt made into a traceability batch, once: claimed first, then the batch written once trace made it. */
export interface ReceiptBatchRow {
  record_id: string;
  site_id: string;
  producer_id: string;
  plot_id: string;
  claimed_at: string;
  /** Null while trace is making it. */
  batch_id: string | null;
  batch_code: string | null;
  made_at: string | null;
  made_by_name: string;
}

export interface ProduceTables {
  stations_grade_standards: GradeStandardRow;
  stations_receipt_lookups: ReceiptLookupRow;
  stations_receipt_batches: ReceiptBatchRow;
}
