import type { Kysely } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import { RevisionedCache } from '../../kernel/read-cache.js';
import type { DivisionRow, NetworkTables, SiteRow, SiteService, SiteStatusRow, TargetRow } from './network.tables.js';
import type { SiteFilter } from './network.schema.js';

/** A site as reads need it: with its division and township names, and its services parsed once. */
export type SiteWithNames = SiteRow & { division_name: string | null; township_name: string | null; service_list: SiteService[] };

/** Everything the network's reads need; a county has a few hundred divisions and sites. */
interface Snapshot {
  divisions: DivisionRow[];
  sites: SiteWithNames[];
  sitesById: Map<string, SiteWithNames>;
  targets: TargetRow[];
  /** Figures computed from this snapshot (coverage), dropped with it. */
  derived: Map<string, unknown>;
}

const inForce = (d: DivisionRow, date: string) => d.valid_from <= date && (d.valid_to === null || d.valid_to > date);

/** Reads the whole network into one snapshot. */
async function loadSnapshot(anyDb: AnyKysely): Promise<Snapshot> {
  const db = anyDb as Kysely<NetworkTables>;
  const [divisions, siteRows, targets] = await Promise.all([
    db.selectFrom('network_divisions').selectAll().orderBy('code').orderBy('valid_from').execute(),
    db.selectFrom('network_sites').selectAll().orderBy('id').execute(),
    db.selectFrom('network_targets').selectAll().execute(),
  ]);
  const names = new Map(divisions.filter((d) => d.valid_to === null).map((d) => [d.code, d.name]));
  const sites = siteRows.map((s) => ({
    ...s,
    division_name: names.get(s.division_code) ?? null,
    township_name: s.township_code ? (names.get(s.township_code) ?? null) : null,
    service_list: JSON.parse(s.services) as SiteService[],
  }));
  return { divisions, sites, sitesById: new Map(sites.map((s) => [s.id, s])), targets, derived: new Map() };
}

/**
 * Data access for divisions, sites, status history and targets.
 *
 * Reads are served from a snapshot of the whole network held by this process in the kernel's read cache, checked
 * against `network_revision` on every read, which each write bumps in its own transaction: other app
 * processes see a change on their next read. Loading rows into objects is what costs most here (see BENCHMARKS.md).
 */
export class NetworkRepository {
  readonly db: Kysely<NetworkTables>;
  private readonly snapshot: RevisionedCache<Snapshot>;

  constructor(db: AnyKysely) {
    this.db = db as Kysely<NetworkTables>;
    this.snapshot = new RevisionedCache(db, 'network_revision', loadSnapshot);
  }

  /** Marks the network as changed; call inside the writing transaction. */
  bumpRevision(trx: Kysely<NetworkTables>): Promise<void> {
    return this.snapshot.bump(trx);
  }

  private current(): Promise<Snapshot> {
    return this.snapshot.read();
  }

  /** A value computed from network data, kept until the network next changes. */
  async derived<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const { derived } = await this.current();
    if (!derived.has(key)) derived.set(key, await compute());
    return derived.get(key) as T;
  }

  /** Divisions in force on a date (valid_from ≤ date < valid_to). */
  async divisionsOn(date: string, filter: { level?: string; parentCode?: string } = {}): Promise<DivisionRow[]> {
    const { divisions } = await this.current();
    return divisions.filter((d) => inForce(d, date) && (!filter.level || d.level === filter.level) && (!filter.parentCode || d.parent_code === filter.parentCode));
  }

  async divisionHistory(filter: { level?: string; parentCode?: string }): Promise<DivisionRow[]> {
    const { divisions } = await this.current();
    return divisions.filter((d) => (!filter.level || d.level === filter.level) && (!filter.parentCode || d.parent_code === filter.parentCode));
  }

  /** Read inside a writing transaction, so it goes to the database, not the snapshot. */
  currentDivision(code: string, db = this.db) {
    return db.selectFrom('network_divisions').selectAll().where('code', '=', code).where('valid_to', 'is', null).executeTakeFirst();
  }

  /** Sites in id order after `after`, at most `limit`. */
  async listSites(filter: SiteFilter & { siteId?: string; after?: string }, limit: number): Promise<SiteWithNames[]> {
    const { sites } = await this.current();
    const q = filter.q?.toLowerCase();
    const out: SiteWithNames[] = [];
    for (const s of sites) {
      if (out.length >= limit) break;
      if (filter.after && s.id <= filter.after) continue;
      if (filter.siteId && s.id !== filter.siteId) continue;
      if (filter.townshipCode && s.township_code !== filter.townshipCode) continue;
      if (filter.kind && s.kind !== filter.kind) continue;
      if (filter.status && s.status !== filter.status) continue;
      if (q && !s.name.toLowerCase().includes(q)) continue;
      out.push(s);
    }
    return out;
  }

  async siteById(id: string): Promise<SiteWithNames | undefined> {
    return (await this.current()).sitesById.get(id);
  }

  async sitesIn(townshipCode?: string): Promise<SiteWithNames[]> {
    const { sites } = await this.current();
    return townshipCode ? sites.filter((s) => s.township_code === townshipCode) : sites;
  }

  statusHistory(siteId: string) {
    return this.db.selectFrom('network_site_status_history').selectAll().where('site_id', '=', siteId).orderBy('effective_date').orderBy('id').execute();
  }

  insertStatus(row: SiteStatusRow, db = this.db) {
    return db.insertInto('network_site_status_history').values(row).execute();
  }

  async targets(countyCode: string): Promise<TargetRow[]> {
    return (await this.current()).targets.filter((t) => t.county_code === countyCode);
  }
}
