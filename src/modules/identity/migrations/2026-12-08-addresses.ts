import { sql } from 'kysely';
import type { ModuleMigration } from '../../../kernel/migrator.js';

/** A user's address book: receivers, sealed phones, places and at most one default a user. */
export const identityAddresses: ModuleMigration = {
  name: '2026-12-08-addresses',
  async up(db) {
    await db.schema
      .createTable('identity_addresses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('identity_users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phone_sealed', 'text', (c) => c.notNull())
      .addColumn('division_code', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('identity_addresses_user').on('identity_addresses').column('user_id').execute();
    // The service keeps exactly one default; the index makes a second one impossible whatever happens.
    await db.schema.createIndex('identity_addresses_one_default').on('identity_addresses').column('user_id').unique().where(sql.ref('is_default'), '=', 1).execute();
  },
  async down(db) {
    await db.schema.dropTable('identity_addresses').execute();
  },
};
