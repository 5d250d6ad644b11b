import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModules, migrationSets } from '../src/app.js';
import { systemClock } from '../src/kernel/clock.js';
import { migrateDownAll, migrateDownOne, migrateUp } from '../src/kernel/migrator.js';
import type { Database } from '../src/kernel/db.js';
import { engines, openTestDatabase, TEST_DATA_KEY, type TestDatabase } from './helpers.js';

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
    const sets = migrationSets(createModules(test.database, systemClock, { secureCookies: false, dataDir: '/nonexistent', dataKey: TEST_DATA_KEY }));
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
