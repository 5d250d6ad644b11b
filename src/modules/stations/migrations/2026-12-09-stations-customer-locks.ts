import type { ModuleMigration } from '../../../kernel/migrator.js';

/**
 * 站点服务 customers: one lock row per site, upserted before a villager is found or recorded, so two records of one
 * site applied side by side (two days, two phones) never record the same new villager twice (see customer-lock.ts).
 */
export const stationsCustomerLocks: ModuleMigration = {
  name: '2026-12-09-stations-customer-locks',
  async up(db) {
    await db.schema
      .createTable('stations_customer_locks')
      .addColumn('site_id', 'text', (c) => c.primaryKey())
      .addColumn('taken_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db) {
    await db.schema.dropTable('stations_customer_locks').execute();
  },
};
