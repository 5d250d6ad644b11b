import type { Kysely } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import type { CatalogTables, ProductRow } from './catalog.tables.js';

/** Data access for the catalogue; loaders take many product ids at once so a page costs a fixed number of queries. */
export class CatalogRepository {
  readonly db: Kysely<CatalogTables>;
  constructor(db: AnyKysely) {
    this.db = db as Kysely<CatalogTables>;
  }

  product(id: string, db = this.db) {
    return db.selectFrom('catalog_products').selectAll().where('id', '=', id).executeTakeFirst();
  }

  products(filter: { ids?: string[]; sellerIds?: string[]; status?: ProductRow['status']; categoryIds?: string[]; brandId?: string; specialty?: boolean; originPrefix?: string }) {
    let q = this.db.selectFrom('catalog_products').selectAll();
    if (filter.ids) q = q.where('id', 'in', filter.ids.length ? filter.ids : ['']);
    if (filter.sellerIds) q = q.where('seller_id', 'in', filter.sellerIds.length ? filter.sellerIds : ['']);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.categoryIds) q = q.where('category_id', 'in', filter.categoryIds.length ? filter.categoryIds : ['']);
    if (filter.brandId) q = q.where('brand_id', '=', filter.brandId);
    if (filter.specialty) q = q.where('in_specialty_pavilion', '=', 1);
    if (filter.originPrefix) q = q.where('origin_code', 'like', `${filter.originPrefix}%`);
    return q.orderBy('id', 'desc').execute();
  }

  /** SKUs with what is available over all locations. */
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

  certificationsOf(productIds: string[], date: string) {
    if (productIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('catalog_certifications').selectAll().where('product_id', 'in', productIds).where('valid_from', '<=', date).where('valid_to', '>=', date).execute();
  }

  /** Licences in force on a date, as `${brandId}:${sellerId}`. */
  async licencesInForce(date: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('catalog_brand_licences')
      .select(['brand_id', 'seller_id'])
      .where('valid_from', '<=', date)
      .where('valid_to', '>=', date)
      .where('revoked_at', 'is', null)
      .execute();
    return new Set(rows.map((r) => `${r.brand_id}:${r.seller_id}`));
  }

  /** Products matching any of the terms, with the sum of their weights. */
  searchScores(terms: string[]) {
    return this.db
      .selectFrom('catalog_search_terms')
      .select(['product_id'])
      .select((eb) => eb.fn.sum<number>('weight').as('score'))
      .where('term', 'in', terms)
      .groupBy('product_id')
      .execute();
  }
}
