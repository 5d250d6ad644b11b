import type { ModuleMigration } from '../../../kernel/migrator.js';

/** Follow-up: trainees' outcomes, the sellers' sales copied from the orders' events, the talent shortlist and its support. */
export const followUpInit: ModuleMigration = {
  name: '2026-12-07-follow-up',
  async up(db) {
    await db.schema
      .createTable('training_outcomes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('trainee_id', 'text', (c) => c.notNull().references('training_trainees.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref', 'text', (c) => c.notNull())
      .addColumn('ref_name', 'text', (c) => c.notNull())
      .addColumn('player_id', 'text')
      .addColumn('shop_id', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('began_at', 'text')
      .addColumn('township_code', 'text')
      .addColumn('poor', 'integer', (c) => c.notNull())
      .addColumn('first_trained_at', 'text')
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    // One outcome per trainee, kind and what it is about: a re-run job or a second hand link records nothing twice.
    await db.schema.createIndex('training_outcomes_once').on('training_outcomes').columns(['trainee_id', 'kind', 'ref']).unique().execute();
    await db.schema.createIndex('training_outcomes_kind').on('training_outcomes').columns(['kind', 'trainee_id']).execute();

    await db.schema
      .createTable('training_seller_sales')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('seller_id', 'text', (c) => c.notNull())
      .addColumn('paid_at', 'text', (c) => c.notNull())
      .addColumn('amount_fen', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('training_seller_sales_seller').on('training_seller_sales').columns(['seller_id', 'paid_at']).execute();
    await db.schema.createIndex('training_seller_sales_order').on('training_seller_sales').columns(['order_id']).execute();

    await db.schema
      .createTable('training_talent')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('members', 'text', (c) => c.notNull())
      .addColumn('township_code', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_note', 'text', (c) => c.notNull())
      .addColumn('nominated_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('training_talent_township').on('training_talent').columns(['township_code', 'id']).execute();

    await db.schema
      .createTable('training_talent_support')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('talent_id', 'text', (c) => c.notNull().references('training_talent.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('amount_fen', 'bigint', (c) => c.notNull())
      .addColumn('given_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('training_talent_support_talent').on('training_talent_support').columns(['talent_id', 'given_on']).execute();
  },
  async down(db) {
    for (const table of ['training_talent_support', 'training_talent', 'training_seller_sales', 'training_outcomes']) await db.schema.dropTable(table).execute();
  },
};
