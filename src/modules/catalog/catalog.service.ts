import type { Kysely } from 'kysely';
import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import { hasRole, requireRole, signedIn, type RequestContext } from '../../kernel/context.js';
import { recordAudit } from '../../kernel/audit.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../kernel/errors.js';
import { isUniqueViolation } from '../../kernel/db.js';
import { newId } from '../../kernel/ids.js';
import type { AnyKysely } from '../../kernel/db.js';
import type { CatalogRepository } from './catalog.repository.js';
import type { CertificationInput, LicenceInput, LicenceView, ProductChanges, ProductInput, ProductView } from './catalog.schema.js';
import { STOCK_LOCATIONS, type BrandLicenceRow, type CatalogTables, type ProductRow, type StockLocation } from './catalog.tables.js';
import type { MarketDirectory } from './directory.js';
import { buildViews, loadViewContext } from './product-views.js';
import { pageOf } from './list-paging.js';
import type { PageResult } from '../../kernel/http/paging.js';

type Paging = { limit: number; cursor?: string };
import { isValidGtin } from './gtin.js';
import { SEARCH_INDEX_VERSION } from './search.js';
import { indexProduct, rebuildIfStale } from './search-index.js';

/** A reserved order line, priced from the catalogue (never from the client). */
export interface ReservedLine {
  skuId: string;
  productId: string;
  sellerId: string;
  productName: string;
  spec: string;
  unitPriceFen: number;
  quantity: number;
  location: StockLocation;
}

/** A GTIN is taken only with its GS1 check digit (a mistyped barcode would label every unit wrongly). */
function checkGtin(gtin: string | null | undefined): void {
  if (gtin && !isValidGtin(gtin)) throw invalidField('body.gtin', 'is not a GTIN-8/12/13/14 with a right GS1 check digit', 'GTIN_INVALID');
}

const licenceView = (row: BrandLicenceRow, date: string): LicenceView => ({
  id: row.id,
  brandId: row.brand_id,
  sellerId: row.seller_id,
  licenceNo: row.licence_no,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  revokedAt: row.revoked_at,
  inForce: !row.revoked_at && row.valid_from <= date && row.valid_to >= date,
});

/** Categories, regional brands and their licences, products with SKUs and stock, certifications, curation. */
export class CatalogService {
  constructor(
    readonly repo: CatalogRepository,
    private readonly directory: MarketDirectory,
    private readonly clock: Clock,
  ) {}

  private today() {
    return shanghaiDate(this.clock.now());
  }

  // ---- categories and brands ----

