import type { ModuleMigration } from '../../../kernel/migrator.js';

export const reportsInit: ModuleMigration = {
  name: '2026-12-07-reports',
  async up(db) {
    await db.schema
      .createTable('reports_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('progress', 'integer', (c) => c.notNull())
      .addColumn('step', 'text', (c) => c.notNull())
      .addColumn('xlsx_key', 'text')
      .addColumn('pdf_key', 'text')
      .addColumn('xlsx_bytes', 'integer')
      .addColumn('pdf_bytes', 'integer')
      .addColumn('summary', 'text')
      .addColumn('fingerprint', 'text')
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('requested_by_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('finished_at', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('error', 'text')
      .addUniqueConstraint('reports_reports_version', ['kind', 'period', 'version'])
      .execute();
    await db.schema.createIndex('reports_reports_status').on('reports_reports').columns(['status', 'id']).execute();
  },
  async down(db) {
    await db.schema.dropTable('reports_reports').execute();
  },
};
