import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiError, fetchAll, type Page } from './http.js';
import { useInvalidateTrace, type BatchView } from './trace-batches.js';

/** The batch a harvest makes. */
export type { BatchView };

/**
 * The farm-record side of 质量追溯 (server: src/modules/trace/trace.schema.ts): producers, their bases and plots,
 * and each plot's farm records. Records are never changed; a correction is a new record naming the old one.
 */

export const CROPS = ['apple', 'walnut', 'pepper', 'other'] as const;
export type Crop = (typeof CROPS)[number];
export const RECORD_KINDS = ['planting', 'input', 'activity', 'observation', 'lab_test', 'harvest'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const INPUT_CATEGORIES = ['pesticide', 'fertiliser'] as const;
export type InputCategory = (typeof INPUT_CATEGORIES)[number];
export const ACTIVITY_TYPES = ['pruning', 'bagging', 'thinning', 'irrigation', 'weeding', 'pollination', 'other'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
/** kg, 斤 (jin, 0.5 kg) and tonnes. */
export const HARVEST_UNITS = ['kg', 'jin', 't'] as const;
export type HarvestUnit = (typeof HARVEST_UNITS)[number];
export const PRODUCER_KINDS = ['seller', 'farmer'] as const;
export type ProducerKind = (typeof PRODUCER_KINDS)[number];

// ---- producers, bases, plots ----

export interface ProducerInput {
  kind: ProducerKind;
  /** For kind seller: the marketplace seller it is. */
  sellerId?: string;
  /** For kind farmer (a seller is named after itself). */
  name?: string;
  /** The village (12 digits). */
  divisionCode: string;
  phone?: string;
  /** A farmer's resident ID number; kept sealed. */
  idNumber?: string;
}

export interface ProducerView {
  id: string;
  kind: ProducerKind;
  sellerId: string | null;
  name: string;
  divisionCode: string;
  /** Township and village name. */
  place: string;
  /** Masked except for the producer's managers. */
  phone: string | null;
  idNumber: string | null;
  creditCode: string | null;
  /** Three digits in the trace code. */
  number: string;
  plots: number;
  createdAt: string;
}

export interface BaseInput {
  producerId: string;
  name: string;
  divisionCode: string;
  /** 亩. */
  areaMu: number;
}

export interface BaseView {
  id: string;
  producerId: string;
  name: string;
  divisionCode: string;
  place: string;
  areaMu: number;
  createdAt: string;
}

export interface PlotInput {
  baseId: string;
  name: string;
  crop: Crop;
  variety: string;
  areaMu: number;
  plantedYear?: number;
}

export interface PlotView {
  id: string;
  baseId: string;
  baseName: string;
  producerId: string;
  producerName: string;
  name: string;
  crop: Crop;
  variety: string;
  areaMu: number;
  plantedYear: number | null;
  divisionCode: string;
  place: string;
  lastRecordOn: string | null;
  /** The first day a harvest keeps every pre-harvest interval. */
  earliestHarvestOn: string | null;
  createdAt: string;
}

// ---- farm records ----

export interface InputDetails {
  category: InputCategory;
  productName: string;
  /** 农药登记证号 / 肥料登记证号, from the label. */
  registrationNo?: string;
  activeIngredient?: string;
  /** As applied, e.g. 30 ml / 15 L 水. */
  dose: string;
  /** 安全间隔期 from the label (pesticides). */
  intervalDays?: number;
  /** 每季最多使用次数 from the label (pesticides). */
  maxUsesPerSeason?: number;
}
export interface ActivityDetails {
  type: ActivityType;
  description?: string;
}
export interface ObservationDetails {
  subject: string;
  finding: string;
}
export interface LabItem {
  name: string;
  result: string;
  limit?: string;
  pass: boolean;
}
export interface LabDetails {
  laboratory: string;
  reportNo?: string;
  items: LabItem[];
  /** From POST /trace/files. */
  reportFileId?: string;
}
export interface HarvestDetails {
  quantity: number;
  unit: HarvestUnit;
}
export interface PlantingDetails {
  variety: string;
  plants?: number;
}

export interface RecordDetails {
  planting?: PlantingDetails;
  input?: InputDetails;
  activity?: ActivityDetails;
  observation?: ObservationDetails;
  labTest?: LabDetails;
  harvest?: HarvestDetails;
}

/** The body of POST /trace/plots/:id/records: exactly the details object that matches the kind. */
export interface RecordInput extends RecordDetails {
  kind: RecordKind;
  /** YYYY-MM-DD, Beijing time. */
  occurredOn: string;
  note?: string;
  /** The id of the record this one corrects; the original stays. */
  corrects?: string;
}

export interface RecordFlag {
  code: string;
  reason: string;
}

export interface RecordOverride {
  by: string;
  reason: string;
  at: string;
}

export interface RecordView {
  id: string;
  plotId: string;
  kind: RecordKind;
  occurredOn: string;
  recordedAt: string;
  recordedBy: string;
  note: string | null;
  corrects: string | null;
  /** The later record that corrects this one. */
  correctedBy: string | null;
  planting?: PlantingDetails;
  /** useNumber: the nth use of this product on the plot this season. */
  input?: InputDetails & { useNumber: number };
  activity?: ActivityDetails;
  observation?: ObservationDetails;
  labTest?: LabDetails & { passed: boolean };
  harvest?: HarvestDetails;
  /** Rules the record broke but which do not stop it, e.g. MAX_USES_EXCEEDED. */
  flags: RecordFlag[];
  override: RecordOverride | null;
  batchId: string | null;
}


export interface RecordResult {
  record: RecordView;
  batch: BatchView | null;
}

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

export interface PlotFilter {
  producerId?: string;
  crop?: Crop;
}

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
function uploadFile(file: File, idempotencyKey: string): Promise<{ fileId: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<{ fileId: string }>('/trace/files', { method: 'POST', body: form, idempotencyKey });
}

export function useUploadTraceFile() {
  return useMutation({ mutationFn: ({ file, idempotencyKey }: { file: File; idempotencyKey: string }) => uploadFile(file, idempotencyKey) });
}
