import type { ModuleMigration } from '../../../kernel/migrator.js';

/**
 * Whether a captured event's sender may act on the batch it is linked to (1), or is a courier, whose parcels
 * traceability cannot see (0: shown to the county office and regulators only). Events kept before this were
 * linked without a check; they stay shown as they were.
 */
export const traceEpcisVouched: ModuleMigration = {
  name: '2026-12-07-trace-epcis-vouched',
  async up(db) {
    await db.schema.alterTable('trace_epcis_events').addColumn('vouched', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  },
  async down(db) {
    await db.schema.alterTable('trace_epcis_events').dropColumn('vouched').execute();
  },
};
