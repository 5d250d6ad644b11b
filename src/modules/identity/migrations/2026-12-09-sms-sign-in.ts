import type { ModuleMigration } from '../../../kernel/migrator.js';

/**
 * Shoppers sign in with a text-message code: the one live code of each phone (by the phone's keyed fingerprint,
 * the code only as a keyed print), the fixed-window counters that limit how many codes go out, and an index to
 * find a shopper's account by its phone.
 */
export const smsSignIn: ModuleMigration = {
  name: '2026-12-09-sms-sign-in',
  async up(db) {
    await db.schema
      .createTable('identity_sms_codes')
      .addColumn('phone_print', 'text', (c) => c.primaryKey())
      .addColumn('code_print', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('tries', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('identity_sms_codes_expires').on('identity_sms_codes').column('expires_at').execute();
    await db.schema
      .createTable('identity_sms_limits')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_end', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('identity_sms_limits_window').on('identity_sms_limits').column('window_end').execute();
    await db.schema.createIndex('identity_users_phone').on('identity_users').column('phone').execute();
  },
  async down(db) {
    await db.schema.dropIndex('identity_users_phone').execute();
    await db.schema.dropTable('identity_sms_limits').execute();
    await db.schema.dropTable('identity_sms_codes').execute();
  },
};
