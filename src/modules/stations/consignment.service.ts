import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { recordAudit } from '../../kernel/audit.js';
import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import { hasRole, signedIn, type RequestContext } from '../../kernel/context.js';
import type { AnyKysely } from '../../kernel/db.js';
import { AppError, conflict, forbidden, notFound } from '../../kernel/errors.js';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { afterKey, cursorKey, toKeysetPage } from '../../kernel/http/keyset.js';
import type { PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import { mayRecordAt, readableSite } from './access.js';
import type { ConsignmentShop } from './consignment.ports.js';
import { allocateFifo, creditFen, refundSplit, villagerShareBp, wholeUnits } from './consignment.rules.js';
import { ENTRY_KINDS, type ConsignmentEntryRow, type ConsignmentListingRow, type ConsignmentLotRow, type ConsignmentTables, type EntryKind } from './consignment.tables.js';
import type { StationPlaces } from './ports.js';
import type { CustomerRow, StationsTables } from './stations.tables.js';
import { StockShort, type StationStock } from './stock.js';

type Db = Kysely<ConsignmentTables & StationsTables>;

/** The site's stock item holding a consignor's produce (one per consignor and produce; the grade is the item's grade). */
export const consignmentItemKey = (customerId: string, produce: string) => `${customerId}:${produce}`;

/** What a consignor is owed now: its sales, less refunds taken back and payouts not voided (fen; below 0 after a refund of a sale already paid out). */
export async function consignmentBalance(db: Kysely<ConsignmentTables>, customerId: string): Promise<number> {
  const row = await db.selectFrom('stations_consignment_entries').select((eb) => eb.fn.sum<number>('amount_fen').as('total')).where('customer_id', '=', customerId).where('voided', '=', 0).executeTakeFirst();
  return Number(row?.total ?? 0);
}

const kg = (g: number) => `${Number((g / 1000).toFixed(3))} kg`;

export const ENTRY_KIND_LABELS: Record<EntryKind, string> = { sale: '售出', refund: '退款冲回', payout: '结算付款' };

export const ListingBody = Type.Object({
  skuId: Type.String({ minLength: 1, maxLength: 64, description: 'the shop SKU the lot is sold as (its product’s seller managed by your account, or any for the county)' }),
  units: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'whole units of the SKU’s net weight to list; default: as many as what is left of the lot makes' })),
});
export type ListingBody = Static<typeof ListingBody>;

export const ListingView = Type.Object({
  id: Type.String(),
  recordId: Type.String({ description: 'the consignment intake record (the lot)' }),
  siteId: Type.String(),
  consignorId: Type.String(),
  consignorName: Type.String(),
  skuId: Type.String(),
  productId: Type.String(),
  productName: Type.String(),
  spec: Type.String(),
  netWeightG: Type.Integer(),
  priceFenPerKg: Type.Integer(),
  unitCreditFen: Type.Integer({ description: 'what one unit sold credits the villager (net weight × price per kg, rounded half up)' }),
  units: Type.Integer(),
  unitsSold: Type.Integer(),
  ledgerShareBp: Nullable(Type.Integer({ description: 'the share of each sale of the product credited to the villager’s poor household in the poverty-alleviation ledger (basis points); null when not a registered poor household' })),
  listedAt: Type.String({ format: 'date-time' }),
  listedByName: Type.String(),
});
export type ListingView = Static<typeof ListingView>;

export const LotView = Type.Object({
  recordId: Type.String(),
  day: Type.String({ format: 'date' }),
  at: Type.String({ format: 'date-time' }),
  produce: Type.String(),
  produceName: Type.String(),
  grade: Type.String(),
  gradeName: Type.String(),
  weightG: Type.Integer(),
  priceFenPerKg: Type.Integer(),
  listedG: Type.Integer({ description: 'grams of it listed in the shop' }),
  voided: Type.Boolean(),
  listings: Type.Array(ListingView),
});

export const EntryView = Type.Object({
  id: Type.String(),
  kind: StringEnum(ENTRY_KINDS, { description: 'sale 售出, refund 退款冲回, payout 结算付款' }),
  kindName: Type.String(),
  at: Type.String({ format: 'date-time' }),
  day: Type.String({ format: 'date' }),
  productName: Nullable(Type.String()),
  units: Type.Integer(),
  amountFen: Type.Integer({ description: '+ a sale credited, − a refund taken back or cash paid out' }),
  recordId: Nullable(Type.String({ description: 'the payout record' })),
  voided: Type.Boolean({ description: 'a payout voided at the till (not counted)' }),
});

