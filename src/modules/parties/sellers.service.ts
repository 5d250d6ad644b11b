import type { Clock } from '../../kernel/clock.js';
import { hasRole, requireRole, signedIn, type RequestContext } from '../../kernel/context.js';
import { recordAudit } from '../../kernel/audit.js';
import { isUniqueViolation, type AnyKysely } from '../../kernel/db.js';
import type { Kysely } from 'kysely';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../kernel/errors.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import { maskIdNumber, maskPhone } from '../../kernel/mask.js';
import type { Sealer } from '../../kernel/sealed.js';
import type { EventPublisher } from '../../kernel/events/index.js';
import { placeOf, SellerApproved } from './events.js';
import { creditCodeProblem, residentIdProblem } from './identifiers.js';
import type { PartiesRepository } from './parties.repository.js';
import type { SellerApplication, SellerChanges, SellerFilter, SellerView } from './parties.schema.js';
import type { PartiesTables, SellerRow, SellerStatus } from './parties.tables.js';

/**
 * Who may open a seller application: a merchant for itself (an enterprise, co-op or individual business, by credit
 * code), a village operator selling for a farmer (代卖), the county. A farmer's ID number is put in only by staff, so
 * nobody else can claim a person's number or learn from a 409 that it is registered.
 */
const APPLICANTS = ['merchant', 'village_operator', 'county_admin'] as const;

/** The unique number an application holds: a farmer's ID fingerprint, else the credit code. */
const numberOf = (row: Pick<SellerRow, 'kind' | 'credit_code' | 'id_number_print'>) => (row.kind === 'farmer' ? row.id_number_print : row.credit_code);

