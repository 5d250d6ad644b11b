import type { Crop, RecordKind } from './trace.schema.js';

export interface ProducerRow {
  id: string;
  kind: 'seller' | 'farmer';
  seller_id: string | null;
  name: string;
  division_code: string;
  /** Three digits, unique within the township: the producer's part of a trace code. */
  number: string;
  phone_sealed: string | null;
  phone_masked: string | null;
  id_number_sealed: string | null;
  id_number_masked: string | null;
  credit_code: string | null;
  /** The account that registered and keeps the producer (a merchant, a village operator, the county). */
  manager_user_id: string;
  created_at: string;
  is_demo: number;
}

export interface BaseRow {
  id: string;
  producer_id: string;
  name: string;
  division_code: string;
  area_mu: number;
  created_at: string;
  is_demo: number;
}

export interface PlotRow {
  id: string;
  base_id: string;
  producer_id: string;
  name: string;
  crop: Crop;
  variety: string;
  area_mu: number;
  planted_year: number | null;
  division_code: string;
  created_at: string;
  is_demo: number;
}

/** A farm record: never updated or deleted; a correction is a new row whose `corrects_id` names the old one. */
export interface RecordRow {
  id: string;
  plot_id: string;
  kind: RecordKind;
  occurred_on: string;
  recorded_at: string;
  recorded_by: string;
  recorded_by_name: string;
  note: string | null;
  corrects_id: string | null;
  /** JSON of the kind's details (RecordDetails). */
  details: string;
  /** JSON array of {code, reason}. */
  flags: string;
  /** Set when a regulator let a refused harvest through: JSON {by, reason, at}. */
  override: string | null;
  batch_id: string | null;
  is_demo: number;
}

/**
 * The regulator's queue. `harvest`: a harvest refused by the interval rule (no batch until released). `hold`: a
 * batch held from sale because a record put its harvest in breach (`findings`); `trace_holds` names the batches.
 * `decision` is null while pending; `override_by/_reason/_at` are who decided, why and when (either outcome).
 */
export interface RefusalRow {
  id: string;
  kind: 'harvest' | 'hold';
  plot_id: string;
  occurred_on: string;
  quantity: number;
  unit: string;
  note: string | null;
  /** JSON array of IntervalBreach. */
  breaches: string;
  attempted_by: string;
  attempted_by_name: string;
  attempted_at: string;
  override_by: string | null;
  override_reason: string | null;
  override_at: string | null;
  /** harvest: the record made once released; hold: the record that put the harvest in breach. */
  record_id: string | null;
  /** hold: the harvest batch held. */
  batch_id: string | null;
  /** JSON array of Finding. */
  findings: string;
  decision: 'upheld' | 'released' | null;
  is_demo: number;
}

/** A batch held by a review (the harvest batch and every batch made from it). */
export interface HoldRow {
  refusal_id: string;
  batch_id: string;
}

export interface BatchRow {
  id: string;
  code: string;
  origin: 'harvest' | 'split' | 'merge';
  producer_id: string;
  plot_id: string | null;
  crop: Crop;
  variety: string;
  division_code: string;
  harvested_on: string;
  quantity: number;
  quantity_left: number;
  unit: string;
  gtin: string | null;
  sku_id: string | null;
  product_id: string | null;
  product_name: string | null;
  stock_location: string | null;
  stocked: number;
  stocked_at: string | null;
  sold: number;
  status: 'active' | 'recalled';
  recall_id: string | null;
  overridden: number;
  /** 1 while a review holds it from sale (pending or upheld). */
  held: number;
  /** The units its hold took off the shelf (`catalog_stock.frozen`); 0 once a recall holds them instead. */
  held_frozen: number;
  created_at: string;
  is_demo: number;
}

export interface BatchLinkRow {
  parent_id: string;
  child_id: string;
  kind: 'split' | 'merge';
  quantity: number;
}

/** A serialised carton or unit of a batch; its scans are counted. */
export interface PackageRow {
  id: string;
  batch_id: string;
  serial: string;
  level: 'carton' | 'unit';
  parent_id: string | null;
  scans: number;
  /** JSON array of the distinct network prefixes it was scanned from (capped). */
  networks: string;
  first_scan_at: string | null;
  last_scan_at: string | null;
  created_at: string;
}

/** Units of a batch in a paid order (oldest stocked batch first). */
export interface AllocationRow {
  batch_id: string;
  order_id: string;
  sku_id: string;
  quantity: number;
  allocated_at: string;
}

export interface RecallRow {
  id: string;
  reason: string;
  status: 'open' | 'closed';
  opened_by: string;
  opened_by_name: string;
  opened_at: string;
  closed_at: string | null;
  is_demo: number;
}

export interface RecallBatchRow {
  recall_id: string;
  batch_id: string;
  frozen: number;
}

export interface RecallNoticeRow {
  id: string;
  recall_id: string;
  order_id: string;
  batch_id: string;
  buyer_user_id: string | null;
  notified_at: string | null;
  response: string | null;
  response_note: string | null;
  responded_at: string | null;
}

export interface EpcisEventRow {
  id: string;
  event_id: string;
  type: string;
  event_time: string;
  biz_step: string | null;
  batch_id: string | null;
  body: string;
  received_at: string;
  received_by: string;
  /** 0 for a courier's event: shown to the county office and regulators only. */
  vouched: number;
}

export interface ComplaintRow {
  id: string;
  batch_id: string;
  package_id: string | null;
  text: string;
  phone_sealed: string | null;
  phone_masked: string | null;
  created_at: string;
}

export interface TraceFileRow {
  id: string;
  key: string;
  content_type: string;
  size: number;
  uploaded_by: string;
  created_at: string;
}

export interface TraceTables {
  trace_producers: ProducerRow;
  trace_bases: BaseRow;
  trace_plots: PlotRow;
  trace_records: RecordRow;
  trace_refusals: RefusalRow;
  trace_holds: HoldRow;
  trace_batches: BatchRow;
  trace_batch_links: BatchLinkRow;
  trace_packages: PackageRow;
  trace_allocations: AllocationRow;
  trace_recalls: RecallRow;
  trace_recall_batches: RecallBatchRow;
  trace_recall_notices: RecallNoticeRow;
  trace_epcis_events: EpcisEventRow;
  trace_complaints: ComplaintRow;
  trace_files: TraceFileRow;
  trace_revision: { id: number; revision: number };
}

export const CROP_NAMES: Record<Crop, string> = { apple: '苹果', walnut: '核桃', pepper: '青花椒', other: '其他' };