export const ConsignorView = Type.Object({
  id: Type.String({ description: 'the customer of the site' }),
  name: Type.String(),
  phoneMasked: Nullable(Type.String()),
  poor: Type.Boolean(),
  siteId: Type.String(),
  lots: Type.Integer({ description: 'consignment intakes not voided' }),
  receivedG: Type.Integer(),
  listedG: Type.Integer(),
  unitsSold: Type.Integer(),
  creditedFen: Type.Integer({ description: 'sales less refunds' }),
  paidOutFen: Type.Integer(),
  balanceFen: Type.Integer({ description: 'what the site owes the villager now' }),
  lastAt: Type.String({ format: 'date-time' }),
});
export type ConsignorView = Static<typeof ConsignorView>;

export const StatementView = Type.Object({
  consignor: ConsignorView,
  site: Type.Object({ id: Type.String(), name: Type.String(), townshipName: Type.String() }),
  lots: Type.Array(LotView),
  entries: Type.Array(EntryView, { description: 'oldest first' }),
  totals: Type.Object({ receivedG: Type.Integer(), listedG: Type.Integer(), unitsSold: Type.Integer(), salesFen: Type.Integer(), refundedFen: Type.Integer(), paidOutFen: Type.Integer(), balanceFen: Type.Integer() }),
  printedAt: Type.String({ format: 'date-time' }),
});
export type StatementView = Static<typeof StatementView>;

export const DeskConsignor = Type.Object({
  id: Type.String(),
  name: Type.String(),
  balanceFen: Type.Integer({ description: 'what may be paid out now' }),
  heldG: Type.Integer({ description: 'grams of its produce at the site not listed yet' }),
});
export type DeskConsignor = Static<typeof DeskConsignor>;

const listingView = (r: ConsignmentListingRow, consignorName: string): ListingView => ({
  id: r.id,
  recordId: r.lot_record_id,
  siteId: r.site_id,
  consignorId: r.customer_id,
  consignorName,
  skuId: r.sku_id,
  productId: r.product_id,
  productName: r.product_name,
  spec: r.spec,
  netWeightG: Number(r.net_weight_g),
  priceFenPerKg: Number(r.price_fen_per_kg),
  unitCreditFen: creditFen(1, Number(r.net_weight_g), Number(r.price_fen_per_kg)),
  units: Number(r.units),
  unitsSold: Number(r.units_sold),
  ledgerShareBp: r.share_bp === null ? null : Number(r.share_bp),
  listedAt: r.listed_at,
  listedByName: r.listed_by_name,
});

const entryView = (e: ConsignmentEntryRow) => ({
  id: e.id,
  kind: e.kind,
  kindName: ENTRY_KIND_LABELS[e.kind],
  at: e.at,
  day: e.day,
  productName: e.product_name,
  units: Number(e.units),
  amountFen: Number(e.amount_fen),
  recordId: e.record_id,
  voided: e.voided === 1,
});

/** Adds up one consignor's lots and entries. */
function tally(customer: CustomerRow, lots: ConsignmentLotRow[], listings: ConsignmentListingRow[], entries: ConsignmentEntryRow[]): ConsignorView {
  const live = lots.filter((l) => l.voided === 0);
  const counted = entries.filter((e) => e.voided === 0);
  const sum = (kind: EntryKind) => counted.filter((e) => e.kind === kind).reduce((n, e) => n + Number(e.amount_fen), 0);
  return {
    id: customer.id,
    name: customer.name,
    phoneMasked: customer.phone_masked,
    poor: customer.poor === 1,
    siteId: customer.site_id,
    lots: live.length,
    receivedG: live.reduce((n, l) => n + Number(l.weight_g), 0),
    listedG: live.reduce((n, l) => n + Number(l.listed_g), 0),
    unitsSold: listings.reduce((n, l) => n + Number(l.units_sold), 0),
    creditedFen: sum('sale') + sum('refund'),
    paidOutFen: -sum('payout'),
    balanceFen: counted.reduce((n, e) => n + Number(e.amount_fen), 0),
    lastAt: [...lots.map((l) => l.at), ...entries.map((e) => e.at)].sort().at(-1) ?? customer.last_seen_at,
  };
}

