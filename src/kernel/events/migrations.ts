import { sql } from 'kysely';
import type { ModuleMigration } from '../migrator.js';

export const eventMigrations: ModuleMigration[] = [
  {
    name: '2026-12-06-events',
    async up(db, dialect) {
      const counter = dialect === 'postgres' ? 'bigint' : 'integer';
      await db.schema
        .createTable('kernel_events')
        .addColumn('id', counter, (c) => (dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
        .addColumn('seq', counter)
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('aggregate', 'text', (c) => c.notNull())
        .addColumn('aggregate_id', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('kernel_events_seq').on('kernel_events').column('seq').unique().execute();
      // The sequencer's work list: committed rows not numbered yet, by insertion id.
      await db.schema.createIndex('kernel_events_unnumbered').on('kernel_events').column('id').where(sql.ref('seq'), 'is', null).execute();

      await db.schema
        .createTable('kernel_event_subscribers')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('position', counter, (c) => c.notNull().defaultTo(0))
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('retry_at', 'text')
        .addColumn('last_error', 'text')
        .execute();

      await db.schema
        .createTable('kernel_event_sequencer')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('last_seq', counter, (c) => c.notNull())
        .execute();
      await db.insertInto('kernel_event_sequencer').values({ id: 1, last_seq: 0 }).execute();
    },
    async down(db) {
      await db.schema.dropTable('kernel_event_sequencer').execute();
      await db.schema.dropTable('kernel_event_subscribers').execute();
      await db.schema.dropTable('kernel_events').execute();
    },
  },
];
