import type { Kysely } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import { RevisionedCache } from '../../kernel/read-cache.js';
import type { BrandLicenceRow, BrandRow, CatalogTables, CategoryRow, CertificationRow, PhotoRow, ProductRow, SkuRow } from './catalog.tables.js';

/** The catalogue as reads need it (a county sells hundreds of products, not millions). Stock is not in it. */
interface Snapshot {
  products: ProductRow[];
  byId: Map<string, ProductRow>;
  categories: CategoryRow[];
  brands: BrandRow[];
  licences: BrandLicenceRow[];
  certifications: CertificationRow[];
  photos: PhotoRow[];
  /** SKUs by product, cheapest first. */
  skus: Map<string, SkuRow[]>;
  /** term → products carrying it, with weights. */
  terms: Map<string, { productId: string; weight: number }[]>;
}

/** Reads the whole catalogue into one snapshot. */
async function loadSnapshot(anyDb: AnyKysely): Promise<Snapshot> {
  const db = anyDb as Kysely<CatalogTables>;
  const [products, categories, brands, licences, certifications, photos, termRows, skuRows] = await Promise.all([
    db.selectFrom('catalog_products').selectAll().orderBy('id', 'desc').execute(),
    db.selectFrom('catalog_categories').selectAll().orderBy('sort').orderBy('id').execute(),
    db.selectFrom('catalog_brands').selectAll().orderBy('name').execute(),
    db.selectFrom('catalog_brand_licences').selectAll().orderBy('valid_from', 'desc').execute(),
    db.selectFrom('catalog_certifications').selectAll().orderBy('id').execute(),
    db.selectFrom('catalog_photos').selectAll().orderBy('sort').execute(),
    db.selectFrom('catalog_search_terms').selectAll().execute(),
    db.selectFrom('catalog_skus').selectAll().orderBy('price_fen').orderBy('id').execute(),
  ]);
  const skus = new Map<string, SkuRow[]>();
  for (const k of skuRows) skus.set(k.product_id, [...(skus.get(k.product_id) ?? []), k]);
  const terms = new Map<string, { productId: string; weight: number }[]>();
  for (const t of termRows) terms.set(t.term, [...(terms.get(t.term) ?? []), { productId: t.product_id, weight: t.weight }]);
  return { products, byId: new Map(products.map((p) => [p.id, p])), categories, brands, licences, certifications, photos, skus, terms };
}

/**
 * Data access for the catalogue. Reads come from a snapshot kept by the kernel's read cache, checked against
 * `catalog_revision` on every call; every catalogue write bumps it in its own transaction (`write`), so
 * other processes see it on their next read. Stock is read live, since orders move it all the time.
 */
export class CatalogRepository {
  readonly db: Kysely<CatalogTables>;
  private readonly snapshot: RevisionedCache<Snapshot>;

  constructor(db: AnyKysely) {
    this.db = db as Kysely<CatalogTables>;
    this.snapshot = new RevisionedCache(db, 'catalog_revision', loadSnapshot);
  }

  /** A catalogue write: one transaction that also marks the catalogue changed. */
  write<T>(work: (trx: Kysely<CatalogTables>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const result = await work(trx);
      await this.snapshot.bump(trx);
      return result;
    });
  }

  private current(): Promise<Snapshot> {
    return this.snapshot.read();
  }

  /** The catalogue as of now: take it once per request and ask it everything. */
  async view(): Promise<CatalogView> {
    return new CatalogView(await this.current());
  }

  async product(id: string): Promise<ProductRow | undefined> {
    return (await this.current()).byId.get(id);
  }

  /** Units sold of every product that has sold any, read live like stock (a county sells hundreds of products). */
  async unitsSold(): Promise<Map<string, number>> {
    const rows = await this.db.selectFrom('catalog_sales').selectAll().where('units_sold', '>', 0).execute();
    return new Map(rows.map((r) => [r.product_id, Number(r.units_sold)]));
  }

  /** SKUs of the products with what is available (on hand − reserved − frozen) over all places, read live. */
  async skusOf(productIds: string[], view?: CatalogView) {
    const catalogue = view ?? (await this.view());
    const skus = productIds.flatMap((id) => catalogue.skusOf(id));
    if (skus.length === 0) return [];
    const stock = await this.db.selectFrom('catalog_stock').select(['sku_id', 'on_hand', 'reserved', 'frozen']).where('sku_id', 'in', skus.map((k) => k.id)).execute();
    return skus.map((k) => {
      const here = stock.filter((s) => s.sku_id === k.id);
      // Per place, never below zero: units held (frozen) beyond what is on hand at a place are not for sale anywhere else.
      return { ...k, available: here.reduce((n, s) => n + Math.max(0, Number(s.on_hand) - Number(s.reserved) - Number(s.frozen)), 0) };
    });
  }
}

/** Questions to one snapshot of the catalogue; all answered in memory. */
export class CatalogView {
  constructor(private readonly s: Snapshot) {}

  product(id: string): ProductRow | undefined {
    return this.s.byId.get(id);
  }

  /** Products newest first. */
  products(filter: { sellerIds?: string[]; status?: ProductRow['status']; categoryIds?: string[]; specialty?: boolean; originPrefix?: string }): ProductRow[] {
    const sellers = filter.sellerIds && new Set(filter.sellerIds);
    const categories = filter.categoryIds && new Set(filter.categoryIds);
    return this.s.products.filter(
      (p) =>
        (!sellers || sellers.has(p.seller_id)) &&
        (!filter.status || p.status === filter.status) &&
        (!categories || categories.has(p.category_id)) &&
        (!filter.specialty || p.in_specialty_pavilion === 1) &&
        (!filter.originPrefix || p.origin_code.startsWith(filter.originPrefix)),
    );
  }

  get categories(): CategoryRow[] {
    return this.s.categories;
  }

  get brands(): BrandRow[] {
    return this.s.brands;
  }

  skusOf(productId: string): SkuRow[] {
    return this.s.skus.get(productId) ?? [];
  }

  licences(brandId: string): BrandLicenceRow[] {
    return this.s.licences.filter((l) => l.brand_id === brandId);
  }

  photosOf(productIds: string[]): PhotoRow[] {
    const ids = new Set(productIds);
    return this.s.photos.filter((p) => ids.has(p.product_id));
  }

  certificationsOf(productIds: string[], date: string): CertificationRow[] {
    const ids = new Set(productIds);
    return this.s.certifications.filter((c) => ids.has(c.product_id) && c.valid_from <= date && c.valid_to >= date);
  }

  /** Licences in force on a date, as `${brandId}:${sellerId}`. */
  licencesInForce(date: string): Set<string> {
    return new Set(this.s.licences.filter((l) => l.valid_from <= date && l.valid_to >= date && l.revoked_at === null).map((l) => `${l.brand_id}:${l.seller_id}`));
  }

  /** Products matching any of the terms, with the sum of their weights. */
  searchScores(terms: string[]): Map<string, number> {
    const scores = new Map<string, number>();
    for (const term of terms) for (const hit of this.s.terms.get(term) ?? []) scores.set(hit.productId, (scores.get(hit.productId) ?? 0) + hit.weight);
    return scores;
  }
}
