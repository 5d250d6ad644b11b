import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll } from './http.js';
import type { ApiListItem, ApiResponse, ItemOf } from './generated/openapi.js';

/**
 * The operator's phone page (/station, 站点服务) and the server: one write path (records sent in batches, each with a
 * clientId made on the phone), the desk the phone keeps for working offline, and today's records. The page decides
 * itself when it is offline (and queues records instead), so these never pause waiting for the browser to come
 * online: networkMode 'always' lets a failed call fail at once.
 *
 * The shapes follow the contract of issue 16 (GET /stations/desk, POST /stations/records/batch, RecordView, DayView);
 * the parts other helpers add to the desk are typed loosely, with what the page reads of them.
 */

export const SERVICE_KINDS = ['proxy_buy', 'consignment', 'purchase', 'bill', 'ticket', 'cash_withdrawal', 'loan_referral', 'farm_input'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const RECORD_TYPES = [
  'day.open',
  'day.close',
  'record.void',
  'proxy_buy.request',
  'proxy_buy.ordered',
  'proxy_buy.parcel',
  'proxy_buy.handover',
  'proxy_buy.cancel',
  'bill.pay',
  'ticket.book',
  'cash.withdraw',
  'loan.refer',
  'purchase.receipt',
  'consignment.intake',
  'consignment.payout',
  'farm_input.stock_in',
  'farm_input.sale',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** A villager typed in at the till (may have no phone or account). */
export interface CustomerInput {
  name: string;
  phone?: string;
  idNumber?: string;
  poor?: boolean;
}

/** One record as the phone makes it: the common fields and the type's own (see the contract's table). */
export interface RecordInput {
  clientId: string;
  type: RecordType;
  at: string;
  receiptCode?: string;
  note?: string;
  customer?: CustomerInput;
  customerId?: string;
  [field: string]: unknown;
}

export interface RecordCustomer {
  id: string;
  name: string;
  phoneMasked: string | null;
  poor: boolean;
}

export interface RecordView {
  id: string;
  clientId: string;
  siteId: string;
  siteName: string;
  type: RecordType;
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

export interface Outcome {
  clientId: string;
  status: 'stored' | 'duplicate' | 'refused';
  recordId: string | null;
  code: string | null;
  message: string | null;
  record: RecordView | null;
}

export interface BatchAnswer {
  outcomes: Outcome[];
}

export interface DayView {
  siteId: string;
  siteName: string;
  townshipName?: string;
  day: string;
  status: 'open' | 'closed';
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
  byService: Partial<Record<ServiceKind, { count: number; amountFen: number }>>;
}

export interface DeskSite {
  id: string;
  name: string;
  kind?: string;
  townshipCode?: string;
  villageCode?: string | null;
  /** The network's site services (buy_for, sell_for, …); missing: every service is offered. */
  services?: string[];
}

/** A villager of this site as the desk gives it: masked. */
export interface DeskCustomer {
  id: string;
  name: string;
  phoneMasked?: string | null;
  idNumberMasked?: string | null;
  poor?: boolean;
}

export interface Provider {
  id: string;
  name: string;
  /** bill, ticket, cash_withdrawal, loan_referral */
  kinds: string[];
  /** electricity, water, train, cash, loan … */
  services?: string[];
}

/** A criterion of a grade (含水率 ≤ 12 %), as the grading rule reads it. */
export interface CriterionView {
  key: string;
  label: string;
  unit: string;
  min?: number;
  max?: number;
}

export interface GradeView {
  key: string;
  name: string;
  priceFenPerKg: number;
  criteria: CriterionView[];
}

/** A produce's grade standard in force (src/modules/stations/grading.ts GradeStandard). */
export interface GradeStandard {
  produce: string;
  name: string;
  version: number;
  validFrom: string;
  status?: string;
  /** Best first. */
  grades: GradeView[];
  offGradePriceFenPerKg: number | null;
}

export interface FarmInputView {
  id: string;
  name: string;
  kindName?: string;
  spec?: string;
  registrationNo?: string | null;
  registrationLabel?: string;
  unit?: string;
  priceFen: number;
  /** 限制使用农药: the sale needs the buyer's resident ID number. */
  restricted?: boolean;
  /** What this site holds, in units. */
  stock?: number;
}

export interface OpenProxyBuy {
  /** The request's clientId: later steps send it as proxyBuyClientId. */
  clientId: string;
  id?: string;
  item: string;
  customer?: RecordCustomer | null;
  /** A request still on the phone: the name typed. */
  customerName?: string;
  status?: string;
  statusName?: string;
  stageName?: string;
  depositFen?: number;
  costFen?: number | null;
  externalOrderNo?: string | null;
  waybillNo?: string | null;
}

export interface Consignor {
  /** The villager's customer id at this site (a payout sends it as customerId). */
  id: string;
  name: string;
  phoneMasked?: string | null;
  poor?: boolean;
  /** What may be paid out now. */
  balanceFen: number;
  /** Grams of its produce at the site not listed yet. */
  heldG?: number;
}

export interface SiteRef {
  id: string;
  name: string;
}

/** What the phone caches to work offline. */
export interface Desk {
  site: DeskSite;
  today: DayView;
  /** The site's earlier days still open (not closed that evening), oldest first: each can be closed (日结) late. */
  earlierOpenDays?: { day: string; expectedCashFen: number }[];
  sitesICanRecordAt: SiteRef[];
  customers: DeskCustomer[];
  gradeStandards?: GradeStandard[];
  farmInputs?: FarmInputView[];
  providers?: Provider[];
  openProxyBuys?: OpenProxyBuy[];
  consignors?: Consignor[];
}

export const stationPhoneKeys = {
  all: ['stations', 'phone'] as const,
  desk: (siteId: string) => ['stations', 'phone', 'desk', siteId] as const,
  records: (siteId: string, day: string) => ['stations', 'phone', 'records', siteId, day] as const,
  sites: ['stations', 'phone', 'sites'] as const,
};

/** The desk of one site; the page keeps the last one on the device (stationCache.ts). */
export function useStationDesk(siteId: string | null) {
  return useQuery({
    queryKey: stationPhoneKeys.desk(siteId ?? ''),
    queryFn: ({ signal }) => api<Desk>('/stations/desk', { query: { siteId }, signal }),
    enabled: !!siteId,
    networkMode: 'always',
    retry: false,
  });
}

/** One day's records of a site, every page of them (a day at one till is short). */
export function useStationDayRecords(siteId: string | null, day: string) {
  return useQuery({
    queryKey: stationPhoneKeys.records(siteId ?? '', day),
    queryFn: ({ signal }) => fetchAll<RecordView>('/stations/records', { siteId, day }, signal),
    enabled: !!siteId,
    networkMode: 'always',
    retry: false,
  });
}

/** The township stations a township operator records at (its township's operating stations). */
export function useTownshipStations(township: string | null) {
  return useQuery({
    queryKey: [...stationPhoneKeys.sites, township],
    queryFn: ({ signal }) => fetchAll<SiteRef & { kind: string; status: string }>('/network/sites', { townshipCode: township, kind: 'township_station', status: 'operating' }, signal),
    enabled: !!township,
    networkMode: 'always',
    retry: false,
  });
}

/** Sends one site's records; the server answers every record's outcome in the same order. */
export const sendRecords = (siteId: string, records: RecordInput[]) => api<BatchAnswer>('/stations/records/batch', { method: 'POST', body: { siteId, records } });

/** The batch as a mutation that refreshes the desk and the day's records once the server has answered. */
export function useRecordBatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ siteId, records }: { siteId: string; records: RecordInput[] }) => sendRecords(siteId, records),
    networkMode: 'always',
    onSuccess: () => void client.invalidateQueries({ queryKey: stationPhoneKeys.all }),
  });
}

