import { sql } from 'kysely';
import type { ModuleMigration } from '../../../kernel/migrator.js';

/**
 * Ludian's townships counted as poor (贫困乡镇) where no one has said otherwise: the plan names none, so every
 * township but the county seat 文屏镇 (see docs/architecture.md, Network). Frozen here: a later change of the
 * demo data must not change what this migration did.
 */
const LUDIAN = '530621';
const LUDIAN_POOR_TOWNSHIPS = ['530621102', '530621103', '530621104', '530621105', '530621106', '530621107', '530621108', '530621109', '530621110', '530621201', '530621202'];

/**
 * Townships carry a poor flag, and the plan's §六(二) targets are set right: stations in 100 % of poor townships,
 * village points in ≥ 50 % of poor villages (it was seeded at 100 %) as of other villages.
 */
export const networkPoorTownships: ModuleMigration = {
  name: '2026-12-06-poor-townships',
  async up(db) {
    await db.schema.alterTable('network_divisions').addColumn('is_poor_township', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db
      .updateTable('network_divisions')
      .set({ is_poor_township: 1 })
      .where('code', 'in', LUDIAN_POOR_TOWNSHIPS)
      .where('level', '=', 'township')
      .execute();
    // The seeded 100 % was a misreading of the plan; a county that chose another figure keeps it.
    await db.updateTable('network_targets').set({ target: 0.5 }).where('metric', '=', 'poor_village_coverage').where('target', '=', 1).execute();
    const counties = await db.selectFrom('network_targets').select('county_code').distinct().execute();
    for (const { county_code } of counties) {
      const has = await db.selectFrom('network_targets').select('metric').where('county_code', '=', county_code).where('metric', '=', 'poor_township_station_coverage').executeTakeFirst();
      if (!has && county_code === LUDIAN) await db.insertInto('network_targets').values({ county_code, metric: 'poor_township_station_coverage', target: 1 }).execute();
    }
    // Every app process reloads its network snapshot.
    await sql`update network_revision set revision = revision + 1 where id = 1`.execute(db);
  },
  async down(db) {
    await db.deleteFrom('network_targets').where('metric', '=', 'poor_township_station_coverage').execute();
    await db.schema.alterTable('network_divisions').dropColumn('is_poor_township').execute();
    await sql`update network_revision set revision = revision + 1 where id = 1`.execute(db);
  },
};
