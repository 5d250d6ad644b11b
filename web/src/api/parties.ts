import { keepPreviousData, useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, withQuery, type Page } from './http.js';
import { displayOrder } from './display-order.js';
import { HOUSEHOLD_STATUSES, LEDGER_GROUPS as API_LEDGER_GROUPS, LINK_ROLES, SELLER_KINDS, SELLER_STATUSES, SELLER_TAGS, type ApiBody, type ApiListItem, type ApiQuery, type ApiResponse, type ItemOf } from './generated/openapi.js';

export { HOUSEHOLD_STATUSES, LINK_ROLES, SELLER_KINDS, SELLER_STATUSES, SELLER_TAGS };
export type SellerKind = (typeof SELLER_KINDS)[number];
export type SellerStatus = (typeof SELLER_STATUSES)[number];
/** Groups the plan asks to bring into e-commerce first (§5.3.6). */
export type SellerTag = (typeof SELLER_TAGS)[number];
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];
export type LinkRole = (typeof LINK_ROLES)[number];

/** A whole sale in basis points: 10 000 = 100 %. */
export const FULL_SHARE_BP = 10_000;

/**
 * A seller; `creditCode` (统一社会信用代码) is null for a farmer, whose `idNumber` is always masked (5306**********105X);
 * `contactPhone` is masked unless you manage the seller; `ownerUserId` is the account that manages it.
 */
export type Seller = ApiResponse<'GET /api/v1/parties/sellers/{id}'>;
/** The body of `POST /parties/sellers`: a credit code for every kind but a farmer, who gives an ID number. */
export type NewSeller = ApiBody<'POST /api/v1/parties/sellers'>;
export type SellerChanges = ApiBody<'PATCH /api/v1/parties/sellers/{id}'>;
export type SellerFilter = Omit<ApiQuery<'GET /api/v1/parties/sellers'>, 'limit' | 'cursor'>;

/** A registered poor household (建档立卡户); `headIdNumber` is masked unless it is your own household. */
export type Household = ApiListItem<'GET /api/v1/parties/households'>;
/** A household with the links in force today. */
export type HouseholdDetail = ApiResponse<'GET /api/v1/parties/households/{id}'>;
/** A household's share (`shareBp`, 500 = 5 %) of a seller's sales, of one product or (productId null) all of them. */
export type HouseholdLink = ItemOf<HouseholdDetail['links']>;
export type NewHousehold = ApiBody<'POST /api/v1/parties/households'>;
export type HouseholdChanges = ApiBody<'PATCH /api/v1/parties/households/{id}'>;
export type HouseholdFilter = Omit<ApiQuery<'GET /api/v1/parties/households'>, 'limit' | 'cursor'>;
export type NewLink = ApiBody<'POST /api/v1/parties/households/{id}/links'>;

const PAGE_SIZE = 50;

export const partiesKeys = {
  all: ['parties'] as const,
  sellers: ['parties', 'sellers'] as const,
  sellerList: (filter: SellerFilter) => ['parties', 'sellers', 'list', filter] as const,
  approved: ['parties', 'sellers', 'approved'] as const,
  seller: (id: string) => ['parties', 'sellers', 'one', id] as const,
  households: ['parties', 'households'] as const,
  householdList: (filter: HouseholdFilter) => ['parties', 'households', 'list', filter] as const,
  household: (id: string) => ['parties', 'households', 'one', id] as const,
};

const sellerPath = (id: string) => `/parties/sellers/${encodeURIComponent(id)}`;
const householdPath = (id: string) => `/parties/households/${encodeURIComponent(id)}`;

/** Sellers page by page: all of them for the county office and regulators, one's own for everyone else. */
export function useSellers(filter: SellerFilter) {
  return useInfiniteQuery({
    queryKey: partiesKeys.sellerList(filter),
    queryFn: ({ pageParam, signal }) => api<Page<Seller>>('/parties/sellers', { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Every approved seller, for choosing one to link a household to (a county has at most a few hundred). */
export function useApprovedSellers(enabled = true) {
  return useQuery({
    queryKey: partiesKeys.approved,
    queryFn: ({ signal }) => fetchAll<Seller>('/parties/sellers', { status: 'approved' }, signal),
    enabled,
  });
}

export function useSeller(id: string) {
  return useQuery({
    queryKey: partiesKeys.seller(id),
    queryFn: ({ signal }) => api<Seller>(sellerPath(id), { signal }),
  });
}

/** Several sellers by id (a household's links); one the caller may not see answers 404 and stays unnamed. */
export function useSellersById(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: partiesKeys.seller(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api<Seller>(sellerPath(id), { signal }),
      retry: false,
    })),
    combine: bySellerId,
  });
}

function bySellerId(results: { data?: Seller; isPending: boolean }[]) {
  return { sellers: new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data] as const] : []))), pending: results.some((r) => r.isPending) };
}

