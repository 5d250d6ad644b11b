/**
 * The village point's scans kept on the phone while there is no connection (no React here, so it is easy to test).
 *
 * Every action of the point is a scan with an event id made on the device and its own time. When it cannot reach the
 * server the scan goes into this queue (app/keptQueue.ts: per user, kept across a reload, off the device only once
 * answered); `sync` sends it with POST /logistics/scans/batch, at most 5 000 at a time. The server stores a retried
 * event id once, so sending again after a lost answer is safe.
 * A batch the server refuses because of one scan (a waybill unknown here, a clock far ahead) sets that scan aside as
 * rejected, for the operator to see and discard, and sends the rest.
 * Every synced scan comes back with its outcome (a resend with the stored one); those that did not count (a parcel
 * handed over or returned meanwhile, a second hand-over, a wrong code) are kept as conflicts, with the waybill, until
 * the operator has read them, so a reload or a lost answer does not hide them.
 */
import { ApiError } from '../../../api/http.js';
import { LIST_PREFIX } from '../../../app/offlineUser.js';
import { browserStore, KeptQueue, type KeptShape, type KeptState, type KeptSync, type KeyValueStore } from '../../../app/keptQueue.js';
import type { BatchResult, Parcel, ParcelStatus, ScanInput, ScanType } from '../../../api/logistics.js';
import type { ScanOutcome } from '../../../api/logistics-point.js';
import { isConflict } from './outcomeText.js';

/** The server takes at most this many scans in one batch. */
export const MAX_BATCH = 5000;

export interface QueuedScan {
  scan: ScanInput;
  /** When the operator made it (also scan.at). */
  queuedAt: string;
  /** What the operator sees in the queue: the recipient and the waybill. */
  label?: string;
}

export interface RejectedScan extends QueuedScan {
  /** The server's reason, without the `body.scans[i].` prefix. */
  reason: string;
  rejectedAt: string;
}

/** A synced scan's outcome with what the operator saw in the queue (recipient · waybill). */
export interface SettledScan extends ScanOutcome {
  label?: string;
}

/** pending, setAside (stored as `rejected`), and conflicts: synced scans that did not count, until dismissed. */
export type QueueState = KeptState<QueuedScan, RejectedScan, SettledScan>;

/** What a batch answers; `outcomes` may be missing from an older server. */
export type SyncAnswer = BatchResult & { outcomes?: ScanOutcome[] };

/** What one batch's answer told. */
interface ScanDigest {
  stored: number;
  duplicates: number;
  flagged: BatchResult['flagged'];
  outcomes: SettledScan[];
}

export interface SyncOutcome extends KeptSync<RejectedScan, SettledScan, ScanDigest> {
  stored: number;
  duplicates: number;
  flagged: BatchResult['flagged'];
  /** What became of every scan sent, in order (a resend's stored outcome included). */
  outcomes: SettledScan[];
}

const SCAN_FIELD = /^body\.scans(?:\[(\d+)\]|\.(\d+))\.?/;

/** The index of the scan a refused batch names (`body.scans[3].waybillNo`, `body.scans.3.eventId`), if any. */
export function refusedScanIndex(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.status < 400 || error.status >= 500 || error.status === 401 || error.status === 403) return null;
  const match = SCAN_FIELD.exec(error.field ?? '');
  return match ? Number(match[1] ?? match[2]) : null;
}

/** `body.scans[3].waybillNo: no parcel …` → `waybillNo: no parcel …`. */
const reasonOf = (error: unknown) => (error instanceof Error ? error.message.replace(SCAN_FIELD, '') : String(error));

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object';
const isQueued = (x: unknown): x is QueuedScan => isObject(x) && typeof (x as Partial<QueuedScan>).scan?.eventId === 'string';

const SCANS: KeptShape<QueuedScan, RejectedScan, SettledScan> = {
  setAsideField: 'rejected',
  readQueued: (x) => (isQueued(x) ? x : null),
  readSetAside: (x) => (isQueued(x) ? (x as RejectedScan) : null),
  readConflict: (x) => (isObject(x) && typeof x.eventId === 'string' ? (x as unknown as SettledScan) : null),
  queuedId: (q) => q.scan.eventId,
  setAsideId: (r) => r.scan.eventId,
  conflictId: (c) => c.eventId,
  nextBatch: (pending) => pending.slice(0, MAX_BATCH),
  refusedIndex: refusedScanIndex,
  setAsideOf: (q, error, at) => ({ ...q, reason: reasonOf(error), rejectedAt: at }),
};

