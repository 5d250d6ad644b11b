import type { User } from '../api/auth.js';
import { ApiError } from '../api/http.js';
import { isParcelPoint } from './access.js';
import { STATION_CACHE_PREFIX } from '../features/stations/phone/stationCache.js';
import { mayUseStationPhone } from '../features/stations/phone/access.js';

/**
 * The signed-in village point operator, kept on the device so the point page opens without a connection (its queue
 * is kept per user: offlineQueue.queueKey), and the station operator for 站点服务 (/station, stationQueue.queueKey).
 * Only for those operators, only what the pages need (no phone), and forgotten on sign-out or when the server says
 * the session has ended.
 */
const KEY = 'countyhub.offline.user';

/** Where the village point keeps its last parcel lists (features/logistics/point/offlineQueue.ts: listKey). */
export const LIST_PREFIX = 'countyhub.point.list.';
/** The sorting line's recent scans, for a reload (features/logistics/sorting/useSorter.ts). */
export const SORTING_KEY = 'countyhub.sorting.session';
/** The buyer's last ship-to (name, phone, address) for the next checkout (features/shop/checkout/checkoutForm.ts). */
export const SHIP_TO_KEY = 'countyhub.shipTo';

/**
 * Forgets every copy of personal data this device keeps for the signed-in user: the kept operator, the point's
 * parcel lists, the sorting line's recent scans and the buyer's last ship-to (a village point's shared phone orders
 * for many villagers), and the station page's cached desk and records (masked; stationCache.ts). Called on sign-out
 * and when the server says the session has ended (401). The point's queue of scans not yet sent is kept (countyhub.point.queue.<user>): it is the operator's
 * work, holds no phone number, and is sent when that operator signs in again.
 */
export function forgetDeviceData(): void {
  for (const store of [globalThis.localStorage, globalThis.sessionStorage]) {
    try {
      if (!store) continue;
      const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((k): k is string => !!k);
      for (const key of keys) if (key === KEY || key === SORTING_KEY || key === SHIP_TO_KEY || key.startsWith(LIST_PREFIX) || key.startsWith(STATION_CACHE_PREFIX)) store.removeItem(key);
    } catch {
      // Storage refused (private mode): nothing was kept.
    }
  }
}

export function keepUser(user: User | null): void {
  try {
    if (user && (isParcelPoint(user) || mayUseStationPhone(user))) localStorage.setItem(KEY, JSON.stringify({ ...user, phone: null } satisfies User));
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
