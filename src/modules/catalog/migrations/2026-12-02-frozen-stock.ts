import type { ModuleMigration } from '../../../kernel/migrator.js';

/** Stock held by a recall: still on the shelf, no longer for sale. */
export const frozenStock: ModuleMigration = {
  name: '2026-12-02-frozen-stock',
  async up(db) {
    await db.schema.alterTable('catalog_stock').addColumn('frozen', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
  async down(db) {
    await db.schema.alterTable('catalog_stock').dropColumn('frozen').execute();
  },
};
