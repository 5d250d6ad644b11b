import type { Kysely } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import type { HouseholdFilter, SellerFilter } from './parties.schema.js';
import type { HouseholdLinkRow, PartiesTables } from './parties.tables.js';

const likeEscape = (text: string) => `%${text.replace(/[%_\\]/g, '')}%`;

/** Data access for sellers, the poor-household register and the links between them. */
export class PartiesRepository {
  readonly db: Kysely<PartiesTables>;
  constructor(db: AnyKysely) {
    this.db = db as Kysely<PartiesTables>;
  }

  seller(id: string, db = this.db) {
    return db.selectFrom('parties_sellers').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listSellers(filter: SellerFilter & { ownerUserId?: string; after?: string }, limit: number) {
    let q = this.db.selectFrom('parties_sellers').selectAll();
    if (filter.ownerUserId) q = q.where('owner_user_id', '=', filter.ownerUserId);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.q) q = q.where('name', 'like', likeEscape(filter.q));
    if (filter.after) q = q.where('id', '>', filter.after);
    return q.orderBy('id').limit(limit).execute();
  }

  household(id: string, db = this.db) {
    return db.selectFrom('parties_households').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listHouseholds(filter: HouseholdFilter & { userId?: string; after?: string }, limit: number) {
    let q = this.db.selectFrom('parties_households').selectAll();
    if (filter.userId) q = q.where('user_id', '=', filter.userId);
    if (filter.villageCode) q = q.where('village_code', '=', filter.villageCode);
    if (filter.townshipCode) q = q.where('village_code', 'like', `${filter.townshipCode}%`);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.q) q = q.where((eb) => eb.or([eb('household_no', 'like', likeEscape(filter.q!)), eb('head_name', 'like', likeEscape(filter.q!))]));
    if (filter.after) q = q.where('id', '>', filter.after);
    return q.orderBy('id').limit(limit).execute();
  }

  /** Links in force on a date, by household, by seller, or by seller and product. */
  linksOn(date: string, filter: { householdId?: string; sellerId?: string }, db = this.db): Promise<HouseholdLinkRow[]> {
    let q = db
      .selectFrom('parties_household_links')
      .selectAll()
      .where('valid_from', '<=', date)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]));
    if (filter.householdId) q = q.where('household_id', '=', filter.householdId);
    if (filter.sellerId) q = q.where('seller_id', '=', filter.sellerId);
    return q.orderBy('id').execute();
  }
}
