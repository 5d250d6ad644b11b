import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiError, fetchAll, type Page } from './http.js';
import { useInvalidateTrace, type BatchView } from './trace-batches.js';
import { ACTIVITY_TYPES, CROPS, HARVEST_UNITS, INPUT_CATEGORIES, PRODUCER_KINDS, RECORD_KINDS, type ApiBody, type ApiListItem, type ApiQuery, type ApiResponse, type ItemOf } from './generated/openapi.js';

/** The batch a harvest makes. */
export type { BatchView };

/**
 * The farm-record side of 质量追溯 (server: src/modules/trace/trace.schema.ts): producers, their bases and plots,
 * and each plot's farm records. Records are never changed; a correction is a new record naming the old one.
 */

export { ACTIVITY_TYPES, CROPS, HARVEST_UNITS, INPUT_CATEGORIES, PRODUCER_KINDS, RECORD_KINDS };
export type Crop = (typeof CROPS)[number];
export type RecordKind = (typeof RECORD_KINDS)[number];
export type InputCategory = (typeof INPUT_CATEGORIES)[number];
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
/** kg, 斤 (jin, 0.5 kg) and tonnes. */
export type HarvestUnit = (typeof HARVEST_UNITS)[number];
export type ProducerKind = (typeof PRODUCER_KINDS)[number];

// ---- producers, bases, plots ----

/** A seller names the marketplace seller it is; a farmer gives a name, the village and a resident ID number (kept sealed). */
export type ProducerInput = ApiBody<'POST /api/v1/trace/producers'>;
/** A producer; `number` is its three digits in the trace code, `phone` masked except for its managers. */
export type ProducerView = ApiListItem<'GET /api/v1/trace/producers'>;
/** A base; `areaMu` in 亩. */
export type BaseInput = ApiBody<'POST /api/v1/trace/bases'>;
export type BaseView = ApiListItem<'GET /api/v1/trace/bases'>;
export type PlotInput = ApiBody<'POST /api/v1/trace/plots'>;
/** A plot; `earliestHarvestOn` is the first day a harvest keeps every pre-harvest interval. */
export type PlotView = ApiResponse<'GET /api/v1/trace/plots/{id}'>;

// ---- farm records ----

/** The body of POST /trace/plots/:id/records: exactly the details object that matches the kind; `corrects` names the record it corrects. */
export type RecordInput = ApiBody<'POST /api/v1/trace/plots/{id}/records'>;
export type RecordDetails = Pick<RecordInput, 'planting' | 'input' | 'activity' | 'observation' | 'labTest' | 'harvest'>;
export type PlantingDetails = NonNullable<RecordInput['planting']>;
/** A pesticide or fertiliser as applied, with the label's 登记证号, 安全间隔期 and 每季最多使用次数. */
export type InputDetails = NonNullable<RecordInput['input']>;
export type ActivityDetails = NonNullable<RecordInput['activity']>;
export type ObservationDetails = NonNullable<RecordInput['observation']>;
/** A lab test; `reportFileId` from POST /trace/files. */
export type LabDetails = NonNullable<RecordInput['labTest']>;
export type LabItem = ItemOf<LabDetails['items']>;
export type HarvestDetails = NonNullable<RecordInput['harvest']>;

/** A stored record; `flags` are rules it broke that do not stop it (e.g. MAX_USES_EXCEEDED), `input.useNumber` the nth use this season. */
export type RecordView = ApiListItem<'GET /api/v1/trace/plots/{id}/records'>;
export type RecordFlag = ItemOf<RecordView['flags']>;
export type RecordOverride = NonNullable<RecordView['override']>;
export type RecordResult = ApiResponse<'POST /api/v1/trace/plots/{id}/records'>;

/** One pesticide use whose pre-harvest interval a harvest would break. */
export interface IntervalBreach {
  recordId: string;
  productName: string;
  appliedOn: string;
  intervalDays: number;
  earliestOn: string;
}

/** The details of a harvest refused with 422 HARVEST_INTERVAL_NOT_KEPT; the refusal goes to the regulator. */
export interface HarvestRefusal {
  refusalId: string;
  breaches: IntervalBreach[];
}

export const HARVEST_REFUSED = 'HARVEST_INTERVAL_NOT_KEPT';

/** The refusal inside an error, or null when the error is anything else. */
export function harvestRefusal(error: unknown): HarvestRefusal | null {
  if (!(error instanceof ApiError) || error.code !== HARVEST_REFUSED) return null;
  const details = error.details as Partial<HarvestRefusal> | undefined;
  return { refusalId: typeof details?.refusalId === 'string' ? details.refusalId : '', breaches: Array.isArray(details?.breaches) ? details.breaches : [] };
}

