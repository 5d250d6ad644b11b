/**
 * How often a parcel's recipient may be texted (SMS bombing: anyone who handles a parcel can send its notice).
 * Counted per parcel and per phone (its fingerprint), each in a window of a day from its first text.
 */
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** A parcel: at most 3 texts a day, an hour apart. */
export const PARCEL_SMS = { perDay: 3, gapMs: HOUR };
/** A phone, across all its parcels: at most 10 texts a day (a shop owner with many parcels still gets every first notice). */
export const PHONE_SMS = { perDay: 10 };

/** What is stored per key (`parcel:<id>`, `phone:<print>`). Times are ISO-8601. */
export interface SmsCounter {
  /** Texts sent in the window that started at window_start. */
  sent: number;
  window_start: string;
  last_at: string | null;
  /** Texts ever sent: the first one for a parcel is its arrival notice, which always goes. */
  total: number;
  /** 1 when a locked pick-up code was just replaced: the next text carries the new code and always goes. */
  reissue: number;
  /** When a refused send was last audited (once a day per parcel). */
  refused_at: string | null;
}

export const emptyCounter = (now: Date): SmsCounter => ({ sent: 0, window_start: now.toISOString(), last_at: null, total: 0, reissue: 0, refused_at: null });

const sentInWindow = (c: SmsCounter, at: number) => (at - Date.parse(c.window_start) >= DAY ? 0 : c.sent);
const windowLeft = (c: SmsCounter, at: number) => Date.parse(c.window_start) + DAY - at;

/**
 * Whether this parcel's next text may go now: 0, or the seconds until it may. The first text of a parcel and the
 * one carrying a reissued code always go (and are counted); reminders keep to both the parcel's and the phone's limits.
 */
export function smsWait(parcel: SmsCounter, phone: SmsCounter, now: Date): number {
  if (parcel.total === 0 || parcel.reissue) return 0;
  const at = now.getTime();
  const waits = [0];
  if (parcel.last_at) waits.push(Date.parse(parcel.last_at) + PARCEL_SMS.gapMs - at);
  if (sentInWindow(parcel, at) >= PARCEL_SMS.perDay) waits.push(windowLeft(parcel, at));
  if (sentInWindow(phone, at) >= PHONE_SMS.perDay) waits.push(windowLeft(phone, at));
  const ms = Math.max(...waits);
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** The counter after one more text at `now`. */
export function afterSend(c: SmsCounter, now: Date): SmsCounter {
  const at = now.getTime();
  const fresh = at - Date.parse(c.window_start) >= DAY;
  return { ...c, sent: (fresh ? 0 : c.sent) + 1, window_start: fresh ? now.toISOString() : c.window_start, last_at: now.toISOString(), total: c.total + 1, reissue: 0 };
}

/** Whether a refusal now is audited: the first of the day for this parcel. */
export const auditRefusal = (c: SmsCounter, now: Date) => !c.refused_at || now.getTime() - Date.parse(c.refused_at) >= DAY;
