import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll } from './http.js';

export const PRODUCT_STATUSES = ['draft', 'listed', 'unlisted'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
export const STOCK_LOCATIONS = ['county_warehouse', 'seller'] as const;
export type StockLocation = (typeof STOCK_LOCATIONS)[number];
/** 三品一标: green food, organic, geographical indication. */
export const CERT_KINDS = ['green_food', 'organic', 'geographical_indication'] as const;
export type CertKind = (typeof CERT_KINDS)[number];
/** 鲁甸特色馆 (curated by the county) and 鲁甸扶贫馆 (products linked to registered poor households). */
export const PAVILIONS = ['specialty', 'poverty'] as const;
export type Pavilion = (typeof PAVILIONS)[number];

export interface Category {
  id: string;
  name: string;
  parentId: string | null;
  sort: number;
}

/** A regional public brand (区域公共品牌) such as 鲁甸青花椒. */
export interface Brand {
  id: string;
  name: string;
  description: string;
}

export interface Licence {
  id: string;
  brandId: string;
  sellerId: string;
  licenceNo: string;
  validFrom: string;
  validTo: string;
  revokedAt: string | null;
  inForce: boolean;
}

export interface Sku {
  id: string;
  spec: string;
  unit: string;
  netWeightG: number;
  priceFen: number;
  /** On hand − reserved, over all places. */
  available: number;
  active: boolean;
}

export interface Certification {
  id: string;
  kind: CertKind;
  number: string;
  issuer: string;
  validFrom: string;
  validTo: string;
}

/** A product photo, kept resized as WebP: `url` 1200 px, `thumbUrl` 400 px (public). */
export interface Photo {
  id: string;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
}

export interface Product {
  id: string;
  sellerId: string;
  sellerName: string | null;
  categoryId: string;
  name: string;
  subtitle: string;
  description: string;
  /** Township (9 digits) or village (12) where it grows. */
  originCode: string;
  /** Shown only while the seller holds a licence in force. */
  brand: { id: string; name: string } | null;
  gtin: string | null;
  status: ProductStatus;
  pavilions: Pavilion[];
  /** Only those in force. */
  certifications: Certification[];
  skus: Sku[];
  /** The first is the main picture; none yet means a drawing of the produce stands in. */
  photos: Photo[];
  minPriceFen: number | null;
  /** Listed, and its seller may sell. */
  onSale: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SearchFilter {
  q?: string;
  categoryId?: string;
  brandId?: string;
  pavilion?: Pavilion;
  townshipCode?: string;
  minPriceFen?: number;
  maxPriceFen?: number;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface SearchResult {
  items: Product[];
  nextCursor: string | null;
  total: number;
  facets: { category: FacetValue[]; brand: FacetValue[]; pavilion: FacetValue[]; township: FacetValue[] };
}

export interface NewSku {
  spec: string;
  unit: string;
  netWeightG: number;
  priceFen: number;
  stock?: number;
  location?: StockLocation;
}

export interface NewProduct {
  sellerId: string;
  categoryId: string;
  name: string;
  subtitle?: string;
  description?: string;
  originCode: string;
  brandId?: string | null;
  /** GTIN-8/12/13/14 with its GS1 check digit. */
  gtin?: string | null;
  skus: NewSku[];
  status?: 'draft' | 'listed';
}

export interface ProductChanges {
  categoryId?: string;
  name?: string;
  subtitle?: string;
  description?: string;
  brandId?: string | null;
  gtin?: string | null;
  status?: ProductStatus;
}

export type NewCertification = Omit<Certification, 'id'>;

export interface NewLicence {
  sellerId: string;
  licenceNo: string;
  validFrom: string;
  validTo: string;
}

const PAGE_SIZE = 20;

export const catalogKeys = {
  all: ['catalog'] as const,
  categories: ['catalog', 'categories'] as const,
  brands: ['catalog', 'brands'] as const,
  licences: (brandId: string) => ['catalog', 'licences', brandId] as const,
  search: (filter: SearchFilter, limit: number) => ['catalog', 'search', filter, limit] as const,
  product: (id: string) => ['catalog', 'product', id] as const,
  managed: (sellerId?: string) => ['catalog', 'managed', sellerId ?? null] as const,
};

const productPath = (id: string) => `/catalog/products/${encodeURIComponent(id)}`;

/** Categories (public); they change rarely. */
export function useCategories() {
  return useQuery({
    queryKey: catalogKeys.categories,
    queryFn: ({ signal }) => fetchAll<Category>('/catalog/categories', {}, signal),
    staleTime: 30 * 60_000,
  });
}

/** The regional public brands (public). */
export function useBrands() {
  return useQuery({
    queryKey: catalogKeys.brands,
    queryFn: ({ signal }) => fetchAll<Brand>('/catalog/brands', {}, signal),
    staleTime: 10 * 60_000,
  });
}

/** Products on sale, searched in Chinese with filters and facets, page by page (public). */
export function useProductSearch(filter: SearchFilter, limit = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: catalogKeys.search(filter, limit),
    queryFn: ({ pageParam, signal }) => api<SearchResult>('/catalog/search', { query: { ...filter, limit, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** A product on sale (public); 404 once it is not. */
export function useProduct(id: string) {
  return useQuery({
    queryKey: catalogKeys.product(id),
    queryFn: ({ signal }) => api<Product>(productPath(id), { signal }),
  });
}

/**
 * Every product of the sellers you manage, in any state (all of them for the county office), newest first: the
 * pages that use it count and filter them all, so it follows the cursor to the end.
 */
export function useManagedProducts(sellerId?: string, enabled = true) {
  return useQuery({
    queryKey: catalogKeys.managed(sellerId),
    queryFn: ({ signal }) => fetchAll<Product>('/catalog/manage/products', { sellerId }, signal),
    placeholderData: (previous) => previous,
    enabled,
  });
}

/** Adds a product with its SKUs; one idempotency key per opened form. */
export function useCreateProduct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ product, idempotencyKey }: { product: NewProduct; idempotencyKey: string }) => api<Product>('/catalog/products', { method: 'POST', body: product, idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: catalogKeys.all }),
  });
}

/** Changes a product, or lists / unlists it. */
export function useUpdateProduct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: ProductChanges }) => api<Product>(productPath(id), { method: 'PATCH', body: changes }),
    onSuccess: () => client.invalidateQueries({ queryKey: catalogKeys.all }),
  });
}

