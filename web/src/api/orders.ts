import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, type Page } from './http.js';
import { CAMPAIGN_STATUSES, CARRIERS, DELIVERY_KINDS, ORDER_STATUSES, PAYMENT_METHODS, PAYMENT_STATUSES, type ApiBody, type ApiListItem, type ApiQuery, type ApiResponse, type ItemOf } from './generated/openapi.js';

/**
 * pending_payment → paid → shipped → delivered → completed for prepaid orders (online, or cash at a village point);
 * cash on delivery goes confirmed → shipped → delivered (paid there) → completed. Cancelled and refunded end it; a
 * delivered order may be asked back (return_requested), which the seller accepts (returned) or refuses (delivered).
 */
export { CAMPAIGN_STATUSES, CARRIERS, DELIVERY_KINDS, ORDER_STATUSES, PAYMENT_METHODS, PAYMENT_STATUSES };
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** 村级服务点代收, 货到付款, 在线支付. */
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** 同城配送 within a township that has a fee, or a parcel by a carrier. */
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];
/** The carriers the server accepts for shipping, in its spelling. */
export type Carrier = (typeof CARRIERS)[number];
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
/** Whose orders a list shows: your purchases, your sellers' sales, your village point's cash, or every order. */
export type OrderView = NonNullable<ApiQuery<'GET /api/v1/orders'>['as']>;

/** What the server charges for a parcel when the county has set no parcel fee (orders.service DEFAULT_PARCEL_FEE_FEN). */
export const DEFAULT_PARCEL_FEE_FEN = 1000;

/**
 * An order; `shipTo.phone` is masked (139****5678) unless you are the buyer, `returnReason` says why the buyer asked
 * to return it (and, if refused, the seller's answer), `payments` what was paid or asked for and where the money ended,
 * `payUrl` where to pay an online order awaiting payment (`/api/v1/payments/local/…`).
 */
// The answer's schema says only "a string" for the carrier; it is always one the ship body took (CARRIERS).
export type Order = Omit<ApiResponse<'GET /api/v1/orders/{id}'>, 'carrier'> & { carrier: Carrier | null };
/** Where an order goes: `divisionCode` is a township or village of this county (needed for same-town delivery), or the county. */
export type ShipTo = Order['shipTo'];
export type OrderItem = ItemOf<Order['items']>;
/** pending (asked of the provider) → succeeded → refunded; cancelled when its order was cancelled before it was paid. */
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export type Payment = ItemOf<Order['payments']>;
export type Checkout = ApiBody<'POST /api/v1/orders/checkout'>;
/** 代下单: what a village point sends to order for a walk-in villager. */
export type WalkIn = ApiBody<'POST /api/v1/orders/walk-in'>;

/** A presale; `backedQty` counts the units in paid backings. */
export type Campaign = ApiResponse<'GET /api/v1/orders/campaigns/{id}'>;
export type NewCampaign = ApiBody<'POST /api/v1/orders/campaigns'>;
export type Backing = ApiBody<'POST /api/v1/orders/campaigns/{id}/back'>;

export type OrderFilter = Omit<ApiQuery<'GET /api/v1/orders'>, 'limit' | 'cursor'> & { as: OrderView };

export type OrderAction =
  | { action: 'cancel'; reason: string }
  | { action: 'complete' }
  | { action: 'ship'; carrier: Carrier; waybillNo: string }
  | { action: 'deliver' }
  | { action: 'cash-received' }
  | { action: 'return'; reason: string }
  | { action: 'return/accept' }
  | { action: 'return/refuse'; reason: string };

const PAGE_SIZE = 20;

export const ordersKeys = {
  all: ['orders'] as const,
  list: (filter: OrderFilter) => ['orders', 'list', filter] as const,
  one: (id: string) => ['orders', 'one', id] as const,
  campaigns: ['orders', 'campaigns'] as const,
  campaignList: (status?: CampaignStatus) => ['orders', 'campaigns', 'list', status ?? null] as const,
  campaign: (id: string) => ['orders', 'campaigns', 'one', id] as const,
  fees: ['orders', 'fees'] as const,
};

const orderPath = (id: string) => `/orders/${encodeURIComponent(id)}`;

/** Places the orders of a cart, one per seller; one idempotency key per checkout attempt. */
export function useCheckout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ checkout, idempotencyKey }: { checkout: Checkout; idempotencyKey: string }) =>
      api<{ orders: Order[] }>('/orders/checkout', { method: 'POST', body: checkout, idempotencyKey }).then((r) => r.orders),
    // What is left to sell changed too.
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ordersKeys.all }), client.invalidateQueries({ queryKey: ['catalog'] })]),
  });
}