/** One or more consignors' customers, lots, listings and entries (oldest first). */
async function consignorRows(db: Db, customerIds: string[]) {
  if (customerIds.length === 0) return { customers: [], lots: [], listings: [], entries: [] };
  const [customers, lots, listings, entries] = await Promise.all([
    db.selectFrom('stations_customers').selectAll().where('id', 'in', customerIds).execute(),
    db.selectFrom('stations_consignment_lots').selectAll().where('customer_id', 'in', customerIds).orderBy('at').orderBy('record_id').execute(),
    db.selectFrom('stations_consignment_listings').selectAll().where('customer_id', 'in', customerIds).orderBy('listed_at').orderBy('id').execute(),
    db.selectFrom('stations_consignment_entries').selectAll().where('customer_id', 'in', customerIds).orderBy('at').orderBy('id').execute(),
  ]);
  return { customers, lots, listings, entries };
}

function tallies(rows: Awaited<ReturnType<typeof consignorRows>>): ConsignorView[] {
  return rows.customers.map((c) =>
    tally(
      c,
      rows.lots.filter((l) => l.customer_id === c.id),
      rows.listings.filter((l) => l.customer_id === c.id),
      rows.entries.filter((e) => e.customer_id === c.id),
    ),
  );
}

/** The desk's consignors: those a site owes money or holds unlisted produce for (the phone checks payouts offline). */
export async function consignorsForDesk(db: Db, siteId: string): Promise<DeskConsignor[]> {
  const ids = (await db.selectFrom('stations_consignment_lots').select('customer_id').distinct().where('site_id', '=', siteId).execute()).map((r) => r.customer_id);
  return tallies(await consignorRows(db, ids))
    .map((v) => ({ id: v.id, name: v.name, balanceFen: v.balanceFen, heldG: v.receivedG - v.listedG, lastAt: v.lastAt }))
    .filter((v) => v.balanceFen !== 0 || v.heldG > 0)
    .sort((a, b) => b.lastAt.localeCompare(a.lastAt) || a.id.localeCompare(b.id))
    .map(({ lastAt: _lastAt, ...v }) => v);
}

/**
 * 代卖 consignment: what villagers left at a site, the parts listed in the shop (stock held at the station), what
 * their sales credit each villager (first in, first out across a product's listed lots, in the order's own
 * transaction), refunds, and the statement. Payouts and intakes are till records (handlers/consignment.ts).
 */
export class ConsignmentService {
  constructor(
    private readonly db: Db,
    private readonly places: StationPlaces,
    private readonly shop: ConsignmentShop,
    private readonly stock: StationStock,
    private readonly clock: Clock,
  ) {}

  /** GET /stations/consignors?siteId=: the villagers who consigned at a site, with their balances, a page at a time. */
  async consignors(ctx: RequestContext, siteId: string, limit: number, cursor?: string): Promise<PageResult<ConsignorView>> {
    const site = await readableSite(ctx, this.places, siteId);
    const after = cursorKey(cursor, 1);
    let q = this.db.selectFrom('stations_consignment_lots').select('customer_id').distinct().where('site_id', '=', site.id);
    if (after) q = q.where((eb) => afterKey(eb, ['customer_id'], after));
    const ids = (await q.orderBy('customer_id').limit(limit + 1).execute()).map((r) => r.customer_id);
    const page = toKeysetPage(ids, limit, (id) => [id]);
    const views = tallies(await consignorRows(this.db, page.items));
    const byId = new Map(views.map((v) => [v.id, v]));
    return { items: page.items.flatMap((id) => byId.get(id) ?? []), nextCursor: page.nextCursor };
  }

