import type { ModuleMigration } from '../../../kernel/migrator.js';

export const logisticsInit: ModuleMigration = {
  name: '2026-12-02-logistics',
  async up(db) {
    await db.schema
      .createTable('logistics_parcels')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('carrier', 'text')
      .addColumn('waybill_no', 'text')
      .addColumn('recipient_name', 'text', (c) => c.notNull())
      .addColumn('recipient_phone', 'text', (c) => c.notNull())
      .addColumn('phone_last4', 'text', (c) => c.notNull())
      .addColumn('phone_print', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('weight_g', 'integer')
      .addColumn('description', 'text')
      .addColumn('match_state', 'text', (c) => c.notNull())
      .addColumn('village_code', 'text')
      .addColumn('township_code', 'text')
      .addColumn('point_site_id', 'text')
      .addColumn('point_code', 'text')
      .addColumn('route_id', 'text')
      .addColumn('run_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('problem', 'text')
      .addColumn('problem_code', 'text')
      .addColumn('pickup_code', 'text')
      .addColumn('received_at', 'text')
      .addColumn('arrived_at', 'text')
      .addColumn('transit_minutes', 'integer')
      .addColumn('picked_up_at', 'text')
      .addColumn('last_event_at', 'text')
      .addColumn('order_id', 'text')
      .addColumn('recipient_user_id', 'text')
      .addColumn('manifest_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('logistics_parcels_waybill_carrier').unique().on('logistics_parcels').columns(['waybill_no', 'carrier']).execute();
    await db.schema.createIndex('logistics_parcels_point').on('logistics_parcels').columns(['point_site_id', 'status']).execute();
    await db.schema.createIndex('logistics_parcels_township').on('logistics_parcels').columns(['township_code', 'status']).execute();
    await db.schema.createIndex('logistics_parcels_received').on('logistics_parcels').column('received_at').execute();
    await db.schema.createIndex('logistics_parcels_match').on('logistics_parcels').columns(['match_state', 'id']).execute();
    await db.schema.createIndex('logistics_parcels_run').on('logistics_parcels').column('run_id').execute();
    await db.schema.createIndex('logistics_parcels_order').on('logistics_parcels').column('order_id').execute();
    await db.schema.createIndex('logistics_parcels_user').on('logistics_parcels').column('recipient_user_id').execute();
    await db.schema
      .createTable('logistics_events')
      .addColumn('event_id', 'text', (c) => c.primaryKey())
      .addColumn('parcel_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text')
      .addColumn('run_id', 'text')
      .addColumn('actor_user_id', 'text')
      .addColumn('note', 'text')
      .addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('flag_reason', 'text')
      .addColumn('problem_code', 'text')
      .execute();
    await db.schema.createIndex('logistics_events_parcel').on('logistics_events').columns(['parcel_id', 'at']).execute();
    await db.schema
      .createTable('logistics_manifests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('carrier', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text')
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('matched', 'integer', (c) => c.notNull())
      .addColumn('unmatched', 'integer', (c) => c.notNull())
      .addColumn('updated', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('logistics_routes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('stops', 'text', (c) => c.notNull())
      .addColumn('departures', 'text', (c) => c.notNull())
      .addColumn('weekdays', 'text', (c) => c.notNull())
      .addColumn('township_codes', 'text', (c) => c.notNull())
      .addColumn('vehicle', 'text')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('logistics_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('route_id', 'text', (c) => c.notNull().references('logistics_routes.id'))
      .addColumn('run_date', 'text', (c) => c.notNull())
      .addColumn('departs_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('driver', 'text')
      .addColumn('vehicle', 'text')
      .addColumn('departed_at', 'text')
      .addColumn('completed_at', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('logistics_runs_departure').unique().on('logistics_runs').columns(['route_id', 'departs_at']).execute();
    await db.schema.createIndex('logistics_runs_date').on('logistics_runs').columns(['run_date', 'id']).execute();
    await db.schema
      .createTable('logistics_run_stops')
      .addColumn('run_id', 'text', (c) => c.notNull().references('logistics_runs.id'))
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('signed_by', 'text')
      .addColumn('signed_at', 'text')
      .addColumn('delivered', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('collected', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('logistics_run_stops_pk', ['run_id', 'site_id'])
      .execute();
    await db.schema
      .createTable('logistics_alerts')
      .addColumn('parcel_id', 'text', (c) => c.primaryKey())
      .addColumn('raised_at', 'text', (c) => c.notNull())
      .addColumn('cleared_at', 'text')
      .execute();
    await db.schema
      .createTable('logistics_track_misses')
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('misses', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('logistics_track_misses_pk', ['ip', 'window_start'])
      .execute();
    await db.schema.createIndex('logistics_alerts_open').on('logistics_alerts').columns(['cleared_at', 'raised_at']).execute();
  },
  async down(db) {
    for (const table of ['logistics_track_misses', 'logistics_alerts', 'logistics_run_stops', 'logistics_runs', 'logistics_routes', 'logistics_manifests', 'logistics_events', 'logistics_parcels']) await db.schema.dropTable(table).execute();
  },
};
