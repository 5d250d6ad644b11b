import type { ModuleMigration } from '../../../kernel/migrator.js';

/**
 * 站点服务 figures: the parcels in and out at each point, copied from logistics' events (one row per parcel and
 * direction, so a redelivered event counts nothing twice), for the daily book's parcel columns.
 */
export const stationsFigures: ModuleMigration = {
  name: '2026-12-08-stations-figures',
  async up(db) {
    await db.schema
      .createTable('stations_point_parcels')
      .addColumn('parcel_id', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('township_code', 'text')
      .addColumn('village_code', 'text')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('stations_point_parcels_pk', ['parcel_id', 'direction'])
      .execute();
    await db.schema.createIndex('stations_point_parcels_site_day').on('stations_point_parcels').columns(['site_id', 'day']).execute();
    await db.schema.createIndex('stations_point_parcels_township_day').on('stations_point_parcels').columns(['township_code', 'day']).execute();
    await db.schema.createIndex('stations_point_parcels_day').on('stations_point_parcels').columns(['day']).execute();
  },
  async down(db) {
    await db.schema.dropTable('stations_point_parcels').execute();
  },
};
