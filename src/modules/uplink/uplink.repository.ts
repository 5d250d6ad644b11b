import type { Kysely } from 'kysely';
import { isUniqueViolation, type AnyKysely } from '../../kernel/db.js';
import type { DeliveryRow, EndpointRow, InboxMessageRow, InboxSenderRow, UplinkTables } from './uplink.tables.js';

type Db = Kysely<UplinkTables>;

export interface DeliveryFilter {
  endpointId?: string;
  status?: DeliveryRow['status'];
  /** An indicator key, e.g. online_retail_fen. */
  indicator?: string;
  /** Newest first: only deliveries with an id below this one. */
  beforeId?: string;
}

/** The only code that reads and writes the uplink_ tables. */
export class UplinkRepository {
  private readonly db: Db;
  constructor(db: AnyKysely) {
    this.db = db as Db;
  }

  transaction<T>(work: (trx: AnyKysely) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(trx));
  }

  // ---- endpoints ----

  async insertEndpoint(trx: AnyKysely, row: EndpointRow): Promise<void> {
    await (trx as Db).insertInto('uplink_endpoints').values(row).execute();
  }

  endpoint(id: string): Promise<EndpointRow | undefined> {
    return this.db.selectFrom('uplink_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Oldest first (ids are time-ordered). */
  listEndpoints(limit: number, afterId?: string): Promise<EndpointRow[]> {
    let q = this.db.selectFrom('uplink_endpoints').selectAll().orderBy('id').limit(limit);
    if (afterId) q = q.where('id', '>', afterId);
    return q.execute();
  }

  activeEndpoints(): Promise<EndpointRow[]> {
    return this.db.selectFrom('uplink_endpoints').selectAll().where('active', '=', 1).orderBy('id').execute();
  }

  async updateEndpoint(trx: AnyKysely, id: string, change: Partial<Pick<EndpointRow, 'name' | 'level' | 'url' | 'grains' | 'active' | 'updated_at'>>): Promise<void> {
    await (trx as Db).updateTable('uplink_endpoints').set(change).where('id', '=', id).execute();
  }

  // ---- deliveries ----

  /** The latest version made of each indicator of one endpoint's period. */
  async latestVersions(trx: AnyKysely, endpointId: string, grain: string, period: string): Promise<Map<string, { version: number; value: number }>> {
    const rows = await (trx as Db)
      .selectFrom('uplink_deliveries')
      .select(['indicator', 'version', 'value'])
      .where('endpoint_id', '=', endpointId)
      .where('grain', '=', grain)
      .where('period', '=', period)
      .orderBy('version')
      .execute();
    const latest = new Map<string, { version: number; value: number }>();
    for (const r of rows) latest.set(r.indicator, { version: Number(r.version), value: Number(r.value) });
    return latest;
  }

  async insertDelivery(trx: AnyKysely, row: DeliveryRow): Promise<void> {
    await (trx as Db).insertInto('uplink_deliveries').values(row).execute();
  }

  /** Deliveries due at `now`: waiting or retrying and due, or held by a sender whose hold ran out (it died). Oldest first. */
  due(now: string, limit: number): Promise<DeliveryRow[]> {
    return this.db
      .selectFrom('uplink_deliveries')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('status', 'in', ['pending', 'failed_retrying']), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
        ]),
      )
      .orderBy('endpoint_id')
      .orderBy('grain')
      .orderBy('period')
      .orderBy('indicator')
      .orderBy('version')
      .limit(limit)
      .execute();
  }

  /** Takes a delivery for sending, if it is still in the state it was read in (one sender wins). */
  async claim(row: Pick<DeliveryRow, 'id' | 'status' | 'attempts'>, leaseUntil: string): Promise<boolean> {
    const result = await this.db
      .updateTable('uplink_deliveries')
      .set({ status: 'sending', lease_until: leaseUntil, attempts: row.attempts + 1 })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .where('attempts', '=', row.attempts)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Records the outcome of a send, only while this sender still holds it. */
  async finish(id: string, attempts: number, change: Partial<Pick<DeliveryRow, 'status' | 'next_attempt_at' | 'last_http_status' | 'last_error' | 'sent_at' | 'lease_until'>>): Promise<boolean> {
    const result = await this.db
      .updateTable('uplink_deliveries')
      .set(change)
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('attempts', '=', attempts)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  delivery(id: string): Promise<DeliveryRow | undefined> {
    return this.db.selectFrom('uplink_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listDeliveries(filter: DeliveryFilter, limit: number): Promise<DeliveryRow[]> {
    let q = this.db.selectFrom('uplink_deliveries').selectAll().orderBy('id', 'desc').limit(limit);
    if (filter.endpointId) q = q.where('endpoint_id', '=', filter.endpointId);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.indicator) q = q.where('indicator', '=', filter.indicator);
    if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
    return q.execute();
  }

  // ---- inbox (the receiving side) ----

  sender(countyCode: string): Promise<InboxSenderRow | undefined> {
    return this.db.selectFrom('uplink_inbox_senders').selectAll().where('county_code', '=', countyCode).executeTakeFirst();
  }

  /** Puts a sender's keys in place of any it had. */
  async saveSender(trx: AnyKysely, row: InboxSenderRow): Promise<void> {
    await (trx as Db).deleteFrom('uplink_inbox_senders').where('county_code', '=', row.county_code).execute();
    await (trx as Db).insertInto('uplink_inbox_senders').values(row).execute();
  }

  listSenders(): Promise<InboxSenderRow[]> {
    return this.db.selectFrom('uplink_inbox_senders').selectAll().orderBy('county_code').execute();
  }

  /** Keeps a message once: false when this county's grain, period, indicator and version was received before. */
  async insertMessage(row: InboxMessageRow): Promise<boolean> {
    try {
      await this.db.insertInto('uplink_inbox_messages').values(row).execute();
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  listMessages(limit: number, beforeId?: string): Promise<InboxMessageRow[]> {
    let q = this.db.selectFrom('uplink_inbox_messages').selectAll().orderBy('id', 'desc').limit(limit);
    if (beforeId) q = q.where('id', '<', beforeId);
    return q.execute();
  }
}
