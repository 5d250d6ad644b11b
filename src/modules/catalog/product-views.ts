import type { CatalogRepository, CatalogView } from './catalog.repository.js';
import type { ProductView } from './catalog.schema.js';
import type { ProductRow } from './catalog.tables.js';
import type { MarketDirectory } from './directory.js';
import { photoUrl } from './photos.service.js';

/** The facts every product view depends on, loaded once per request. */
export interface ViewContext {
  date: string;
  catalogue: CatalogView;
  selling: Map<string, string>;
  licences: Set<string>;
  poverty: { sellers: Set<string>; products: Set<string> };
  brandNames: Map<string, string>;
  /** Units sold (paid, not refunded) by product. */
  sold: Map<string, number>;
}

export async function loadViewContext(repo: CatalogRepository, directory: MarketDirectory, date: string): Promise<ViewContext> {
  const [catalogue, selling, poverty, sold] = await Promise.all([repo.view(), directory.sellingSellers(), directory.povertyLinks(date), repo.unitsSold()]);
  return { date, catalogue, selling, licences: catalogue.licencesInForce(date), poverty, brandNames: new Map(catalogue.brands.map((b) => [b.id, b.name])), sold };
}

export const isOnSale = (row: ProductRow, vc: ViewContext) => row.status === 'listed' && vc.selling.has(row.seller_id);
export const inPovertyPavilion = (row: ProductRow, vc: ViewContext) => vc.poverty.sellers.has(row.seller_id) || vc.poverty.products.has(row.id);
export const brandShown = (row: ProductRow, vc: ViewContext) => !!row.brand_id && vc.licences.has(`${row.brand_id}:${row.seller_id}`);

/** Full views of many products with three queries (SKUs with stock, certifications in force). */
export async function buildViews(repo: CatalogRepository, rows: ProductRow[], vc: ViewContext): Promise<ProductView[]> {
  const ids = rows.map((r) => r.id);
  const skus = await repo.skusOf(ids, vc.catalogue);
  const certs = vc.catalogue.certificationsOf(ids, vc.date);
  const photos = vc.catalogue.photosOf(ids);
  return rows.map((row) => {
    const own = skus.filter((k) => k.product_id === row.id);
    const active = own.filter((k) => k.active === 1);
    return {
      id: row.id,
      sellerId: row.seller_id,
      sellerName: vc.selling.get(row.seller_id) ?? null,
      categoryId: row.category_id,
      name: row.name,
      subtitle: row.subtitle,
      description: row.description,
      originCode: row.origin_code,
      brand: brandShown(row, vc) ? { id: row.brand_id!, name: vc.brandNames.get(row.brand_id!) ?? '' } : null,
      gtin: row.gtin,
      status: row.status,
      pavilions: [...(row.in_specialty_pavilion === 1 ? ['specialty' as const] : []), ...(inPovertyPavilion(row, vc) ? ['poverty' as const] : [])],
      certifications: certs
        .filter((c) => c.product_id === row.id)
        .map((c) => ({ id: c.id, kind: c.kind, number: c.number, issuer: c.issuer, validFrom: c.valid_from, validTo: c.valid_to })),
      skus: own.map((k) => ({ id: k.id, spec: k.spec, unit: k.unit, netWeightG: k.net_weight_g, priceFen: k.price_fen, available: k.available, active: k.active === 1 })),
      photos: photos.filter((p) => p.product_id === row.id).map((p) => ({ id: p.id, url: photoUrl(p.id, 'large'), thumbUrl: photoUrl(p.id, 'thumb'), width: p.width, height: p.height })),
      minPriceFen: active.length ? Math.min(...active.map((k) => k.price_fen)) : null,
      onSale: isOnSale(row, vc),
      unitsSold: vc.sold.get(row.id) ?? 0,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}
