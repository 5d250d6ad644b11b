/** The module's own permanent copy of every event it has received, enriched with what ports said at the time. */
export interface StatsInputRow {
  /** The kernel event's seq: delivery order, never reused. */
  seq: number;
  type: string;
  version: number;
  aggregate_id: string;
  occurred_at: string;
  /** JSON: the event's payload plus `_x`, what the ports told (product facts, places). */
  payload: string;
  received_at: string;
}

/** One figure of one indicator, period and place or dimension value. */
export interface StatsRollupRow {
  indicator: string;
  /** 'day' | 'month' (and 'quarter' | 'year' for distinct counts, which cannot be summed from months). */
  grain: string;
  period: string;
  /** '' for the county total, else a dimension. */
  dim: string;
  dim_value: string;
  value: number;
}

/** Who is already counted in a distinct count (buyers, active shops, households). */
export interface StatsMemberRow {
  indicator: string;
  grain: string;
  period: string;
  dim: string;
  dim_value: string;
  member: string;
}

/** What an input added, so a refund, a reversal or a corrected report can take it back: JSON. */
export interface StatsFactRow {
  key: string;
  payload: string;
}

/** Names of dimension values (township, category, product…) as last seen. */
export interface StatsLabelRow {
  dim: string;
  value: string;
  label: string;
}

export interface StatsTargetRow {
  id: string;
  indicator: string;
  label: string;
  /** An absolute target in the indicator's unit (fen, count, percent), or null. */
  value: number | null;
  /** A growth target, percent over the same period a year before, or null. */
  growth_pct: number | null;
  /** YYYY-MM-DD, or null for every year. */
  due: string | null;
  sort: number;
  updated_at: string;
  updated_by: string;
}

export interface StatsRebuildRow {
  id: string;
  /** queued → running → done (or failed). */
  state: string;
  /** The last input seq applied. */
  cursor: number;
  done: number;
  total: number;
  requested_by: string;
  requested_at: string;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
}

/** A single row (id 1) that the live handler and the rebuild both lock: which rebuild, if any, owns the rollups. */
export interface StatsStateRow {
  id: number;
  rebuild_id: string | null;
}

export interface StatsTables {
  stats_inputs: StatsInputRow;
  stats_rollups: StatsRollupRow;
  stats_members: StatsMemberRow;
  stats_facts: StatsFactRow;
  stats_labels: StatsLabelRow;
  stats_targets: StatsTargetRow;
  stats_rebuilds: StatsRebuildRow;
  stats_state: StatsStateRow;
}
