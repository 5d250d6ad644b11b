import type { Kysely } from 'kysely';
import { recordAudit } from '../../kernel/audit.js';
import type { RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import type { LogisticsTables, ParcelRow } from './logistics.tables.js';
import { afterSend, auditRefusal, emptyCounter, smsWait, type SmsCounter } from './sms-rule.js';

type Trx = Kysely<LogisticsTables>;

const parcelKey = (parcel: ParcelRow) => `parcel:${parcel.id}`;
const phoneKey = (parcel: ParcelRow) => `phone:${parcel.phone_print}`;

/**
 * Reads a counter, creating it if need be. The first statement takes the row (PostgreSQL locks it until the caller's
 * transaction commits), so two processes texting the same parcel or phone at once do not both pass the limit.
 */
async function lockCounter(trx: Trx, key: string, now: Date): Promise<SmsCounter> {
  return trx
    .insertInto('logistics_sms_counters')
    .values({ key, ...emptyCounter(now) })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ sent: eb.ref('logistics_sms_counters.sent') })))
    .returning(['sent', 'window_start', 'last_at', 'total', 'reissue', 'refused_at'])
    .executeTakeFirstOrThrow();
}

/** Seconds until this parcel's recipient may be texted again (0: now); the counters stay locked until commit. */
export async function smsWaitFor(trx: Trx, parcel: ParcelRow, now: Date): Promise<number> {
  return smsWait(await lockCounter(trx, parcelKey(parcel), now), await lockCounter(trx, phoneKey(parcel), now), now);
}

/** Counts a text about to go to the parcel's recipient, on the parcel and on the phone. */
export async function countSms(trx: Trx, parcel: ParcelRow, now: Date): Promise<void> {
  for (const key of [parcelKey(parcel), phoneKey(parcel)]) {
    const counter = await lockCounter(trx, key, now);
    await trx.updateTable('logistics_sms_counters').set(afterSend(counter, now)).where('key', '=', key).execute();
  }
}

/** A locked pick-up code was replaced: the next text (with the new code) goes whatever the limits say, and counts. */
export async function allowReissue(trx: Trx, parcel: ParcelRow, now: Date): Promise<void> {
  await lockCounter(trx, parcelKey(parcel), now);
  await trx.updateTable('logistics_sms_counters').set({ reissue: 1 }).where('key', '=', parcelKey(parcel)).execute();
}

/** Audits a refused text, once a day per parcel (who, which parcel; never the phone). */
export async function auditRefusedSms(trx: Trx, ctx: RequestContext | undefined, parcel: ParcelRow, retryAfterSeconds: number, offline: boolean, now: Date): Promise<void> {
  const counter = await lockCounter(trx, parcelKey(parcel), now);
  if (!ctx || !auditRefusal(counter, now)) return;
  await trx.updateTable('logistics_sms_counters').set({ refused_at: now.toISOString() }).where('key', '=', parcelKey(parcel)).execute();
  await recordAudit(trx, ctx, { action: 'logistics.sms.refused', entityType: 'parcel', entityId: parcel.id, details: { waybillNo: parcel.waybill_no, retryAfterSeconds, offline } }, now);
}

export function smsLimitError(field: string, retryAfterSeconds: number): AppError {
  return new AppError(429, 'SMS_LIMIT', `${field}: the recipient of this parcel has been texted as often as allowed for now (3 a day an hour apart per parcel, 10 a day per phone); try again in ${retryAfterSeconds} s`, { field, retryAfterSeconds });
}

/** Drops counters of parcels and phones with no text for two days (housekeeping). */
export async function purgeSmsCounters(db: Trx, now: Date): Promise<void> {
  const before = new Date(now.getTime() - 48 * 3600_000).toISOString();
  await db.deleteFrom('logistics_sms_counters').where('window_start', '<', before).where('reissue', '=', 0).where('key', 'like', 'phone:%').execute();
}
