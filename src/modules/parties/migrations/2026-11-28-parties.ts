import type { ModuleMigration } from '../../../kernel/migrator.js';

export const partiesInit: ModuleMigration = {
  name: '2026-11-28-parties',
  async up(db) {
    await db.schema
      .createTable('parties_sellers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('credit_code', 'text', (c) => c.unique())
      .addColumn('id_number_sealed', 'text')
      .addColumn('id_number_print', 'text', (c) => c.unique())
      .addColumn('id_number_masked', 'text')
      .addColumn('contact_name', 'text', (c) => c.notNull())
      .addColumn('contact_phone', 'text', (c) => c.notNull())
      .addColumn('division_code', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('owner_user_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_reason', 'text')
      .addColumn('reviewed_by', 'text')
      .addColumn('reviewed_at', 'text')
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('parties_sellers_owner').on('parties_sellers').column('owner_user_id').execute();
    await db.schema.createIndex('parties_sellers_status').on('parties_sellers').column('status').execute();
    await db.schema
      .createTable('parties_households')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('household_no', 'text', (c) => c.notNull().unique())
      .addColumn('village_code', 'text', (c) => c.notNull())
      .addColumn('head_name', 'text', (c) => c.notNull())
      .addColumn('head_id_sealed', 'text', (c) => c.notNull())
      .addColumn('head_id_print', 'text', (c) => c.notNull().unique())
      .addColumn('head_id_masked', 'text', (c) => c.notNull())
      .addColumn('members', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('lifted_year', 'integer')
      .addColumn('user_id', 'text')
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('parties_households_village').on('parties_households').column('village_code').execute();
    await db.schema
      .createTable('parties_household_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('household_id', 'text', (c) => c.notNull().references('parties_households.id'))
      .addColumn('seller_id', 'text', (c) => c.notNull().references('parties_sellers.id'))
      .addColumn('product_id', 'text')
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('share_bp', 'integer', (c) => c.notNull())
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('valid_to', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('parties_household_links_seller').on('parties_household_links').columns(['seller_id', 'product_id']).execute();
    await db.schema.createIndex('parties_household_links_household').on('parties_household_links').column('household_id').execute();
  },
  async down(db) {
    for (const table of ['parties_household_links', 'parties_households', 'parties_sellers']) await db.schema.dropTable(table).execute();
  },
};
