/**
 * What the station page keeps on the device for opening without a connection: the last desk of each site (the
 * server masks villagers' phones and ID numbers in it) and the records the server answered with (masked too), for
 * today's list and the receipts. Forgotten on sign-out and when the session ends (app/offlineUser.ts forgets every
 * key under STATION_CACHE_PREFIX); the queue of records not yet sent is kept apart (stationQueue.ts).
 */
import type { Desk, RecordView } from '../../../api/station-phone.js';
import type { KeyValueStore } from '../../../app/keptQueue.js';

export const STATION_CACHE_PREFIX = 'countyhub.station.cache.';

/** Records kept per site on the device, newest first. */
export const KEPT_RECORDS = 300;

export interface RememberedDesk {
  at: string;
  desk: Desk;
}

const deskKey = (userId: string, siteId: string) => `${STATION_CACHE_PREFIX}${userId}.desk.${siteId}`;
const recordsKey = (userId: string, siteId: string) => `${STATION_CACHE_PREFIX}${userId}.records.${siteId}`;
/** The site a township operator last chose. */
export const chosenSiteKey = (userId: string) => `${STATION_CACHE_PREFIX}${userId}.site`;

/** 13812345678 → 138****5678, whatever the desk said: the copy on the device never holds a whole phone number. */
const masked = (phone: string | null | undefined) => (phone ? phone.replace(/^(1\d{2})\d{4}(\d{4})$/, '$1****$2') : phone);

export function rememberDesk(store: KeyValueStore | null, userId: string, desk: Desk, at = new Date().toISOString()): void {
  try {
    const kept: Desk = { ...desk, customers: desk.customers.map((c) => ({ ...c, phoneMasked: masked(c.phoneMasked) })) };
    store?.setItem(deskKey(userId, desk.site.id), JSON.stringify({ at, desk: kept } satisfies RememberedDesk));
  } catch {
    // The device is full: the queue matters more than a copy of the desk.
  }
}

export function recallDesk(store: KeyValueStore | null, userId: string, siteId: string): RememberedDesk | null {
  try {
    const data = JSON.parse(store?.getItem(deskKey(userId, siteId)) ?? 'null') as RememberedDesk | null;
    return data && typeof data.at === 'string' && data.desk?.site?.id === siteId ? data : null;
  } catch {
    return null;
  }
}

export function recallRecords(store: KeyValueStore | null, userId: string, siteId: string): RecordView[] {
  try {
    const data = JSON.parse(store?.getItem(recordsKey(userId, siteId)) ?? '[]') as RecordView[];
    return Array.isArray(data) ? data.filter((r) => r && typeof r.clientId === 'string') : [];
  } catch {
    return [];
  }
}

/** Keeps the records the server gave (a newer copy of the same record wins), newest first, at most KEPT_RECORDS. */
export function rememberRecords(store: KeyValueStore | null, userId: string, siteId: string, records: readonly RecordView[]): void {
  if (records.length === 0) return;
  try {
    const byClientId = new Map(recallRecords(store, userId, siteId).map((r) => [r.clientId, r]));
    for (const r of records) if (r.siteId === siteId) byClientId.set(r.clientId, { ...r, customer: r.customer && { ...r.customer, phoneMasked: masked(r.customer.phoneMasked) ?? null } });
    const kept = [...byClientId.values()].sort((a, b) => b.at.localeCompare(a.at)).slice(0, KEPT_RECORDS);
    store?.setItem(recordsKey(userId, siteId), JSON.stringify(kept));
  } catch {
    // The device is full: the server has them.
  }
}

/** A record the device kept, by its clientId, in any site's copy. */
export function recallRecord(store: KeyValueStore | null, userId: string, clientId: string): RecordView | null {
  try {
    const prefix = `${STATION_CACHE_PREFIX}${userId}.records.`;
    const s = globalThis.localStorage;
    const keys = s ? Array.from({ length: s.length }, (_, i) => s.key(i)).filter((k): k is string => !!k && k.startsWith(prefix)) : [];
    for (const key of keys) {
      const found = recallRecords(store, userId, key.slice(prefix.length)).find((r) => r.clientId === clientId);
      if (found) return found;
    }
  } catch {
    // Storage refused.
  }
  return null;
}
