import type { ModuleMigration } from '../../../kernel/migrator.js';

export const playersInit: ModuleMigration = {
  name: '2026-12-07-players',
  async up(db) {
    await db.schema
      .createTable('players_players')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('credit_code', 'text', (c) => c.notNull().unique())
      .addColumn('contact_name', 'text', (c) => c.notNull())
      .addColumn('contact_phone_sealed', 'text', (c) => c.notNull())
      .addColumn('contact_phone_masked', 'text', (c) => c.notNull())
      .addColumn('township_code', 'text', (c) => c.notNull())
      .addColumn('village_code', 'text')
      .addColumn('owner_user_id', 'text')
      .addColumn('notes', 'text', (c) => c.notNull())
      .addColumn('is_demo', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('players_players_township').on('players_players').columns(['township_code', 'id']).execute();
    await db.schema.createIndex('players_players_owner').on('players_players').column('owner_user_id').execute();

    await db.schema
      .createTable('players_shops')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('player_id', 'text', (c) => c.notNull().references('players_players.id'))
      .addColumn('township_code', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('opened_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('closed_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('players_shops_player').on('players_shops').columns(['player_id', 'id']).execute();
    await db.schema.createIndex('players_shops_platform_name').on('players_shops').columns(['platform', 'name', 'player_id']).unique().execute();

    await db.schema
      .createTable('players_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('shop_id', 'text', (c) => c.notNull().references('players_shops.id'))
      .addColumn('player_id', 'text', (c) => c.notNull())
      .addColumn('township_code', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('is_current', 'integer', (c) => c.notNull())
      .addColumn('sales_fen', 'bigint', (c) => c.notNull())
      .addColumn('orders', 'integer', (c) => c.notNull())
      .addColumn('produce_fen', 'bigint', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('reported_by', 'text', (c) => c.notNull())
      .addColumn('reported_by_name', 'text', (c) => c.notNull())
      .addColumn('reported_at', 'text', (c) => c.notNull())
      .addColumn('late', 'integer', (c) => c.notNull())
      .addColumn('implausible', 'integer', (c) => c.notNull())
      .addColumn('flags', 'text', (c) => c.notNull())
      .addColumn('reviewed_at', 'text')
      .addColumn('reviewed_by', 'text')
      .addColumn('review_note', 'text')
      .execute();
    await db.schema.createIndex('players_reports_version').on('players_reports').columns(['shop_id', 'month', 'version']).unique().execute();
    await db.schema.createIndex('players_reports_current').on('players_reports').columns(['is_current', 'month', 'shop_id']).execute();
    await db.schema.createIndex('players_reports_player').on('players_reports').columns(['player_id', 'month']).execute();
  },
  async down(db) {
    await db.schema.dropTable('players_reports').execute();
    await db.schema.dropTable('players_shops').execute();
    await db.schema.dropTable('players_players').execute();
  },
};
