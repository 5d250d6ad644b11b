import { useMutation, useQuery } from '@tanstack/react-query';
import { api, fetchAll } from './http.js';
import { logisticsKey, useInvalidateLogistics, type BatchResult, type Parcel, type ParcelDetail, type ParcelStatus, type ProblemCode, type ScanInput, type ScanType } from './logistics.js';

/**
 * The village point's calls besides scans: tell the recipient, hand over with the pick-up code, parcels left waiting,
 * produce sent up. The page decides itself when it is offline (and queues scans instead), so these never pause
 * waiting for the browser to come online: networkMode 'always' lets a failed call fail at once.
 */

export interface PickupInput {
  id: string;
  /** The six digits the recipient shows. */
  code: string;
  /** The device's own event id: a retried hand-over is stored once. */
  eventId: string;
  at?: string;
}

/**
 * What became of one synced scan: applied (code null), kept flagged (a late scan against a parcel picked up or
 * returned meanwhile, a second hand-over), or kept as a problem (a wrong pick-up code). A resend of a scan the server
 * already had (its first answer lost) gets the stored outcome, with `replay` true.
 */
export interface ScanOutcome {
  eventId: string;
  parcelId: string;
  waybillNo: string | null;
  /** As stored: a pick-up with a wrong code is kept as a problem. */
  type: ScanType;
  replay: boolean;
  code: ProblemCode | null;
  reason: string | null;
  /** The parcel's status now. */
  status: ParcelStatus;
}

export interface PointBatchResult extends BatchResult {
  outcomes: ScanOutcome[];
}

/** The point's queue sent up: every scan's outcome comes back, a resend's included. */
export function usePointScanBatch() {
  const invalidate = useInvalidateLogistics();
  return useMutation({ mutationFn: (scans: ScanInput[]) => api<PointBatchResult>('/logistics/scans/batch', { method: 'POST', body: { scans } }), networkMode: 'always', onSuccess: invalidate });
}

export interface ShipmentInput {
  originSiteId: string;
  description: string;
  weightG?: number;
  orderId?: string;
  recipient?: { name: string; phone: string; address: string };
}

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
