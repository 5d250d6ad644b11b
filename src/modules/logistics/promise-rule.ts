/**
 * The 48-hour promise, measured to the millisecond: from county receipt to arrival at the village point, from the
 * two instants (stored as ISO-8601 UTC; any offset honoured), so 48 h is on time and 48 h + 1 s is late whatever
 * midnight or time zone lies between. The 36-hour alert is measured the same way. `transit_minutes` on a parcel is
 * for showing the time taken, never for deciding.
 */
export const PROMISE_MS = 48 * 3600_000;
export const ALERT_MS = 36 * 3600_000;

/** Exact milliseconds between receipt and arrival, or null until both are known. */
export const transitMs = (receivedAt: string | null, arrivedAt: string | null): number | null => (receivedAt && arrivedAt ? Date.parse(arrivedAt) - Date.parse(receivedAt) : null);

/** True when it arrived within the 48 hours, false when later, null until it arrives. */
export function arrivedOnTime(receivedAt: string | null, arrivedAt: string | null): boolean | null {
  const ms = transitMs(receivedAt, arrivedAt);
  return ms === null ? null : ms <= PROMISE_MS;
}

/** Parcels received before this instant and not yet arrived are past the span (`ms` after receipt, to the millisecond). */
export const receivedBefore = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();
