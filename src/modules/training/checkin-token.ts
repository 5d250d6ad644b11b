import { createHmac, timingSafeEqual } from 'node:crypto';

/** A check-in code lives 30 seconds; the current and the previous are accepted (a phone a little behind still checks in). */
export const TOKEN_WINDOW_MS = 30_000;
/** Check-in is open from 30 minutes before a session starts to 30 minutes after it ends. */
export const CHECKIN_MARGIN_MS = 30 * 60_000;

export const windowOf = (at: Date) => Math.floor(at.getTime() / TOKEN_WINDOW_MS);

/** The session's code for a 30-second window: HMAC-SHA256 of the session id and window under the session's secret, 22 base64url characters (132 bits). */
export function checkinToken(secret: string, sessionId: string, window: number): string {
  return createHmac('sha256', Buffer.from(secret, 'base64url')).update(`${sessionId}:${window}`).digest('base64url').slice(0, 22);
}

/** Whether a token is the current or the previous window's (compared in constant time). */
export function tokenAccepted(secret: string, sessionId: string, token: string, at: Date): boolean {
  const given = Buffer.from(token);
  const now = windowOf(at);
  let ok = false;
  for (const w of [now, now - 1]) {
    const expected = Buffer.from(checkinToken(secret, sessionId, w));
    if (expected.length === given.length && timingSafeEqual(expected, given)) ok = true;
  }
  return ok;
}

/** Whether check-in is open at a time for a session's start and end. */
export function checkinOpen(startsAt: string, endsAt: string, at: Date): boolean {
  return at.getTime() >= new Date(startsAt).getTime() - CHECKIN_MARGIN_MS && at.getTime() <= new Date(endsAt).getTime() + CHECKIN_MARGIN_MS;
}
