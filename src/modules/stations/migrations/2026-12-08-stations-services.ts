import type { ModuleMigration } from '../../../kernel/migrator.js';

/**
 * Services and providers (站点服务 B): proxy buys (代买) from request to hand-over, the convenience records'
 * submissions to their providers (the job `stations.provider-submit`), and the local provider's own book.
 */
export const stationsServices: ModuleMigration = {
  name: '2026-12-08-stations-services',
  async up(db) {
    await db.schema
      .createTable('stations_proxy_buys')
      // The request record's id (srec_…).
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('township_code', 'text', (c) => c.notNull())
      .addColumn('village_code', 'text')
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text')
      .addColumn('item', 'text', (c) => c.notNull())
      .addColumn('quantity_text', 'text')
      .addColumn('budget_fen', 'bigint')
      .addColumn('deposit_fen', 'bigint', (c) => c.notNull())
      // open → done (handed over) | cancelled; voided when its request record was voided.
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('platform', 'text')
      .addColumn('platform_name', 'text')
      .addColumn('external_order_no', 'text')
      .addColumn('cost_fen', 'bigint')
      .addColumn('ordered_at', 'text')
      .addColumn('ordered_record_id', 'text')
      .addColumn('waybill_no', 'text')
      .addColumn('carrier', 'text')
      .addColumn('parcel_id', 'text')
      .addColumn('parcel_at', 'text')
      .addColumn('parcel_record_id', 'text')
      .addColumn('fee_fen', 'bigint')
      .addColumn('collected_fen', 'bigint')
      .addColumn('handed_over_at', 'text')
      .addColumn('refund_fen', 'bigint')
      .addColumn('cancel_reason', 'text')
      .addColumn('cancelled_at', 'text')
      // The handover or cancel record that closed it.
      .addColumn('closed_record_id', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('stations_proxy_buys_client').on('stations_proxy_buys').columns(['site_id', 'client_id']).unique().execute();
    await db.schema.createIndex('stations_proxy_buys_site').on('stations_proxy_buys').columns(['site_id', 'status', 'id']).execute();
    await db.schema.createIndex('stations_proxy_buys_township').on('stations_proxy_buys').columns(['township_code', 'status', 'id']).execute();
    await db.schema.createIndex('stations_proxy_buys_waybill').on('stations_proxy_buys').columns(['waybill_no']).execute();

    await db.schema
      .createTable('stations_service_submissions')
      // The convenience record's id (srec_…): the provider's idempotency key.
      .addColumn('record_id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('provider_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('service', 'text', (c) => c.notNull())
      // The request as submitted (account number, customer name): sealed.
      .addColumn('request_sealed', 'text', (c) => c.notNull())
      // pending → submitting → accepted | refused; cancelled when its record was voided before it went.
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('lease_until', 'text')
      .addColumn('provider_ref', 'text')
      .addColumn('message', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema.createIndex('stations_service_submissions_due').on('stations_service_submissions').columns(['status', 'next_attempt_at']).execute();

    await db.schema
      .createTable('stations_provider_local')
      .addColumn('record_id', 'text', (c) => c.primaryKey())
      .addColumn('provider_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('service', 'text', (c) => c.notNull())
      .addColumn('account_masked', 'text')
      .addColumn('amount_fen', 'bigint', (c) => c.notNull())
      .addColumn('fee_fen', 'bigint', (c) => c.notNull())
      .addColumn('customer_name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('provider_ref', 'text')
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('asked', 'integer', (c) => c.notNull())
      .addColumn('first_at', 'text', (c) => c.notNull())
      .addColumn('last_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db) {
    for (const table of ['stations_provider_local', 'stations_service_submissions', 'stations_proxy_buys']) await db.schema.dropTable(table).execute();
  },
};