  /** GET /stations/consignors/:id/statement: everything of one consignor, oldest first, ready to print. */
  async statement(ctx: RequestContext, customerId: string): Promise<StatementView> {
    const customer = await this.db.selectFrom('stations_customers').selectAll().where('id', '=', customerId).executeTakeFirst();
    if (!customer) throw notFound('Consignor');
    const site = await readableSite(ctx, this.places, customer.site_id);
    const rows = await consignorRows(this.db, [customer.id]);
    if (rows.lots.length === 0) throw notFound('Consignor');
    const [consignor] = tallies(rows);
    const sum = (kind: EntryKind) => rows.entries.filter((e) => e.kind === kind && e.voided === 0).reduce((n, e) => n + Number(e.amount_fen), 0);
    return {
      consignor,
      site: { id: site.id, name: site.name, townshipName: site.townshipName },
      lots: rows.lots.map((l) => ({
        recordId: l.record_id,
        day: l.day,
        at: l.at,
        produce: l.produce,
        produceName: l.produce_name,
        grade: l.grade,
        gradeName: l.grade_name,
        weightG: Number(l.weight_g),
        priceFenPerKg: Number(l.price_fen_per_kg),
        listedG: Number(l.listed_g),
        voided: l.voided === 1,
        listings: rows.listings.filter((x) => x.lot_record_id === l.record_id).map((x) => listingView(x, customer.name)),
      })),
      entries: rows.entries.map(entryView),
      totals: { receivedG: consignor.receivedG, listedG: consignor.listedG, unitsSold: consignor.unitsSold, salesFen: sum('sale'), refundedFen: -sum('refund'), paidOutFen: consignor.paidOutFen, balanceFen: consignor.balanceFen },
      printedAt: this.clock.now().toISOString(),
    };
  }

  /**
   * POST /stations/consignments/:recordId/listing: whole units of the SKU's net weight taken off the lot (the site's
   * consignment stock) and put into the shop's stock held at stations. The site's operator lists for a product whose
   * seller its account manages (the 代卖 sellers a point registered), the county any. A villager of a registered poor
   * household gets its household linked to the product with the villager's share of each sale, so the product's
   * sales reach the poverty-alleviation ledger (409 SHARES_EXCEED_WHOLE when the product's households would share
   * more than the whole sale).
   */
  async list(ctx: RequestContext, recordId: string, body: ListingBody): Promise<ListingView> {
    const principal = signedIn(ctx);
    const county = hasRole(ctx, 'county_admin');
    if (!county && !hasRole(ctx, 'village_operator', 'township_operator')) throw forbidden('只有站点操作员或县级管理员可以上架代卖货');
    const lot = await this.db.selectFrom('stations_consignment_lots').selectAll().where('record_id', '=', recordId).executeTakeFirst();
    if (!lot || lot.voided === 1) throw notFound('Consignment');
    const site = await this.places.site(lot.site_id);
    if (!county && (!site || !mayRecordAt(ctx, site))) throw forbidden('只能上架本站点收的代卖货');
    const sku = await this.shop.sku(body.skuId);
    if (!sku) throw new AppError(404, 'NOT_FOUND', 'body.skuId: no SKU with this id', { field: 'body.skuId' });
    if (!sku.active) throw conflict('SKU_INACTIVE', `body.skuId: ${sku.productName} ${sku.spec} 已停售`, { field: 'body.skuId' });
    if (!county && !(await this.shop.sellersManagedBy(principal.userId)).includes(sku.sellerId)) throw forbidden('这个商品的卖家不归你的账号代管');
    const customer = await this.db.selectFrom('stations_customers').selectAll().where('id', '=', lot.customer_id).executeTakeFirstOrThrow();
    const netWeightG = sku.netWeightG;
    const price = Number(lot.price_fen_per_kg);
    const row = await this.db.transaction().execute(async (trx) => {
      // Touch the lot first: two listings of one lot (or a listing and a void) take it one after the other on
      // PostgreSQL (SQLite has one writer), so no gram of it is listed twice.
      await trx.updateTable('stations_consignment_lots').set((eb) => ({ listed_g: eb.ref('listed_g') })).where('record_id', '=', recordId).execute();
      const current = await trx.selectFrom('stations_consignment_lots').selectAll().where('record_id', '=', recordId).executeTakeFirstOrThrow();
      if (current.voided === 1) throw notFound('Consignment');
      const leftG = Number(current.weight_g) - Number(current.listed_g);
      const most = wholeUnits(leftG, netWeightG);
      const units = body.units ?? most;
      if (units < 1 || units > most) throw conflict('STOCK_INSUFFICIENT', `body.units: 这批代卖货还剩 ${kg(leftG)}，最多能上架 ${most} 件（每件 ${kg(netWeightG)}）`, { field: 'body.units', most, leftG });
      const id = newId('scl');
      try {
        await this.stock.move(trx as unknown as Kysely<StationsTables>, { siteId: lot.site_id, item: { kind: 'consignment', key: current.item_key, grade: current.grade, name: `代卖 · ${customer.name} · ${current.produce_name} · ${current.grade_name}` }, delta: -units * netWeightG, unit: 'g', recordId: id });
      } catch (err) {
        if (err instanceof StockShort) throw conflict('STOCK_INSUFFICIENT', `body.units: 站点的这批代卖货只剩 ${kg(err.available)}`, { field: 'body.units', available: err.available });
        throw err;
      }
      await trx.updateTable('stations_consignment_lots').set((eb) => ({ listed_g: eb('listed_g', '+', units * netWeightG) })).where('record_id', '=', recordId).execute();
      let household: { linkId: string; shareBp: number } | null = null;
      if (customer.household_id) {
        try {
          household = await this.shop.linkHousehold(trx, ctx, customer.household_id, { sellerId: sku.sellerId, productId: sku.productId, shareBp: villagerShareBp(netWeightG, price, sku.priceFen) });
        } catch (err) {
          if (err instanceof AppError && err.code === 'SHARES_EXCEED_WHOLE') {
            throw conflict('SHARES_EXCEED_WHOLE', `body.skuId: ${sku.productName}的销售额已经分给其他贫困户，再加上这户会超过100%，请换一个商品上架`, { ...(err.details as object), field: 'body.skuId' });
          }
          throw err;
        }
      }
      const listing: ConsignmentListingRow = {
        id,
        lot_record_id: recordId,
        site_id: lot.site_id,
        customer_id: lot.customer_id,
        sku_id: sku.skuId,
        product_id: sku.productId,
        product_name: sku.productName,
        spec: sku.spec,
        seller_id: sku.sellerId,
        net_weight_g: netWeightG,
        price_fen_per_kg: price,
        units,
        units_sold: 0,
        household_id: customer.household_id,
        link_id: household?.linkId ?? null,
        share_bp: household?.shareBp ?? null,
        listed_at: this.clock.now().toISOString(),
        listed_by: principal.userId,
        listed_by_name: principal.displayName,
      };
      await trx.insertInto('stations_consignment_listings').values(listing).execute();
      await this.shop.addStationStock(trx, sku.skuId, units);
      await recordAudit(trx, ctx, { action: 'consignment.listed', entityType: 'station-record', entityId: recordId, details: { listingId: id, skuId: sku.skuId, units, grams: units * netWeightG, household: household !== null } });
      return listing;
    });
    return listingView(row, customer.name);
  }

