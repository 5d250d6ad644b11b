import type { ModuleMigration } from '../../../kernel/migrator.js';

export const photosInit: ModuleMigration = {
  name: '2026-11-28-photos',
  async up(db) {
    await db.schema
      .createTable('catalog_photos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('product_id', 'text', (c) => c.notNull().references('catalog_products.id'))
      .addColumn('sort', 'integer', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('catalog_photos_product').on('catalog_photos').columns(['product_id', 'sort']).execute();
  },
  async down(db) {
    await db.schema.dropTable('catalog_photos').execute();
  },
};
