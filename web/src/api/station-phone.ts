import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll } from './http.js';
import type { ApiBody, ApiResponse, ItemOf } from './generated/openapi.js';
import type { DayView as ApiDayView, RecordCustomer, RecordView as ApiRecordView } from './stations.js';

/**
 * The operator's phone page (/station, 站点服务) and the server: one write path (records sent in batches, each with a
 * clientId made on the phone), the desk the phone keeps for working offline, and today's records. The page decides
 * itself when it is offline (and queues records instead), so these never pause waiting for the browser to come
 * online: networkMode 'always' lets a failed call fail at once.
 *
 * Records and days are the console's shapes (api/stations.ts, generated from the API) less what the phone never
 * reads; the desk is typed with what the page reads of it, because the phone also keeps it offline and fills parts of
 * it from records still on the phone.
 */

export type { RecordCustomer, ServiceKind } from './stations.js';

type ApiRecordInput = ItemOf<ApiBody<'POST /api/v1/stations/records/batch'>['records']>;
export type RecordType = ApiRecordInput['type'];

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

/** A record as the phone keeps it: its type one the phone sends; the note (never shown on the phone) left out. */
export type RecordView = Omit<ApiRecordView, 'type' | 'note'> & { type: RecordType };

type ApiOutcome = ItemOf<ApiResponse<'POST /api/v1/stations/records/batch'>['outcomes']>;
/** A record's answer in a batch (the refusal's details are not read on the phone). */
export type Outcome = Omit<ApiOutcome, 'record' | 'details'> & { record: RecordView | null };

export interface BatchAnswer {
  outcomes: Outcome[];
}

/** A day of the till as the phone reckons it (the township's name is not needed there). */
export type DayView = Omit<ApiDayView, 'townshipName'>;

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

/** A convenience record its provider refused, waiting for its refund (the desk's `refundable`). */
export type DeskRefundable = ItemOf<ApiResponse<'GET /api/v1/stations/desk'>['refundable']>;

/** A produce's grade standard as the desk gives it (the shape src/modules/stations/grading.ts grades with). */
export type GradeStandard = ItemOf<ApiResponse<'GET /api/v1/stations/desk'>['gradeStandards']>;

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
  refundable?: DeskRefundable[];
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

// The desk's shapes above are what the page reads; the server's generated desk must keep providing them (a drift fails
// the typecheck here rather than on a villager's phone).
type ApiDesk = ApiResponse<'GET /api/v1/stations/desk'>;
type StationPhoneContract = [ApiDesk extends Desk ? true : never];
export const STATION_PHONE_CONTRACT: StationPhoneContract = [true];
