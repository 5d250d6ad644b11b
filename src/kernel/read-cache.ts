import { sql, type Kysely } from 'kysely';
import type { Clock } from './clock.js';
import type { AnyKysely } from './db.js';
import { compiledOnce } from './compiled-once.js';

interface RevisionTables {
  revision: { id: number; revision: number };
}

/**
 * A module's revision: a number every write to the module's cached data raises in its own transaction, so that
 * each app process, before answering from memory, can see with one small query whether anything changed since it
 * read. It is the one row (`id` 1) of a table the module owns, `<prefix>revision` (made by `createRevisionTable`).
 */
export class TableRevision {
  private readonly db: Kysely<RevisionTables>;

  constructor(
    db: AnyKysely,
    readonly table: string,
  ) {
    if (!/^[a-z][a-z0-9_]*$/.test(table)) throw new Error(`Bad revision table name ${table}`);
    this.db = db as Kysely<RevisionTables>;
  }

  // Read before every answer from memory, so built and compiled once (kernel/compiled-once.ts).
  private readonly query = compiledOnce(() => this.db.selectFrom(this.table as 'revision').select('revision').where('id', '=', sql.lit(1)));

  async read(): Promise<number> {
    const [row] = await this.query(this.db);
    if (!row) throw new Error(`${this.table} has no row`);
    return Number(row.revision);
  }

  /** Marks the data changed; call with the writer's transaction, so other processes see it when that commits. */
  async bump(trx: AnyKysely): Promise<void> {
    await (trx as Kysely<RevisionTables>).updateTable(this.table as 'revision').set((eb) => ({ revision: eb('revision', '+', 1) })).where('id', '=', 1).execute();
  }
}

/** Creates a module's revision table with its one row (in the module's own migration). */
export async function createRevisionTable(db: AnyKysely, table: string): Promise<void> {
  await db.schema
    .createTable(table)
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto(table).values({ id: 1, revision: 0 }).execute();
}

/**
 * One value loaded from the database and kept until its module's revision moves: each `read` costs one query of the
 * revision, and reloads only when it changed. Readers at the same revision share one load.
 */
export class RevisionedCache<T> {
  readonly revision: TableRevision;
  private kept?: { revision: number; value: T };
  private loading?: { revision: number; value: Promise<T> };

  constructor(
    private readonly db: AnyKysely,
    revisionTable: string,
    private readonly load: (db: AnyKysely) => Promise<T>,
  ) {
    this.revision = new TableRevision(db, revisionTable);
  }

  async read(): Promise<T> {
    // Revision first: what is loaded after it is at least as new, so a value is never older than its tag.
    const revision = await this.revision.read();
    if (this.kept?.revision === revision) return this.kept.value;
    if (this.loading?.revision === revision) return this.loading.value;
    const value = this.load(this.db);
    const loading = { revision, value };
    this.loading = loading;
    try {
      const loaded = await value;
      // A slower load of an older revision must not replace a newer value.
      if (!this.kept || this.kept.revision <= revision) this.kept = { revision, value: loaded };
      return loaded;
    } finally {
      if (this.loading === loading) this.loading = undefined;
    }
  }

  bump(trx: AnyKysely): Promise<void> {
    return this.revision.bump(trx);
  }
}

export interface RevisionedMapOptions {
  /** Entries kept at once; past this the map starts again, so that callers choosing keys cannot fill the memory. */
  max: number;
  /** How long an entry is given at most, even at the same revision (for what the revision does not cover). */
  ttlMs?: number;
  clock?: Clock;
}

/**
 * Values by key, each with the module's revision it was read at: an entry is given only while the module is
 * still at that revision (and, with `ttlMs`, not older than that). Callers read the revision once per request with
 * `revision.read()` and ask any maps of the same module with it.
 */
export class RevisionedMap<V> {
  private readonly entries = new Map<string, { revision: number; at: number; value: V }>();

  constructor(
    readonly revision: TableRevision,
    private readonly opts: RevisionedMapOptions,
  ) {}

  private now(): number {
    return this.opts.clock ? this.opts.clock.now().getTime() : Date.now();
  }

  /** The value kept for `key` if it was read at `revision` and is still fresh. */
  get(key: string, revision: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.revision !== revision) return undefined;
    const now = this.now();
    if (this.opts.ttlMs !== undefined && (now < entry.at || now - entry.at >= this.opts.ttlMs)) return undefined;
    return entry.value;
  }

  /** Keeps a value read at `revision` (which the caller read before reading the value). */
  set(key: string, revision: number, value: V): void {
    if (this.opts.ttlMs === 0) return;
    if (this.entries.size >= this.opts.max && !this.entries.has(key)) this.entries.clear();
    this.entries.set(key, { revision, at: this.now(), value });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** The kept value, or `load`'s, kept unless it is undefined (which is not kept: nothing found, ask again). */
  async fetch(key: string, load: () => Promise<V | undefined>, revision?: number): Promise<V | undefined> {
    const at = revision ?? (await this.revision.read());
    const kept = this.get(key, at);
    if (kept !== undefined) return kept;
    const value = await load();
    if (value !== undefined) this.set(key, at, value);
    return value;
  }
}
