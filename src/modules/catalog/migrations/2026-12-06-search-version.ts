import type { ModuleMigration } from '../../../kernel/migrator.js';

/**
 * Which rules the search terms were built with. Existing databases start at 0, so the catalogue rebuilds every
 * product's terms at its next start (single characters, pinyin and English names were added).
 */
export const searchVersion: ModuleMigration = {
  name: '2026-12-06-search-version',
  async up(db) {
    await db.schema.alterTable('catalog_revision').addColumn('search_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
  async down(db) {
    await db.schema.alterTable('catalog_revision').dropColumn('search_version').execute();
  },
};
