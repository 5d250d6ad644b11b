import type { Kysely } from 'kysely';
import { recordAudit } from '../../kernel/audit.js';
import type { RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import type { LogisticsTables, ParcelRow } from './logistics.tables.js';

/**
 * Wrong pick-up codes a parcel takes before its code is locked. Six digits are a million codes; five tries leave a
 * guesser one chance in 200 000. A locked code stays locked until the point tells the recipient again (notify),
 * which sends a new code by SMS to the recipient's phone only.
 */
export const PICKUP_TRIES = 5;

export const pickupLocked = (parcel: Pick<ParcelRow, 'pickup_misses'>) => parcel.pickup_misses >= PICKUP_TRIES;

/** The parcel each refused try was for, so the caller can count and audit it in its transaction. */
const refusedTries = new WeakMap<AppError, { parcel: ParcelRow; locked: boolean }>();

export const refusedTry = (err: unknown) => (err instanceof AppError ? refusedTries.get(err) : undefined);

export function lockedError(field: string, parcel: ParcelRow): AppError {
  const err = new AppError(409, 'PICKUP_CODE_LOCKED', `${field}: the pick-up code of waybill ${parcel.waybill_no ?? parcel.id} is locked after ${PICKUP_TRIES} wrong tries; tell the recipient again (通知取件) to send a new code`, { field });
  refusedTries.set(err, { parcel, locked: true });
  return err;
}

export function wrongCodeError(field: string, parcel: ParcelRow): AppError {
  const err = new AppError(400, 'PICKUP_CODE_WRONG', `${field}: the pick-up code does not match this parcel`, { field });
  refusedTries.set(err, { parcel, locked: false });
  return err;
}

/**
 * Counts a wrong code on its parcel and audits it (who, which parcel, never the code); the try that reaches the limit
 * locks the code and is audited as such. `offline`: it came with a point's sync, not typed at the counter.
 */
export async function countWrongCode(trx: Kysely<LogisticsTables>, ctx: RequestContext, parcel: ParcelRow, offline: boolean, at: Date): Promise<void> {
  const { pickup_misses: tries } = await trx
    .updateTable('logistics_parcels')
    .set((eb) => ({ pickup_misses: eb('pickup_misses', '+', 1) }))
    .where('id', '=', parcel.id)
    .returning('pickup_misses')
    .executeTakeFirstOrThrow();
  parcel.pickup_misses = tries;
  const details = { waybillNo: parcel.waybill_no, tries, offline };
  await recordAudit(trx, ctx, { action: 'logistics.pickup.wrong_code', entityType: 'parcel', entityId: parcel.id, details }, at);
  if (tries === PICKUP_TRIES) await recordAudit(trx, ctx, { action: 'logistics.pickup.locked', entityType: 'parcel', entityId: parcel.id, details }, at);
}

/** A try refused because the code is locked: audited too, without the code. */
export async function auditLockedTry(trx: Kysely<LogisticsTables>, ctx: RequestContext, parcel: ParcelRow, offline: boolean, at: Date): Promise<void> {
  await recordAudit(trx, ctx, { action: 'logistics.pickup.refused', entityType: 'parcel', entityId: parcel.id, details: { waybillNo: parcel.waybill_no, reason: 'code locked', offline } }, at);
}
