import type { ModuleMigration } from '../../../kernel/migrator.js';

export const networkInit: ModuleMigration = {
  name: '2026-11-28-network',
  async up(db) {
    await db.schema
      .createTable('network_divisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('parent_code', 'text')
      .addColumn('population', 'integer')
      .addColumn('is_poor_village', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('valid_to', 'text')
      .addUniqueConstraint('network_divisions_code_version', ['code', 'valid_from'])
      .execute();
    await db.schema.createIndex('network_divisions_parent').on('network_divisions').column('parent_code').execute();
    await db.schema
      .createTable('network_sites')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('division_code', 'text', (c) => c.notNull())
      .addColumn('township_code', 'text')
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('longitude', 'double precision')
      .addColumn('latitude', 'double precision')
      .addColumn('floor_area_m2', 'double precision')
      .addColumn('opening_hours', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_since', 'text', (c) => c.notNull())
      .addColumn('services', 'text', (c) => c.notNull())
      .addColumn('operator_user_id', 'text')
      .addColumn('operator_name', 'text')
      .addColumn('operator_phone', 'text')
      .addColumn('operator_poor_household', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('operator_disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('operator_party_member', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('network_sites_township').on('network_sites').columns(['township_code', 'kind']).execute();
    await db.schema.createIndex('network_sites_division').on('network_sites').column('division_code').execute();
    await db.schema.createIndex('network_sites_operator').on('network_sites').column('operator_user_id').execute();
    await db.schema
      .createTable('network_site_status_history')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('network_sites.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('effective_date', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('recorded_by', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('network_site_status_history_site').on('network_site_status_history').column('site_id').execute();
    await db.schema
      .createTable('network_targets')
      .addColumn('county_code', 'text', (c) => c.notNull())
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('target', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint('network_targets_pk', ['county_code', 'metric'])
      .execute();
    // One row, bumped by every write to the network, so each app process knows when its read cache is stale.
    await db.schema.createTable('network_revision').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('revision', 'integer', (c) => c.notNull()).execute();
    await db.insertInto('network_revision').values({ id: 1, revision: 0 }).execute();
  },
  async down(db) {
    for (const table of ['network_revision', 'network_targets', 'network_site_status_history', 'network_sites', 'network_divisions']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