// ---- queries ----

export type PlotFilter = Omit<ApiQuery<'GET /api/v1/trace/plots'>, 'limit' | 'cursor'>;

export const traceFarmKeys = {
  producers: ['trace', 'producers'] as const,
  bases: (producerId: string | undefined) => ['trace', 'bases', producerId ?? null] as const,
  plots: (filter: PlotFilter) => ['trace', 'plots', filter] as const,
  plot: (id: string) => ['trace', 'plot', id] as const,
  records: (id: string) => ['trace', 'plot-records', id] as const,
};

const enc = encodeURIComponent;

/**
 * The producers the caller may see (their own for a merchant or village point, all of them for the county and
 * regulators), every page: pickers and filters name them all.
 */
export function useProducers(enabled = true) {
  return useQuery({
    queryKey: traceFarmKeys.producers,
    queryFn: ({ signal }) => fetchAll<ProducerView>('/trace/producers', {}, signal),
    enabled,
  });
}

/** A producer's bases, every page (a producer has a handful). */
export function useBases(producerId: string | undefined) {
  return useQuery({
    queryKey: traceFarmKeys.bases(producerId),
    queryFn: ({ signal }) => fetchAll<BaseView>('/trace/bases', { producerId }, signal),
    enabled: !!producerId,
  });
}

/** Plots the caller may see (a merchant's or village point's own: "my plots"), every page. */
export function usePlots(filter: PlotFilter = {}, enabled = true) {
  return useQuery({
    queryKey: traceFarmKeys.plots(filter),
    queryFn: ({ signal }) => fetchAll<PlotView>('/trace/plots', { ...filter }, signal),
    enabled,
  });
}

export function usePlot(id: string | undefined) {
  return useQuery({
    queryKey: traceFarmKeys.plot(id ?? ''),
    queryFn: ({ signal }) => api<PlotView>(`/trace/plots/${enc(id!)}`, { signal }),
    enabled: !!id,
  });
}

/** A plot's records, newest first, a page at a time (see LoadMore). */
export function usePlotRecords(id: string | undefined, limit = 50) {
  return useInfiniteQuery({
    queryKey: [...traceFarmKeys.records(id ?? ''), limit],
    queryFn: ({ pageParam, signal }) => api<Page<RecordView>>(`/trace/plots/${enc(id!)}/records`, { query: { limit, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!id,
  });
}

/** Creates share one shape: the body and the opened form's idempotency key (a double tap creates one). */
interface Create<T> {
  input: T;
  idempotencyKey: string;
}

export function useCreateProducer() {
  const invalidate = useInvalidateTrace();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: Create<ProducerInput>) => api<ProducerView>('/trace/producers', { method: 'POST', body: input, idempotencyKey }),
    onSuccess: invalidate,
  });
}

export function useCreateBase() {
  const invalidate = useInvalidateTrace();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: Create<BaseInput>) => api<BaseView>('/trace/bases', { method: 'POST', body: input, idempotencyKey }),
    onSuccess: invalidate,
  });
}

export function useCreatePlot() {
  const invalidate = useInvalidateTrace();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: Create<PlotInput>) => api<PlotView>('/trace/plots', { method: 'POST', body: input, idempotencyKey }),
    onSuccess: invalidate,
  });
}

/**
 * Adds a farm record to a plot. A harvest answers its new batch; one that breaks a pre-harvest interval is refused
 * (see harvestRefusal) and the refusal is stored for the regulator, so the lists are read again whatever the answer.
 */
export function useAddRecord(plotId: string) {
  const invalidate = useInvalidateTrace();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: Create<RecordInput>) => api<RecordResult>(`/trace/plots/${enc(plotId)}/records`, { method: 'POST', body: input, idempotencyKey }),
    onSettled: invalidate,
  });
}

// ---- files ----

export const REPORT_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const REPORT_FILE_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
/** The server's multipart limit. */
export const REPORT_FILE_MAX_BYTES = 8 * 1024 * 1024;

/** POST /trace/files: a lab report as multipart field `file`. */
function uploadFile(file: File, idempotencyKey: string): Promise<ApiResponse<'POST /api/v1/trace/files'>> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<ApiResponse<'POST /api/v1/trace/files'>>('/trace/files', { method: 'POST', body: form, idempotencyKey });
}

export function useUploadTraceFile() {
  return useMutation({ mutationFn: ({ file, idempotencyKey }: { file: File; idempotencyKey: string }) => uploadFile(file, idempotencyKey) });
}
