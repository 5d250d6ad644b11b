import type { ModuleMigration } from '../../../kernel/migrator.js';
import { createRevisionTable } from '../../../kernel/read-cache.js';

/** The revision public tracking answers are cached by (logistics.repository.ts), bumped by every logistics write. */
export const logisticsRevision: ModuleMigration = {
  name: '2026-12-07-revision',
  async up(db) {
    await createRevisionTable(db, 'logistics_revision');
  },
  async down(db) {
    await db.schema.dropTable('logistics_revision').execute();
  },
};
