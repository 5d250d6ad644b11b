import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery, type Page } from './http.js';

/** The crops the county traces (server trace.schema CROPS). */
export const TRACE_CROPS = ['apple', 'walnut', 'pepper', 'other'] as const;
export type TraceCrop = (typeof TRACE_CROPS)[number];
/** The list's status filter: held is a batch held from sale for the regulator's review. */
export const BATCH_STATUSES = ['active', 'recalled', 'held'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
export const BATCH_ORIGINS = ['harvest', 'split', 'merge'] as const;
export type BatchOrigin = (typeof BATCH_ORIGINS)[number];
export const PACKAGE_LEVELS = ['carton', 'unit'] as const;
export type PackageLevel = (typeof PACKAGE_LEVELS)[number];
export const LABEL_LEVELS = ['batch', 'carton', 'unit'] as const;
export type LabelLevel = (typeof LABEL_LEVELS)[number];
export type LabelFormat = 'a4' | 'thermal';
/** The server's cap on one labels PDF (copies of a batch label, or one page of carton/unit labels). */
export const MAX_LABELS_A_FILE = 500;
export const STOCK_PLACES = ['county_warehouse', 'seller'] as const;
export type StockPlace = (typeof STOCK_PLACES)[number];

/** A harvest batch (or a part split off, or batches merged), with what became of it. */
export interface BatchView {
  id: string;
  /** Township division (9) + producer (3) + YYMMDD + serial (2). */
  code: string;
  origin: BatchOrigin;
  crop: TraceCrop;
  variety: string;
  producerId: string;
  producerName: string;
  plotId: string | null;
  plotName: string | null;
  divisionCode: string;
  place: string;
  harvestedOn: string;
  quantity: number;
  /** Not split off into other batches. */
  quantityLeft: number;
  unit: string;
  parents: { id: string; code: string }[];
  children: { id: string; code: string; origin: string }[];
  skuId: string | null;
  productId: string | null;
  productName: string | null;
  gtin: string | null;
  /** Where its units were put in stock; a batch stays at one place. */
  stockLocation: StockPlace | null;
  /** SKU units put into stock from this batch. */
  stocked: number;
  /** Units of it in paid orders. */
  sold: number;
  cartons: number;
  units: number;
  status: Exclude<BatchStatus, 'held'>;
  recallId: string | null;
  /** Held from sale by a regulator's review (pending or upheld); its unsold stock is frozen. */
  held: boolean;
  hold: 'pending' | 'upheld' | null;
  /** Harvested under a regulator's override of the pre-harvest interval rule. */
  overridden: boolean;
  /** What its QR code holds; opens the public scan page. */
  url: string;
  createdAt: string;
}

/** A carton or unit label: how often and from how many places it was scanned. */
export interface PackageView {
  id: string;
  serial: string;
  level: PackageLevel;
  parentSerial: string | null;
  url: string;
  scans: number;
  /** Distinct networks it was scanned from. */
  places: number;
  lastScanAt: string | null;
  /** Set when the code looks copied (a counterfeit sign). */
  warning: string | null;
  warningKind: 'many_places' | 'many_scans' | null;
}

export interface GenealogyOrder {
  orderId: string;
  batchCode: string;
  quantity: number;
  status: string;
  paidAt: string | null;
  /** Masked name. */
  buyer: string;
  buyerPhone: string | null;
  parcels: { carrier: string | null; waybillNo: string | null; status: string }[];
}

/** Backward: label → batches → plots → inputs; forward: batches made from it, stock, orders. */
export interface Genealogy {
  batch: { id: string; code: string };
  backward: {
    package: { serial: string; level: string; carton: string | null } | null;
    batches: { id: string; code: string; origin: string; plotId: string | null; plotName: string | null }[];
    inputs: { recordId: string; plotName: string; occurredOn: string; productName: string; category: string; intervalDays: number | null; intervalKept: boolean }[];
  };
  forward: {
    batches: { id: string; code: string; origin: string }[];
    stock: { batchCode: string; skuId: string; productName: string | null; stocked: number; sold: number }[];
    orders: GenealogyOrder[];
    orderCount: number;
    buyerCount: number;
  };
}

export interface BatchFilter {
  producerId?: string;
  crop?: TraceCrop;
  status?: BatchStatus;
  /** A trace code or a product name. */
  q?: string;
}

export interface StockInput {
  skuId: string;
  quantity: number;
  location?: StockPlace;
  gtin?: string;
}

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
      api<{ items: BatchView[] }>(`${batchPath(id)}/split`, { method: 'POST', body: { parts }, idempotencyKey }),
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
      api<{ cartons: number; units: number }>(`${batchPath(id)}/pack`, { method: 'POST', body: { cartons, unitsPerCarton }, idempotencyKey }),
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
