import { sql, type Kysely } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import type { PlayerFilter, ReportFilter, ShopFilter } from './players.schema.js';
import type { PlayerRow, PlayersTables, ReportRow, ShopRow } from './players.tables.js';

const likeOf = (text: string) => `%${text.replace(/[%_\\]/g, '')}%`;

/** Whose records a caller sees: the county, one township, or the players an account owns. */
export type Sight = { kind: 'all' } | { kind: 'township'; code: string } | { kind: 'owner'; userId: string };

export type ShopWithPlayer = ShopRow & { player_name: string; last_month: string | null };
export type ReportWithNames = ReportRow & { shop_name: string; platform: ShopRow['platform']; player_name: string };

/** The only code that reads and writes the players_ tables. */
export class PlayersRepository {
  readonly db: Kysely<PlayersTables>;
  constructor(db: AnyKysely) {
    this.db = db as Kysely<PlayersTables>;
  }

  player(id: string, db = this.db) {
    return db.selectFrom('players_players').selectAll().where('id', '=', id).executeTakeFirst();
  }

  playerByCreditCode(code: string, db = this.db) {
    return db.selectFrom('players_players').selectAll().where('credit_code', '=', code).executeTakeFirst();
  }

  async listPlayers(sight: Sight, filter: PlayerFilter & { after?: string }, limit: number): Promise<(PlayerRow & { shop_count: number })[]> {
    let q = this.db
      .selectFrom('players_players as p')
      .selectAll('p')
      .select((eb) => eb.selectFrom('players_shops as s').select((e) => e.fn.countAll<number>().as('n')).whereRef('s.player_id', '=', 'p.id').as('shop_count'));
    if (sight.kind === 'township') q = q.where('p.township_code', '=', sight.code);
    if (sight.kind === 'owner') q = q.where('p.owner_user_id', '=', sight.userId);
    if (filter.kind) q = q.where('p.kind', '=', filter.kind);
    if (filter.townshipCode) q = q.where('p.township_code', '=', filter.townshipCode);
    if (filter.q) q = q.where((eb) => eb.or([eb('p.name', 'like', likeOf(filter.q!)), eb('p.credit_code', '=', filter.q!.toUpperCase())]));
    if (filter.after) q = q.where('p.id', '>', filter.after);
    const rows = await q.orderBy('p.id').limit(limit).execute();
    return rows.map((r) => ({ ...r, shop_count: Number(r.shop_count ?? 0) }));
  }

  private shopsQuery(db = this.db) {
    return db
      .selectFrom('players_shops as s')
      .innerJoin('players_players as p', 'p.id', 's.player_id')
      .selectAll('s')
      .select('p.name as player_name')
      .select((eb) => eb.selectFrom('players_reports as r').select((e) => e.fn.max('r.month').as('m')).whereRef('r.shop_id', '=', 's.id').where('r.is_current', '=', 1).as('last_month'));
  }

  shop(id: string, db = this.db): Promise<ShopWithPlayer | undefined> {
    return this.shopsQuery(db).where('s.id', '=', id).executeTakeFirst() as Promise<ShopWithPlayer | undefined>;
  }

  shopsOf(playerId: string): Promise<ShopWithPlayer[]> {
    return this.shopsQuery().where('s.player_id', '=', playerId).orderBy('s.id').limit(500).execute() as Promise<ShopWithPlayer[]>;
  }

  listShops(sight: Sight, filter: ShopFilter & { after?: string }, limit: number): Promise<ShopWithPlayer[]> {
    let q = this.shopsQuery();
    q = this.sighted(q, sight);
    if (filter.playerId) q = q.where('s.player_id', '=', filter.playerId);
    if (filter.platform) q = q.where('s.platform', '=', filter.platform);
    if (filter.status) q = q.where('s.status', '=', filter.status);
    if (filter.q) q = q.where('s.name', 'like', likeOf(filter.q));
    if (filter.after) q = q.where('s.id', '>', filter.after);
    return q.orderBy('s.id').limit(limit).execute() as Promise<ShopWithPlayer[]>;
  }

