import type { Kysely } from 'kysely';
import type { StationsTables } from './stations.tables.js';

/** One row per site (migration 2026-12-09-stations-customer-locks); only its lock matters. */
type CustomerLockTables = {
  stations_customer_locks: { site_id: string; taken_at: string };
};

/**
 * Holds the site's customer lock until the caller's transaction ends. Records are ordered per site and day only,
 * so without it two records of one site for different days could both miss a new villager and record her twice.
 * On PostgreSQL the upsert keeps the row locked until commit (a second upsert waits, then reads what the first
 * wrote); SQLite has one writer. Phones and names are shared within families, so no unique index can do this.
 */
export async function lockSiteCustomers(trx: Kysely<StationsTables>, siteId: string, at: string): Promise<void> {
  await trx
    .withTables<CustomerLockTables>()
    .insertInto('stations_customer_locks')
    .values({ site_id: siteId, taken_at: at })
    .onConflict((oc) => oc.column('site_id').doUpdateSet({ taken_at: at }))
    .execute();
}
