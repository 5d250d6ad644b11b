import type { Kysely } from 'kysely';
import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import { hasRole, signedIn, type RequestContext } from '../../kernel/context.js';
import type { AnyKysely } from '../../kernel/db.js';
import { forbidden, invalidField } from '../../kernel/errors.js';
import { decodeCursor, encodeCursor } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import type { EventPublisher } from '../../kernel/events/index.js';
import { HouseholdCredited, HouseholdCreditReversed, placeOf } from './events.js';
import type { HouseholdService } from './households.service.js';
import { capShares, splitLine } from './ledger-rounding.js';
import type { GroupBy, LedgerRepository, Period } from './ledger.repository.js';
import type { LedgerLineRow, LedgerRow, PartiesTables } from './parties.tables.js';
import type { ProductDirectory } from './product-directory.js';

export type { GroupBy, Period } from './ledger.repository.js';

/** A paid sale, line by line. */
export interface Sale {
  orderId: string;
  sellerId: string;
  paidAt: string;
  lines: { productId: string; lineFen: number }[];
}

const toEntryView = (r: LedgerRow, reversed: Set<string>, names: Map<string, string>) => ({
  id: r.id,
  kind: r.kind,
  orderId: r.order_id,
  lineNo: r.line_no,
  productId: r.product_id,
  productName: names.get(r.product_id) ?? null,
  sellerId: r.seller_id,
  saleFen: r.sale_fen,
  shareBp: r.share_bp,
  creditFen: r.credit_fen,
  saleDate: r.sale_date,
  entryDate: r.entry_date,
  reversesId: r.reverses_id,
  reversed: r.kind === 'credit' && reversed.has(r.id),
});

/** A cursor of JSON values this API issued; anything else is a 400 naming the field. */
function readCursor<T>(cursor: string | undefined, valid: (v: unknown) => v is T): T | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(key);
  } catch {
    value = undefined;
  }
  if (!valid(value)) throw invalidField('querystring.cursor', 'is not a cursor this API issued');
  return value;
}
const isGroupCursor = (v: unknown): v is [number, string] => Array.isArray(v) && v.length === 2 && Number.isSafeInteger(v[0]) && typeof v[1] === 'string';
const isEntryCursor = (v: unknown): v is [string, string] => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string';

/** Ledger entries added up per household, in the order the households first appear: what each was credited (or reversed). */
function byHousehold(entries: LedgerRow[]): Map<string, { villageCode: string; amountFen: number }> {
  const totals = new Map<string, { villageCode: string; amountFen: number }>();
  for (const e of entries) {
    const total = totals.get(e.household_id) ?? { villageCode: e.village_code, amountFen: 0 };
    total.amountFen += e.credit_fen;
    totals.set(e.household_id, total);
  }
  return totals;
}

function checkPeriod(period: Period) {
  if (period.from && period.to && period.from > period.to) throw invalidField('querystring.to', `must not be before ${period.from}`);
}

/**
 * The poverty-alleviation ledger (扶贫台账): which households each paid sale helped, and by how much. Append-only:
 * a credit is dated the day its order was paid, a refund adds reversals dated the day of the refund, nothing is
 * changed or deleted, so a period once reported reads the same ever after.
 */
export class LedgerService {
  constructor(
    private readonly repo: LedgerRepository,
    private readonly households: HouseholdService,
    private readonly clock: Clock,
    private readonly products: ProductDirectory,
    private readonly events: EventPublisher,
  ) {}

  /** Credits the households linked to each line on the day it was paid; runs in the order's transaction. */
  async credit(trx: AnyKysely, sale: Sale): Promise<void> {
    const db = trx as Kysely<PartiesTables>;
    const date = shanghaiDate(new Date(sale.paidAt));
    const entries: LedgerRow[] = [];
    const lines: LedgerLineRow[] = [];
    for (const [lineNo, line] of sale.lines.entries()) {
      const linked = await this.households.creditsFor(sale.sellerId, line.productId, date, trx);
      // Oldest links first (ids are time-ordered): if links from before the day-by-day cap overlap, the newest
      // get only what is left of the line.
      const shares = capShares(linked.map((c) => c.shareBp));
      const credits = linked.map((c, i) => ({ ...c, shareBp: shares[i] })).filter((c) => c.shareBp > 0);
      if (credits.length === 0) continue;
      const split = splitLine(line.lineFen, credits.map((c) => c.shareBp));
      const common = { seller_id: sale.sellerId, order_id: sale.orderId, line_no: lineNo, product_id: line.productId, sale_fen: line.lineFen, sale_date: date, entry_date: date, reverses_id: null };
      credits.forEach((c, i) => entries.push({ ...common, id: newId('led'), kind: 'credit', household_id: c.householdId, village_code: c.villageCode, link_id: c.linkId, share_bp: c.shareBp, credit_fen: split.credits[i] }));
      lines.push({ ...common, id: newId('lln'), kind: 'credit', share_bp: split.shareBp, credited_fen: split.creditedFen, remainder_e4: split.remainderE4 });
    }
    if (entries.length) await db.insertInto('parties_ledger').values(entries).execute();
    if (lines.length) await db.insertInto('parties_ledger_lines').values(lines).execute();
    for (const [householdId, { villageCode, amountFen }] of byHousehold(entries)) {
      await this.events.publish(trx, HouseholdCredited, householdId, { householdId, orderId: sale.orderId, ...placeOf(villageCode), amountFen, creditedAt: sale.paidAt });
    }
  }