/** The network's services of a site (代买 buy_for, 代卖 sell_for, …): which buttons the page offers. */
export function useSiteServices(siteId: string | null) {
  return useQuery({
    queryKey: [...stationPhoneKeys.all, 'services', siteId],
    queryFn: ({ signal }) => api<{ services: string[] }>(`/network/sites/${encodeURIComponent(siteId ?? '')}`, { signal }).then((s) => s.services),
    enabled: !!siteId,
    networkMode: 'always',
    retry: false,
    staleTime: 10 * 60_000,
  });
}

// The shapes above are what the page reads; the server's generated types must keep providing them (a drift fails
// the typecheck here rather than on a villager's phone).
type Generated = {
  desk: ApiResponse<'GET /api/v1/stations/desk'>;
  record: ApiListItem<'GET /api/v1/stations/records'>;
  outcome: ItemOf<ApiResponse<'POST /api/v1/stations/records/batch'>['outcomes']>;
};
type StationPhoneContract = [
  Generated['desk']['today'] extends Omit<DayView, 'byService'> ? true : never,
  Generated['record'] extends Omit<RecordView, 'type' | 'service' | 'details'> ? true : never,
  Generated['outcome'] extends Omit<Outcome, 'record'> ? true : never,
  Generated['desk']['customers'][number] extends DeskCustomer ? true : never,
];
export const STATION_PHONE_CONTRACT: StationPhoneContract = [true, true, true, true];
