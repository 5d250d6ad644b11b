import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery, type Page } from './http.js';
import { BATCH_ORIGINS, BATCH_STATUSES, LABEL_LEVELS, PACKAGE_LEVELS, STOCK_PLACES, TRACE_CROPS, type ApiBody, type ApiListItem, type ApiQuery, type ApiResponse, type ItemOf } from './generated/openapi.js';

/** The crops the county traces (server trace.schema CROPS). */
export { BATCH_ORIGINS, BATCH_STATUSES, LABEL_LEVELS, PACKAGE_LEVELS, STOCK_PLACES, TRACE_CROPS };
export type TraceCrop = (typeof TRACE_CROPS)[number];
/** The list's status filter: held is a batch held from sale for the regulator's review. */
export type BatchStatus = (typeof BATCH_STATUSES)[number];
export type BatchOrigin = (typeof BATCH_ORIGINS)[number];
export type PackageLevel = (typeof PACKAGE_LEVELS)[number];
export type LabelLevel = (typeof LABEL_LEVELS)[number];
export type LabelFormat = NonNullable<ApiQuery<'GET /api/v1/trace/batches/{id}/labels.pdf'>['format']>;
/** The server's cap on one labels PDF (copies of a batch label, or one page of carton/unit labels). */
export const MAX_LABELS_A_FILE = 500;
export type StockPlace = (typeof STOCK_PLACES)[number];

/**
 * A harvest batch (or a part split off, or batches merged), with what became of it: `code` is township division (9)
 * + producer (3) + YYMMDD + serial (2); `held` while a regulator's review holds it from sale; `url` is what its QR
 * code holds.
 */
export type BatchView = ApiResponse<'GET /api/v1/trace/batches/{id}'>;

/** A carton or unit label: how often and from how many places it was scanned; `warning` when it looks copied. */
export type PackageView = ApiListItem<'GET /api/v1/trace/batches/{id}/packages'>;

/** Backward: label → batches → plots → inputs; forward: batches made from it, stock, orders. */
export type Genealogy = ApiResponse<'GET /api/v1/trace/batches/{id}/genealogy'>;
/** An order with units of the batch; the buyer's name is masked. */
export type GenealogyOrder = ItemOf<Genealogy['forward']['orders']>;

export type BatchFilter = Omit<ApiQuery<'GET /api/v1/trace/batches'>, 'limit' | 'cursor'>;

export type StockInput = ApiBody<'POST /api/v1/trace/batches/{id}/stock'>;

const KEY = ['trace'] as const;
export const traceKey = KEY;
const batchPath = (id: string) => `/trace/batches/${encodeURIComponent(id)}`;

export function useBatches(filter: BatchFilter, limit = 50) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'batches', filter, limit],
    queryFn: ({ pageParam, signal }) => api<Page<BatchView>>('/trace/batches', { query: { ...filter, limit, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Batches found by code or product, for pickers (the first page is enough to choose from). */
export function useBatchSearch(q: string, status?: BatchStatus, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'batch-search', q, status],
    queryFn: ({ signal }) => api<Page<BatchView>>('/trace/batches', { query: { q, status, limit: 20 }, signal }).then((p) => p.items),
    placeholderData: (previous) => previous,
    enabled,
  });
}

export function useBatch(id: string | undefined) {
  return useQuery({ queryKey: [...KEY, 'batch', id], queryFn: ({ signal }) => api<BatchView>(batchPath(id!), { signal }), enabled: !!id });
}

export function usePackages(batchId: string, level: PackageLevel, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'packages', batchId, level],
    queryFn: ({ pageParam, signal }) => api<Page<PackageView>>(`${batchPath(batchId)}/packages`, { query: { level, limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The batch's chain; with a label serial, the backward chain starts at that unit or carton. */
export function useGenealogy(batchId: string, serial?: string) {
  return useQuery({
    queryKey: [...KEY, 'genealogy', batchId, serial ?? null],
    queryFn: ({ signal }) => api<Genealogy>(`${batchPath(batchId)}/genealogy`, { query: { serial }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every trace view is stale after a change: a harvest or a split makes batches, stocking moves the product and the chain. */
export function useInvalidateTrace() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: KEY });
}

export function useSplitBatch() {
  const invalidate = useInvalidateTrace();
  return useMutation({
    mutationFn: ({ id, parts, idempotencyKey }: { id: string; parts: { quantity: number }[]; idempotencyKey: string }) =>
      api<ApiResponse<'POST /api/v1/trace/batches/{id}/split'>>(`${batchPath(id)}/split`, { method: 'POST', body: { parts }, idempotencyKey }),
    onSuccess: invalidate,
  });
}

export function useMergeBatches() {
  const invalidate = useInvalidateTrace();
  return useMutation({
    mutationFn: ({ batchIds, idempotencyKey }: { batchIds: string[]; idempotencyKey: string }) => api<BatchView>('/trace/batches/merge', { method: 'POST', body: { batchIds }, idempotencyKey }),
    onSuccess: invalidate,
  });
}

export function usePackBatch() {
  const invalidate = useInvalidateTrace();
  return useMutation({
    mutationFn: ({ id, cartons, unitsPerCarton, idempotencyKey }: { id: string; cartons: number; unitsPerCarton: number; idempotencyKey: string }) =>
      api<ApiResponse<'POST /api/v1/trace/batches/{id}/pack'>>(`${batchPath(id)}/pack`, { method: 'POST', body: { cartons, unitsPerCarton }, idempotencyKey }),
    onSuccess: invalidate,
  });
}

/** Links the batch to a product SKU and puts those units in stock. */
export function useStockBatch() {
  const invalidate = useInvalidateTrace();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input, idempotencyKey }: { id: string; input: StockInput; idempotencyKey: string }) => api<BatchView>(`${batchPath(id)}/stock`, { method: 'POST', body: input, idempotencyKey }),
    onSuccess: () => {
      void invalidate();
      void client.invalidateQueries({ queryKey: ['catalog'] });
    },
  });
}

/** Download addresses (the session cookie goes along: same origin). */
export const batchFiles = {
  certificate: (id: string) => `/api/v1${batchPath(id)}/certificate.pdf`,
  /** Batch labels: `copies` of one code. Carton and unit labels: one each, `page` n of ceil(count / MAX_LABELS_A_FILE). */
  labels: (id: string, format: LabelFormat, level: LabelLevel, pick: { copies: number } | { page: number }) => withQuery(`/api/v1${batchPath(id)}/labels.pdf`, { format, level, ...pick }),
  epcis: (id: string) => `/api/v1${batchPath(id)}/epcis`,
};
