import type { Kysely } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import { RevisionedMap, TableRevision, type RevisionedMapOptions } from '../../kernel/read-cache.js';
import type { LogisticsTables } from './logistics.tables.js';

/**
 * Owns the logistics tables and their read cache. Services read through `db` and write through `transaction`,
 * which marks the module's data changed (`logistics_revision`, read by the kernel's read cache) in the same
 * transaction, so that answers cached from these tables (public tracking) are dropped in every process when it commits.
 */
export class LogisticsRepository {
  readonly db: Kysely<LogisticsTables>;
  private readonly revision: TableRevision;

  constructor(db: AnyKysely) {
    this.db = db as Kysely<LogisticsTables>;
    this.revision = new TableRevision(db, 'logistics_revision');
  }

  /** Every logistics write runs here, so that no cached answer outlives it. */
  transaction<T>(work: (trx: Kysely<LogisticsTables>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const result = await work(trx);
      await this.revision.bump(trx);
      return result;
    });
  }

  /** Answers by key, each given only while no logistics write has committed since it was read. */
  cache<V>(opts: RevisionedMapOptions): RevisionedMap<V> {
    return new RevisionedMap<V>(this.revision, opts);
  }
}
