import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createModules, platformModules } from '../src/app.js';
import { systemClock } from '../src/kernel/clock.js';
import { openDatabase, type Database } from '../src/kernel/db.js';
import { kernelMigrations } from '../src/kernel/kernel-migrations.js';
import { migrateUp } from '../src/kernel/migrator.js';
import { TEST_DATA_KEY } from './helpers.js';

const root = path.resolve(import.meta.dirname, '..');

async function tables(database: Database): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(database.db);
  return rows.rows.map((r) => r.name).filter((name) => !name.startsWith('kysely_'));
}

/** The tables a module's own migrations create, on a database holding only the kernel's. */
async function tablesOf(module: (typeof platformModules)[number]): Promise<string[]> {
  const database = await openDatabase({ sqliteFile: ':memory:' });
  try {
    await migrateUp(database, [{ owner: 'kernel', migrations: kernelMigrations }]);
    const kernel = new Set(await tables(database));
    await migrateUp(database, [{ owner: 'kernel', migrations: kernelMigrations }, { owner: module.name, migrations: module.migrations }]);
    return (await tables(database)).filter((name) => !kernel.has(name));
  } finally {
    await database.close();
  }
}

/** Modules that keep no data of their own: the 工作台 only asks the others (through its ports) for counts. */
const KEEPS_NO_TABLES = new Set(['workbench']);

describe('the module contract', () => {
  it.each(platformModules.map((m) => [m.name, m] as const))('%s is declared in the one shape, in a folder of its name', (name, module) => {
    expect(name).toMatch(/^[a-z]+$/);
    expect(module.tablePrefix).toBe(`${name}_`);
    expect(module.summary).toMatch(/^[\u4e00-\u9fff]+ [A-Z]/);
    expect(module.migrations.length > 0).toBe(!KEEPS_NO_TABLES.has(name));
    for (const [port, use] of Object.entries(module.requires)) expect(use, `port ${port} says what it is for`).toMatch(/\(\w[\w, ]*\)$/);
    for (const event of module.publishes) expect(event.type.startsWith(`${name}.`), event.type).toBe(true);
    const folder = path.join(root, 'src/modules', name);
    const files = KEEPS_NO_TABLES.has(name) ? ['index.ts', `${name}.routes.ts`, `${name}.service.ts`] : ['index.ts', `${name}.repository.ts`, `${name}.routes.ts`, `${name}.tables.ts`, 'migrations'];
    for (const file of files) {
      expect(fs.existsSync(path.join(folder, file)), `${name}/${file}`).toBe(true);
    }
  });

  it.each(platformModules.map((m) => [m.name, m] as const))("every table %s's migrations create carries its prefix", async (_name, module) => {
    const created = await tablesOf(module);
    expect(created.length > 0).toBe(!KEEPS_NO_TABLES.has(_name));
    expect(created.filter((table) => !table.startsWith(module.tablePrefix))).toEqual([]);
  });

  it('every kernel table starts with kernel_', async () => {
    const database = await openDatabase({ sqliteFile: ':memory:' });
    await migrateUp(database, [{ owner: 'kernel', migrations: kernelMigrations }]);
    expect((await tables(database)).filter((table) => !table.startsWith('kernel_'))).toEqual([]);
    await database.close();
  });

  it('builds every module with every port answered, and names jobs and subscribers after their module', async () => {
    const database = await openDatabase({ sqliteFile: ':memory:' });
    const modules = createModules(database, systemClock, { secureCookies: false, dataDir: '/nonexistent', dataKey: TEST_DATA_KEY });
    expect(Object.keys(modules).sort()).toEqual(platformModules.map((m) => m.name).sort());
    for (const [name, module] of Object.entries(modules)) {
      for (const job of module.jobs ?? []) expect(job.name.startsWith(`${name}.`), job.name).toBe(true);
      for (const sub of module.subscriptions ?? []) if (sub.kind === 'async') expect(sub.name.startsWith(`${name}.`), sub.name).toBe(true);
    }
    await database.close();
  });

  it('refuses to start when a port is not wired', async () => {
    const database = await openDatabase({ sqliteFile: ':memory:' });
    const { composeModules } = await import('../src/kernel/compose.js');
    const { createKernel } = await import('../src/app.js');
    const kernel = createKernel(database, systemClock, { secureCookies: false, dataDir: '/nonexistent', dataKey: TEST_DATA_KEY });
    const identity = platformModules.find((m) => m.name === 'identity')!;
    expect(() => composeModules(kernel, [identity], {} as never)).toThrow(/identity requires port scopes/);
    await database.close();
  });
});

describe('the docs', () => {
  it("show the smallest module's declaration as it is in the code (How to add a module)", () => {
    const docs = fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
    const code = fs.readFileSync(path.join(root, 'src/modules/notify/index.ts'), 'utf8');
    const declaration = code.slice(code.indexOf('/** Messages to people'));
    expect(docs.slice(docs.indexOf('## How to add a module'))).toContain(declaration.trim());
  });

  it('lists every published event, with its version and aggregate, in docs/architecture.md', () => {
    const docs = fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
    const catalogue = docs.slice(docs.indexOf('## Event catalogue'));
    expect(catalogue.length).toBeLessThan(docs.length);
    for (const event of platformModules.flatMap((m) => m.publishes)) {
      expect(catalogue, event.type).toContain(`| \`${event.type}\` | ${event.version} | ${event.aggregate} |`);
    }
  });
});
