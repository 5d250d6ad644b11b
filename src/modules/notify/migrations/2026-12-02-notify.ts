import type { ModuleMigration } from '../../../kernel/migrator.js';

export const notifyInit: ModuleMigration = {
  name: '2026-12-02-notify',
  async up(db) {
    await db.schema
      .createTable('notify_sms_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('phone_masked', 'text', (c) => c.notNull())
      .addColumn('phone_print', 'text', (c) => c.notNull())
      .addColumn('template', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('ref', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('notify_sms_outbox_phone').on('notify_sms_outbox').columns(['phone_print', 'id']).execute();
    await db.schema.createIndex('notify_sms_outbox_ref').on('notify_sms_outbox').column('ref').execute();
  },
  async down(db) {
    await db.schema.dropTable('notify_sms_outbox').execute();
  },
};
