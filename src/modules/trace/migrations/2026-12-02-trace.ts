import type { ModuleMigration } from '../../../kernel/migrator.js';

export const traceInit: ModuleMigration = {
  name: '2026-12-02-trace',
  async up(db) {
    const demo = 'is_demo';
    await db.schema
      .createTable('trace_producers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('seller_id', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('division_code', 'text', (c) => c.notNull())
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('phone_sealed', 'text')
      .addColumn('phone_masked', 'text')
      .addColumn('id_number_sealed', 'text')
      .addColumn('id_number_masked', 'text')
      .addColumn('credit_code', 'text')
      .addColumn('manager_user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn(demo, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('trace_producers_number').on('trace_producers').columns(['division_code', 'number']).execute();
    await db.schema.createIndex('trace_producers_seller').on('trace_producers').unique().column('seller_id').execute();

    await db.schema
      .createTable('trace_bases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('producer_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('division_code', 'text', (c) => c.notNull())
      .addColumn('area_mu', 'double precision', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn(demo, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('trace_bases_producer').on('trace_bases').column('producer_id').execute();

    await db.schema
      .createTable('trace_plots')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('base_id', 'text', (c) => c.notNull())
      .addColumn('producer_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('crop', 'text', (c) => c.notNull())
      .addColumn('variety', 'text', (c) => c.notNull())
      .addColumn('area_mu', 'double precision', (c) => c.notNull())
      .addColumn('planted_year', 'integer')
      .addColumn('division_code', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn(demo, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('trace_plots_producer').on('trace_plots').column('producer_id').execute();

    await db.schema
      .createTable('trace_records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plot_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('occurred_on', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_by_name', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('corrects_id', 'text')
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('flags', 'text', (c) => c.notNull())
      .addColumn('override', 'text')
      .addColumn('batch_id', 'text')
      .addColumn(demo, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('trace_records_plot').on('trace_records').columns(['plot_id', 'occurred_on']).execute();
    // One correction per record: a second correction corrects the correction.
    await db.schema.createIndex('trace_records_corrects').on('trace_records').unique().column('corrects_id').execute();

    await db.schema
      .createTable('trace_refusals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plot_id', 'text', (c) => c.notNull())
      .addColumn('occurred_on', 'text', (c) => c.notNull())
      .addColumn('quantity', 'double precision', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('breaches', 'text', (c) => c.notNull())
      .addColumn('attempted_by', 'text', (c) => c.notNull())
      .addColumn('attempted_by_name', 'text', (c) => c.notNull())
      .addColumn('attempted_at', 'text', (c) => c.notNull())
      .addColumn('override_by', 'text')
      .addColumn('override_reason', 'text')
      .addColumn('override_at', 'text')
      .addColumn('record_id', 'text')
      .addColumn(demo, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('trace_batches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('producer_id', 'text', (c) => c.notNull())
      .addColumn('plot_id', 'text')
      .addColumn('crop', 'text', (c) => c.notNull())
      .addColumn('variety', 'text', (c) => c.notNull())
      .addColumn('division_code', 'text', (c) => c.notNull())
      .addColumn('harvested_on', 'text', (c) => c.notNull())
      .addColumn('quantity', 'double precision', (c) => c.notNull())
      .addColumn('quantity_left', 'double precision', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('gtin', 'text')
      .addColumn('sku_id', 'text')
      .addColumn('product_id', 'text')
      .addColumn('product_name', 'text')
      .addColumn('stock_location', 'text')
      .addColumn('stocked', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('stocked_at', 'text')
      .addColumn('sold', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('recall_id', 'text')
      .addColumn('overridden', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn(demo, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('trace_batches_producer').on('trace_batches').columns(['producer_id', 'created_at']).execute();
    await db.schema.createIndex('trace_batches_sku').on('trace_batches').columns(['sku_id', 'created_at']).execute();
    await db.schema.createIndex('trace_batches_gtin').on('trace_batches').columns(['gtin', 'code']).execute();

    await db.schema
      .createTable('trace_batch_links')
      .addColumn('parent_id', 'text', (c) => c.notNull())
      .addColumn('child_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('quantity', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint('trace_batch_links_pk', ['parent_id', 'child_id'])
      .execute();
    await db.schema.createIndex('trace_batch_links_child').on('trace_batch_links').column('child_id').execute();

    await db.schema
      .createTable('trace_packages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('batch_id', 'text', (c) => c.notNull())
      .addColumn('serial', 'text', (c) => c.notNull().unique())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text')
      .addColumn('scans', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('networks', 'text', (c) => c.notNull())
      .addColumn('first_scan_at', 'text')
      .addColumn('last_scan_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('trace_packages_batch').on('trace_packages').columns(['batch_id', 'level', 'serial']).execute();

    await db.schema
      .createTable('trace_allocations')
      .addColumn('batch_id', 'text', (c) => c.notNull())
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('sku_id', 'text', (c) => c.notNull())
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('allocated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('trace_allocations_pk', ['batch_id', 'order_id', 'sku_id'])
      .execute();
    await db.schema.createIndex('trace_allocations_order').on('trace_allocations').column('order_id').execute();

    await db.schema
      .createTable('trace_recalls')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('opened_by', 'text', (c) => c.notNull())
      .addColumn('opened_by_name', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn(demo, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('trace_recall_batches')
      .addColumn('recall_id', 'text', (c) => c.notNull())
      .addColumn('batch_id', 'text', (c) => c.notNull())
      .addColumn('frozen', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('trace_recall_batches_pk', ['recall_id', 'batch_id'])
      .execute();
    await db.schema
      .createTable('trace_recall_notices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('recall_id', 'text', (c) => c.notNull())
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('batch_id', 'text', (c) => c.notNull())
      .addColumn('buyer_user_id', 'text')
      .addColumn('notified_at', 'text')
      .addColumn('response', 'text')
      .addColumn('response_note', 'text')
      .addColumn('responded_at', 'text')
      .execute();
    await db.schema.createIndex('trace_recall_notices_order').on('trace_recall_notices').unique().columns(['recall_id', 'order_id']).execute();
    await db.schema.createIndex('trace_recall_notices_buyer').on('trace_recall_notices').column('buyer_user_id').execute();

    await db.schema
      .createTable('trace_epcis_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().unique())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('event_time', 'text', (c) => c.notNull())
      .addColumn('biz_step', 'text')
      .addColumn('batch_id', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('received_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('trace_epcis_events_batch').on('trace_epcis_events').column('batch_id').execute();

    await db.schema
      .createTable('trace_complaints')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('batch_id', 'text', (c) => c.notNull())
      .addColumn('package_id', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('phone_sealed', 'text')
      .addColumn('phone_masked', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('trace_files')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema.createTable('trace_revision').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('revision', 'integer', (c) => c.notNull()).execute();
    await db.insertInto('trace_revision').values({ id: 1, revision: 0 }).execute();
  },
  async down(db) {
    for (const table of ['trace_revision', 'trace_files', 'trace_complaints', 'trace_epcis_events', 'trace_recall_notices', 'trace_recall_batches', 'trace_recalls', 'trace_allocations', 'trace_packages', 'trace_batch_links', 'trace_batches', 'trace_refusals', 'trace_records', 'trace_plots', 'trace_bases', 'trace_producers']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