  /**
   * A refunded order takes its credits back: each credit not yet reversed gets a reversal entry (its amounts
   * negated) dated today, the day of the refund; the credit itself is left as it was. Runs in the order's
   * transaction; a second call finds nothing left to reverse (and the unique `reverses_id` refuses a double).
   */
  async reverse(trx: AnyKysely, orderId: string): Promise<void> {
    const db = trx as Kysely<PartiesTables>;
    const today = shanghaiDate(this.clock.now());
    const credits = await db
      .selectFrom('parties_ledger as c')
      .selectAll('c')
      .where('c.order_id', '=', orderId)
      .where('c.kind', '=', 'credit')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('parties_ledger as r').select('r.id').whereRef('r.reverses_id', '=', 'c.id'))))
      .execute();
    const lines = await db
      .selectFrom('parties_ledger_lines as c')
      .selectAll('c')
      .where('c.order_id', '=', orderId)
      .where('c.kind', '=', 'credit')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('parties_ledger_lines as r').select('r.id').whereRef('r.reverses_id', '=', 'c.id'))))
      .execute();
    const entries = credits.map((c): LedgerRow => ({ ...c, id: newId('led'), kind: 'reversal', sale_fen: -c.sale_fen, credit_fen: -c.credit_fen, entry_date: today, reverses_id: c.id }));
    const reversedLines = lines.map((l): LedgerLineRow => ({ ...l, id: newId('lln'), kind: 'reversal', sale_fen: -l.sale_fen, credited_fen: -l.credited_fen, remainder_e4: -l.remainder_e4, entry_date: today, reverses_id: l.id }));
    if (entries.length) await db.insertInto('parties_ledger').values(entries).execute();
    if (reversedLines.length) await db.insertInto('parties_ledger_lines').values(reversedLines).execute();
    const reversedAt = this.clock.now().toISOString();
    for (const [householdId, { amountFen }] of byHousehold(entries)) {
      await this.events.publish(trx, HouseholdCreditReversed, householdId, { householdId, orderId, amountFen: -amountFen, reversedAt });
    }
  }

  private readsLedger(ctx: RequestContext) {
    signedIn(ctx);
    if (!hasRole(ctx, 'county_admin', 'regulator')) throw forbidden('The ledger is for the county office and regulators');
  }

  /**
   * Sales and income per household, village or township over a period (entry dates, inclusive), most income
   * first, a page at a time; `totals` are the county's over the same period, each sale line once.
   */
  async summary(ctx: RequestContext, by: GroupBy, period: Period, limit = 50, cursor?: string) {
    this.readsLedger(ctx);
    checkPeriod(period);
    const after = readCursor(cursor, isGroupCursor);
    const rows = await this.repo.groups(by, period, limit + 1, after && { incomeFen: after[0], key: after[1] });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const [totals, groups] = await Promise.all([this.repo.countyTotals(period), this.repo.groupCount(by, period)]);
    return { items, nextCursor: rows.length > limit ? encodeCursor(JSON.stringify([last.incomeFen, last.key])) : null, totals: { ...totals, groups } };
  }

  /** One household's totals over a period (all its entries) and its entries newest first, a page at a time. */
  async ofHousehold(ctx: RequestContext, householdId: string, period: Period, limit = 50, cursor?: string) {
    await this.households.get(ctx, householdId);
    checkPeriod(period);
    const after = readCursor(cursor, isEntryCursor);
    const rows = await this.repo.householdEntries(householdId, period, limit + 1, after && { date: after[0], id: after[1] });
    const page = rows.slice(0, limit);
    const reversed = await this.repo.reversedAmong(page.filter((r) => r.kind === 'credit').map((r) => r.id));
    const totals = await this.repo.householdTotals(householdId, period);
    const names = await this.products.namesOf([...new Set(page.map((r) => r.product_id))]);
    const last = page[page.length - 1];
    return {
      householdId,
      totalIncomeFen: totals.incomeFen,
      totalSalesFen: totals.salesFen,
      totalReversedFen: totals.reversedFen,
      orders: totals.orders,
      items: page.map((r) => toEntryView(r, reversed, names)),
      nextCursor: rows.length > limit ? encodeCursor(JSON.stringify([last.entry_date, last.id])) : null,
    };
  }
}
