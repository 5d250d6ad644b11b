import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationSets, platformModules } from '../src/app.js';
import { migrateDownAll, migrateDownOne, migrateUp } from '../src/kernel/migrator.js';
import type { Database } from '../src/kernel/db.js';
import { engines, openTestDatabase, type TestDatabase } from './helpers.js';

async function tables(database: Database): Promise<string[]> {
  const query =
    database.dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
      : sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() order by table_name`;
  return (await query.execute(database.db)).rows.map((r) => r.name);
}

describe.each(engines())('migrations on %s', (engine) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(engine);
  });
  afterAll(() => test.dispose());

  it('go up, down one step, down all the way, and up again', async () => {
    const sets = migrationSets();
    const up = await migrateUp(test.database, sets);
    expect(up.length).toBe(sets.reduce((n, s) => n + s.migrations.length, 0));
    expect(await tables(test.database)).toEqual(expect.arrayContaining(['identity_users', 'network_sites', 'network_divisions', 'kernel_audit_log', 'kernel_idempotency']));
    expect(await migrateUp(test.database, sets)).toEqual([]);

    const [last] = await migrateDownOne(test.database, sets);
    expect(last).toMatch(/^Down /);
    await migrateUp(test.database, sets);

    await migrateDownAll(test.database, sets);
    const left = (await tables(test.database)).filter((t) => !t.startsWith('kernel_migrations'));
    expect(left).toEqual([]);
    expect((await migrateUp(test.database, sets)).length).toBe(up.length);
  });
});

describe.each(engines())('the network data migration of 2026-12-06 on %s', (engine) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(engine);
  });
  afterAll(() => test.dispose());

  it('sets the poor-village target seeded at 100 % to the plan\'s 50 %, adds the poor-township target and flags', async () => {
    const db = test.database.db as never as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
    const { migrations } = platformModules.find((m) => m.name === 'network')!;
    const named = (name: string) => migrations.find((m) => m.name === name)!;
    await named('2026-11-28-network').up(test.database.db, test.database.dialect);
    const division = (code: string, level: string) => ({ id: `div_${code}`, code, name: code, level, kind: level === 'township' ? 'town' : level, parent_code: null, population: null, is_poor_village: 0, is_demo: 0, valid_from: '2017-01-01', valid_to: null });
    await db.insertInto('network_divisions').values([division('530621', 'county'), division('530621101', 'township'), division('530621103', 'township'), division('530621103201', 'village')]).execute();
    await db.insertInto('network_targets').values([
      { county_code: '530621', metric: 'poor_village_coverage', target: 1 },
      { county_code: '530621', metric: 'other_village_coverage', target: 0.5 },
    ]).execute();
    await named('2026-12-06-poor-townships').up(test.database.db, test.database.dialect);
    const targets = await db.selectFrom('network_targets').select(['metric', 'target']).orderBy('metric').execute();
    expect(targets.map((r) => [r.metric, Number(r.target)])).toEqual([
      ['other_village_coverage', 0.5],
      ['poor_township_station_coverage', 1],
      ['poor_village_coverage', 0.5],
    ]);
    const flags = await db.selectFrom('network_divisions').select(['code', 'is_poor_township']).orderBy('code').execute();
    expect(flags.map((r) => [r.code, Number(r.is_poor_township)])).toEqual([['530621', 0], ['530621101', 0], ['530621103', 1], ['530621103201', 0]]);
    const { revision } = await db.selectFrom('network_revision').select('revision').executeTakeFirstOrThrow();
    expect(Number(revision)).toBe(1);
  });
});
