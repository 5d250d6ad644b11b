import type { Kysely } from 'kysely';
import type { CatalogTables, CategoryRow, ProductRow } from './catalog.tables.js';
import { indexTermsOf, SEARCH_INDEX_VERSION } from './search.js';

/** Rows per insert: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/** A category's name followed by its parents' (苹果 水果), so a product is found by its whole category path. */
function categoryPath(categories: Map<string, CategoryRow>, id: string): string {
  const names: string[] = [];
  for (let c = categories.get(id), depth = 0; c && depth < 10; c = c.parent_id ? categories.get(c.parent_id) : undefined, depth++) names.push(c.name);
  return names.join(' ');
}

async function writeTerms(trx: Kysely<CatalogTables>, rows: { term: string; product_id: string; weight: number }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto('catalog_search_terms').values(rows.slice(i, i + CHUNK)).execute();
}

function termRows(product: ProductRow, categories: Map<string, CategoryRow>, brands: Map<string, string>) {
  const terms = indexTermsOf({
    name: product.name,
    subtitle: product.subtitle,
    description: product.description,
    category: categoryPath(categories, product.category_id),
    brand: product.brand_id ? brands.get(product.brand_id) : undefined,
  });
  return [...terms].map(([term, weight]) => ({ term, product_id: product.id, weight }));
}

async function lookups(trx: Kysely<CatalogTables>) {
  const [categories, brands] = await Promise.all([trx.selectFrom('catalog_categories').selectAll().execute(), trx.selectFrom('catalog_brands').select(['id', 'name']).execute()]);
  return { categories: new Map(categories.map((c) => [c.id, c])), brands: new Map(brands.map((b) => [b.id, b.name])) };
}

/** Rebuilds one product's search terms; call inside the writing transaction. */
export async function indexProduct(trx: Kysely<CatalogTables>, product: ProductRow): Promise<void> {
  const { categories, brands } = await lookups(trx);
  await trx.deleteFrom('catalog_search_terms').where('product_id', '=', product.id).execute();
  await writeTerms(trx, termRows(product, categories, brands));
}

/**
 * Rebuilds every product's terms when they were built with older rules; inside the caller's transaction. The
 * version is claimed first with a guarded update, so of several processes starting together one rebuilds.
 * Answers whether it rebuilt.
 */
export async function rebuildIfStale(trx: Kysely<CatalogTables>): Promise<boolean> {
  const claimed = await trx.updateTable('catalog_revision').set({ search_version: SEARCH_INDEX_VERSION }).where('id', '=', 1).where('search_version', '<', SEARCH_INDEX_VERSION).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) return false;
  const { categories, brands } = await lookups(trx);
  const products = await trx.selectFrom('catalog_products').selectAll().orderBy('id').execute();
  await trx.deleteFrom('catalog_search_terms').execute();
  await writeTerms(trx, products.flatMap((p) => termRows(p, categories, brands)));
  return true;
}
