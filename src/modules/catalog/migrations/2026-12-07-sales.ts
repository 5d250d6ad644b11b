import type { ModuleMigration } from '../../../kernel/migrator.js';

/**
 * Sales counts kept from the orders module's events: one row per paid order and product (so an event seen twice
 * counts once), and each product's count of units sold, recounted from those rows.
 */
export const salesCounts: ModuleMigration = {
  name: '2026-12-07-sales',
  async up(db) {
    await db.schema
      .createTable('catalog_sale_lines')
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('paid_at', 'text', (c) => c.notNull())
      .addColumn('refunded', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('catalog_sale_lines_pk', ['order_id', 'product_id'])
      .execute();
    await db.schema.createIndex('catalog_sale_lines_product').on('catalog_sale_lines').columns(['product_id', 'refunded']).execute();
    await db.schema
      .createTable('catalog_sales')
      .addColumn('product_id', 'text', (c) => c.primaryKey())
      .addColumn('units_sold', 'integer', (c) => c.notNull())
      .execute();
  },
  async down(db) {
    await db.schema.dropTable('catalog_sales').execute();
    await db.schema.dropTable('catalog_sale_lines').execute();
  },
};