/** Orders page by page: your purchases, your sellers' sales, your village point's cash collections, or all. */
export function useOrders(filter: OrderFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: ordersKeys.list(filter),
    queryFn: ({ pageParam, signal }) => api<Page<Order>>('/orders', { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrder(id: string | undefined) {
  return useQuery({
    queryKey: ordersKeys.one(id ?? ''),
    queryFn: ({ signal }) => api<Order>(orderPath(id!), { signal }),
    enabled: !!id,
    retry: false,
  });
}

/**
 * The village point's orders with this number (8 digits, or a scanned order link): one, or none. A mistyped number is
 * a 400 ORDER_NO_INVALID.
 */
export function usePickupOrderByNo(no: string | undefined) {
  return useQuery({
    queryKey: [...ordersKeys.all, 'pickup-no', no ?? ''] as const,
    queryFn: ({ signal }) => api<Page<Order>>('/orders', { query: { as: 'pickup', q: no, limit: 5 }, signal }).then((page) => page.items),
    enabled: !!no,
    retry: false,
  });
}

/** Orders for a walk-in villager at the caller's village point (cash there, the number texted); one key per form. */
export function useWalkInOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ walkIn, idempotencyKey }: { walkIn: WalkIn; idempotencyKey: string }) =>
      api<{ orders: Order[] }>('/orders/walk-in', { method: 'POST', body: walkIn, idempotencyKey }).then((r) => r.orders),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ordersKeys.all }), client.invalidateQueries({ queryKey: ['catalog'] })]),
  });
}

/** Moves an order along: cancel, confirm receipt, ship, deliver, record the cash at the village point, return. */
export function useOrderAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...act }: OrderAction & { id: string }) => {
      const path = `${orderPath(id)}/${act.action}`;
      switch (act.action) {
        case 'cancel':
        case 'return':
        case 'return/refuse':
          return api<Order>(path, { method: 'POST', body: { reason: act.reason } });
        case 'ship':
          return api<Order>(path, { method: 'POST', body: { carrier: act.carrier, waybillNo: act.waybillNo } });
        default:
          return api<Order>(path, { method: 'POST' });
      }
    },
    // Whatever the answer (a 409 means someone else moved it meanwhile), the order is read again.
    onSettled: () => client.invalidateQueries({ queryKey: ordersKeys.all }),
  });
}

/** Pays an online order through the payment page the server named (the local provider confirms at once). */
export function usePayOnline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (payUrl: string) => api<ApiResponse<'POST /api/v1/payments/local/{ref}/pay'>>(payUrl.replace(/^\/api\/v1/, ''), { method: 'POST' }),
    onSettled: () => client.invalidateQueries({ queryKey: ordersKeys.all }),
  });
}

/** Presale campaigns with their progress (public), soonest deadline first: every page, following the cursor. */
export function useCampaigns(status?: CampaignStatus) {
  return useQuery({
    queryKey: ordersKeys.campaignList(status),
    queryFn: ({ signal }) => fetchAll<Campaign>('/orders/campaigns', { status }, signal),
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: ordersKeys.campaign(id),
    queryFn: ({ signal }) => api<Campaign>(`/orders/campaigns/${encodeURIComponent(id)}`, { signal }),
  });
}

/** Opens a presale (the seller); one idempotency key per opened form. */
export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ campaign, idempotencyKey }: { campaign: NewCampaign; idempotencyKey: string }) => api<Campaign>('/orders/campaigns', { method: 'POST', body: campaign, idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: ordersKeys.campaigns }),
  });
}

/** Backs a presale: an order paid up front; one idempotency key per attempt. */
export function useBackCampaign(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ backing, idempotencyKey }: { backing: Backing; idempotencyKey: string }) =>
      api<Order>(`/orders/campaigns/${encodeURIComponent(id)}/back`, { method: 'POST', body: backing, idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: ordersKeys.all }),
  });
}

/** Same-town delivery fee per township (and a `parcel` row when the county set one); public. */
export function useDeliveryFees() {
  return useQuery({
    queryKey: ordersKeys.fees,
    queryFn: ({ signal }) => fetchAll<ApiListItem<'GET /api/v1/orders/delivery-fees'>>('/orders/delivery-fees', {}, signal),
    staleTime: 10 * 60_000,
  });
}
