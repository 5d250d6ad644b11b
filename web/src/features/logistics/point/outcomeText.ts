import type { ScanOutcome } from '../../../api/logistics-point.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { scanTypeLabel, statusLabel } from './ParcelCard.js';

/** An outcome as the point sees it: the scan, the parcel's status now, and whose parcel (recipient · waybill). */
export type Settled = Pick<ScanOutcome, 'type' | 'code' | 'status' | 'waybillNo'> & { replay?: boolean; label?: string };

/** Whether an outcome needs the operator's attention: kept, but not applied (a reported problem is their own). */
export const isConflict = (o: Pick<ScanOutcome, 'code'>) => o.code !== null && o.code !== 'REPORTED';

/**
 * What became of a scan, in the operator's words, always with the waybill: applied; not applied because the parcel
 * was handed over or returned meanwhile (or handed over twice); a wrong pick-up code; or out of step with the parcel.
 * A resend whose first answer was lost says so and tells the stored outcome.
 */
export function outcomeText(t: Translate, o: Settled): string {
  const what = o.label ?? o.waybillNo ?? '';
  const action = scanTypeLabel(t, o.type);
  const status = statusLabel(t, o.status);
  let text: string;
  if (o.code === null) text = t('logistics.point.outcome.applied', { what, action });
  else if (o.code === 'REPORTED') text = t('logistics.point.outcome.reported', { what });
  else if (o.code === 'PICKUP_CODE_WRONG') text = t('logistics.point.outcome.codeWrong', { what });
  else if (o.code === 'ALREADY_FINISHED' && o.type === 'picked_up' && o.status === 'picked_up') text = t('logistics.point.outcome.handedTwice', { what });
  else if (o.code === 'ALREADY_FINISHED' && o.type === 'picked_up' && o.status === 'returned') text = t('logistics.point.outcome.pickupAfterReturn', { what });
  else if (o.code === 'ALREADY_FINISHED' && o.type === 'returned' && o.status === 'picked_up') text = t('logistics.point.outcome.returnAfterPickup', { what });
  else if (o.code === 'ALREADY_FINISHED') text = t('logistics.point.outcome.finished', { what, action, status });
  else text = t('logistics.point.outcome.flagged', { what, action, status });
  return o.replay ? `${text}${t('logistics.point.outcome.replay')}` : text;
}
