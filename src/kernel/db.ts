import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, tightenFile } from './data-dir.js';

export type DialectName = 'sqlite' | 'postgres';

/**
 * The kernel does not know any module's tables; each module narrows this handle to its own table types
 * with `db as Kysely<ItsTables>`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKysely = Kysely<any>;

export interface Database {
  db: AnyKysely;
  dialect: DialectName;
  /** PostgreSQL schema the tables live in; undefined on SQLite. */
  schema?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A postgres:// URL; when empty, SQLite is used. */
  url?: string;
  /** SQLite file path, or ':memory:'. */
  sqliteFile?: string;
  /** PostgreSQL schema to work in (created if missing); tests use one per app. */
  pgSchema?: string;
  poolSize?: number;
}

export const isPostgresUrl = (url: string | undefined) => !!url && /^postgres(ql)?:\/\//.test(url);

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (isPostgresUrl(opts.url)) return openPostgres(opts.url!, opts);
  return openSqlite(opts.sqliteFile ?? ':memory:');
}

/** The database and its WAL and SHM files, which SQLite makes with the database file's own mode. */
const sqliteFiles = (file: string) => [file, `${file}-wal`, `${file}-shm`];

function openSqlite(file: string): Database {
  if (file !== ':memory:') {
    // Names, phones and addresses are in this file in clear: for the server's user only, from its first byte.
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
    fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
    sqliteFiles(file).forEach(tightenFile);
  }
  const conn = new SQLite(file);
  conn.pragma('journal_mode = WAL');
  // FULL: an acknowledged write survives power loss, not only a process crash.
  conn.pragma('synchronous = FULL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  // 64 MiB of pages instead of SQLite's 2 MiB: with a million parcels the indexes' upper levels no longer fit in
  // 2 MiB, and every lookup read them again from the operating system.
  conn.pragma('cache_size = -65536');
  const db = new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(conn) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; preparing costs about as much as running a small query, and the app sends
 * the same few hundred SQL texts over and over. SQLite re-prepares a cached statement itself after a schema change.
 */
function withStatementCache(conn: SQLite.Database, max = 1000) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => conn.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (!statement) {
        if (cache.size >= max) cache.clear();
        statement = conn.prepare(text);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

let postgresDriver: Promise<typeof pg> | undefined;

/** The pg driver, loaded on first use: a server on SQLite never holds it in memory. */
export function loadPostgresDriver(): Promise<typeof pg> {
  postgresDriver ??= import('pg').then(({ default: driver }) => {
    // COUNT(*) and BIGINT come back from pg as strings; every count here fits in a JS number.
    driver.types.setTypeParser(driver.types.builtins.INT8, (v) => Number(v));
    driver.types.setTypeParser(driver.types.builtins.NUMERIC, (v) => Number(v));
    return driver;
  });
  return postgresDriver;
}

async function openPostgres(url: string, opts: OpenOptions): Promise<Database> {
  const pg = await loadPostgresDriver();
  const schema = opts.pgSchema;
  if (schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Bad PostgreSQL schema name ${schema}`);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (err) {
      // Two processes creating the same new schema at once: the other one made it (a unique violation on the catalogue).
      if ((err as { code?: string }).code !== '23505') throw err;
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(db);
  return { db, dialect: 'postgres', schema: schema ?? 'public', close: () => db.destroy() };
}

/** The advisory lock migrations hold shared and a schema drop holds alone (see migrateUp). */
export const SCHEMA_DROP_LOCK = 720_621;

/** Drops a PostgreSQL schema made by openDatabase({ pgSchema }); used by tests to clean up. */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const pg = await loadPostgresDriver();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('SELECT pg_advisory_lock($1)', [SCHEMA_DROP_LOCK]);
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end(); // ending the session releases the lock
}

/** True when the error is a unique-constraint violation on either engine. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === '23505';
}
