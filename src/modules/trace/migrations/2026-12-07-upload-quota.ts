import type { ModuleMigration } from '../../../kernel/migrator.js';

/**
 * Lab-report upload quotas (one row per uploader: the start of its day and the files and bytes taken in it, in the
 * database so every app process counts the same), and the reports housekeeping is removing: a row here outlives the
 * report's row until its bytes are gone, so a removal cut short is finished by the next run.
 */
export const traceUploadQuota: ModuleMigration = {
  name: '2026-12-07-upload-quota',
  async up(db) {
    await db.schema
      .createTable('trace_upload_quota')
      .addColumn('user_id', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('files', 'integer', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createTable('trace_file_removals').addColumn('file_id', 'text', (c) => c.primaryKey()).addColumn('key', 'text', (c) => c.notNull()).execute();
    await db.schema.createIndex('trace_files_created').on('trace_files').column('created_at').execute();
  },
  async down(db) {
    await db.schema.dropIndex('trace_files_created').execute();
    await db.schema.dropTable('trace_file_removals').execute();
    await db.schema.dropTable('trace_upload_quota').execute();
  },
};
