import type { Kysely } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import type { DivisionRow, NetworkTables, SiteRow, SiteStatusRow } from './network.tables.js';
import type { SiteFilter } from './network.schema.js';

export type SiteWithNames = SiteRow & { division_name: string | null; township_name: string | null };

/** Data access for divisions, sites, status history and targets. */
export class NetworkRepository {
  readonly db: Kysely<NetworkTables>;
  constructor(db: AnyKysely) {
    this.db = db as Kysely<NetworkTables>;
  }

  /** Divisions in force on a date (valid_from ≤ date < valid_to). */
  divisionsOn(date: string, filter: { level?: string; parentCode?: string } = {}) {
    let q = this.db
      .selectFrom('network_divisions')
      .selectAll()
      .where('valid_from', '<=', date)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]));
    if (filter.level) q = q.where('level', '=', filter.level as DivisionRow['level']);
    if (filter.parentCode) q = q.where('parent_code', '=', filter.parentCode);
    return q.orderBy('code').execute();
  }

  divisionHistory(filter: { level?: string; parentCode?: string }) {
    let q = this.db.selectFrom('network_divisions').selectAll();
    if (filter.level) q = q.where('level', '=', filter.level as DivisionRow['level']);
    if (filter.parentCode) q = q.where('parent_code', '=', filter.parentCode);
    return q.orderBy('code').orderBy('valid_from').execute();
  }

  currentDivision(code: string, db = this.db) {
    return db.selectFrom('network_divisions').selectAll().where('code', '=', code).where('valid_to', 'is', null).executeTakeFirst();
  }

  private sitesWithNames(db = this.db) {
    return db
      .selectFrom('network_sites as s')
      .leftJoin('network_divisions as d', (j) => j.onRef('d.code', '=', 's.division_code').on('d.valid_to', 'is', null))
      .leftJoin('network_divisions as t', (j) => j.onRef('t.code', '=', 's.township_code').on('t.valid_to', 'is', null))
      .selectAll('s')
      .select(['d.name as division_name', 't.name as township_name']);
  }

  listSites(filter: SiteFilter & { siteId?: string; after?: string }, limit: number): Promise<SiteWithNames[]> {
    let q = this.sitesWithNames();
    if (filter.siteId) q = q.where('s.id', '=', filter.siteId);
    if (filter.townshipCode) q = q.where('s.township_code', '=', filter.townshipCode);
    if (filter.kind) q = q.where('s.kind', '=', filter.kind);
    if (filter.status) q = q.where('s.status', '=', filter.status);
    if (filter.q) q = q.where('s.name', 'like', `%${filter.q.replace(/[%_\\]/g, '')}%`);
    if (filter.after) q = q.where('s.id', '>', filter.after);
    return q.orderBy('s.id').limit(limit).execute();
  }

  siteById(id: string, db = this.db): Promise<SiteWithNames | undefined> {
    return this.sitesWithNames(db).where('s.id', '=', id).executeTakeFirst();
  }

  statusHistory(siteId: string) {
    return this.db.selectFrom('network_site_status_history').selectAll().where('site_id', '=', siteId).orderBy('effective_date').orderBy('id').execute();
  }

  insertStatus(row: SiteStatusRow, db = this.db) {
    return db.insertInto('network_site_status_history').values(row).execute();
  }

  /** Just what coverage needs: kind, status and where, for every site (a few hundred rows). */
  siteFootprint(townshipCode?: string) {
    let q = this.db.selectFrom('network_sites').select(['kind', 'status', 'division_code', 'township_code']);
    if (townshipCode) q = q.where('township_code', '=', townshipCode);
    return q.execute();
  }

  targets(countyCode: string) {
    return this.db.selectFrom('network_targets').selectAll().where('county_code', '=', countyCode).execute();
  }
}