  listCategories() {
    return this.repo.view().then((c) => c.categories.map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id, sort: r.sort })));
  }

  /** Categories by their sort number, a page at a time. */
  async pageCategories(page: Paging) {
    return pageOf(await this.listCategories(), (c) => [c.sort, c.id], page);
  }

  async createCategory(ctx: RequestContext, input: { id?: string; name: string; parentId?: string | null; sort?: number }) {
    requireRole(ctx, 'county_admin');
    const row = { id: input.id ?? newId('cat'), name: input.name, parent_id: input.parentId ?? null, sort: input.sort ?? 0 };
    await this.repo.write(async (trx) => {
      if (row.parent_id && !(await trx.selectFrom('catalog_categories').select('id').where('id', '=', row.parent_id).executeTakeFirst())) throw invalidField('body.parentId', 'no such category');
      await trx.insertInto('catalog_categories').values(row).execute();
      await recordAudit(trx, ctx, { action: 'category.created', entityType: 'category', entityId: row.id, details: row });
    });
    return { id: row.id, name: row.name, parentId: row.parent_id, sort: row.sort };
  }

  listBrands() {
    return this.repo.view().then((c) => c.brands.map((b) => ({ id: b.id, name: b.name, description: b.description })));
  }

  /** Brands by name, a page at a time. */
  async pageBrands(page: Paging) {
    return pageOf(await this.listBrands(), (b) => [b.name, b.id], page);
  }

  async createBrand(ctx: RequestContext, input: { id?: string; name: string; description?: string }) {
    requireRole(ctx, 'county_admin');
    const row = { id: input.id ?? newId('brd'), name: input.name, description: input.description ?? '', created_at: this.clock.now().toISOString() };
    try {
      await this.repo.write(async (trx) => {
        await trx.insertInto('catalog_brands').values(row).execute();
        await recordAudit(trx, ctx, { action: 'brand.created', entityType: 'brand', entityId: row.id, details: { name: row.name } });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('BRAND_EXISTS', `body.name: a brand named ${input.name} exists`, { field: 'body.name' });
      throw err;
    }
    return { id: row.id, name: row.name, description: row.description };
  }

  /** The county licenses a regional public brand to a seller for a period. */
  async grantLicence(ctx: RequestContext, brandId: string, input: LicenceInput): Promise<LicenceView> {
    requireRole(ctx, 'county_admin');
    if (input.validTo < input.validFrom) throw invalidField('body.validTo', 'must not be before validFrom');
    if (!(await this.repo.view()).brands.some((b) => b.id === brandId)) throw notFound('Brand');
    await this.checkSeller(input.sellerId);
    const row: BrandLicenceRow = { id: newId('lic'), brand_id: brandId, seller_id: input.sellerId, licence_no: input.licenceNo, valid_from: input.validFrom, valid_to: input.validTo, revoked_at: null, created_at: this.clock.now().toISOString() };
    await this.repo.write(async (trx) => {
      await trx.insertInto('catalog_brand_licences').values(row).execute();
      await recordAudit(trx, ctx, { action: 'brand.licensed', entityType: 'brand', entityId: brandId, details: { sellerId: input.sellerId, licenceNo: input.licenceNo, validFrom: input.validFrom, validTo: input.validTo } });
    });
    return licenceView(row, this.today());
  }

  async revokeLicence(ctx: RequestContext, licenceId: string): Promise<void> {
    requireRole(ctx, 'county_admin');
    await this.repo.write(async (trx) => {
      const result = await trx.updateTable('catalog_brand_licences').set({ revoked_at: this.clock.now().toISOString() }).where('id', '=', licenceId).where('revoked_at', 'is', null).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notFound('Licence in force');
      await recordAudit(trx, ctx, { action: 'brand.licence_revoked', entityType: 'licence', entityId: licenceId });
    });
  }

  async listLicences(ctx: RequestContext, brandId: string): Promise<LicenceView[]> {
    signedIn(ctx);
    const rows = (await this.repo.view()).licences(brandId);
    return rows.map((r) => licenceView(r, this.today()));
  }

  /** A brand's licences, newest first, a page at a time. */
  async pageLicences(ctx: RequestContext, brandId: string, page: Paging): Promise<PageResult<LicenceView>> {
    return pageOf(await this.listLicences(ctx, brandId), (l) => [l.id], { ...page, descending: true });
  }

  // ---- products ----

  /** The county office manages every product; a seller's accounts manage that seller's. */
  private async checkManages(ctx: RequestContext, sellerId: string, field = 'body.sellerId'): Promise<void> {
    const principal = signedIn(ctx);
    if (hasRole(ctx, 'county_admin')) return;
    if (!(await this.directory.managedBy(principal.userId)).includes(sellerId)) {
      throw new AppError(403, 'FORBIDDEN', `${field}: you do not manage this seller`, { field });
    }
  }

  /** A seller id must name a registered seller (of any status), or nothing can be sold or licensed under it. */
  private async checkSeller(sellerId: string): Promise<void> {
    if (!(await this.directory.sellerExists(sellerId))) throw invalidField('body.sellerId', 'no such seller');
  }

  private async checkBrand(sellerId: string, brandId: string | null | undefined): Promise<void> {
    if (!brandId) return;
    if (!(await this.repo.view()).licencesInForce(this.today()).has(`${brandId}:${sellerId}`)) {
      throw invalidField('body.brandId', 'the seller holds no licence in force for this brand', 'BRAND_NOT_LICENSED');
    }
  }

  /**
   * Rebuilds every product's search terms when they were built with older rules (a database made before the rules
   * changed); run at start. Answers whether it rebuilt.
   */
  async ensureSearchIndex(): Promise<boolean> {
    const stored = await this.repo.db.selectFrom('catalog_revision').select('search_version').where('id', '=', 1).executeTakeFirstOrThrow();
    if (stored.search_version >= SEARCH_INDEX_VERSION) return false;
    return this.repo.write((trx) => rebuildIfStale(trx));
  }

  async createProduct(ctx: RequestContext, input: ProductInput): Promise<ProductView> {
    await this.checkManages(ctx, input.sellerId);
    await this.checkSeller(input.sellerId);
    checkGtin(input.gtin);
    await this.checkBrand(input.sellerId, input.brandId);
    const now = this.clock.now().toISOString();
    const row: ProductRow = {
      id: newId('prd'),
      seller_id: input.sellerId,
      category_id: input.categoryId,
      name: input.name,
      subtitle: input.subtitle ?? '',
      description: input.description ?? '',
      origin_code: input.originCode,
      brand_id: input.brandId ?? null,
      gtin: input.gtin ?? null,
      status: input.status ?? 'draft',
      in_specialty_pavilion: 0,
      is_demo: input.isDemo ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    await this.repo.write(async (trx) => {
      if (!(await trx.selectFrom('catalog_categories').select('id').where('id', '=', input.categoryId).executeTakeFirst())) throw invalidField('body.categoryId', 'no such category');
      await trx.insertInto('catalog_products').values(row).execute();
      for (const sku of input.skus) {
        const skuId = newId('sku');
        await trx.insertInto('catalog_skus').values({ id: skuId, product_id: row.id, spec: sku.spec, unit: sku.unit, net_weight_g: sku.netWeightG, price_fen: sku.priceFen, active: 1 }).execute();
        await trx.insertInto('catalog_stock').values({ sku_id: skuId, location: sku.location ?? 'seller', on_hand: sku.stock ?? 0, reserved: 0, frozen: 0 }).execute();
      }
      await indexProduct(trx, row);
      await recordAudit(trx, ctx, { action: 'product.created', entityType: 'product', entityId: row.id, details: { name: row.name, sellerId: row.seller_id, skus: input.skus.length } });
    });
    return this.view(row);
  }

  private async view(row: ProductRow): Promise<ProductView> {
    const [view] = await buildViews(this.repo, [row], await loadViewContext(this.repo, this.directory, this.today()));
    return view;
  }

  async updateProduct(ctx: RequestContext, id: string, changes: ProductChanges): Promise<ProductView> {
    const row = await this.repo.product(id);
    if (!row) throw notFound('Product');
    await this.checkManages(ctx, row.seller_id, 'productId');
    if (changes.brandId !== undefined) await this.checkBrand(row.seller_id, changes.brandId);
    checkGtin(changes.gtin);
    const next: ProductRow = {
      ...row,
      ...(changes.categoryId !== undefined && { category_id: changes.categoryId }),
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.subtitle !== undefined && { subtitle: changes.subtitle }),
      ...(changes.description !== undefined && { description: changes.description }),
      ...(changes.brandId !== undefined && { brand_id: changes.brandId }),
      ...(changes.gtin !== undefined && { gtin: changes.gtin }),
      ...(changes.status !== undefined && { status: changes.status }),
      updated_at: this.clock.now().toISOString(),
    };
    await this.repo.write(async (trx) => {
      if (changes.categoryId && !(await trx.selectFrom('catalog_categories').select('id').where('id', '=', changes.categoryId).executeTakeFirst())) throw invalidField('body.categoryId', 'no such category');
      const { id: _id, ...values } = next;
      await trx.updateTable('catalog_products').set(values).where('id', '=', id).execute();
      await indexProduct(trx, next);
      await recordAudit(trx, ctx, { action: 'product.updated', entityType: 'product', entityId: id, details: changes });
    });
    return this.view(next);
  }

  /** Counts stock at a place; what is already reserved stays reserved, so on hand may not drop below it. */
  async setStock(ctx: RequestContext, skuId: string, location: StockLocation, onHand: number): Promise<void> {
    const sku = await this.repo.db.selectFrom('catalog_skus as k').innerJoin('catalog_products as p', 'p.id', 'k.product_id').select(['k.id', 'p.seller_id']).where('k.id', '=', skuId).executeTakeFirst();
    if (!sku) throw notFound('SKU');
    await this.checkManages(ctx, sku.seller_id, 'skuId');
    await this.repo.write(async (trx) => {
      const current = await trx.selectFrom('catalog_stock').selectAll().where('sku_id', '=', skuId).where('location', '=', location).executeTakeFirst();
      if (current && onHand < current.reserved) throw invalidField('body.onHand', `${current.reserved} are reserved by open orders; on hand cannot be less`, 'STOCK_BELOW_RESERVED');
      if (current) await trx.updateTable('catalog_stock').set({ on_hand: onHand }).where('sku_id', '=', skuId).where('location', '=', location).execute();
      else await trx.insertInto('catalog_stock').values({ sku_id: skuId, location, on_hand: onHand, reserved: 0, frozen: 0 }).execute();
      await recordAudit(trx, ctx, { action: 'stock.counted', entityType: 'sku', entityId: skuId, details: { location, onHand, before: current?.on_hand ?? 0 } });
    });
  }

  /** A SKU with its product and seller, for those who link stock to it; null when it does not exist. */
  async skuOwner(skuId: string, db: AnyKysely = this.repo.db): Promise<{ skuId: string; spec: string; unit: string; netWeightG: number; priceFen: number; active: boolean; productId: string; productName: string; sellerId: string; gtin: string | null } | null> {
    const sku = await (db as Kysely<CatalogTables>).selectFrom('catalog_skus as k').innerJoin('catalog_products as p', 'p.id', 'k.product_id').select(['k.id', 'k.spec', 'k.unit', 'k.net_weight_g', 'k.price_fen', 'k.active', 'p.id as product_id', 'p.name', 'p.seller_id', 'p.gtin']).where('k.id', '=', skuId).executeTakeFirst();
    return sku ? { skuId: sku.id, spec: sku.spec, unit: sku.unit, netWeightG: sku.net_weight_g, priceFen: sku.price_fen, active: sku.active === 1, productId: sku.product_id, productName: sku.name, sellerId: sku.seller_id, gtin: sku.gtin } : null;
  }

  /** Puts a harvest batch's units on the shelf, inside the caller's transaction (the caller checked who asks). */
  async addStock(trx: AnyKysely, skuId: string, location: StockLocation, quantity: number): Promise<void> {
    const db = trx as Kysely<CatalogTables>;
    const result = await db.updateTable('catalog_stock').set((eb) => ({ on_hand: eb('on_hand', '+', quantity) })).where('sku_id', '=', skuId).where('location', '=', location).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) await db.insertInto('catalog_stock').values({ sku_id: skuId, location, on_hand: quantity, reserved: 0, frozen: 0 }).execute();
  }

  /** A product's certifications in force today, from the catalogue snapshot (the public scan page shows them). */
  async certificationsOf(productId: string): Promise<{ kind: string; number: string; issuer: string; validTo: string }[]> {
    return (await this.repo.view()).certificationsOf([productId], this.today()).map((c) => ({ kind: c.kind, number: c.number, issuer: c.issuer, validTo: c.valid_to }));
  }

  /** Holds stock for a recall: it stays counted but can no longer be sold. Inside the caller's transaction. */
  async freezeStock(trx: AnyKysely, skuId: string, location: StockLocation, quantity: number): Promise<void> {
    await (trx as Kysely<CatalogTables>).updateTable('catalog_stock').set((eb) => ({ frozen: eb('frozen', '+', quantity) })).where('sku_id', '=', skuId).where('location', '=', location).execute();
  }

  async addCertification(ctx: RequestContext, productId: string, input: CertificationInput) {
    const row = await this.repo.product(productId);
    if (!row) throw notFound('Product');
    await this.checkManages(ctx, row.seller_id, 'productId');
    if (input.validTo < input.validFrom) throw invalidField('body.validTo', 'must not be before validFrom');
    const cert = { id: newId('crt'), product_id: productId, kind: input.kind, number: input.number, issuer: input.issuer, valid_from: input.validFrom, valid_to: input.validTo, created_at: this.clock.now().toISOString() };
    await this.repo.write(async (trx) => {
      await trx.insertInto('catalog_certifications').values(cert).execute();
      await recordAudit(trx, ctx, { action: 'product.certified', entityType: 'product', entityId: productId, details: input });
    });
    return { id: cert.id, kind: cert.kind, number: cert.number, issuer: cert.issuer, validFrom: cert.valid_from, validTo: cert.valid_to };
  }

  // ---- stock for orders: each runs inside the caller's transaction ----

  /**
   * Prices and reserves order lines: the SKU must be active, its product listed and its seller selling. Each
   * line is reserved at one place with enough available by a conditional update, so concurrent buyers can never
   * take more than there is: the county warehouse first, then the seller's own, then a station's (代卖 consignment).
   * Lines are taken in SKU order so two transactions never wait on each other.
   */
  async reserve(trx: AnyKysely, lines: { skuId: string; quantity: number }[]): Promise<ReservedLine[]> {
    const db = trx as Kysely<CatalogTables>;
    const selling = await this.directory.sellingSellers(trx);
    const reserved: ReservedLine[] = [];
    for (const [index, line] of [...lines.entries()].sort((a, b) => a[1].skuId.localeCompare(b[1].skuId))) {
      const field = `body.items.${index}`;
      const sku = await db
        .selectFrom('catalog_skus as k')
        .innerJoin('catalog_products as p', 'p.id', 'k.product_id')
        .select(['k.id', 'k.spec', 'k.price_fen', 'k.active', 'p.id as product_id', 'p.name', 'p.seller_id', 'p.status'])
        .where('k.id', '=', line.skuId)
        .executeTakeFirst();
      if (!sku || sku.active !== 1 || sku.status !== 'listed' || !selling.has(sku.seller_id)) {
        throw new AppError(409, 'NOT_ON_SALE', `${field}.skuId: ${line.skuId} is not on sale`, { field: `${field}.skuId` });
      }
      let location: StockLocation | null = null;
      for (const place of STOCK_LOCATIONS) {
        const result = await db
          .updateTable('catalog_stock')
          .set((eb) => ({ reserved: eb('reserved', '+', line.quantity) }))
          .where('sku_id', '=', line.skuId)
          .where('location', '=', place)
          .where((eb) => eb(eb(eb('on_hand', '-', eb.ref('reserved')), '-', eb.ref('frozen')), '>=', line.quantity))
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 1) {
          location = place;
          break;
        }
      }
      if (!location) {
        const held = await db.selectFrom('catalog_stock').select((eb) => eb.fn.sum<number>('frozen').as('frozen')).where('sku_id', '=', line.skuId).executeTakeFirst();
        if (Number(held?.frozen ?? 0) > 0) throw new AppError(409, 'STOCK_RECALLED', `${field}.quantity: ${sku.name} ${sku.spec} is held by a recall and cannot be sold`, { field: `${field}.quantity`, skuId: line.skuId });
        throw new AppError(409, 'STOCK_INSUFFICIENT', `${field}.quantity: not enough ${sku.name} ${sku.spec} left`, { field: `${field}.quantity`, skuId: line.skuId });
      }
      reserved[index] = { skuId: sku.id, productId: sku.product_id, sellerId: sku.seller_id, productName: sku.name, spec: sku.spec, unitPriceFen: sku.price_fen, quantity: line.quantity, location };
    }
    return reserved;
  }

  /**
   * What a SKU is and who sells it, for a presale campaign; null when it does not exist. `onSale` as `reserve`
   * decides it: the SKU active, its product listed, its seller selling.
   */
  async skuInfo(db: AnyKysely, skuId: string): Promise<(Omit<ReservedLine, 'quantity' | 'location'> & { onSale: boolean }) | null> {
    const sku = await (db as Kysely<CatalogTables>)
      .selectFrom('catalog_skus as k')
      .innerJoin('catalog_products as p', 'p.id', 'k.product_id')
      .select(['k.id', 'k.spec', 'k.price_fen', 'k.active', 'p.id as product_id', 'p.name', 'p.seller_id', 'p.status'])
      .where('k.id', '=', skuId)
      .executeTakeFirst();
    if (!sku) return null;
    const onSale = sku.active === 1 && sku.status === 'listed' && (await this.directory.sellingSellers(db)).has(sku.seller_id);
    return { skuId: sku.id, productId: sku.product_id, sellerId: sku.seller_id, productName: sku.name, spec: sku.spec, unitPriceFen: sku.price_fen, onSale };
  }

  /** Gives reserved stock back (an order cancelled or expired). */
  async release(trx: AnyKysely, lines: { skuId: string; location: StockLocation; quantity: number }[]): Promise<void> {
    for (const line of lines) {
      await (trx as Kysely<CatalogTables>)
        .updateTable('catalog_stock')
        .set((eb) => ({ reserved: eb('reserved', '-', line.quantity) }))
        .where('sku_id', '=', line.skuId)
        .where('location', '=', line.location)
        .execute();
    }
  }

  /** Stock leaves with a shipment: off the shelf and out of the reservation together. */
  async consume(trx: AnyKysely, lines: { skuId: string; location: StockLocation; quantity: number }[]): Promise<void> {
    for (const line of lines) {
      await (trx as Kysely<CatalogTables>)
        .updateTable('catalog_stock')
        .set((eb) => ({ reserved: eb('reserved', '-', line.quantity), on_hand: eb('on_hand', '-', line.quantity) }))
        .where('sku_id', '=', line.skuId)
        .where('location', '=', line.location)
        .execute();
    }
  }

  /** The county curates 鲁甸特色馆. (鲁甸扶贫馆 follows the household links by itself.) */
  async setSpecialty(ctx: RequestContext, productId: string, inPavilion: boolean): Promise<void> {
    requireRole(ctx, 'county_admin');
    await this.repo.write(async (trx) => {
      const result = await trx.updateTable('catalog_products').set({ in_specialty_pavilion: inPavilion ? 1 : 0 }).where('id', '=', productId).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notFound('Product');
      await recordAudit(trx, ctx, { action: inPavilion ? 'pavilion.added' : 'pavilion.removed', entityType: 'product', entityId: productId, details: { pavilion: 'specialty' } });
    });
  }

  /** A product for its managers and the county office, whatever its state. */
  async manage(ctx: RequestContext, id: string): Promise<ProductView> {
    const row = await this.repo.product(id);
    if (!row) throw notFound('Product');
    if (!hasRole(ctx, 'county_admin', 'regulator')) await this.checkManages(ctx, row.seller_id, 'productId').catch(() => { throw notFound('Product'); });
    return this.view(row);
  }

  /** Products of the sellers you manage (all for the county office and regulators), newest first. */
  private async managedRows(ctx: RequestContext, sellerId?: string): Promise<ProductRow[]> {
    const principal = signedIn(ctx);
    const all = hasRole(ctx, 'county_admin', 'regulator');
    const mine = all ? undefined : await this.directory.managedBy(principal.userId);
    if (sellerId && mine && !mine.includes(sellerId)) throw forbidden('You do not manage this seller');
    return (await this.repo.view()).products({ sellerIds: sellerId ? [sellerId] : mine });
  }

  /** Every product of the sellers you manage (for flows that need them all). */
  async listManaged(ctx: RequestContext, sellerId?: string): Promise<ProductView[]> {
    const rows = await this.managedRows(ctx, sellerId);
    return buildViews(this.repo, rows, await loadViewContext(this.repo, this.directory, this.today()));
  }

  /** Products of the sellers you manage, newest first, a page at a time. */
  async pageManaged(ctx: RequestContext, sellerId: string | undefined, page: Paging): Promise<PageResult<ProductView>> {
    const { items, nextCursor } = pageOf(await this.managedRows(ctx, sellerId), (p) => [p.id], { ...page, descending: true });
    return { items: await buildViews(this.repo, items, await loadViewContext(this.repo, this.directory, this.today())), nextCursor };
  }
}
