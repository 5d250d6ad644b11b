import type { ModuleMigration } from '../../../kernel/migrator.js';

/** Wrong passwords are counted per user name and address; the per-account lock is gone. */
export const signInFailures: ModuleMigration = {
  name: '2026-12-07-sign-in-failures',
  async up(db) {
    await db.schema
      .createTable('identity_sign_in_failures')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('strikes', 'integer', (c) => c.notNull())
      .addColumn('delayed_until', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('identity_sign_in_failures_updated').on('identity_sign_in_failures').column('updated_at').execute();
    await db.updateTable('identity_users').set({ failed_logins: 0, locked_until: null }).execute();
  },
  async down(db) {
    await db.schema.dropTable('identity_sign_in_failures').execute();
  },
};