function toView(row: SellerRow, ctx: RequestContext): SellerView {
  const own = ctx.principal?.userId === row.owner_user_id;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    creditCode: row.credit_code,
    idNumber: row.id_number_masked,
    contactName: row.contact_name,
    contactPhone: own ? row.contact_phone : maskPhone(row.contact_phone)!,
    divisionCode: row.division_code,
    address: row.address,
    tags: JSON.parse(row.tags),
    description: row.description,
    ownerUserId: row.owner_user_id,
    status: row.status,
    statusReason: row.status_reason,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Sellers: apply, review (approve or reject with a reason), suspend and reinstate. */
export class SellerService {
  constructor(
    private readonly repo: PartiesRepository,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly events: EventPublisher,
  ) {}

  /** A seller its caller may see in full: the county office and regulators see all, others their own. */
  private async visible(ctx: RequestContext, id: string): Promise<SellerRow> {
    const principal = signedIn(ctx);
    const row = await this.repo.seller(id);
    if (!row || (row.owner_user_id !== principal.userId && !hasRole(ctx, 'county_admin', 'regulator'))) throw notFound('Seller');
    return row;
  }

  async apply(ctx: RequestContext, input: SellerApplication): Promise<SellerView> {
    const principal = requireRole(ctx, ...APPLICANTS);
    if (!hasRole(ctx, 'county_admin', 'merchant') && input.kind !== 'farmer') throw invalidField('body.kind', 'a village point sells for farmers (代卖): kind must be farmer');
    if (!hasRole(ctx, 'county_admin', 'village_operator') && input.kind === 'farmer') throw invalidField('body.kind', '农户由村级服务点或县工科局登记 A farmer is registered by the village point or the county office');
    const owner = input.ownerUserId ?? principal.userId;
    if (owner !== principal.userId && !hasRole(ctx, 'county_admin')) throw invalidField('body.ownerUserId', 'only a county admin applies for another account');
    let idColumns: Pick<SellerRow, 'id_number_sealed' | 'id_number_print' | 'id_number_masked'> = { id_number_sealed: null, id_number_print: null, id_number_masked: null };
    if (input.kind === 'farmer') {
      if (!input.idNumber) throw invalidField('body.idNumber', 'a farmer applies with a resident ID number');
      const problem = residentIdProblem(input.idNumber);
      if (problem) throw invalidField('body.idNumber', problem, 'ID_NUMBER_INVALID');
      idColumns = { id_number_sealed: this.sealer.seal(input.idNumber), id_number_print: this.sealer.fingerprint(input.idNumber), id_number_masked: maskIdNumber(input.idNumber) };
    } else {
      if (!input.creditCode) throw invalidField('body.creditCode', `a ${input.kind} applies with its unified social credit code`);
      const problem = creditCodeProblem(input.creditCode);
      if (problem) throw invalidField('body.creditCode', problem, 'CREDIT_CODE_INVALID');
    }
    const now = this.clock.now().toISOString();
    const row: SellerRow = {
      id: newId('slr'),
      kind: input.kind,
      name: input.name,
      credit_code: input.kind === 'farmer' ? null : input.creditCode!,
      ...idColumns,
      contact_name: input.contactName,
      contact_phone: input.contactPhone,
      division_code: input.divisionCode,
      address: input.address,
      tags: JSON.stringify(input.tags ?? []),
      description: input.description ?? '',
      owner_user_id: owner,
      status: 'pending',
      status_reason: null,
      reviewed_by: null,
      reviewed_at: null,
      is_demo: input.isDemo ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    try {
      await this.repo.db.transaction().execute(async (trx) => {
        await this.releaseRejected(trx, ctx, row);
        await trx.insertInto('parties_sellers').values(row).execute();
        await recordAudit(trx, ctx, { action: 'seller.applied', entityType: 'seller', entityId: row.id, details: { name: row.name, kind: row.kind, creditCode: row.credit_code, idNumber: row.id_number_masked } });
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const field = input.kind === 'farmer' ? 'body.idNumber' : 'body.creditCode';
      throw conflict('SELLER_EXISTS', `${field}: a seller with this number is already registered`, { field });
    }
    return toView(row, ctx);
  }

  /**
   * A rejected application does not keep its number from the next applicant: it lets go of it (the masked ID and the
   * audit keep what it was), and can then no longer be resubmitted.
   */
  private async releaseRejected(trx: Kysely<PartiesTables>, ctx: RequestContext, row: SellerRow): Promise<void> {
    const column = row.kind === 'farmer' ? 'id_number_print' : 'credit_code';
    const value = numberOf(row);
    if (!value) return;
    const holder = await trx.selectFrom('parties_sellers').select(['id', 'status']).where(column, '=', value).executeTakeFirst();
    if (holder?.status !== 'rejected') return;
    await trx.updateTable('parties_sellers').set({ [column]: null, updated_at: row.created_at }).where('id', '=', holder.id).where('status', '=', 'rejected').execute();
    await recordAudit(trx, ctx, { action: 'seller.number_released', entityType: 'seller', entityId: holder.id, details: { to: row.id, creditCode: row.credit_code, idNumber: row.id_number_masked } });
  }

  async list(ctx: RequestContext, filter: SellerFilter, limit: number, cursor?: string): Promise<PageResult<SellerView>> {
    const principal = signedIn(ctx);
    const all = hasRole(ctx, 'county_admin', 'regulator');
    const rows = await this.repo.listSellers({ ...filter, ownerUserId: all ? undefined : principal.userId, after: decodeCursor(cursor) }, limit + 1);
    const page = toPage(rows, limit, (r) => r.id);
    return { items: page.items.map((r) => toView(r, ctx)), nextCursor: page.nextCursor };
  }

  async get(ctx: RequestContext, id: string): Promise<SellerView> {
    return toView(await this.visible(ctx, id), ctx);
  }

  /** What a shopper may know of an approved seller; no personal data. */
  async profile(id: string) {
    const row = await this.repo.seller(id);
    if (!row || row.status !== 'approved') throw notFound('Seller');
    return { id: row.id, kind: row.kind, name: row.name, divisionCode: row.division_code, description: row.description, tags: JSON.parse(row.tags) };
  }

  /** A seller as the producer of what it sells (traceability): its registered identity and contact. */
  async producerFacts(id: string) {
    const row = await this.repo.seller(id);
    if (!row) return null;
    return { id: row.id, name: row.name, creditCode: row.credit_code, divisionCode: row.division_code, contactPhone: row.contact_phone };
  }

  /** Approved sellers with their names: the ones whose products may be in the shop. */
  async sellingNames(db: AnyKysely = this.repo.db): Promise<Map<string, string>> {
    const rows = await (db as Kysely<PartiesTables>).selectFrom('parties_sellers').select(['id', 'name']).where('status', '=', 'approved').execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Ids of the sellers an account manages. */
  async managedBy(userId: string): Promise<string[]> {
    const rows = await this.repo.db.selectFrom('parties_sellers').select('id').where('owner_user_id', '=', userId).execute();
    return rows.map((r) => r.id);
  }

  /** Whether a seller may have products in the shop now (approved, not suspended). */
  async isSelling(id: string): Promise<boolean> {
    return (await this.repo.seller(id))?.status === 'approved';
  }

  async update(ctx: RequestContext, id: string, changes: SellerChanges): Promise<SellerView> {
    const principal = signedIn(ctx);
    const row = await this.visible(ctx, id);
    if (row.owner_user_id !== principal.userId && !hasRole(ctx, 'county_admin')) throw forbidden('Only the seller or the county office changes a seller');
    const update: Partial<SellerRow> = {
      ...(changes.contactName !== undefined && { contact_name: changes.contactName }),
      ...(changes.contactPhone !== undefined && { contact_phone: changes.contactPhone }),
      ...(changes.address !== undefined && { address: changes.address }),
      ...(changes.tags !== undefined && { tags: JSON.stringify(changes.tags) }),
      ...(changes.description !== undefined && { description: changes.description }),
      updated_at: this.clock.now().toISOString(),
    };
    await this.repo.db.transaction().execute(async (trx) => {
      await trx.updateTable('parties_sellers').set(update).where('id', '=', id).execute();
      await recordAudit(trx, ctx, { action: 'seller.updated', entityType: 'seller', entityId: id, details: { ...changes, contactPhone: maskPhone(changes.contactPhone) } });
    });
    return toView({ ...row, ...update }, ctx);
  }

  /** Moves a seller between statuses; only the given transitions are allowed. */
  private async transition(ctx: RequestContext, id: string, from: SellerStatus, to: SellerStatus, reason: string | null, action: string): Promise<SellerView> {
    const principal = requireRole(ctx, 'county_admin');
    const row = await this.repo.seller(id);
    if (!row) throw notFound('Seller');
    if (row.status !== from) throw new AppError(409, 'SELLER_STATUS_CONFLICT', `The seller is ${row.status}; this needs it to be ${from}`, { status: row.status });
    const now = this.clock.now().toISOString();
    const update = { status: to, status_reason: reason, reviewed_by: principal.username, reviewed_at: now, updated_at: now };
    await this.repo.db.transaction().execute(async (trx) => {
      // The status guard in the WHERE keeps two reviewers from both acting on the same application.
      const result = await trx.updateTable('parties_sellers').set(update).where('id', '=', id).where('status', '=', from).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new AppError(409, 'SELLER_STATUS_CONFLICT', 'The seller changed meanwhile; reload');
      await recordAudit(trx, ctx, { action, entityType: 'seller', entityId: id, details: { from, to, reason } });
      // Approved once, on review: a suspension and its reinstatement are not a new seller.
      if (from === 'pending' && to === 'approved') {
        await this.events.publish(trx, SellerApproved, id, { sellerId: id, kind: row.kind, ...placeOf(row.division_code), approvedAt: now, isPoorHousehold: (JSON.parse(row.tags) as string[]).includes('poor_household') });
      }
    });
    return toView({ ...row, ...update }, ctx);
  }

  review(ctx: RequestContext, id: string, decision: 'approve' | 'reject', reason?: string): Promise<SellerView> {
    if (decision === 'reject' && !reason?.trim()) throw invalidField('body.reason', 'say why the application is rejected');
    return this.transition(ctx, id, 'pending', decision === 'approve' ? 'approved' : 'rejected', reason?.trim() || null, `seller.${decision === 'approve' ? 'approved' : 'rejected'}`);
  }

  /** A rejected applicant corrects its application and sends it back for review. */
  async resubmit(ctx: RequestContext, id: string, changes: SellerChanges): Promise<SellerView> {
    const principal = signedIn(ctx);
    const row = await this.visible(ctx, id);
    if (row.owner_user_id !== principal.userId) throw forbidden('Only the applicant resubmits');
    if (row.status !== 'rejected') throw new AppError(409, 'SELLER_STATUS_CONFLICT', `The seller is ${row.status}; only a rejected application is resubmitted`, { status: row.status });
    if (!numberOf(row)) throw new AppError(409, 'SELLER_NUMBER_TAKEN', '该号码已由另一份申请使用，请重新申请 Another application has taken this number since; apply anew', { field: row.kind === 'farmer' ? 'idNumber' : 'creditCode' });
    await this.update(ctx, id, changes);
    await this.repo.db.transaction().execute(async (trx) => {
      const result = await trx.updateTable('parties_sellers').set({ status: 'pending', updated_at: this.clock.now().toISOString() }).where('id', '=', id).where('status', '=', 'rejected').executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new AppError(409, 'SELLER_STATUS_CONFLICT', 'The seller changed meanwhile; reload');
      await recordAudit(trx, ctx, { action: 'seller.resubmitted', entityType: 'seller', entityId: id });
    });
    return this.get(ctx, id);
  }

  suspend(ctx: RequestContext, id: string, reason: string): Promise<SellerView> {
    return this.transition(ctx, id, 'approved', 'suspended', reason, 'seller.suspended');
  }

  reinstate(ctx: RequestContext, id: string): Promise<SellerView> {
    return this.transition(ctx, id, 'suspended', 'approved', null, 'seller.reinstated');
  }

  /** A farmer's full ID number, for the account that manages the seller only; audited (never the number itself). */
  async revealIdNumber(ctx: RequestContext, id: string): Promise<string | null> {
    const principal = signedIn(ctx);
    const row = await this.visible(ctx, id);
    if (row.owner_user_id !== principal.userId) throw forbidden('Only the seller sees its ID number in full');
    if (!row.id_number_sealed) return null;
    await recordAudit(this.repo.db, ctx, { action: 'seller.id_number_revealed', entityType: 'seller', entityId: id, details: { idNumber: row.id_number_masked } });
    return this.sealer.open(row.id_number_sealed);
  }
}