/** Counts a SKU's stock at one place (on hand; what open orders reserve stays reserved). */
export function useSetStock() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ skuId, location, onHand }: { skuId: string; location: StockLocation; onHand: number }) =>
      api<{ ok: boolean }>(`/catalog/skus/${encodeURIComponent(skuId)}/stock`, { method: 'PUT', body: { location, onHand } }),
    onSuccess: () => client.invalidateQueries({ queryKey: catalogKeys.all }),
  });
}

/** Records a green-food, organic or GI certificate; one idempotency key per opened form. */
export function useAddCertification(productId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ certification, idempotencyKey }: { certification: NewCertification; idempotencyKey: string }) =>
      api<Certification>(`${productPath(productId)}/certifications`, { method: 'POST', body: certification, idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: catalogKeys.all }),
  });
}

/** Removes a product photo. (Uploading goes through antd's Upload to `/api/v1/catalog/products/:id/photos`.) */
export function useRemovePhoto() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (photoId: string) => api<{ ok: boolean }>(`/catalog/photos/${encodeURIComponent(photoId)}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: catalogKeys.all }),
  });
}

/** Puts a product in or out of 鲁甸特色馆 (county admin). */
export function useSetSpecialty() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ productId, inPavilion }: { productId: string; inPavilion: boolean }) => api<{ ok: boolean }>(`${productPath(productId)}/specialty`, { method: 'PUT', body: { inPavilion } }),
    onSuccess: () => client.invalidateQueries({ queryKey: catalogKeys.all }),
  });
}

/** Adds a regional public brand (county admin); one idempotency key per opened form. */
export function useCreateBrand() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ brand, idempotencyKey }: { brand: { name: string; description?: string }; idempotencyKey: string }) => api<Brand>('/catalog/brands', { method: 'POST', body: brand, idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: catalogKeys.brands }),
  });
}

/** A brand's licences, newest first. */
export function useLicences(brandId: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.licences(brandId ?? ''),
    queryFn: ({ signal }) => fetchLicences(brandId!, signal),
    enabled: !!brandId,
  });
}

/** Every licence of a brand, newest first (following the cursor). */
export const fetchLicences = (brandId: string, signal?: AbortSignal) => fetchAll<Licence>(`/catalog/brands/${encodeURIComponent(brandId)}/licences`, {}, signal);

/** Licenses a brand to a seller for a period (county admin); one idempotency key per opened form. */
export function useGrantLicence(brandId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ licence, idempotencyKey }: { licence: NewLicence; idempotencyKey: string }) =>
      api<Licence>(`/catalog/brands/${encodeURIComponent(brandId)}/licences`, { method: 'POST', body: licence, idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: catalogKeys.all }),
  });
}

export function useRevokeLicence() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (licenceId: string) => api<{ ok: boolean }>(`/catalog/licences/${encodeURIComponent(licenceId)}/revoke`, { method: 'POST' }),
    onSettled: () => client.invalidateQueries({ queryKey: catalogKeys.all }),
  });
}
