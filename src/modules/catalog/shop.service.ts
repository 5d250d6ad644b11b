import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import { notFound } from '../../kernel/errors.js';
import { decodeCursor, encodeCursor } from '../../kernel/http/paging.js';
import type { CatalogRepository } from './catalog.repository.js';
import type { ProductView, SearchFilter } from './catalog.schema.js';
import type { ProductRow } from './catalog.tables.js';
import type { MarketDirectory } from './directory.js';
import { brandShown, buildViews, inPovertyPavilion, isOnSale, loadViewContext } from './product-views.js';
import { characterTerms, queryTerms } from './search.js';
import { withAncestors, withDescendants } from './category-tree.js';
import { sortProducts } from './shop-sort.js';

interface FacetValue {
  value: string;
  label: string;
  count: number;
}

function countBy(rows: ProductRow[], keyOf: (row: ProductRow) => string[], labelOf: (key: string) => string): FacetValue[] {
  const counts = new Map<string, number>();
  for (const row of rows) for (const key of keyOf(row)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, label: labelOf(value), count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** What shoppers see: products on sale, searched in Chinese, filtered, with facets. Needs no sign-in. */
export class ShopService {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly directory: MarketDirectory,
    private readonly clock: Clock,
  ) {}

  async search(filter: SearchFilter, limit: number, cursor?: string) {
    const vc = await loadViewContext(this.repo, this.directory, shanghaiDate(this.clock.now()));
    const categories = vc.catalogue.categories;
    const categoryIds = filter.categoryId ? withDescendants(categories, filter.categoryId) : undefined;

    let rows = vc.catalogue.products({ status: 'listed', sellerIds: [...vc.selling.keys()], categoryIds, specialty: filter.pavilion === 'specialty', originPrefix: filter.townshipCode });
    let scores = new Map<string, number>();
    if (filter.q?.trim()) {
      // Words first; a query none of whose words is found anywhere is looked up by its characters (椒盐 → 椒).
      const terms = queryTerms(filter.q);
      const listed = rows;
      scores = vc.catalogue.searchScores(terms);
      rows = listed.filter((r) => scores.has(r.id));
      if (rows.length === 0) {
        scores = vc.catalogue.searchScores(characterTerms(terms));
        rows = listed.filter((r) => scores.has(r.id));
      }
    }
    if (filter.brandId) rows = rows.filter((r) => r.brand_id === filter.brandId && brandShown(r, vc));
    if (filter.pavilion === 'poverty') rows = rows.filter((r) => inPovertyPavilion(r, vc));
    const lowest = new Map<string, number>();
    for (const r of rows) {
      const prices = vc.catalogue.skusOf(r.id).filter((k) => k.active === 1).map((k) => k.price_fen);
      if (prices.length) lowest.set(r.id, Math.min(...prices));
    }
    if (filter.minPriceFen !== undefined || filter.maxPriceFen !== undefined) {
      rows = rows.filter((r) => {
        const price = lowest.get(r.id);
        return price !== undefined && price >= (filter.minPriceFen ?? 0) && price <= (filter.maxPriceFen ?? Number.MAX_SAFE_INTEGER);
      });
    }
    rows = sortProducts(rows, filter.sort ?? 'relevance', { scores, unitsSold: vc.sold, lowestPrice: lowest });

    const offset = Number(decodeCursor(cursor) ?? 0);
    const page = rows.slice(offset, offset + limit);
    const categoryById = new Map(categories.map((c) => [c.id, c]));
    return {
      items: await buildViews(this.repo, page, vc),
      nextCursor: offset + limit < rows.length ? encodeCursor(String(offset + limit)) : null,
      total: rows.length,
      facets: {
        // Each product counts in its category and every one above it, so the facet reads as a tree.
        category: countBy(rows, (r) => withAncestors(categoryById, r.category_id), (id) => categoryById.get(id)?.name ?? id).map((v) => ({ ...v, parentId: categoryById.get(v.value)?.parent_id ?? null })),
        brand: countBy(rows, (r) => (brandShown(r, vc) ? [r.brand_id!] : []), (id) => vc.brandNames.get(id) ?? id),
        pavilion: countBy(rows, (r) => [...(r.in_specialty_pavilion === 1 ? ['specialty'] : []), ...(inPovertyPavilion(r, vc) ? ['poverty'] : [])], (p) => (p === 'specialty' ? '鲁甸特色馆' : '鲁甸扶贫馆')),
        township: countBy(rows, (r) => [r.origin_code.slice(0, 9)], (code) => code),
      },
    };
  }

  /** A product page: only while it is on sale. */
  async product(id: string): Promise<ProductView> {
    const row = await this.repo.product(id);
    const vc = await loadViewContext(this.repo, this.directory, shanghaiDate(this.clock.now()));
    if (!row || !isOnSale(row, vc)) throw notFound('Product');
    const [view] = await buildViews(this.repo, [row], vc);
    return view;
  }
}
