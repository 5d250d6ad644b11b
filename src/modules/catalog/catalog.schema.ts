import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { CERT_KINDS, PRODUCT_STATUSES, STOCK_LOCATIONS } from './catalog.tables.js';
import { SHOP_SORTS } from './shop-sort.js';

const IsoDate = Type.String({ format: 'date' });
/** The check digit is checked by the service (GTIN_INVALID), the form here. */
const Gtin = Nullable(Type.String({ pattern: '^\\d{8}$|^\\d{12,14}$', description: 'GTIN-8, -12, -13 or -14 with its GS1 check digit' }));
const Fen = Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'price in fen (分)' });

export const CategorySchema = Type.Object({ id: Type.String(), name: Type.String(), parentId: Nullable(Type.String()), sort: Type.Integer() });
export const CategoryBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 30 }), parentId: Type.Optional(Nullable(Type.String())), sort: Type.Optional(Type.Integer()) });

export const BrandSchema = Type.Object({ id: Type.String(), name: Type.String(), description: Type.String() });
export const BrandBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 30 }), description: Type.Optional(Type.String({ maxLength: 2000 })) });

export const LicenceSchema = Type.Object({
  id: Type.String(),
  brandId: Type.String(),
  sellerId: Type.String(),
  licenceNo: Type.String(),
  validFrom: Type.String(),
  validTo: Type.String(),
  revokedAt: Nullable(Type.String()),
  inForce: Type.Boolean(),
});
export type LicenceView = Static<typeof LicenceSchema>;
export const LicenceBody = Type.Object({
  sellerId: Type.String({ minLength: 1, maxLength: 64 }),
  licenceNo: Type.String({ minLength: 1, maxLength: 50 }),
  validFrom: IsoDate,
  validTo: IsoDate,
});
export type LicenceInput = Static<typeof LicenceBody>;

export const SkuSchema = Type.Object({
  id: Type.String(),
  spec: Type.String(),
  unit: Type.String(),
  netWeightG: Type.Integer(),
  priceFen: Type.Integer(),
  available: Type.Integer({ description: 'on hand − reserved, over all locations' }),
  active: Type.Boolean(),
});

export const CertificationSchema = Type.Object({
  id: Type.String(),
  kind: StringEnum(CERT_KINDS),
  number: Type.String(),
  issuer: Type.String(),
  validFrom: Type.String(),
  validTo: Type.String(),
});
export const CertificationBody = Type.Object({
  kind: StringEnum(CERT_KINDS),
  number: Type.String({ minLength: 1, maxLength: 50 }),
  issuer: Type.String({ minLength: 1, maxLength: 100 }),
  validFrom: IsoDate,
  validTo: IsoDate,
});
export type CertificationInput = Static<typeof CertificationBody>;

export const PhotoSchema = Type.Object({ id: Type.String(), url: Type.String(), thumbUrl: Type.String(), width: Type.Integer(), height: Type.Integer() });

export const ProductSchema = Type.Object({
  id: Type.String(),
  sellerId: Type.String(),
  sellerName: Nullable(Type.String()),
  categoryId: Type.String(),
  name: Type.String(),
  subtitle: Type.String(),
  description: Type.String(),
  originCode: Type.String(),
  brand: Nullable(Type.Object({ id: Type.String(), name: Type.String() }, { description: 'only while the seller holds a licence in force' })),
  gtin: Nullable(Type.String()),
  status: StringEnum(PRODUCT_STATUSES),
  pavilions: Type.Array(StringEnum(['specialty', 'poverty'] as const)),
  certifications: Type.Array(CertificationSchema, { description: 'only those in force' }),
  skus: Type.Array(SkuSchema),
  photos: Type.Array(PhotoSchema),
  minPriceFen: Nullable(Type.Integer()),
  onSale: Type.Boolean({ description: 'listed, and its seller is approved' }),
  unitsSold: Type.Integer({ description: 'units sold (已售): paid and not refunded' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type ProductView = Static<typeof ProductSchema>;

const SkuInput = Type.Object({
  spec: Type.String({ minLength: 1, maxLength: 50 }),
  unit: Type.String({ minLength: 1, maxLength: 10 }),
  netWeightG: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  priceFen: Fen,
  stock: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
  location: Type.Optional(StringEnum(STOCK_LOCATIONS)),
});

export const ProductCreateBody = Type.Object({
  sellerId: Type.String({ minLength: 1, maxLength: 64 }),
  categoryId: Type.String({ minLength: 1, maxLength: 64 }),
  name: Type.String({ minLength: 1, maxLength: 60 }),
  subtitle: Type.Optional(Type.String({ maxLength: 100 })),
  description: Type.Optional(Type.String({ maxLength: 5000 })),
  originCode: Type.String({ pattern: '^(\\d{9}|\\d{12})$', description: 'township or village where it grows' }),
  brandId: Type.Optional(Nullable(Type.String())),
  gtin: Type.Optional(Gtin),
  skus: Type.Array(SkuInput, { minItems: 1, maxItems: 20 }),
  status: Type.Optional(StringEnum(['draft', 'listed'] as const)),
});
export type ProductInput = Static<typeof ProductCreateBody> & { isDemo?: boolean };

export const ProductUpdateBody = Type.Object({
  categoryId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  subtitle: Type.Optional(Type.String({ maxLength: 100 })),
  description: Type.Optional(Type.String({ maxLength: 5000 })),
  brandId: Type.Optional(Nullable(Type.String())),
  gtin: Type.Optional(Gtin),
  status: Type.Optional(StringEnum(PRODUCT_STATUSES)),
});
export type ProductChanges = Static<typeof ProductUpdateBody>;

export const StockBody = Type.Object({
  location: StringEnum(STOCK_LOCATIONS),
  onHand: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
});

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 60, description: 'words in Chinese, e.g. 花椒, 鲁甸核桃' })),
  categoryId: Type.Optional(Type.String({ maxLength: 64 })),
  brandId: Type.Optional(Type.String({ maxLength: 64 })),
  pavilion: Type.Optional(StringEnum(['specialty', 'poverty'] as const)),
  townshipCode: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
  minPriceFen: Type.Optional(Type.Integer({ minimum: 0 })),
  maxPriceFen: Type.Optional(Type.Integer({ minimum: 0 })),
  sort: Type.Optional(StringEnum(SHOP_SORTS, { description: 'relevance 综合 (default: best match, then best sellers), sales 销量, price_asc / price_desc 价格 (lowest price of each product), newest 新品' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export type SearchFilter = Omit<Static<typeof SearchQuery>, 'limit' | 'cursor'>;

const Facet = Type.Array(Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer() }));
export const SearchResultSchema = Type.Object({
  items: Type.Array(ProductSchema),
  nextCursor: Nullable(Type.String()),
  total: Type.Integer(),
  facets: Type.Object({
    category: Type.Array(Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer(), parentId: Nullable(Type.String()) }), { description: 'every category with products found, each counting the products of the categories under it too' }),
    brand: Facet,
    pavilion: Facet,
    township: Facet,
  }),
});
