import type { ModuleMigration } from '../migrator.js';

export const jobMigrations: ModuleMigration[] = [
  {
    name: '2026-12-06-jobs',
    async up(db) {
      await db.schema
        .createTable('kernel_jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text')
        .addColumn('live_key', 'text', (c) => c.unique())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('run_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // The claim's search: ready jobs by due time.
      await db.schema.createIndex('kernel_jobs_due').on('kernel_jobs').columns(['state', 'due_at']).execute();
      // The purge of finished one-off jobs.
      await db.schema.createIndex('kernel_jobs_updated').on('kernel_jobs').columns(['updated_at']).execute();
    },
    async down(db) {
      await db.schema.dropTable('kernel_jobs').execute();
    },
  },
  {
    name: '2026-12-06-job-runs',
    async up(db) {
      await db.schema
        .createTable('kernel_job_runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('job_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('process_id', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('summary', 'text')
        .execute();
      // A job's runs newest first (the console), and the purge by age.
      await db.schema.createIndex('kernel_job_runs_name').on('kernel_job_runs').columns(['name', 'started_at', 'id']).execute();
      await db.schema.createIndex('kernel_job_runs_started').on('kernel_job_runs').columns(['started_at']).execute();
    },
    async down(db) {
      await db.schema.dropTable('kernel_job_runs').execute();
    },
  },
];
