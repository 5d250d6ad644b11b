import { sql, type Expression, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import type { LedgerLineRow, LedgerRow, PartiesTables } from './parties.tables.js';

export type GroupBy = 'household' | 'village' | 'township';

/** A period of entry dates (inclusive); either end may be open. */
export interface Period {
  from?: string;
  to?: string;
}

export interface GroupTotals {
  key: string;
  salesFen: number;
  incomeFen: number;
  reversedFen: number;
  orders: number;
}

type Entries = SelectQueryBuilder<PartiesTables, 'parties_ledger', object>;

const keyOf = (by: GroupBy): Expression<string> => (by === 'household' ? sql<string>`household_id` : by === 'village' ? sql<string>`village_code` : sql<string>`substr(village_code, 1, 9)`);
const num = (v: unknown) => Number(v ?? 0);

/**
 * The ledger's sums, all in SQL over every entry of the period (never over a page). A sale line is counted once
 * per group however many households of the group (or links of one household) it credited: entries are first
 * folded to one row per group, order, line and kind (credit or reversal), then added up.
 */
export class LedgerRepository {
  readonly db: Kysely<PartiesTables>;
  constructor(db: AnyKysely) {
    this.db = db as Kysely<PartiesTables>;
  }

  private entries(period: Period, householdId?: string): Entries {
    let q = this.db.selectFrom('parties_ledger');
    if (period.from) q = q.where('entry_date', '>=', period.from);
    if (period.to) q = q.where('entry_date', '<=', period.to);
    if (householdId) q = q.where('household_id', '=', householdId);
    return q;
  }

  /** One row per group, order, line and kind: the line's amount once, the credits to the group added up. */
  private lines(by: GroupBy, period: Period, householdId?: string) {
    const key = keyOf(by);
    return this.entries(period, householdId)
      .select((eb) => [
        sql<string>`${key}`.as('k'),
        'order_id',
        'line_no',
        'kind',
        eb.fn.max<number>('sale_fen').as('sale_fen'),
        eb.fn.sum<number>('credit_fen').as('credit_fen'),
      ])
      .groupBy([key, 'order_id', 'line_no', 'kind']);
  }

  private grouped(by: GroupBy, period: Period, householdId?: string) {
    return this.db
      .selectFrom(this.lines(by, period, householdId).as('l'))
      .select((eb) => [
        'l.k as k',
        eb.fn.sum<number>('l.sale_fen').as('sales_fen'),
        eb.fn.sum<number>('l.credit_fen').as('income_fen'),
        eb.fn.sum<number>(eb.case().when('l.kind', '=', 'reversal').then(eb.ref('l.credit_fen')).else(0).end()).as('reversed_fen'),
        eb.fn.count<number>(eb.case().when('l.kind', '=', 'credit').then(eb.ref('l.order_id')).end()).distinct().as('orders'),
      ])
      .groupBy('l.k');
  }

  /** A page of groups, most income first (then by key), after the cursor's (income, key). */
  async groups(by: GroupBy, period: Period, limit: number, after?: { incomeFen: number; key: string }): Promise<GroupTotals[]> {
    let q = this.db.selectFrom(this.grouped(by, period).as('g')).selectAll();
    if (after) q = q.where((eb) => eb.or([eb('g.income_fen', '<', after.incomeFen), eb.and([eb('g.income_fen', '=', after.incomeFen), eb('g.k', '>', after.key)])]));
    const rows = await q.orderBy('g.income_fen', 'desc').orderBy('g.k').limit(limit).execute();
    return rows.map((r) => ({ key: String(r.k), salesFen: num(r.sales_fen), incomeFen: num(r.income_fen), reversedFen: num(r.reversed_fen), orders: num(r.orders) }));
  }

  /** How many groups the period has. */
  async groupCount(by: GroupBy, period: Period): Promise<number> {
    const row = await this.db.selectFrom(this.grouped(by, period).as('g')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return num(row?.n);
  }

  /** One household's totals over the period (every entry, each line once). */
  async householdTotals(householdId: string, period: Period): Promise<Omit<GroupTotals, 'key'>> {
    const row = await this.db.selectFrom(this.grouped('household', period, householdId).as('g')).selectAll().executeTakeFirst();
    return { salesFen: num(row?.sales_fen), incomeFen: num(row?.income_fen), reversedFen: num(row?.reversed_fen), orders: num(row?.orders) };
  }

  /** The county's totals over the period, from the lines: each line once, with its rounding remainder. */
  async countyTotals(period: Period) {
    let q = this.db.selectFrom('parties_ledger_lines');
    if (period.from) q = q.where('entry_date', '>=', period.from);
    if (period.to) q = q.where('entry_date', '<=', period.to);
    const row = await q
      .select((eb) => [
        eb.fn.sum<number>('sale_fen').as('sales_fen'),
        eb.fn.sum<number>('credited_fen').as('income_fen'),
        eb.fn.sum<number>('remainder_e4').as('remainder_e4'),
        eb.fn.sum<number>(eb.case().when('kind', '=', 'reversal').then(eb.ref('credited_fen')).else(0).end()).as('reversed_fen'),
        eb.fn.count<number>(eb.case().when('kind', '=', 'credit').then(eb.ref('order_id')).end()).distinct().as('orders'),
      ])
      .executeTakeFirst();
    return { salesFen: num(row?.sales_fen), incomeFen: num(row?.income_fen), remainderE4: num(row?.remainder_e4), reversedFen: num(row?.reversed_fen), orders: num(row?.orders) };
  }

  /** A household's entries newest first (entry date, then id), after the cursor's (date, id). */
  householdEntries(householdId: string, period: Period, limit: number, after?: { date: string; id: string }) {
    let q = this.entries(period, householdId).selectAll();
    if (after) q = q.where((eb) => eb.or([eb('entry_date', '<', after.date), eb.and([eb('entry_date', '=', after.date), eb('id', '<', after.id)])]));
    return q.orderBy('entry_date', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /** Which of these credits have been reversed. */
  async reversedAmong(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('parties_ledger').select('reverses_id').where('reverses_id', 'in', ids).execute();
    return new Set(rows.map((r) => r.reverses_id!));
  }

  /** Every entry of the period in date order, for the export (a page at a time). */
  entriesPage(period: Period, limit: number, after?: string): Promise<LedgerRow[]> {
    let q = this.entries(period).selectAll();
    if (after) q = q.where('id', '>', after);
    return q.orderBy('id').limit(limit).execute();
  }

  /** Every line of the period, for the export (a page at a time). */
  linesPage(period: Period, limit: number, after?: string): Promise<LedgerLineRow[]> {
    let q = this.db.selectFrom('parties_ledger_lines').selectAll();
    if (period.from) q = q.where('entry_date', '>=', period.from);
    if (period.to) q = q.where('entry_date', '<=', period.to);
    if (after) q = q.where('id', '>', after);
    return q.orderBy('id').limit(limit).execute();
  }

  /** Households (number and head) and sellers by id, to name the export's rows: a county has a few thousand. */
  async names() {
    const households = await this.db.selectFrom('parties_households').select(['id', 'household_no', 'head_name']).execute();
    const sellers = await this.db.selectFrom('parties_sellers').select(['id', 'name']).execute();
    return { households: new Map(households.map((h) => [h.id, { no: h.household_no, head: h.head_name }])), sellers: new Map(sellers.map((s) => [s.id, s.name])) };
  }
}