/** Applies to sell; one idempotency key per opened form, so a double click sends one application. */
export function useApplySeller() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ seller, idempotencyKey }: { seller: NewSeller; idempotencyKey: string }) => api<Seller>('/parties/sellers', { method: 'POST', body: seller, idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: partiesKeys.sellers }),
  });
}

export function useUpdateSeller(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: SellerChanges) => api<Seller>(sellerPath(id), { method: 'PATCH', body: changes }),
    onSuccess: () => client.invalidateQueries({ queryKey: partiesKeys.sellers }),
  });
}

export type SellerDecision =
  | { action: 'approve' }
  | { action: 'reject'; reason: string }
  | { action: 'suspend'; reason: string }
  | { action: 'reinstate' };

/**
 * The county office's decisions on a seller. Whatever the answer (a 409 means someone else decided meanwhile),
 * the seller is read again.
 */
export function useDecideSeller(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (decision: SellerDecision) => {
      switch (decision.action) {
        case 'approve':
          return api<Seller>(`${sellerPath(id)}/review`, { method: 'POST', body: { decision: 'approve' } });
        case 'reject':
          return api<Seller>(`${sellerPath(id)}/review`, { method: 'POST', body: { decision: 'reject', reason: decision.reason } });
        case 'suspend':
          return api<Seller>(`${sellerPath(id)}/suspend`, { method: 'POST', body: { reason: decision.reason } });
        case 'reinstate':
          return api<Seller>(`${sellerPath(id)}/reinstate`, { method: 'POST' });
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: partiesKeys.sellers }),
  });
}

/** A farmer seller's full ID number, for its managing account only; asked for on a click and never cached. */
export function useRevealIdNumber(id: string) {
  return useMutation({
    mutationFn: () => api<ApiResponse<'GET /api/v1/parties/sellers/{id}/id-number'>>(`${sellerPath(id)}/id-number`).then((r) => r.idNumber),
  });
}

/** The poor-household register page by page (county office and regulators). */
export function useHouseholds(filter: HouseholdFilter) {
  return useInfiniteQuery({
    queryKey: partiesKeys.householdList(filter),
    queryFn: ({ pageParam, signal }) => api<Page<Household>>('/parties/households', { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useHousehold(id: string) {
  return useQuery({
    queryKey: partiesKeys.household(id),
    queryFn: ({ signal }) => api<HouseholdDetail>(householdPath(id), { signal }),
  });
}

/** Registers a household (county admin); one idempotency key per opened form. */
export function useRegisterHousehold() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ household, idempotencyKey }: { household: NewHousehold; idempotencyKey: string }) =>
      api<Household>('/parties/households', { method: 'POST', body: household, idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: partiesKeys.households }),
  });
}

export function useUpdateHousehold(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: HouseholdChanges) => api<Household>(householdPath(id), { method: 'PATCH', body: changes }),
    onSuccess: () => client.invalidateQueries({ queryKey: partiesKeys.households }),
  });
}

/** Links a household to a seller (or one product) with its share of each sale; one idempotency key per opened form. */
export function useLinkHousehold(householdId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ link, idempotencyKey }: { link: NewLink; idempotencyKey: string }) =>
      api<HouseholdLink>(`${householdPath(householdId)}/links`, { method: 'POST', body: link, idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: partiesKeys.households }),
  });
}

/** Every product of one seller (following the catalogue's cursor), for choosing the product a link names. */
export function useSellerProducts(sellerId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['parties', 'seller-products', sellerId ?? ''] as const,
    queryFn: ({ signal }) => fetchAll<{ id: string; name: string }>('/catalog/manage/products', { sellerId }, signal),
    enabled: enabled && !!sellerId,
  });
}

