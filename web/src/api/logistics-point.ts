import { useMutation, useQuery } from '@tanstack/react-query';
import { api, fetchAll } from './http.js';
import { logisticsKey, useInvalidateLogistics, type Parcel, type ParcelDetail, type ScanInput } from './logistics.js';
import type { ApiBody, ApiParams, ApiResponse, ItemOf } from './generated/openapi.js';

/**
 * The village point's calls besides scans: tell the recipient, hand over with the pick-up code, parcels left waiting,
 * produce sent up. The page decides itself when it is offline (and queues scans instead), so these never pause
 * waiting for the browser to come online: networkMode 'always' lets a failed call fail at once.
 */

type Pickup = 'POST /api/v1/logistics/parcels/{id}/pickup';
/** A hand-over with the six digits the recipient shows; `eventId` is the device's own, so a retry is stored once. */
export type PickupInput = ApiParams<Pickup> & ApiBody<Pickup> & { eventId: string };

/**
 * What became of one synced scan: applied (code null), kept flagged (a late scan against a parcel picked up or
 * returned meanwhile, a second hand-over), or kept as a problem (a wrong pick-up code). A resend of a scan the server
 * already had (its first answer lost) gets the stored outcome, with `replay` true.
 */
export type ScanOutcome = ItemOf<PointBatchResult['outcomes']>;

export type PointBatchResult = ApiResponse<'POST /api/v1/logistics/scans/batch'>;

/** The point's queue sent up: every scan's outcome comes back, a resend's included. */
export function usePointScanBatch() {
  const invalidate = useInvalidateLogistics();
  return useMutation({ mutationFn: (scans: ScanInput[]) => api<PointBatchResult>('/logistics/scans/batch', { method: 'POST', body: { scans } }), networkMode: 'always', onSuccess: invalidate });
}

export type ShipmentInput = ApiBody<'POST /api/v1/logistics/shipments'>;

/**
 * 通知取件: the SMS with the pick-up code (a reminder when it was sent before). The device's event id makes a notice
 * sent again after a lost answer one SMS, not two. The caller refreshes the lists, once for many notices
 * (useInvalidateLogistics).
 */
export function useNotifyParcel() {
  return useMutation({
    mutationFn: ({ id, eventId }: { id: string; eventId: string }) => api<ParcelDetail>(`/logistics/parcels/${encodeURIComponent(id)}/notify`, { method: 'POST', body: { eventId } }),
    networkMode: 'always',
  });
}

/** 交付: a wrong code is refused with 400 PICKUP_CODE_WRONG. */
export function usePickupParcel() {
  const invalidate = useInvalidateLogistics();
  return useMutation({
    mutationFn: ({ id, ...body }: PickupInput) => api<ParcelDetail>(`/logistics/parcels/${encodeURIComponent(id)}/pickup`, { method: 'POST', body }),
    networkMode: 'always',
    onSuccess: invalidate,
  });
}

/** Parcels at the point for more than `days` days, not collected. */
export function useWaitingParcels(days: number) {
  return useQuery({
    queryKey: [...logisticsKey, 'waiting', days],
    queryFn: ({ signal }) => fetchAll<Parcel>('/logistics/parcels/waiting', { days }, signal),
  });
}

/** 寄出农产品: one idempotency key per filled-in form, so a double tap opens one shipment. */
export function useOpenShipment() {
  const invalidate = useInvalidateLogistics();
  return useMutation({
    mutationFn: ({ input, key }: { input: ShipmentInput; key: string }) => api<ParcelDetail>('/logistics/shipments', { method: 'POST', body: input, idempotencyKey: key }),
    networkMode: 'always',
    onSuccess: invalidate,
  });
}