  // ---- settlement: inline subscribers, in the order's own transaction (read and write through `trx` only) ----

  /**
   * A paid order's units sold from station stock credit the villagers whose listed lots of the product they were,
   * first in, first out; exactly once per order (a second delivery finds the order settled and does nothing).
   */
  async settleSale(trx: AnyKysely, sale: { orderId: string; paidAt: string; lines: { productId: string; quantity: number; lineFen: number }[]; totalFen: number }): Promise<void> {
    const db = trx as Db;
    const productIds = [...new Set(sale.lines.map((l) => l.productId))];
    if (productIds.length === 0) return;
    // Most orders are of no consigned product: one indexed look and out.
    const open = await db.selectFrom('stations_consignment_listings').select('id').where('product_id', 'in', productIds).whereRef('units_sold', '<', 'units').limit(1).executeTakeFirst();
    if (!open) return;
    const settled = await db.selectFrom('stations_consignment_entries').select('id').where('kind', '=', 'sale').where('order_id', '=', sale.orderId).limit(1).executeTakeFirst();
    if (settled) return;
    const placed = await this.shop.orderLines(trx, sale.orderId);
    const day = shanghaiDate(new Date(sale.paidAt));
    for (const [lineNo, line] of sale.lines.entries()) {
      const where = placed[lineNo];
      if (!where || where.location !== 'station' || where.productId !== line.productId) continue;
      // Touch the product's open listings first: on PostgreSQL two orders' transactions then take them one after the
      // other (SQLite has one writer), so no unit is sold twice.
      await db.updateTable('stations_consignment_listings').set((eb) => ({ units_sold: eb.ref('units_sold') })).where('product_id', '=', line.productId).whereRef('units_sold', '<', 'units').execute();
      const listings = await db.selectFrom('stations_consignment_listings').selectAll().where('product_id', '=', line.productId).whereRef('units_sold', '<', 'units').orderBy('listed_at').orderBy('id').execute();
      const { taken } = allocateFifo(
        listings.map((l) => ({ id: l.id, remaining: Number(l.units) - Number(l.units_sold) })),
        line.quantity,
      );
      for (const t of taken) {
        const l = listings.find((x) => x.id === t.id)!;
        await db.updateTable('stations_consignment_listings').set((eb) => ({ units_sold: eb('units_sold', '+', t.units) })).where('id', '=', l.id).execute();
        await db
          .insertInto('stations_consignment_entries')
          .values({ id: newId('sce'), site_id: l.site_id, customer_id: l.customer_id, kind: 'sale', ref: `${sale.orderId}:${lineNo}:${l.id}`, order_id: sale.orderId, line_no: lineNo, listing_id: l.id, record_id: null, order_total_fen: sale.totalFen, units: t.units, amount_fen: creditFen(t.units, Number(l.net_weight_g), Number(l.price_fen_per_kg)), product_name: `${l.product_name} ${l.spec}`, at: sale.paidAt, day, restocked: 0, voided: 0 })
          .execute();
      }
    }
  }

