import type { ModuleMigration } from '../../../kernel/migrator.js';

/**
 * Guessing limits kept in the database for every process: wrong tracking digits per address and per waybill
 * (replacing the per-address table), and wrong pick-up codes per parcel.
 */
export const logisticsGuessing: ModuleMigration = {
  name: '2026-12-07-guessing',
  async up(db) {
    await db.schema
      .createTable('logistics_guess_counters')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('misses', 'integer', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('strikes', 'integer', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .execute();
    await db.schema.dropTable('logistics_track_misses').execute();
    await db.schema.alterTable('logistics_parcels').addColumn('pickup_misses', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
  async down(db) {
    await db.schema.alterTable('logistics_parcels').dropColumn('pickup_misses').execute();
    await db.schema
      .createTable('logistics_track_misses')
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('misses', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('logistics_track_misses_pk', ['ip', 'window_start'])
      .execute();
    await db.schema.dropTable('logistics_guess_counters').execute();
  },
};
