import type { ModuleMigration } from '../../../kernel/migrator.js';

/**
 * Holds: a record that puts an earlier harvest in breach holds its batches from sale and queues a review for the
 * regulator beside the refused harvests (`trace_refusals.kind`). The regulator upholds or releases either kind.
 */
export const traceHolds: ModuleMigration = {
  name: '2026-12-06-trace-holds',
  async up(db) {
    await db.schema.alterTable('trace_refusals').addColumn('kind', 'text', (c) => c.notNull().defaultTo('harvest')).execute();
    await db.schema.alterTable('trace_refusals').addColumn('batch_id', 'text').execute();
    await db.schema.alterTable('trace_refusals').addColumn('findings', 'text', (c) => c.notNull().defaultTo('[]')).execute();
    await db.schema.alterTable('trace_refusals').addColumn('decision', 'text').execute();
    await db.updateTable('trace_refusals').set({ decision: 'released' }).where('override_at', 'is not', null).execute();
    await db.schema.createIndex('trace_refusals_queue').on('trace_refusals').columns(['decision', 'attempted_at', 'id']).execute();
    await db.schema.createIndex('trace_refusals_attempted').on('trace_refusals').columns(['attempted_at', 'id']).execute();

    await db.schema.alterTable('trace_batches').addColumn('held', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('trace_batches').addColumn('held_frozen', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.createIndex('trace_batches_held').on('trace_batches').columns(['held', 'held_frozen']).execute();

    await db.schema
      .createTable('trace_holds')
      .addColumn('refusal_id', 'text', (c) => c.notNull())
      .addColumn('batch_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('trace_holds_pk', ['refusal_id', 'batch_id'])
      .execute();
    await db.schema.createIndex('trace_holds_batch').on('trace_holds').column('batch_id').execute();

    await db.schema.createIndex('trace_complaints_created').on('trace_complaints').columns(['created_at', 'id']).execute();
  },
  async down(db) {
    await db.schema.dropIndex('trace_complaints_created').execute();
    await db.schema.dropTable('trace_holds').execute();
    await db.schema.dropIndex('trace_batches_held').execute();
    await db.schema.alterTable('trace_batches').dropColumn('held_frozen').execute();
    await db.schema.alterTable('trace_batches').dropColumn('held').execute();
    await db.schema.dropIndex('trace_refusals_attempted').execute();
    await db.schema.dropIndex('trace_refusals_queue').execute();
    for (const column of ['decision', 'findings', 'batch_id', 'kind']) await db.schema.alterTable('trace_refusals').dropColumn(column).execute();
  },
};
