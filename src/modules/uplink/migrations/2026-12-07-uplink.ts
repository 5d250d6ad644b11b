import type { ModuleMigration } from '../../../kernel/migrator.js';

export const uplinkInit: ModuleMigration = {
  name: '2026-12-07-uplink',
  async up(db) {
    await db.schema
      .createTable('uplink_endpoints')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('algorithm', 'text', (c) => c.notNull())
      .addColumn('secret_sealed', 'text', (c) => c.notNull())
      .addColumn('public_key', 'text')
      .addColumn('grains', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('uplink_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('endpoint_id', 'text', (c) => c.notNull().references('uplink_endpoints.id'))
      .addColumn('grain', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('indicator', 'text', (c) => c.notNull())
      .addColumn('indicator_name', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('payload_digest', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('lease_until', 'text')
      .addColumn('last_http_status', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addUniqueConstraint('uplink_deliveries_version', ['endpoint_id', 'grain', 'period', 'indicator', 'version'])
      .execute();
    await db.schema.createIndex('uplink_deliveries_due').on('uplink_deliveries').columns(['status', 'next_attempt_at']).execute();
    await db.schema.createIndex('uplink_deliveries_endpoint').on('uplink_deliveries').columns(['endpoint_id', 'id']).execute();
    await db.schema
      .createTable('uplink_inbox_senders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('county_code', 'text', (c) => c.notNull().unique())
      .addColumn('county_name', 'text', (c) => c.notNull())
      .addColumn('algorithm', 'text', (c) => c.notNull())
      .addColumn('secret_sealed', 'text')
      .addColumn('public_key', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('uplink_inbox_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('county_code', 'text', (c) => c.notNull())
      .addColumn('county_name', 'text', (c) => c.notNull())
      .addColumn('grain', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('indicator', 'text', (c) => c.notNull())
      .addColumn('indicator_name', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('correction_of', 'integer')
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('algorithm', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('uplink_inbox_messages_version', ['county_code', 'grain', 'period', 'indicator', 'version'])
      .execute();
  },
  async down(db) {
    await db.schema.dropTable('uplink_inbox_messages').execute();
    await db.schema.dropTable('uplink_inbox_senders').execute();
    await db.schema.dropTable('uplink_deliveries').execute();
    await db.schema.dropTable('uplink_endpoints').execute();
  },
};
