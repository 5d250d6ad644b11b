import type { DeskRefundable } from '../../../api/station-phone.js';
import type { TillCash } from './stationQueue.js';

/** What the phone knows is already on its way for a record: the queued records' type and the clientId they name. */
interface Queued {
  record: { type: string; targetClientId?: unknown };
}

/**
 * 待退款: the desk's refused records less those a refund or a void queued on the phone already settles, so the 退款
 * button is gone as soon as it is pressed (offline too) and stays gone once the server has the refund.
 */
export function refundsToOffer(refundable: readonly DeskRefundable[] | undefined, queued: readonly Queued[]): DeskRefundable[] {
  const settled = new Set(queued.filter((q) => q.record.type === 'provider.refund' || q.record.type === 'record.void').map((q) => String(q.record.targetClientId)));
  return (refundable ?? []).filter((r) => !settled.has(r.clientId));
}

/** A refund's effect on the till: what the record took in goes out, what it paid out (a withdrawal) comes back. */
export const refundCash = (r: Pick<DeskRefundable, 'cashInFen' | 'cashOutFen'>): TillCash => ({ inFen: r.cashOutFen, outFen: r.cashInFen });
