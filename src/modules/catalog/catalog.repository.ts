import type { Kysely } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import type { BrandLicenceRow, BrandRow, CatalogTables, CategoryRow, CertificationRow, PhotoRow, ProductRow } from './catalog.tables.js';

/** The catalogue as reads need it (a county sells hundreds of products, not millions). Stock is not in it. */
interface Snapshot {
  revision: number;
  products: ProductRow[];
  byId: Map<string, ProductRow>;
  categories: CategoryRow[];
  brands: BrandRow[];
  licences: BrandLicenceRow[];
  certifications: CertificationRow[];
  photos: PhotoRow[];
  /** term → products carrying it, with weights. */
  terms: Map<string, { productId: string; weight: number }[]>;
}

/**
 * Data access for the catalogue. Reads come from a snapshot checked against `catalog_revision` on every call;
 * every catalogue write bumps it in its own transaction (`write`), so other processes see it on their next read.
 * Stock is read live, since orders move it all the time.
 */
export class CatalogRepository {
  readonly db: Kysely<CatalogTables>;
  private snapshot?: Snapshot;

  constructor(db: AnyKysely) {
    this.db = db as Kysely<CatalogTables>;
  }

  /** A catalogue write: one transaction that also marks the catalogue changed. */
  write<T>(work: (trx: Kysely<CatalogTables>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const result = await work(trx);
      await trx.updateTable('catalog_revision').set((eb) => ({ revision: eb('revision', '+', 1) })).where('id', '=', 1).execute();
      return result;
    });
  }

  private async current(): Promise<Snapshot> {
    // Revision first: what is read after it is at least as new, so a snapshot is never older than its tag.
    const { revision } = await this.db.selectFrom('catalog_revision').select('revision').where('id', '=', 1).executeTakeFirstOrThrow();
    if (this.snapshot?.revision === revision) return this.snapshot;
    const [products, categories, brands, licences, certifications, photos, termRows] = await Promise.all([
      this.db.selectFrom('catalog_products').selectAll().orderBy('id', 'desc').execute(),
      this.db.selectFrom('catalog_categories').selectAll().orderBy('sort').orderBy('id').execute(),
      this.db.selectFrom('catalog_brands').selectAll().orderBy('name').execute(),
      this.db.selectFrom('catalog_brand_licences').selectAll().orderBy('valid_from', 'desc').execute(),
      this.db.selectFrom('catalog_certifications').selectAll().orderBy('id').execute(),
      this.db.selectFrom('catalog_photos').selectAll().orderBy('sort').execute(),
      this.db.selectFrom('catalog_search_terms').selectAll().execute(),
    ]);
    const terms = new Map<string, { productId: string; weight: number }[]>();
    for (const t of termRows) terms.set(t.term, [...(terms.get(t.term) ?? []), { productId: t.product_id, weight: t.weight }]);
    this.snapshot = { revision, products, byId: new Map(products.map((p) => [p.id, p])), categories, brands, licences, certifications, photos, terms };
    return this.snapshot;
  }

  async product(id: string): Promise<ProductRow | undefined> {
    return (await this.current()).byId.get(id);
  }

  /** Products newest first. */
  async products(filter: { sellerIds?: string[]; status?: ProductRow['status']; categoryIds?: string[]; specialty?: boolean; originPrefix?: string }): Promise<ProductRow[]> {
    const sellers = filter.sellerIds && new Set(filter.sellerIds);
    const categories = filter.categoryIds && new Set(filter.categoryIds);
    return (await this.current()).products.filter(
      (p) =>
        (!sellers || sellers.has(p.seller_id)) &&
        (!filter.status || p.status === filter.status) &&
        (!categories || categories.has(p.category_id)) &&
        (!filter.specialty || p.in_specialty_pavilion === 1) &&
        (!filter.originPrefix || p.origin_code.startsWith(filter.originPrefix)),
    );
  }

  async categories() {
    return (await this.current()).categories;
  }

  async brands() {
    return (await this.current()).brands;
  }

  async licences(brandId: string) {
    return (await this.current()).licences.filter((l) => l.brand_id === brandId);
  }

  async photosOf(productIds: string[]) {
    const ids = new Set(productIds);
    return (await this.current()).photos.filter((p) => ids.has(p.product_id));
  }

  /** SKUs with what is available over all locations, read live. */
  async skusOf(productIds: string[]) {
    if (productIds.length === 0) return [];
    return this.db
      .selectFrom('catalog_skus as k')
      .leftJoin('catalog_stock as s', 's.sku_id', 'k.id')
      .select(['k.id', 'k.product_id', 'k.spec', 'k.unit', 'k.net_weight_g', 'k.price_fen', 'k.active'])
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>(eb.ref('s.on_hand')), eb.val(0)).as('on_hand'))
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>(eb.ref('s.reserved')), eb.val(0)).as('reserved'))
      .where('k.product_id', 'in', productIds)
      .groupBy(['k.id', 'k.product_id', 'k.spec', 'k.unit', 'k.net_weight_g', 'k.price_fen', 'k.active'])
      .orderBy('k.price_fen')
      .execute();
  }

  async certificationsOf(productIds: string[], date: string) {
    const ids = new Set(productIds);
    return (await this.current()).certifications.filter((c) => ids.has(c.product_id) && c.valid_from <= date && c.valid_to >= date);
  }

  /** Licences in force on a date, as `${brandId}:${sellerId}`. */
  async licencesInForce(date: string): Promise<Set<string>> {
    const rows = (await this.current()).licences.filter((l) => l.valid_from <= date && l.valid_to >= date && l.revoked_at === null);
    return new Set(rows.map((r) => `${r.brand_id}:${r.seller_id}`));
  }

  /** Products matching any of the terms, with the sum of their weights. */
  async searchScores(terms: string[]): Promise<Map<string, number>> {
    const { terms: index } = await this.current();
    const scores = new Map<string, number>();
    for (const term of terms) for (const hit of index.get(term) ?? []) scores.set(hit.productId, (scores.get(hit.productId) ?? 0) + hit.weight);
    return scores;
  }
}
