import type { ModuleMigration } from '../../../kernel/migrator.js';

/** 站点服务 core: records at the till, the daily book, customers per site, stock and its moves. */
export const stationsInit: ModuleMigration = {
  name: '2026-12-08-stations',
  async up(db) {
    await db.schema
      .createTable('stations_records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('township_code', 'text', (c) => c.notNull())
      .addColumn('village_code', 'text')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('service', 'text')
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('receipt_code', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_by_name', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text')
      .addColumn('amount_fen', 'bigint', (c) => c.notNull())
      .addColumn('fee_fen', 'bigint', (c) => c.notNull())
      .addColumn('cash_in_fen', 'bigint', (c) => c.notNull())
      .addColumn('cash_out_fen', 'bigint', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('voided_by', 'text')
      .addColumn('void_reason', 'text')
      .addColumn('poor', 'integer', (c) => c.notNull())
      .execute();
    // A record the phone sends again (a lost answer, a second tap) is found here and never stored twice.
    await db.schema.createIndex('stations_records_client').on('stations_records').columns(['site_id', 'client_id']).unique().execute();
    await db.schema.createIndex('stations_records_receipt').on('stations_records').columns(['receipt_code']).unique().execute();
    await db.schema.createIndex('stations_records_site_day').on('stations_records').columns(['site_id', 'day', 'id']).execute();
    await db.schema.createIndex('stations_records_township_day').on('stations_records').columns(['township_code', 'day', 'id']).execute();
    await db.schema.createIndex('stations_records_day').on('stations_records').columns(['day', 'id']).execute();
    await db.schema.createIndex('stations_records_customer').on('stations_records').columns(['customer_id']).execute();

    await db.schema
      .createTable('stations_days')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('township_code', 'text', (c) => c.notNull())
      .addColumn('village_code', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('opening_cash_fen', 'bigint', (c) => c.notNull())
      .addColumn('opened_explicitly', 'integer', (c) => c.notNull())
      .addColumn('opening_carried', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('counted_cash_fen', 'bigint')
      .addColumn('expected_cash_fen', 'bigint')
      .addColumn('difference_fen', 'bigint')
      .addColumn('reason', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('closed_by_name', 'text')
      .addPrimaryKeyConstraint('stations_days_pk', ['site_id', 'day'])
      .execute();
    await db.schema.createIndex('stations_days_township').on('stations_days').columns(['township_code', 'day']).execute();
    await db.schema.createIndex('stations_days_day').on('stations_days').columns(['day', 'site_id']).execute();

    await db.schema
      .createTable('stations_customers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phone_sealed', 'text')
      .addColumn('phone_print', 'text')
      .addColumn('phone_masked', 'text')
      .addColumn('id_sealed', 'text')
      .addColumn('id_print', 'text')
      .addColumn('id_masked', 'text')
      .addColumn('poor', 'integer', (c) => c.notNull())
      .addColumn('household_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('stations_customers_id_print').on('stations_customers').columns(['site_id', 'id_print']).execute();
    await db.schema.createIndex('stations_customers_phone_print').on('stations_customers').columns(['site_id', 'phone_print']).execute();
    await db.schema.createIndex('stations_customers_name').on('stations_customers').columns(['site_id', 'name']).execute();
    await db.schema.createIndex('stations_customers_seen').on('stations_customers').columns(['site_id', 'last_seen_at']).execute();

    await db.schema
      .createTable('stations_stock')
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('item_kind', 'text', (c) => c.notNull())
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('grade', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('quantity', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('stations_stock_pk', ['site_id', 'item_kind', 'item_key', 'grade'])
      .execute();

    await db.schema
      .createTable('stations_stock_moves')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('item_kind', 'text', (c) => c.notNull())
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('grade', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('delta', 'bigint', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('stations_stock_moves_record').on('stations_stock_moves').columns(['record_id']).execute();
    await db.schema.createIndex('stations_stock_moves_item').on('stations_stock_moves').columns(['site_id', 'item_kind', 'item_key', 'grade']).execute();
  },
  async down(db) {
    for (const table of ['stations_stock_moves', 'stations_stock', 'stations_customers', 'stations_days', 'stations_records']) await db.schema.dropTable(table).execute();
  },
};