  /** Every shop a caller sees, for matching the rows of an import (a county has hundreds, not millions). */
  allShops(sight: Sight, db = this.db): Promise<ShopWithPlayer[]> {
    return this.sighted(this.shopsQuery(db), sight).orderBy('s.id').execute() as Promise<ShopWithPlayer[]>;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any query over players_shops as s and players_players as p
  private sighted<Q extends { where: (...args: any[]) => Q }>(q: Q, sight: Sight): Q {
    if (sight.kind === 'township') return q.where('s.township_code', '=', sight.code);
    if (sight.kind === 'owner') return q.where('p.owner_user_id', '=', sight.userId);
    return q;
  }

  /** Operating shops that have no report for a month (and were open by its end). */
  missing(sight: Sight, month: string, after: string | undefined, limit: number): Promise<ShopWithPlayer[]> {
    let q = this.shopsQuery()
      .where('s.status', '=', 'operating')
      .where('s.opened_on', '<=', `${month}-31`)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('players_reports as x').select('x.id').whereRef('x.shop_id', '=', 's.id').where('x.month', '=', month))));
    q = this.sighted(q, sight);
    if (after) q = q.where('s.id', '>', after);
    return q.orderBy('s.id').limit(limit).execute() as Promise<ShopWithPlayer[]>;
  }

  private reportsQuery(db = this.db) {
    return db
      .selectFrom('players_reports as r')
      .innerJoin('players_shops as s', 's.id', 'r.shop_id')
      .innerJoin('players_players as p', 'p.id', 'r.player_id')
      .selectAll('r')
      .select(['s.name as shop_name', 's.platform', 'p.name as player_name']);
  }

  report(id: string, db = this.db): Promise<ReportWithNames | undefined> {
    return this.reportsQuery(db).where('r.id', '=', id).executeTakeFirst();
  }

  /** Reports newest month first (then newest written), keyset-paged on month and id. */
  listReports(sight: Sight, filter: ReportFilter & { after?: { month: string; id: string } }, limit: number): Promise<ReportWithNames[]> {
    let q = this.reportsQuery();
    if (sight.kind === 'township') q = q.where('r.township_code', '=', sight.code);
    if (sight.kind === 'owner') q = q.where('p.owner_user_id', '=', sight.userId);
    if (!filter.history) q = q.where('r.is_current', '=', 1);
    if (filter.shopId) q = q.where('r.shop_id', '=', filter.shopId);
    if (filter.playerId) q = q.where('r.player_id', '=', filter.playerId);
    if (filter.month) q = q.where('r.month', '=', filter.month);
    if (filter.flagged) q = q.where((eb) => eb.or([eb('r.late', '=', 1), eb('r.implausible', '=', 1)]));
    if (filter.reviewed === true) q = q.where('r.reviewed_at', 'is not', null);
    if (filter.reviewed === false) q = q.where('r.reviewed_at', 'is', null);
    const after = filter.after;
    if (after) q = q.where((eb) => eb.or([eb('r.month', '<', after.month), eb.and([eb('r.month', '=', after.month), eb('r.id', '<', after.id)])]));
    return q.orderBy('r.month', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
  }

  /** The current figures of a shop's months before `month`, oldest first (at most `count`). */
  async previousSales(shopId: string, month: string, count: number, db = this.db): Promise<number[]> {
    const rows = await db.selectFrom('players_reports').select('sales_fen').where('shop_id', '=', shopId).where('is_current', '=', 1).where('month', '<', month).orderBy('month', 'desc').limit(count).execute();
    return rows.map((r) => Number(r.sales_fen)).reverse();
  }

  /** The current sales of a shop's month, or null when it was not reported. */
  async salesOf(shopId: string, month: string, db = this.db): Promise<number | null> {
    const row = await db.selectFrom('players_reports').select('sales_fen').where('shop_id', '=', shopId).where('month', '=', month).where('is_current', '=', 1).executeTakeFirst();
    return row ? Number(row.sales_fen) : null;
  }

  async latestVersion(shopId: string, month: string, db = this.db): Promise<number> {
    const row = await db.selectFrom('players_reports').select((eb) => eb.fn.max('version').as('v')).where('shop_id', '=', shopId).where('month', '=', month).executeTakeFirst();
    return Number(row?.v ?? 0);
  }

  /** A player's months, each the sum of its shops' current reports, oldest first. */
  async months(playerId: string, from: string) {
    const rows = await this.db
      .selectFrom('players_reports')
      .select(['month', sql<number>`sum(sales_fen)`.as('sales'), sql<number>`sum(orders)`.as('orders'), sql<number>`sum(produce_fen)`.as('produce')])
      .where('player_id', '=', playerId)
      .where('is_current', '=', 1)
      .where('month', '>=', from)
      .groupBy('month')
      .orderBy('month')
      .execute();
    return rows.map((r) => ({ month: r.month, salesFen: Number(r.sales), orders: Number(r.orders), produceFen: Number(r.produce) }));
  }
}
