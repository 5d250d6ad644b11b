import type { Kysely } from 'kysely';
import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import { hasRole, requireRole, signedIn, type RequestContext } from '../../kernel/context.js';
import { recordAudit } from '../../kernel/audit.js';
import { isUniqueViolation, type AnyKysely } from '../../kernel/db.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../kernel/errors.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import { maskIdNumber } from '../../kernel/mask.js';
import type { Sealer } from '../../kernel/sealed.js';
import { residentIdProblem } from './identifiers.js';
import type { PartiesRepository } from './parties.repository.js';
import type { HouseholdChanges, HouseholdFilter, HouseholdInput, HouseholdView, LinkInput, LinkView } from './parties.schema.js';
import type { HouseholdLinkRow, HouseholdRow, PartiesTables } from './parties.tables.js';
import type { ProductDirectory } from './product-directory.js';
import { FULL_SHARE_BP, peakTaken } from './share-cap.js';

const toLinkView = (row: HouseholdLinkRow): LinkView => ({
  id: row.id,
  householdId: row.household_id,
  sellerId: row.seller_id,
  productId: row.product_id,
  role: row.role,
  shareBp: row.share_bp,
  validFrom: row.valid_from,
  validTo: row.valid_to,
});

/** One household's part of a sale: who, and how much of it in basis points. */
export interface Credit {
  householdId: string;
  villageCode: string;
  shareBp: number;
  linkId: string;
}

/** The county's register of poor households (建档立卡贫困户) and what they supply to whom. */
export class HouseholdService {
  constructor(
    private readonly repo: PartiesRepository,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly products: ProductDirectory,
  ) {}

  private today() {
    return shanghaiDate(this.clock.now());
  }

