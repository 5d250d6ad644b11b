import type { ModuleMigration } from '../../../kernel/migrator.js';

/**
 * 代卖 Consignment: the lots villagers leave at a site (one per intake record), the parts of them listed in the shop
 * (whole units of a SKU, stock held at the station), and each villager's account (sales, refunds, payouts).
 */
export const stationsConsignment: ModuleMigration = {
  name: '2026-12-08-stations-consignment',
  async up(db) {
    await db.schema
      .createTable('stations_consignment_lots')
      .addColumn('record_id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('produce', 'text', (c) => c.notNull())
      .addColumn('produce_name', 'text', (c) => c.notNull())
      .addColumn('grade', 'text', (c) => c.notNull())
      .addColumn('grade_name', 'text', (c) => c.notNull())
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('weight_g', 'bigint', (c) => c.notNull())
      .addColumn('price_fen_per_kg', 'bigint', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('listed_g', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('voided', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('stations_consignment_lots_customer').on('stations_consignment_lots').columns(['customer_id', 'at']).execute();
    await db.schema.createIndex('stations_consignment_lots_site').on('stations_consignment_lots').columns(['site_id', 'customer_id']).execute();

    await db.schema
      .createTable('stations_consignment_listings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('lot_record_id', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('sku_id', 'text', (c) => c.notNull())
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('product_name', 'text', (c) => c.notNull())
      .addColumn('spec', 'text', (c) => c.notNull())
      .addColumn('seller_id', 'text', (c) => c.notNull())
      .addColumn('net_weight_g', 'bigint', (c) => c.notNull())
      .addColumn('price_fen_per_kg', 'bigint', (c) => c.notNull())
      .addColumn('units', 'bigint', (c) => c.notNull())
      .addColumn('units_sold', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('household_id', 'text')
      .addColumn('link_id', 'text')
      .addColumn('share_bp', 'integer')
      .addColumn('listed_at', 'text', (c) => c.notNull())
      .addColumn('listed_by', 'text', (c) => c.notNull())
      .addColumn('listed_by_name', 'text', (c) => c.notNull())
      .execute();
    // First in, first out: a product's listings in the order they were listed.
    await db.schema.createIndex('stations_consignment_listings_product').on('stations_consignment_listings').columns(['product_id', 'listed_at', 'id']).execute();
    await db.schema.createIndex('stations_consignment_listings_lot').on('stations_consignment_listings').columns(['lot_record_id']).execute();

    await db.schema
      .createTable('stations_consignment_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref', 'text', (c) => c.notNull())
      .addColumn('order_id', 'text')
      .addColumn('line_no', 'integer')
      .addColumn('listing_id', 'text')
      .addColumn('record_id', 'text')
      .addColumn('order_total_fen', 'bigint')
      .addColumn('units', 'bigint', (c) => c.notNull())
      .addColumn('amount_fen', 'bigint', (c) => c.notNull())
      .addColumn('product_name', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('restocked', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('voided', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('stations_consignment_entries_once', ['kind', 'ref'])
      .execute();
    await db.schema.createIndex('stations_consignment_entries_customer').on('stations_consignment_entries').columns(['customer_id', 'at']).execute();
    await db.schema.createIndex('stations_consignment_entries_order').on('stations_consignment_entries').columns(['order_id']).execute();
  },
  async down(db) {
    for (const table of ['stations_consignment_entries', 'stations_consignment_listings', 'stations_consignment_lots']) await db.schema.dropTable(table).execute();
  },
};
