import type { ModuleMigration } from '../../../kernel/migrator.js';

/**
 * Counters that limit anonymous complaints from the public scan page: one row per address (a keyed fingerprint,
 * never the address), per signed-in account and per batch, each with the start of its current window. In the
 * database so that every app process counts the same.
 */
export const traceComplaintLimits: ModuleMigration = {
  name: '2026-12-07-trace-complaint-limits',
  async up(db) {
    await db.schema
      .createTable('trace_complaint_counters')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('trace_complaint_counters_window').on('trace_complaint_counters').column('window_start').execute();
  },
  async down(db) {
    await db.schema.dropTable('trace_complaint_counters').execute();
  },
};