  private toView(row: HouseholdRow): HouseholdView {
    return {
      id: row.id,
      householdNo: row.household_no,
      villageCode: row.village_code,
      headName: row.head_name,
      headIdNumber: row.head_id_masked,
      members: row.members,
      status: row.status,
      liftedYear: row.lifted_year,
      userId: row.user_id,
      isDemo: row.is_demo === 1,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /** The county office and regulators read the register; a household reads its own entry. */
  private async readable(ctx: RequestContext, id: string): Promise<HouseholdRow> {
    const principal = signedIn(ctx);
    const row = await this.repo.household(id);
    if (!row || (!hasRole(ctx, 'county_admin', 'regulator') && row.user_id !== principal.userId)) throw notFound('Household');
    return row;
  }

  async register(ctx: RequestContext, input: HouseholdInput): Promise<HouseholdView> {
    requireRole(ctx, 'county_admin');
    const problem = residentIdProblem(input.headIdNumber);
    if (problem) throw invalidField('body.headIdNumber', problem, 'ID_NUMBER_INVALID');
    const status = input.status ?? 'in_poverty';
    if (status === 'lifted' && !input.liftedYear) throw invalidField('body.liftedYear', 'say the year the household was lifted out of poverty');
    const now = this.clock.now().toISOString();
    const row: HouseholdRow = {
      id: newId('hh'),
      household_no: input.householdNo,
      village_code: input.villageCode,
      head_name: input.headName,
      head_id_sealed: this.sealer.seal(input.headIdNumber),
      head_id_print: this.sealer.fingerprint(input.headIdNumber),
      head_id_masked: maskIdNumber(input.headIdNumber)!,
      members: input.members,
      status,
      lifted_year: status === 'lifted' ? (input.liftedYear ?? null) : null,
      user_id: input.userId ?? null,
      is_demo: input.isDemo ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    try {
      await this.repo.db.transaction().execute(async (trx) => {
        await trx.insertInto('parties_households').values(row).execute();
        await recordAudit(trx, ctx, { action: 'household.registered', entityType: 'household', entityId: row.id, details: { householdNo: row.household_no, villageCode: row.village_code, head: row.head_id_masked } });
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const sameNumber = await this.repo.db.selectFrom('parties_households').select('id').where('household_no', '=', input.householdNo).executeTakeFirst();
      const field = sameNumber ? 'body.householdNo' : 'body.headIdNumber';
      throw conflict('HOUSEHOLD_EXISTS', `${field}: a household with this ${sameNumber ? 'number' : 'head'} is already registered`, { field });
    }
    return this.toView(row);
  }

  async list(ctx: RequestContext, filter: HouseholdFilter, limit: number, cursor?: string): Promise<PageResult<HouseholdView>> {
    const principal = signedIn(ctx);
    const all = hasRole(ctx, 'county_admin', 'regulator');
    const rows = await this.repo.listHouseholds({ ...filter, userId: all ? undefined : principal.userId, after: decodeCursor(cursor) }, limit + 1);
    const page = toPage(rows, limit, (r) => r.id);
    return { items: page.items.map((r) => this.toView(r)), nextCursor: page.nextCursor };
  }

  /** The head's full ID number, for the household's own account only, when it asks; audited (never the number). */
  async revealHeadIdNumber(ctx: RequestContext, id: string): Promise<string> {
    const row = await this.readable(ctx, id);
    if (row.user_id !== ctx.principal?.userId) throw forbidden('Only the household itself sees its ID number in full');
    await recordAudit(this.repo.db, ctx, { action: 'household.id_number_revealed', entityType: 'household', entityId: id, details: { headIdNumber: row.head_id_masked } });
    return this.sealer.open(row.head_id_sealed);
  }

  async get(ctx: RequestContext, id: string) {
    const row = await this.readable(ctx, id);
    const links = await this.repo.linksOn(this.today(), { householdId: id });
    const names = await this.products.namesOf(links.flatMap((l) => (l.product_id ? [l.product_id] : [])));
    return { ...this.toView(row), links: links.map((l) => ({ ...toLinkView(l), productName: l.product_id ? (names.get(l.product_id) ?? null) : null })) };
  }

  async update(ctx: RequestContext, id: string, changes: HouseholdChanges): Promise<HouseholdView> {
    requireRole(ctx, 'county_admin');
    const row = await this.repo.household(id);
    if (!row) throw notFound('Household');
    const status = changes.status ?? row.status;
    const liftedYear = changes.liftedYear !== undefined ? changes.liftedYear : row.lifted_year;
    if (status === 'lifted' && !liftedYear) throw invalidField('body.liftedYear', 'say the year the household was lifted out of poverty');
    const update: Partial<HouseholdRow> = {
      ...(changes.headName !== undefined && { head_name: changes.headName }),
      ...(changes.members !== undefined && { members: changes.members }),
      ...(changes.userId !== undefined && { user_id: changes.userId }),
      status,
      lifted_year: status === 'lifted' ? liftedYear : null,
      updated_at: this.clock.now().toISOString(),
    };
    await this.repo.db.transaction().execute(async (trx) => {
      await trx.updateTable('parties_households').set(update).where('id', '=', id).execute();
      await recordAudit(trx, ctx, { action: 'household.updated', entityType: 'household', entityId: id, details: changes });
    });
    return this.toView({ ...row, ...update });
  }

  /**
   * Links a household to a seller (or one of its own products) with its share of each sale. On no day the link
   * covers may the shares crediting the same sales add up to more than the whole sale (`share-cap.ts`).
   */
  async link(ctx: RequestContext, householdId: string, input: LinkInput): Promise<LinkView> {
    requireRole(ctx, 'county_admin');
    const validFrom = input.validFrom ?? this.today();
    if (input.productId) {
      const owner = await this.products.ownerOf(input.productId);
      if (owner === null) throw new AppError(404, 'NOT_FOUND', 'body.productId: no product with this id', { field: 'body.productId' });
      if (owner !== input.sellerId) throw invalidField('body.productId', 'this product is sold by another seller; link the household to that seller', 'PRODUCT_OF_ANOTHER_SELLER');
    }
    const row: HouseholdLinkRow = {
      id: newId('hhl'),
      household_id: householdId,
      seller_id: input.sellerId,
      product_id: input.productId ?? null,
      role: input.role,
      share_bp: input.shareBp,
      valid_from: validFrom,
      valid_to: null,
      created_at: this.clock.now().toISOString(),
    };
    await this.repo.db.transaction().execute((trx) => this.insertLink(trx, ctx, row));
    return toLinkView(row);
  }

  /** Writes a link in the caller's transaction once the share cap allows it (`share-cap.ts`). */
  private async insertLink(trx: Kysely<PartiesTables>, ctx: RequestContext, row: HouseholdLinkRow): Promise<void> {
    if (!(await this.repo.household(row.household_id, trx))) throw notFound('Household');
    // Touching the seller row first makes concurrent links to one seller wait for each other (a row lock on
    // PostgreSQL; SQLite has one writer), so the share check below cannot be passed twice.
    const touched = await trx.updateTable('parties_sellers').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', row.seller_id).where('status', '=', 'approved').executeTakeFirst();
    if (Number(touched.numUpdatedRows) !== 1) throw invalidField('body.sellerId', 'no approved seller with this id');
    const existing = await trx.selectFrom('parties_household_links').selectAll().where('seller_id', '=', row.seller_id).execute();
    const spans = existing.map((l) => ({ productId: l.product_id, shareBp: l.share_bp, validFrom: l.valid_from, validTo: l.valid_to }));
    const { takenBp: taken, day } = peakTaken(spans, { productId: row.product_id, shareBp: row.share_bp, validFrom: row.valid_from, validTo: null });
    if (taken + row.share_bp > FULL_SHARE_BP) {
      throw new AppError(409, 'SHARES_EXCEED_WHOLE', `body.shareBp: on ${day} ${taken / 100} % of these sales is already credited to households; at most ${(FULL_SHARE_BP - taken) / 100} % is left`, { field: 'body.shareBp', left: FULL_SHARE_BP - taken, day });
    }
    await trx.insertInto('parties_household_links').values(row).execute();
    await recordAudit(trx, ctx, { action: 'household.linked', entityType: 'household', entityId: row.household_id, details: toLinkView(row) });
  }

  /**
   * Links a household to one product of a seller from today, inside another module's transaction (a station lists
   * a poor villager's consignment in the shop: its sales then reach the ledger); the caller checked who asks. A
   * link of the same household to the product already in force is kept as it is; otherwise the share cap holds as
   * for `link` (409 SHARES_EXCEED_WHOLE).
   */
  async linkWithin(trx: AnyKysely, ctx: RequestContext, householdId: string, input: { sellerId: string; productId: string; role: LinkInput['role']; shareBp: number }): Promise<{ link: LinkView; created: boolean }> {
    const db = trx as Kysely<PartiesTables>;
    const today = this.today();
    const same = (await this.repo.linksOn(today, { householdId, sellerId: input.sellerId }, db)).find((l) => l.product_id === input.productId);
    if (same) return { link: toLinkView(same), created: false };
    const row: HouseholdLinkRow = { id: newId('hhl'), household_id: householdId, seller_id: input.sellerId, product_id: input.productId, role: input.role, share_bp: input.shareBp, valid_from: today, valid_to: null, created_at: this.clock.now().toISOString() };
    await this.insertLink(db, ctx, row);
    return { link: toLinkView(row), created: true };
  }

  /** Links whose credits fall on the same sales: the seller-wide ones, and the product's own. */
  private async sharesInForce(db: Kysely<PartiesTables>, sellerId: string, productId: string | null, date: string) {
    const links = await this.repo.linksOn(date, { sellerId }, db);
    return links.filter((l) => l.product_id === null || productId === null || l.product_id === productId);
  }

  async endLink(ctx: RequestContext, linkId: string, validTo: string): Promise<void> {
    requireRole(ctx, 'county_admin');
    const link = await this.repo.db.selectFrom('parties_household_links').selectAll().where('id', '=', linkId).executeTakeFirst();
    if (!link) throw notFound('Link');
    if (link.valid_to) throw new AppError(409, 'LINK_ENDED', `This link already ended on ${link.valid_to}`);
    if (validTo <= link.valid_from) throw invalidField('body.validTo', `must be after ${link.valid_from}`);
    await this.repo.db.transaction().execute(async (trx) => {
      await trx.updateTable('parties_household_links').set({ valid_to: validTo }).where('id', '=', linkId).execute();
      await recordAudit(trx, ctx, { action: 'household.unlinked', entityType: 'household', entityId: link.household_id, details: { linkId, validTo } });
    });
  }

  /** Sellers (all their products) and single products that some household is linked to on a date. */
  async linkedOn(date: string): Promise<{ sellers: Set<string>; products: Set<string> }> {
    const rows = await this.repo.db
      .selectFrom('parties_household_links')
      .select(['seller_id', 'product_id'])
      .distinct()
      .where('valid_from', '<=', date)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
      .execute();
    return {
      sellers: new Set(rows.filter((l) => l.product_id === null).map((l) => l.seller_id)),
      products: new Set(rows.filter((l) => l.product_id !== null).map((l) => l.product_id!)),
    };
  }

  /** The households credited by a sale of this seller's product on a date, for the poverty-alleviation ledger. */
  async creditsFor(sellerId: string, productId: string, date: string, db: AnyKysely = this.repo.db): Promise<Credit[]> {
    const handle = db as Kysely<PartiesTables>;
    const links = await this.sharesInForce(handle, sellerId, productId, date);
    if (links.length === 0) return [];
    const households = await handle.selectFrom('parties_households').select(['id', 'village_code']).where('id', 'in', links.map((l) => l.household_id)).execute();
    const village = new Map(households.map((h) => [h.id, h.village_code]));
    return links.map((l) => ({ householdId: l.household_id, villageCode: village.get(l.household_id)!, shareBp: l.share_bp, linkId: l.id }));
  }
}
