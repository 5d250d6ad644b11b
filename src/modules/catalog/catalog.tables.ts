export const PRODUCT_STATUSES = ['draft', 'listed', 'unlisted'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** Where stock is held: the county warehouse, the seller's own, or a township station or village point (代卖 consignment). */
export const STOCK_LOCATIONS = ['county_warehouse', 'seller', 'station'] as const;
export type StockLocation = (typeof STOCK_LOCATIONS)[number];

/** 三品一标 still in force: green food, organic, geographical indication. */
export const CERT_KINDS = ['green_food', 'organic', 'geographical_indication'] as const;
export type CertKind = (typeof CERT_KINDS)[number];

export interface CategoryRow {
  id: string;
  name: string;
  parent_id: string | null;
  sort: number;
}

export interface ProductRow {
  id: string;
  seller_id: string;
  category_id: string;
  name: string;
  subtitle: string;
  description: string;
  /** Division code where it grows (village or township). */
  origin_code: string;
  /** A regional public brand it carries; shown only while the seller holds a valid licence. */
  brand_id: string | null;
  gtin: string | null;
  status: ProductStatus;
  /** Curated into 鲁甸特色馆 by the county. */
  in_specialty_pavilion: number;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface SkuRow {
  id: string;
  product_id: string;
  spec: string;
  unit: string;
  net_weight_g: number;
  price_fen: number;
  active: number;
}

/** Stock of one SKU at one place; what may be sold is on_hand − reserved − frozen (held by a recall). */
export interface StockRow {
  sku_id: string;
  location: StockLocation;
  on_hand: number;
  reserved: number;
  frozen: number;
}

export interface BrandRow {
  id: string;
  name: string;
  description: string;
  created_at: string;
}

export interface BrandLicenceRow {
  id: string;
  brand_id: string;
  seller_id: string;
  licence_no: string;
  valid_from: string;
  valid_to: string;
  revoked_at: string | null;
  created_at: string;
}

export interface CertificationRow {
  id: string;
  product_id: string;
  kind: CertKind;
  number: string;
  issuer: string;
  valid_from: string;
  valid_to: string;
  created_at: string;
}

/** Inverted index for search: a product's words (jieba), characters, pinyin and English names, with a weight each. */
export interface SearchTermRow {
  term: string;
  product_id: string;
  weight: number;
}

export interface PhotoRow {
  id: string;
  product_id: string;
  sort: number;
  width: number;
  height: number;
  created_at: string;
}

/** A paid order's units of one product, kept from `orders.paid` (refunded by `orders.refunded`). */
export interface SaleLineRow {
  order_id: string;
  product_id: string;
  quantity: number;
  paid_at: string;
  refunded: number;
}

export interface CatalogTables {
  /** `search_version`: the `SEARCH_INDEX_VERSION` the search terms were last built with. */
  catalog_revision: { id: number; revision: number; search_version: number };
  catalog_photos: PhotoRow;
  catalog_categories: CategoryRow;
  catalog_products: ProductRow;
  catalog_skus: SkuRow;
  catalog_stock: StockRow;
  catalog_brands: BrandRow;
  catalog_brand_licences: BrandLicenceRow;
  catalog_certifications: CertificationRow;
  catalog_search_terms: SearchTermRow;
  catalog_sale_lines: SaleLineRow;
  /** Units sold of each product, paid and not refunded: always the sum of its sale lines. */
  catalog_sales: { product_id: string; units_sold: number };
}
