import type { Generated } from 'kysely';

/** The outbox: one row per published event, written in the producer's transaction. */
export interface KernelEventsTable {
  /** Given by the database at insert (autoincrement / identity); orders rows that are not numbered yet. */
  id: Generated<number>;
  /** Delivery order; null until the sequencer numbers the row after it has committed. */
  seq: number | null;
  type: string;
  version: number;
  aggregate: string;
  aggregate_id: string;
  /** JSON text. */
  payload: string;
  occurred_at: string;
}

/** One row per async subscriber: how far it has got, who is delivering to it now, and its last failure. */
export interface KernelEventSubscribersTable {
  name: string;
  /** The seq of the last event handled; 0 before the first. */
  position: number;
  lease_owner: string | null;
  lease_until: string | null;
  /** Failures in a row at the event after `position`; 0 once it is handled. */
  failures: number;
  retry_at: string | null;
  last_error: string | null;
}

/** A single row: the last seq given. Kept apart from the events so that purging them never reuses a number. */
export interface KernelEventSequencerTable {
  id: number;
  last_seq: number;
}

export interface EventTables {
  kernel_events: KernelEventsTable;
  kernel_event_subscribers: KernelEventSubscribersTable;
  kernel_event_sequencer: KernelEventSequencerTable;
}
