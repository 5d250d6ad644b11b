import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, withQuery, type Page } from './http.js';
import { FARM_INPUT_KINDS, STATION_DAY_STATUSES, STATION_SERVICE_KINDS, type ApiBody, type ApiListItem, type ApiQuery, type ApiResponse, type ItemOf } from './generated/openapi.js';

/*
 * 站点服务 (module stations): the county console's hooks — figures, day books, the service ledger, grade standards,
 * the farm-input catalogue and consignment statements. The phone page (/station) keeps its own in station-phone.ts.
 * Every shape is the API's own (generated from its OpenAPI document); only two are narrowed where the schema is loose.
 */

export { FARM_INPUT_KINDS };
export const SERVICE_KINDS = STATION_SERVICE_KINDS;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export const DAY_STATUSES = STATION_DAY_STATUSES;
export type DayStatus = (typeof DAY_STATUSES)[number];
export type FarmInputKind = (typeof FARM_INPUT_KINDS)[number];

/* ---------- figures ---------- */

export type Figures = ApiResponse<'GET /api/v1/stations/figures'>;
/** One row of GET /stations/figures: a point, a township, a kind of service or a day. */
export type FigureRow = ItemOf<Figures['rows']>;
export type ServiceCount = FigureRow['services'][ServiceKind];
export type FigureGroup = Figures['groupBy'];
export type FigureQuery = ApiQuery<'GET /api/v1/stations/figures'>;

/* ---------- days and records ---------- */

type ApiDay = ApiListItem<'GET /api/v1/stations/days'>;
/** A point's (or station's) day: the till from opening to counted cash, and what was served (by kind; kinds never served left out). */
export type DayView = Omit<ApiDay, 'byService'> & { byService: Partial<Record<ServiceKind, ServiceCount>> };
export type DayFilter = Omit<ApiQuery<'GET /api/v1/stations/days'>, 'limit' | 'cursor'>;

type ApiRecord = ApiListItem<'GET /api/v1/stations/records'>;
export type RecordCustomer = NonNullable<ApiRecord['customer']>;
/** One record of the till (a service, a payout, a stock-in, the day's opening or closing, a void); its details are a JSON object. */
export type RecordView = Omit<ApiRecord, 'details'> & { details: Record<string, unknown> };
export type RecordFilter = Omit<ApiQuery<'GET /api/v1/stations/records'>, 'limit' | 'cursor'>;

export type DayBook = DayView & { records: RecordView[] };

/* ---------- grade standards, farm inputs ---------- */

/** A version of a produce's grade standard (分级标准), in force from `validFrom`; every change is a new version. */
export type GradeStandard = ApiListItem<'GET /api/v1/stations/grade-standards'>;
export type StandardStatus = GradeStandard['status'];
export type Grade = ItemOf<GradeStandard['grades']>;
/** A criterion of a grade: a measured value with inclusive bounds (含水率 ≤ 12 %, 果径 ≥ 28 mm). */
export type GradeCriterion = ItemOf<Grade['criteria']>;
/** A new version: validFrom left out is now (never earlier). */
export type GradeStandardInput = ApiBody<'PUT /api/v1/stations/grade-standards/{produce}'>;

/** A farm input of the county's catalogue (农资目录); a fertiliser may be exempt from registration (no number). */
export type FarmInput = ApiListItem<'GET /api/v1/stations/farm-inputs'>;
export type FarmInputInput = ApiBody<'POST /api/v1/stations/farm-inputs'> & ApiBody<'PATCH /api/v1/stations/farm-inputs/{id}'>;

/* ---------- consignment ---------- */

/** A villager who consigned produce at a site (代卖), with what they brought, sold, were paid and are owed. */
export type Consignor = ApiListItem<'GET /api/v1/stations/consignors'>;
export type Statement = ApiResponse<'GET /api/v1/stations/consignors/{id}/statement'>;
export type ConsignmentLot = ItemOf<Statement['lots']>;
export type ConsignmentListing = ItemOf<ConsignmentLot['listings']>;
export type StatementEntry = ItemOf<Statement['entries']>;

