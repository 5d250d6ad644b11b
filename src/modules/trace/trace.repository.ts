import type { Kysely } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import { notFound } from '../../kernel/errors.js';
import { RevisionedMap, TableRevision, type RevisionedMapOptions } from '../../kernel/read-cache.js';
import type { BatchRow, PlotRow, ProducerRow, TraceTables } from './trace.tables.js';

export type Trx = Kysely<TraceTables>;

/**
 * Owns the traceability tables and their read cache. Services read and write through `db`; a write that changes
 * what public scan pages show calls `bump` in its transaction (`trace_revision`), so that every process drops the
 * scan pages it keeps (`cache`) once that commits.
 */
export class TraceRepository {
  readonly db: Trx;
  private readonly revision: TableRevision;

  constructor(db: AnyKysely) {
    this.db = db as Trx;
    this.revision = new TableRevision(db, 'trace_revision');
  }

  /** Marks what public pages show as changed; call inside the writing transaction. */
  bump(trx: Trx): Promise<void> {
    return this.revision.bump(trx);
  }

  /** Values by key, each given only while no `bump` has committed since it was read. */
  cache<V>(opts: RevisionedMapOptions): RevisionedMap<V> {
    return new RevisionedMap<V>(this.revision, opts);
  }

  async producer(id: string, db: Trx = this.db): Promise<ProducerRow | undefined> {
    return db.selectFrom('trace_producers').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async plot(id: string): Promise<PlotRow | undefined> {
    return this.db.selectFrom('trace_plots').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async batch(id: string, db: Trx = this.db): Promise<BatchRow> {
    const row = await db.selectFrom('trace_batches').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Batch');
    return row;
  }
}
