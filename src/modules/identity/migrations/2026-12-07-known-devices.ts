import type { ModuleMigration } from '../../../kernel/migrator.js';

/** Browsers a user has signed in from (by the hash of their device cookie), and a once-per-window notice flag on throttle windows. */
export const knownDevices: ModuleMigration = {
  name: '2026-12-07-known-devices',
  async up(db) {
    await db.schema
      .createTable('identity_devices')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('identity_users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('identity_devices_pk', ['id', 'user_id'])
      .execute();
    await db.schema.createIndex('identity_devices_last_used').on('identity_devices').column('last_used_at').execute();
    await db.schema.alterTable('identity_login_throttle').addColumn('noticed', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
  async down(db) {
    await db.schema.dropTable('identity_devices').execute();
    await db.schema.alterTable('identity_login_throttle').dropColumn('noticed').execute();
  },
};