  /**
   * A refund takes back the order's credits: all that is left of each on a refund of the whole paid total, the same
   * part of each as of the order on a partial one (consignment.rules.ts `refundSplit`). Once per refund (its time).
   */
  async settleRefund(trx: AnyKysely, refund: { orderId: string; refundedAt: string; amountFen: number }): Promise<void> {
    const db = trx as Db;
    const entries = await db.selectFrom('stations_consignment_entries').selectAll().where('order_id', '=', refund.orderId).orderBy('id').execute();
    const sales = entries.filter((e) => e.kind === 'sale');
    if (sales.length === 0) return;
    if (entries.some((e) => e.kind === 'refund' && e.at === refund.refundedAt)) return;
    const refunds = entries.filter((e) => e.kind === 'refund');
    const standing = sales.map((s) => ({ creditFen: Number(s.amount_fen), reversedFen: -refunds.filter((r) => r.listing_id === s.listing_id && r.line_no === s.line_no).reduce((n, r) => n + Number(r.amount_fen), 0) }));
    const back = refundSplit(standing, refund.amountFen, Number(sales[0].order_total_fen ?? 0));
    const day = shanghaiDate(new Date(refund.refundedAt));
    for (const [i, s] of sales.entries()) {
      if (back[i] <= 0) continue;
      const whole = back[i] === standing[i].creditFen - standing[i].reversedFen;
      await db
        .insertInto('stations_consignment_entries')
        .values({ id: newId('sce'), site_id: s.site_id, customer_id: s.customer_id, kind: 'refund', ref: `${refund.orderId}@${refund.refundedAt}:${s.line_no}:${s.listing_id}`, order_id: refund.orderId, line_no: s.line_no, listing_id: s.listing_id, record_id: null, order_total_fen: s.order_total_fen, units: whole ? Number(s.units) : 0, amount_fen: -back[i], product_name: s.product_name, at: refund.refundedAt, day, restocked: 0, voided: 0 })
        .execute();
    }
  }

  /** An order cancelled before it shipped put its units back on the shelf: they go back to the lots they were taken from, once. */
  async restock(trx: AnyKysely, orderId: string): Promise<void> {
    const db = trx as Db;
    const sales = await db.selectFrom('stations_consignment_entries').selectAll().where('order_id', '=', orderId).where('kind', '=', 'sale').where('restocked', '=', 0).execute();
    for (const s of sales) {
      await db.updateTable('stations_consignment_listings').set((eb) => ({ units_sold: eb('units_sold', '-', Number(s.units)) })).where('id', '=', s.listing_id!).execute();
      await db.updateTable('stations_consignment_entries').set({ restocked: 1 }).where('id', '=', s.id).execute();
    }
  }
}
