import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll } from './http.js';
import { CERT_KINDS, PAVILIONS, PRODUCT_STATUSES, STOCK_LOCATIONS, type ApiBody, type ApiListItem, type ApiQuery, type ApiResponse, type ItemOf } from './generated/openapi.js';

export { CERT_KINDS, PAVILIONS, PRODUCT_STATUSES, STOCK_LOCATIONS };
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
export type StockLocation = (typeof STOCK_LOCATIONS)[number];
/** 三品一标: green food, organic, geographical indication. */
export type CertKind = (typeof CERT_KINDS)[number];
/** 鲁甸特色馆 (curated by the county) and 鲁甸扶贫馆 (products linked to registered poor households). */
export type Pavilion = (typeof PAVILIONS)[number];

export type Category = ApiListItem<'GET /api/v1/catalog/categories'>;
/** A regional public brand (区域公共品牌) such as 鲁甸青花椒. */
export type Brand = ApiListItem<'GET /api/v1/catalog/brands'>;
export type Licence = ApiListItem<'GET /api/v1/catalog/brands/{id}/licences'>;
/** A product; `brand` is shown only while the seller holds a licence in force; the first photo is the main picture. */
export type Product = ApiResponse<'GET /api/v1/catalog/products/{id}'>;
/** `available` is on hand − reserved, over all places. */
export type Sku = ItemOf<Product['skus']>;
export type Certification = ItemOf<Product['certifications']>;
/** A product photo, kept resized as WebP: `url` 1200 px, `thumbUrl` 400 px (public). */
export type Photo = ItemOf<Product['photos']>;

export type SearchFilter = Omit<ApiQuery<'GET /api/v1/catalog/search'>, 'limit' | 'cursor'>;
export type SearchResult = ApiResponse<'GET /api/v1/catalog/search'>;
export type FacetValue = ItemOf<SearchResult['facets']['brand']>;
/** A category found, with its parent: the facet reads as a tree. */
export type CategoryFacetValue = ItemOf<SearchResult['facets']['category']>;

export type NewProduct = ApiBody<'POST /api/v1/catalog/products'>;
export type NewSku = ItemOf<NewProduct['skus']>;
export type ProductChanges = ApiBody<'PATCH /api/v1/catalog/products/{id}'>;
export type NewCertification = ApiBody<'POST /api/v1/catalog/products/{id}/certifications'>;
export type NewLicence = ApiBody<'POST /api/v1/catalog/brands/{id}/licences'>;

const PAGE_SIZE = 20;

export const catalogKeys = {
  all: ['catalog'] as const,
  categories: ['catalog', 'categories'] as const,
  brands: ['catalog', 'brands'] as const,
  licences: (brandId: string) => ['catalog', 'licences', brandId] as const,
  search: (filter: SearchFilter, limit: number) => ['catalog', 'search', filter, limit] as const,
  product: (id: string) => ['catalog', 'product', id] as const,
  managed: (sellerId?: string) => ['catalog', 'managed', sellerId ?? null] as const,
  managedOne: (id: string) => ['catalog', 'managed-one', id] as const,
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

/** One product you manage, in any state, as it is now (its photos after an upload). */
export function useManagedProduct(id: string, initial?: Product) {
  return useQuery({
    queryKey: catalogKeys.managedOne(id),
    queryFn: ({ signal }) => api<Product>(`/catalog/manage/products/${encodeURIComponent(id)}`, { signal }),
    placeholderData: initial,
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

/** Puts a product's photos in this order; the first is its main picture. */
export function useReorderPhotos() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ productId, photoIds }: { productId: string; photoIds: string[] }) => api<{ ok: boolean }>(`${productPath(productId)}/photos/order`, { method: 'PUT', body: { photoIds } }),
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
