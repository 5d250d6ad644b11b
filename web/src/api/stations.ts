import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, withQuery, type Page } from './http.js';

/*
 * 站点服务 (module stations): the county console's hooks — figures, day books, the service ledger, grade standards,
 * the farm-input catalogue and consignment statements. The phone page (/station) keeps its own in station-phone.ts.
 * The shapes are the API's answers as issue 16's contract names them.
 */

export const SERVICE_KINDS = ['proxy_buy', 'consignment', 'purchase', 'bill', 'ticket', 'cash_withdrawal', 'loan_referral', 'farm_input'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export const DAY_STATUSES = ['open', 'closed'] as const;
export type DayStatus = (typeof DAY_STATUSES)[number];
export const FARM_INPUT_KINDS = ['seed', 'fertiliser', 'pesticide'] as const;
export type FarmInputKind = (typeof FARM_INPUT_KINDS)[number];
export const FIGURE_GROUPS = ['site', 'township', 'service', 'day'] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];

export interface ServiceCount {
  count: number;
  amountFen: number;
}

/** One row of GET /stations/figures: a point, a township, a kind of service or a day. */
export interface FigureRow {
  key: string;
  name: string;
  /** A site row's township and kind (null on other rows). */
  townshipName?: string | null;
  siteKind?: 'township_station' | 'village_point' | null;
  services: Partial<Record<ServiceKind, ServiceCount>>;
  servicesTotal: number;
  amountFen: number;
  feeFen: number;
  parcelsIn: number;
  parcelsOut: number;
  peopleServed: number;
  poorServed: number;
  daysClosed: number;
  daysWithDifference: number;
}

export interface Figures {
  from: string;
  to: string;
  rows: FigureRow[];
  total: FigureRow;
}

export interface FigureQuery {
  from: string;
  to: string;
  groupBy: FigureGroup;
  township?: string;
  siteId?: string;
}

/** A point's (or station's) day: the till from opening to counted cash, and what was served. */
export interface DayView {
  siteId: string;
  siteName: string;
  townshipName: string | null;
  day: string;
  status: DayStatus;
  openingCashFen: number;
  cashInFen: number;
  cashOutFen: number;
  expectedCashFen: number;
  countedCashFen: number | null;
  differenceFen: number | null;
  reason: string | null;
  closedAt: string | null;
  closedByName: string | null;
  services: number;
  byService: Partial<Record<ServiceKind, ServiceCount>>;
}

export interface RecordCustomer {
  id: string;
  name: string;
  phoneMasked: string | null;
  poor: boolean;
}

/** One record of the till (a service, a payout, a stock-in, the day's opening or closing, a void). */
export interface RecordView {
  id: string;
  clientId: string;
  siteId: string;
  siteName: string;
  type: string;
  service: ServiceKind | null;
  day: string;
  at: string;
  recordedAt: string;
  recordedByName: string;
  customer: RecordCustomer | null;
  amountFen: number;
  feeFen: number;
  cashInFen: number;
  cashOutFen: number;
  details: Record<string, unknown>;
  summary: string;
  receiptCode: string | null;
  voided: boolean;
  voidReason: string | null;
}

export type DayBook = DayView & { records: RecordView[] };

export interface DayFilter {
  siteId?: string;
  township?: string;
  from?: string;
  to?: string;
  status?: DayStatus;
}

export interface RecordFilter {
  siteId?: string;
  township?: string;
  day?: string;
  from?: string;
  to?: string;
  service?: ServiceKind;
  type?: string;
}

/** A criterion of a grade: a measured value with inclusive bounds (含水率 ≤ 12 %, 果径 ≥ 28 mm). */
export interface GradeCriterion {
  key: string;
  label: string;
  unit: string;
  min?: number;
  max?: number;
}

export interface Grade {
  key: string;
  name: string;
  priceFenPerKg: number;
  criteria: GradeCriterion[];
}

export const STANDARD_STATUSES = ['in_force', 'scheduled', 'superseded'] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];

/** A version of a produce's grade standard (分级标准), in force from `validFrom`; every change is a new version. */
export interface GradeStandard {
  id: string;
  produce: string;
  name: string;
  version: number;
  validFrom: string;
  status: StandardStatus;
  grades: Grade[];
  /** 等外: the price paid off-grade, or null when the standard takes no off-grade produce. */
  offGradePriceFenPerKg: number | null;
  note: string | null;
  createdAt: string;
  createdByName: string;
}

/** A new version: validFrom left out is now (never earlier). */
export interface GradeStandardInput {
  name: string;
  grades: Grade[];
  offGradePriceFenPerKg: number | null;
  validFrom?: string;
  note?: string;
}

/** A farm input of the county's catalogue (农资目录); a fertiliser may be exempt from registration (no number). */
export interface FarmInput {
  id: string;
  name: string;
  kind: FarmInputKind;
  kindName: string;
  registrationNo: string | null;
  /** What the number is called on the receipt (农药登记证号 …; 免于登记 when none). */
  registrationLabel: string;
  maker: string;
  spec: string;
  unit: string;
  priceFen: number;
  restricted: boolean;
  active: boolean;
}

export interface FarmInputInput {
  name: string;
  kind: FarmInputKind;
  registrationNo?: string;
  maker: string;
  spec: string;
  unit: string;
  priceFen: number;
  restricted?: boolean;
  active?: boolean;
}

/** A villager who consigned produce at a site (代卖), with what they brought, sold, were paid and are owed. */
export interface Consignor {
  id: string;
  name: string;
  phoneMasked: string | null;
  poor: boolean;
  siteId: string;
  lots: number;
  receivedG: number;
  listedG: number;
  unitsSold: number;
  creditedFen: number;
  paidOutFen: number;
  balanceFen: number;
  lastAt: string;
}

export interface ConsignmentListing {
  id: string;
  productName: string;
  spec: string;
  netWeightG: number;
  units: number;
  unitsSold: number;
}

export interface ConsignmentLot {
  recordId: string;
  day: string;
  at: string;
  produce: string;
  produceName: string;
  grade: string;
  gradeName: string;
  weightG: number;
  priceFenPerKg: number;
  listedG: number;
  voided: boolean;
  listings: ConsignmentListing[];
}

export interface StatementEntry {
  id: string;
  kind: 'sale' | 'refund' | 'payout';
  kindName: string;
  at: string;
  day: string;
  productName: string | null;
  units: number;
  /** + a sale credited, − a refund taken back or cash paid out. */
  amountFen: number;
  recordId: string | null;
  voided: boolean;
}

export interface Statement {
  consignor: Consignor;
  site: { id: string; name: string; townshipName: string };
  lots: ConsignmentLot[];
  entries: StatementEntry[];
  totals: { receivedG: number; listedG: number; unitsSold: number; salesFen: number; refundedFen: number; paidOutFen: number; balanceFen: number };
  printedAt: string;
}

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
export const figuresXlsxUrl = (query: Omit<FigureQuery, 'groupBy'> & { groupBy?: FigureGroup }) => `/api/v1${withQuery('/stations/figures.xlsx', { ...query })}`;

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
