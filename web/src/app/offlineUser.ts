import type { User } from '../api/auth.js';
import { ApiError } from '../api/http.js';
import { isParcelPoint } from './access.js';

/**
 * The signed-in village point operator, kept on the device so the point page opens without a connection (its queue
 * is kept per user: offlineQueue.queueKey). Only for point operators, only what the page needs (no phone), and
 * forgotten on sign-out or when the server says the session has ended.
 */
const KEY = 'countyhub.offline.user';

export function keepUser(user: User | null): void {
  try {
    if (user && isParcelPoint(user)) localStorage.setItem(KEY, JSON.stringify({ ...user, phone: null } satisfies User));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the page then needs a connection to open.
  }
}

/** The kept operator when /auth/me could not be reached (no connection, a gateway between), else null. */
export function keptUser(error: unknown): User | null {
  const unreachable = !(error instanceof ApiError) || error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504;
  if (!unreachable) return null;
  try {
    const user = JSON.parse(localStorage.getItem(KEY) ?? 'null') as User | null;
    return user && typeof user.id === 'string' && Array.isArray(user.roles) && user.scope ? user : null;
  } catch {
    return null;
  }
}