/** The device's queue of scans for one signed-in user. */
export class OfflineQueue extends KeptQueue<QueuedScan, RejectedScan, SettledScan> {
  constructor(key: string, store: KeyValueStore | null = browserStore()) {
    super(key, SCANS, store);
  }

  /** Keeps a scan on the device; a scan with an event id already queued is not added twice. Throws when the device is full. */
  add(scan: ScanInput, label?: string): void {
    this.keep({ scan, queuedAt: scan.at ?? new Date().toISOString(), label });
  }

  /**
   * Sends the queue, 5 000 scans at a time; every scan of a batch answered 200 leaves the device. One sync runs at a
   * time: a second call gets the running one's outcome.
   */
  async sync(send: (scans: ScanInput[]) => Promise<SyncAnswer>): Promise<SyncOutcome> {
    const kept = await this.sendAll(async (batch) => {
      const result = await send(batch.map((q) => q.scan));
      const labels = new Map(batch.map((q) => [q.scan.eventId, q.label]));
      const outcomes: SettledScan[] = (result.outcomes ?? []).map((o) => ({ ...o, label: labels.get(o.eventId) }));
      return { answered: batch, conflicts: outcomes.filter(isConflict), digest: { stored: result.stored, duplicates: result.duplicates, flagged: result.flagged, outcomes } };
    });
    const digests = kept.digests;
    return {
      ...kept,
      stored: digests.reduce((n, d) => n + d.stored, 0),
      duplicates: digests.reduce((n, d) => n + d.duplicates, 0),
      flagged: digests.flatMap((d) => d.flagged),
      outcomes: digests.flatMap((d) => d.outcomes),
    };
  }
}

/** Where the point's queue is kept on the device: one per signed-in user, so a shared phone keeps each operator's own. */
export const queueKey = (userId: string) => `countyhub.point.queue.${userId}`;

// ---- what queued scans mean for a parcel on screen ----

/** How far each of the point's scans takes an incoming parcel (as the server's lifecycle ranks them). */
const RANK: Partial<Record<ParcelStatus | ScanType, number>> = { created: 0, received_county: 1, sorted: 2, loaded: 3, arrived_township: 4, arrived_village: 5, notified: 6, picked_up: 7, returned: 8 };
const FINAL: ParcelStatus[] = ['picked_up', 'returned', 'handed_to_carrier'];
const MOVES: ScanType[] = ['arrived_village', 'notified', 'picked_up', 'returned'];

/** The queued scans of one parcel, by its id or its waybill number, oldest first. */
export function pendingFor(pending: readonly QueuedScan[], parcel: Pick<Parcel, 'id' | 'waybillNo'>): QueuedScan[] {
  return pending.filter((q) => q.scan.parcelId === parcel.id || (!q.scan.parcelId && !!q.scan.waybillNo && q.scan.waybillNo === parcel.waybillNo));
}

/** The status the parcel will have once its queued scans reach the server (as far as the device can tell). */
export function expectedStatus(status: ParcelStatus, pending: readonly QueuedScan[]): ParcelStatus {
  if (FINAL.includes(status)) return status;
  let best = status;
  for (const q of pending) {
    const type = q.scan.type;
    if (!MOVES.includes(type)) continue;
    if ((RANK[type] ?? -1) > (RANK[best] ?? -1)) best = type as ParcelStatus;
  }
  return best;
}

// ---- the last lists seen, for a page opened without a connection ----

export interface RememberedList {
  at: string;
  items: Parcel[];
}

export const listKey = (userId: string, name: string) => `${LIST_PREFIX}${userId}.${name}`;

/** 13812345678 → 138****5678: the copy on the device never holds a whole phone number (calling needs a connection). */
export const maskedPhone = (phone: string) => phone.replace(/^(1\d{2})\d{4}(\d{4})$/, '$1****$2');

/**
 * Keeps the last list the server gave (best effort: a full device keeps the previous one), with phones masked: the
 * page opened offline finds parcels by name and waybill; the copy is forgotten on sign-out (app/offlineUser.ts).
 */
export function rememberList(store: KeyValueStore | null, key: string, items: Parcel[], at = new Date().toISOString()): void {
  try {
    const kept = items.map((p) => ({ ...p, recipientPhone: maskedPhone(p.recipientPhone), pickupCode: null }));
    store?.setItem(key, JSON.stringify({ at, items: kept } satisfies RememberedList));
  } catch {
    // The device is full: the queue matters more than a copy of the list.
  }
}

export function recallList(store: KeyValueStore | null, key: string): RememberedList | null {
  try {
    const data = JSON.parse(store?.getItem(key) ?? 'null') as RememberedList | null;
    return data && Array.isArray(data.items) && typeof data.at === 'string' ? data : null;
  } catch {
    return null;
  }
}
