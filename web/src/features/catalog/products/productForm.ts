import type { NewProduct, Product, ProductChanges, StockLocation } from '../../../api/catalog.js';
import { yuanToFen } from '../../../app/format.js';

export interface SkuValues {
  spec: string;
  unit: string;
  netWeightG: number | null;
  /** In yuan as people type it; sent in fen. */
  priceYuan: number | null;
  stock: number | null;
  location: StockLocation;
}

export interface ProductValues {
  sellerId?: string;
  categoryId?: string;
  name: string;
  subtitle: string;
  description: string;
  townshipCode?: string;
  villageCode?: string;
  brandId?: string | null;
  gtin: string;
  status: 'draft' | 'listed';
  skus: SkuValues[];
}

export const emptySku = (): SkuValues => ({ spec: '', unit: '', netWeightG: null, priceYuan: null, stock: 0, location: 'seller' });

export const emptyProduct = (sellerId?: string): ProductValues => ({
  sellerId,
  categoryId: undefined,
  name: '',
  subtitle: '',
  description: '',
  townshipCode: undefined,
  villageCode: undefined,
  brandId: null,
  gtin: '',
  status: 'draft',
  skus: [emptySku()],
});

/** A product as the edit form starts (its SKUs and origin are shown, not changed). */
export const productValues = (p: Product): ProductValues => ({
  sellerId: p.sellerId,
  categoryId: p.categoryId,
  name: p.name,
  subtitle: p.subtitle,
  description: p.description,
  townshipCode: p.originCode.slice(0, 9),
  villageCode: p.originCode.length === 12 ? p.originCode : undefined,
  brandId: p.brand?.id ?? null,
  gtin: p.gtin ?? '',
  status: p.status === 'listed' ? 'listed' : 'draft',
  skus: [],
});

export function toNewProduct(v: ProductValues): NewProduct {
  return {
    sellerId: v.sellerId!,
    categoryId: v.categoryId!,
    name: v.name.trim(),
    subtitle: v.subtitle.trim(),
    description: v.description.trim(),
    originCode: (v.villageCode || v.townshipCode)!,
    brandId: v.brandId || null,
    gtin: v.gtin.trim() || null,
    status: v.status,
    skus: v.skus.map((s) => ({ spec: s.spec.trim(), unit: s.unit.trim(), netWeightG: s.netWeightG!, priceFen: yuanToFen(s.priceYuan!), stock: s.stock ?? 0, location: s.location })),
  };
}

/** Only what changed; the brand is compared by id (null removes it). */
export function productChanges(before: Product, v: ProductValues): ProductChanges {
  const changes: ProductChanges = {};
  if (v.categoryId && v.categoryId !== before.categoryId) changes.categoryId = v.categoryId;
  if (v.name.trim() !== before.name) changes.name = v.name.trim();
  if (v.subtitle.trim() !== before.subtitle) changes.subtitle = v.subtitle.trim();
  if (v.description.trim() !== before.description) changes.description = v.description.trim();
  if ((v.brandId || null) !== (before.brand?.id ?? null)) changes.brandId = v.brandId || null;
  if ((v.gtin.trim() || null) !== before.gtin) changes.gtin = v.gtin.trim() || null;
  return changes;
}
