import type { ModuleMigration } from '../../../kernel/migrator.js';

/** Texts to a parcel's recipient counted per parcel and per phone fingerprint, for every process (sms-rule.ts). */
export const logisticsSmsLimits: ModuleMigration = {
  name: '2026-12-07-sms-limits',
  async up(db) {
    await db.schema
      .createTable('logistics_sms_counters')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('sent', 'integer', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('last_at', 'text')
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('reissue', 'integer', (c) => c.notNull())
      .addColumn('refused_at', 'text')
      .execute();
  },
  async down(db) {
    await db.schema.dropTable('logistics_sms_counters').execute();
  },
};