/** Ends a link on a date; its history is kept, earlier sales still credit it. */
export function useEndLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ linkId, validTo }: { linkId: string; validTo: string }) =>
      api<{ ok: boolean }>(`/parties/household-links/${encodeURIComponent(linkId)}/end`, { method: 'POST', body: { validTo } }),
    onSuccess: () => client.invalidateQueries({ queryKey: partiesKeys.households }),
  });
}

/** How the poverty-alleviation ledger (扶贫台账) adds up its credits, coarsest first. */
export const LEDGER_GROUPS = displayOrder(API_LEDGER_GROUPS, ['township', 'village', 'household']);
export type LedgerGroup = (typeof API_LEDGER_GROUPS)[number];

/**
 * Sales and the households' income from them for one township (code), village (code) or household (id) over a
 * period of entry dates, with the county's totals (each sale line once, and what rounding down left). A sale line
 * counts once per row however many of its households it credited; a refund counts on its own day (negative).
 */
export type LedgerPage = ApiResponse<'GET /api/v1/parties/ledger'>;
export type LedgerRow = ItemOf<LedgerPage['items']>;
export type LedgerTotals = LedgerPage['totals'];
/** One household's entries: a credit on the day the order was paid, or its reversal on the day of the refund. */
export type HouseholdLedger = ApiResponse<'GET /api/v1/parties/households/{id}/ledger'>;
export type LedgerEntry = ItemOf<HouseholdLedger['items']>;

/** An approved seller as the shop shows it (public). */
export type SellerProfile = ApiResponse<'GET /api/v1/parties/sellers/{id}/profile'>;

export const ledgerKeys = {
  summary: (by: LedgerGroup, from?: string, to?: string) => ['parties', 'ledger', by, from ?? null, to ?? null] as const,
  household: (id: string, from?: string, to?: string) => ['parties', 'ledger', 'household', id, from ?? null, to ?? null] as const,
};

const LEDGER_PAGE = 100;

/**
 * The ledger per township, village or household over a period (county office, regulators), most income first,
 * page by page; the first page carries the county's totals over the whole period.
 */
export function useLedger(by: LedgerGroup, from?: string, to?: string) {
  return useInfiniteQuery({
    queryKey: ledgerKeys.summary(by, from, to),
    queryFn: ({ pageParam, signal }) => api<LedgerPage>('/parties/ledger', { query: { by, from, to, limit: LEDGER_PAGE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** One household's totals over the same period as the ledger's rows, and its entries newest first, page by page. */
export function useHouseholdLedger(id: string | undefined, from?: string, to?: string) {
  return useInfiniteQuery({
    queryKey: ledgerKeys.household(id ?? '', from, to),
    queryFn: ({ pageParam, signal }) => api<HouseholdLedger>(`${householdPath(id!)}/ledger`, { query: { from, to, limit: LEDGER_PAGE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: !!id,
  });
}

/** The ledger over a period as an Excel workbook for auditors (the browser downloads it with the session cookie). */
export const ledgerExportUrl = (by: LedgerGroup, from?: string, to?: string) => `/api/v1${withQuery('/parties/ledger/export.xlsx', { by, from, to })}`;

/** The whole register at once (a county has a few hundred households), for naming the ledger's rows. */
export function useAllHouseholds(enabled = true) {
  return useQuery({
    queryKey: ['parties', 'households', 'all'] as const,
    queryFn: ({ signal }) => fetchAll<Household>('/parties/households', {}, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** Every seller the caller may see (all of them for the county office), for naming sellers by id. */
export function useAllSellers(enabled = true) {
  return useQuery({
    queryKey: ['parties', 'sellers', 'all'] as const,
    queryFn: ({ signal }) => fetchAll<Seller>('/parties/sellers', {}, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** An approved seller's public profile (the shop's seller line); 404 once it no longer sells. */
export function useSellerProfile(id: string | undefined) {
  return useQuery({
    queryKey: ['parties', 'profile', id ?? ''] as const,
    queryFn: ({ signal }) => api<SellerProfile>(`/parties/sellers/${encodeURIComponent(id!)}/profile`, { signal }),
    enabled: !!id,
    retry: false,
    staleTime: 10 * 60_000,
  });
}
