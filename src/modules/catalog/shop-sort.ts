import type { ProductRow } from './catalog.tables.js';

/** How the shop orders results: 综合 (best match, then best sellers), 销量, 价格 ↑ / ↓, 新品. */
export const SHOP_SORTS = ['relevance', 'sales', 'price_asc', 'price_desc', 'newest'] as const;
export type ShopSort = (typeof SHOP_SORTS)[number];

interface SortFacts {
  /** Search weight of each product found by the words; empty without words. */
  scores: Map<string, number>;
  unitsSold: Map<string, number>;
  /** The lowest active price of each product; a product with none goes last when sorting by price. */
  lowestPrice: Map<string, number>;
}

/**
 * Products in the order asked. Every order ends on the newest first (ids are time-ordered), so a page boundary never
 * depends on how the engine happened to return ties.
 */
export function sortProducts(rows: ProductRow[], sort: ShopSort, facts: SortFacts): ProductRow[] {
  const score = (r: ProductRow) => facts.scores.get(r.id) ?? 0;
  const sold = (r: ProductRow) => facts.unitsSold.get(r.id) ?? 0;
  const price = (r: ProductRow) => facts.lowestPrice.get(r.id);
  const newest = (a: ProductRow, b: ProductRow) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id);
  const byPrice = (dir: 1 | -1) => (a: ProductRow, b: ProductRow) => {
    const pa = price(a);
    const pb = price(b);
    if (pa === undefined || pb === undefined) return pa === pb ? 0 : pa === undefined ? 1 : -1;
    return (pa - pb) * dir;
  };
  const compare: Record<ShopSort, (a: ProductRow, b: ProductRow) => number> = {
    relevance: (a, b) => score(b) - score(a) || sold(b) - sold(a),
    sales: (a, b) => sold(b) - sold(a) || score(b) - score(a),
    price_asc: byPrice(1),
    price_desc: byPrice(-1),
    newest: () => 0,
  };
  return [...rows].sort((a, b) => compare[sort](a, b) || newest(a, b));
}