const PAGE_SIZE = 50;
const enc = encodeURIComponent;

export const stationKeys = {
  all: ['stations'] as const,
  figures: (q: FigureQuery) => ['stations', 'figures', q] as const,
  days: (f: DayFilter) => ['stations', 'days', f] as const,
  day: (siteId: string, day: string) => ['stations', 'day', siteId, day] as const,
  records: (f: RecordFilter) => ['stations', 'records', f] as const,
  grades: () => ['stations', 'grade-standards'] as const,
  farmInputs: () => ['stations', 'farm-inputs'] as const,
  consignors: (siteId?: string) => ['stations', 'consignors', siteId ?? null] as const,
  statement: (id: string) => ['stations', 'statement', id] as const,
};

/* ---------- figures ---------- */

export function useFigures(query: FigureQuery) {
  return useQuery({
    queryKey: stationKeys.figures(query),
    queryFn: ({ signal }) => api<Figures>('/stations/figures', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The same figures as a workbook (按站点 / 按乡镇 / 按服务类型). */
export const figuresXlsxUrl = (query: ApiQuery<'GET /api/v1/stations/figures.xlsx'>) => `/api/v1${withQuery('/stations/figures.xlsx', { ...query })}`;

/* ---------- days and records ---------- */

export function useDays(filter: DayFilter) {
  return useInfiniteQuery({
    queryKey: stationKeys.days(filter),
    queryFn: ({ pageParam, signal }) => api<Page<DayView>>('/stations/days', { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useDayBook(siteId: string, day: string) {
  return useQuery({
    queryKey: stationKeys.day(siteId, day),
    queryFn: ({ signal }) => api<DayBook>(`/stations/days/${enc(siteId)}/${enc(day)}`, { signal }),
  });
}

export function useRecords(filter: RecordFilter) {
  return useInfiniteQuery({
    queryKey: stationKeys.records(filter),
    queryFn: ({ pageParam, signal }) => api<Page<RecordView>>('/stations/records', { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/* ---------- grade standards ---------- */

export function useGradeStandards() {
  return useQuery({
    queryKey: stationKeys.grades(),
    queryFn: ({ signal }) => fetchAll<GradeStandard>('/stations/grade-standards', {}, signal),
  });
}

/** A new version of a produce's standard, in force from its validFrom (county office). */
export function useSaveGradeStandard() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ produce, standard }: { produce: string; standard: GradeStandardInput }) =>
      api<GradeStandard>(`/stations/grade-standards/${enc(produce)}`, { method: 'PUT', body: standard }),
    onSuccess: () => client.invalidateQueries({ queryKey: stationKeys.all }),
  });
}

/* ---------- farm inputs ---------- */

export function useFarmInputs() {
  return useQuery({
    queryKey: stationKeys.farmInputs(),
    queryFn: ({ signal }) => fetchAll<FarmInput>('/stations/farm-inputs', {}, signal),
  });
}

export function useSaveFarmInput() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input, idempotencyKey }: { id?: string; input: FarmInputInput; idempotencyKey: string }) =>
      id
        ? api<FarmInput>(`/stations/farm-inputs/${enc(id)}`, { method: 'PATCH', body: input })
        : api<FarmInput>('/stations/farm-inputs', { method: 'POST', body: input, idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: stationKeys.farmInputs() }),
  });
}

/* ---------- consignment ---------- */

/** The consignors of one site (the API lists a site at a time); nothing is asked until a site is chosen. */
export function useConsignors(siteId: string | undefined) {
  return useInfiniteQuery({
    enabled: !!siteId,
    queryKey: stationKeys.consignors(siteId),
    queryFn: ({ pageParam, signal }) => api<Page<Consignor>>('/stations/consignors', { query: { siteId, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useStatement(id: string) {
  return useQuery({
    queryKey: stationKeys.statement(id),
    queryFn: ({ signal }) => api<Statement>(`/stations/consignors/${enc(id)}/statement`, { signal }),
  });
}
