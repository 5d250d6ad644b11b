import { sql } from 'kysely';
import type { ModuleMigration } from '../../../kernel/migrator.js';

export const catalogInit: ModuleMigration = {
  name: '2026-11-28-catalog',
  async up(db) {
    await db.schema
      .createTable('catalog_categories')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text', (c) => c.references('catalog_categories.id'))
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('catalog_brands')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('catalog_products')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seller_id', 'text', (c) => c.notNull())
      .addColumn('category_id', 'text', (c) => c.notNull().references('catalog_categories.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('subtitle', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('origin_code', 'text', (c) => c.notNull())
      .addColumn('brand_id', 'text', (c) => c.references('catalog_brands.id'))
      .addColumn('gtin', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('in_specialty_pavilion', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('catalog_products_seller').on('catalog_products').column('seller_id').execute();
    await db.schema.createIndex('catalog_products_status').on('catalog_products').columns(['status', 'category_id']).execute();
    await db.schema
      .createTable('catalog_skus')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('product_id', 'text', (c) => c.notNull().references('catalog_products.id'))
      .addColumn('spec', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('net_weight_g', 'integer', (c) => c.notNull())
      .addColumn('price_fen', 'integer', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('catalog_skus_product').on('catalog_skus').column('product_id').execute();
    await db.schema
      .createTable('catalog_stock')
      .addColumn('sku_id', 'text', (c) => c.notNull().references('catalog_skus.id'))
      .addColumn('location', 'text', (c) => c.notNull())
      .addColumn('on_hand', 'integer', (c) => c.notNull())
      .addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('catalog_stock_pk', ['sku_id', 'location'])
      .addCheckConstraint('catalog_stock_never_negative', sql`on_hand >= 0 and reserved >= 0 and reserved <= on_hand`)
      .execute();
    await db.schema
      .createTable('catalog_brand_licences')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('brand_id', 'text', (c) => c.notNull().references('catalog_brands.id'))
      .addColumn('seller_id', 'text', (c) => c.notNull())
      .addColumn('licence_no', 'text', (c) => c.notNull())
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('valid_to', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('catalog_brand_licences_seller').on('catalog_brand_licences').columns(['seller_id', 'brand_id']).execute();
    await db.schema
      .createTable('catalog_certifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('product_id', 'text', (c) => c.notNull().references('catalog_products.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('valid_to', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('catalog_certifications_product').on('catalog_certifications').column('product_id').execute();
    await db.schema
      .createTable('catalog_search_terms')
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('product_id', 'text', (c) => c.notNull().references('catalog_products.id'))
      .addColumn('weight', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('catalog_search_terms_pk', ['term', 'product_id'])
      .execute();
    await db.schema.createIndex('catalog_search_terms_product').on('catalog_search_terms').column('product_id').execute();
    // One row, bumped by every catalogue write (not by stock moves), so each process knows when its read cache is stale.
    await db.schema.createTable('catalog_revision').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('revision', 'integer', (c) => c.notNull()).execute();
    await db.insertInto('catalog_revision').values({ id: 1, revision: 0 }).execute();
  },
  async down(db) {
    for (const table of ['catalog_revision', 'catalog_search_terms', 'catalog_certifications', 'catalog_brand_licences', 'catalog_stock', 'catalog_skus', 'catalog_products', 'catalog_brands', 'catalog_categories']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
