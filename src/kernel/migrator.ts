import { Migrator, NO_MIGRATIONS, sql, type Migration, type MigrationResultSet } from 'kysely';
import { isPostgresUrl, loadPostgresDriver, SCHEMA_DROP_LOCK } from './db.js';
import type { AnyKysely, Database, DialectName } from './db.js';

/** A frozen schema change. Names start with an ISO date, e.g. `2026-11-28-sites`. */
export interface ModuleMigration {
  name: string;
  up(db: AnyKysely, dialect: DialectName): Promise<void>;
  down(db: AnyKysely, dialect: DialectName): Promise<void>;
}

export interface MigrationSet {
  /** The owning module (or `kernel`); becomes the migration name's prefix. */
  owner: string;
  migrations: ModuleMigration[];
}

function toKyselyMigrations(sets: MigrationSet[], dialect: DialectName): Record<string, Migration> {
  const all: Record<string, Migration> = {};
  for (const set of sets) {
    set.migrations.forEach((m, index) => {
      const match = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(m.name);
      if (!match) throw new Error(`Migration name must start with an ISO date: ${set.owner}/${m.name}`);
      // Date first, so that the migrations of all modules run in the order they were written; then the
      // module's own order, for two of one module on the same day.
      all[`${match[1]}-${set.owner}-${String(index).padStart(3, '0')}-${match[2]}`] = {
        up: (db) => m.up(db, dialect),
        down: (db) => m.down(db, dialect),
      };
    });
  }
  return all;
}

function migratorFor({ db, dialect, schema }: Database, sets: MigrationSet[]) {
  return new Migrator({
    db,
    provider: { getMigrations: async () => toKyselyMigrations(sets, dialect) },
    // Named, because Kysely otherwise looks for its tables in every schema of the PostgreSQL database.
    migrationTableSchema: schema,
    migrationTableName: 'kernel_migrations',
    migrationLockTableName: 'kernel_migrations_lock',
    allowUnorderedMigrations: true,
  });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) throw result.error;
  return (result.results ?? []).map((r) => `${r.direction} ${r.migrationName}`);
}

export async function migrateUp(database: Database, sets: MigrationSet[]): Promise<string[]> {
  return whileNoSchemaIsDropped(database, () => migratorFor(database, sets).migrateToLatest());
}

/**
 * Kysely's migrator reads every schema's tables by name; a schema dropped meanwhile (dropPostgresSchema, which
 * takes this lock exclusively) makes that read fail with "schema … does not exist".
 */
async function whileNoSchemaIsDropped(database: Database, migrate: () => Promise<MigrationResultSet>): Promise<string[]> {
  if (database.dialect !== 'postgres') return check(await migrate());
  return database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock_shared(${SCHEMA_DROP_LOCK})`.execute(conn);
    try {
      return check(await migrate());
    } finally {
      await sql`select pg_advisory_unlock_shared(${SCHEMA_DROP_LOCK})`.execute(conn);
    }
  });
}

/** The advisory lock first-start work holds on PostgreSQL, with the schema's hash as its second key. */
const STARTUP_LOCK = 720_622;

/**
 * Runs first-start work (the first admin, the demo data) while holding a PostgreSQL advisory lock on the schema,
 * so that of several processes started together one does it and the others then find it done. On SQLite (one
 * process) it just runs. The lock is held by a connection of its own; the work writes through the app's pool.
 */
export async function withStartupLock<T>(databaseUrl: string | undefined, schema: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!isPostgresUrl(databaseUrl)) return work();
  const pg = await loadPostgresDriver();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1, hashtext($2))', [STARTUP_LOCK, schema || 'public']);
    return await work();
  } finally {
    await client.end(); // ending the session releases the lock
  }
}

/** Reverts every migration (all modules), newest first. */
export async function migrateDownAll(database: Database, sets: MigrationSet[]): Promise<string[]> {
  return whileNoSchemaIsDropped(database, () => migratorFor(database, sets).migrateTo(NO_MIGRATIONS));
}

export async function migrateDownOne(database: Database, sets: MigrationSet[]): Promise<string[]> {
  return whileNoSchemaIsDropped(database, () => migratorFor(database, sets).migrateDown());
}
