import type { ModuleMigration } from '../../../kernel/migrator.js';

/** The poverty-alleviation ledger: what each paid sale credited to each linked household. */
export const ledgerInit: ModuleMigration = {
  name: '2026-11-28-ledger',
  async up(db) {
    await db.schema
      .createTable('parties_ledger')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('household_id', 'text', (c) => c.notNull().references('parties_households.id'))
      .addColumn('village_code', 'text', (c) => c.notNull())
      .addColumn('seller_id', 'text', (c) => c.notNull())
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('link_id', 'text', (c) => c.notNull())
      .addColumn('sale_fen', 'integer', (c) => c.notNull())
      .addColumn('share_bp', 'integer', (c) => c.notNull())
      .addColumn('credit_fen', 'integer', (c) => c.notNull())
      .addColumn('sale_date', 'text', (c) => c.notNull())
      .addColumn('reversed', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('parties_ledger_household').on('parties_ledger').columns(['household_id', 'sale_date']).execute();
    await db.schema.createIndex('parties_ledger_order').on('parties_ledger').column('order_id').execute();
  },
  async down(db) {
    await db.schema.dropTable('parties_ledger').execute();
  },
};
