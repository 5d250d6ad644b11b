import type { Kysely } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import { afterKey } from '../../kernel/http/keyset.js';
import type { Sight } from './access.js';
import type { RecordsFilter } from './stations.schema.js';
import type { CustomerRow, RecordRow, StationsTables } from './stations.tables.js';

/** Reads of the records table shared by the batch, the lists and the day book. */
export class RecordsRepository {
  readonly db: Kysely<StationsTables>;
  constructor(db: AnyKysely) {
    this.db = db as Kysely<StationsTables>;
  }

  byClient(siteId: string, clientId: string, db: Kysely<StationsTables> = this.db): Promise<RecordRow | undefined> {
    return db.selectFrom('stations_records').selectAll().where('site_id', '=', siteId).where('client_id', '=', clientId).executeTakeFirst();
  }

  byId(id: string): Promise<RecordRow | undefined> {
    return this.db.selectFrom('stations_records').selectAll().where('id', '=', id).executeTakeFirst();
  }

  byReceipt(code: string): Promise<RecordRow | undefined> {
    return this.db.selectFrom('stations_records').selectAll().where('receipt_code', '=', code).executeTakeFirst();
  }

  async customers(ids: (string | null)[]): Promise<Map<string, CustomerRow>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    const out = new Map<string, CustomerRow>();
    for (let i = 0; i < wanted.length; i += 500) {
      const rows = await this.db.selectFrom('stations_customers').selectAll().where('id', 'in', wanted.slice(i, i + 500)).execute();
      for (const r of rows) out.set(r.id, r);
    }
    return out;
  }

  /** Records in a sight, newest first (by day, then id), after a cursor key. */
  list(sight: Sight, filter: RecordsFilter, after: string[] | undefined, limit: number): Promise<RecordRow[]> {
    let q = this.db.selectFrom('stations_records').selectAll();
    if (sight.kind === 'township') q = q.where('township_code', '=', sight.code);
    if (sight.kind === 'site') q = q.where('site_id', '=', sight.siteId);
    if (filter.siteId) q = q.where('site_id', '=', filter.siteId);
    if (filter.township) q = q.where('township_code', '=', filter.township);
    if (filter.day) q = q.where('day', '=', filter.day);
    if (filter.from) q = q.where('day', '>=', filter.from);
    if (filter.to) q = q.where('day', '<=', filter.to);
    if (filter.service) q = q.where('service', '=', filter.service);
    if (filter.type) q = q.where('type', '=', filter.type);
    if (after) q = q.where((eb) => afterKey(eb, ['day', 'id'], after, 'desc'));
    return q.orderBy('day', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /** Every record of one site's day, in the order made. */
  ofDay(siteId: string, day: string): Promise<RecordRow[]> {
    return this.db.selectFrom('stations_records').selectAll().where('site_id', '=', siteId).where('day', '=', day).orderBy('at').orderBy('id').execute();
  }
}
