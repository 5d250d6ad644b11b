/**
 * The village point's scans kept on the phone while there is no connection (no React here, so it is easy to test).
 *
 * Every action of the point is a scan with an event id made on the device and its own time. When it cannot reach the
 * server the scan goes into this queue (localStorage, so it survives a reload); `sync` sends the queue with
 * POST /logistics/scans/batch, at most 5 000 at a time, and takes scans off the device only once the server has
 * answered 200. The server stores a retried event id once, so sending again after a lost answer is safe.
 * A batch the server refuses because of one scan (a waybill unknown here, a clock far ahead) sets that scan aside as
 * rejected, for the operator to see and discard, and sends the rest.
 * Every synced scan comes back with its outcome (a resend with the stored one); those that did not count (a parcel
 * handed over or returned meanwhile, a second hand-over, a wrong code) are kept here as conflicts, with the waybill,
 * until the operator has read them, so a reload or a lost answer does not hide them.
 */
import { ApiError } from '../../../api/http.js';
import { LIST_PREFIX } from '../../../app/offlineUser.js';
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

export interface QueueState {
  pending: QueuedScan[];
  rejected: RejectedScan[];
  /** Synced scans that did not count, until the operator dismisses them. */
  conflicts: SettledScan[];
}

/** What a batch answers; `outcomes` may be missing from an older server. */
export type SyncAnswer = BatchResult & { outcomes?: ScanOutcome[] };

export interface SyncOutcome {
  /** idle: nothing to send; done: all sent; offline: the server could not be reached; failed: refused (signed out, 5xx). */
  state: 'idle' | 'done' | 'offline' | 'failed';
  sent: number;
  stored: number;
  duplicates: number;
  flagged: BatchResult['flagged'];
  /** What became of every scan sent, in order (a resend's stored outcome included). */
  outcomes: SettledScan[];
  /** Scans set aside during this sync. */
  rejected: RejectedScan[];
  remaining: number;
  error?: unknown;
}

/** What the queue needs of localStorage; tests give it a Map. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** localStorage when the browser lets us use it; null in private modes that refuse it (the queue then lives in memory). */
export function browserStore(): KeyValueStore | null {
  try {
    const store = globalThis.localStorage;
    if (!store) return null;
    const probe = '__countyhub_probe__';
    store.setItem(probe, '1');
    store.removeItem(probe);
    return store;
  } catch {
    return null;
  }
}

/**
 * A call that never reached the server or whose answer never came back: queue it and try again later.
 * api() turns a failed fetch into ApiError status 0; anything not an ApiError is a fetch failure too; a gateway in
 * between answers 502–504 while the server is out of reach.
 */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504;
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

const EMPTY: QueueState = { pending: [], rejected: [], conflicts: [] };

function parse(text: string | null): QueueState {
  if (!text) return EMPTY;
  try {
    const data = JSON.parse(text) as Partial<QueueState>;
    const valid = (q: unknown): q is QueuedScan => !!q && typeof q === 'object' && typeof (q as QueuedScan).scan?.eventId === 'string';
    const settled = (o: unknown): o is SettledScan => !!o && typeof o === 'object' && typeof (o as SettledScan).eventId === 'string';
    return {
      pending: Array.isArray(data.pending) ? data.pending.filter(valid) : [],
      rejected: Array.isArray(data.rejected) ? (data.rejected.filter(valid) as RejectedScan[]) : [],
      conflicts: Array.isArray(data.conflicts) ? data.conflicts.filter(settled) : [],
    };
  } catch {
    return EMPTY;
  }
}

/** The device's queue of scans for one signed-in user. */
export class OfflineQueue {
  private state: QueueState;
  private readonly listeners = new Set<() => void>();
  private running: Promise<SyncOutcome> | null = null;

  constructor(
    readonly key: string,
    private readonly store: KeyValueStore | null = browserStore(),
  ) {
    this.state = this.read();
  }

  /** The queue as it stands; the same object until it changes (for useSyncExternalStore). */
  snapshot = (): QueueState => this.state;

  get pending(): QueuedScan[] {
    return this.state.pending;
  }

  get rejected(): RejectedScan[] {
    return this.state.rejected;
  }

  get conflicts(): SettledScan[] {
    return this.state.conflicts;
  }

  get syncing(): boolean {
    return this.running !== null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    // Another tab of the same point changed the queue.
    const onStorage = (event: StorageEvent) => {
      if (event.key === this.key) this.reload();
    };
    if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
    return () => {
      this.listeners.delete(listener);
      if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
    };
  };

  /** Reads the stored queue again (another tab may have changed it). */
  reload(): void {
    const next = this.read();
    if (JSON.stringify(next) !== JSON.stringify(this.state)) {
      this.state = next;
      this.emit();
    }
  }

  /** Keeps a scan on the device; a scan with an event id already queued is not added twice. Throws when the device is full. */
  add(scan: ScanInput, label?: string): void {
    this.update((s) => (s.pending.some((q) => q.scan.eventId === scan.eventId) ? s : { ...s, pending: [...s.pending, { scan, queuedAt: scan.at ?? new Date().toISOString(), label }] }));
  }

  /** Forgets a rejected scan once the operator has seen it. */
  discard(eventId: string): void {
    this.update((s) => ({ ...s, rejected: s.rejected.filter((r) => r.scan.eventId !== eventId) }));
  }

  /** Forgets a scan that did not count once the operator has read it. */
  dismiss(eventId: string): void {
    this.update((s) => ({ ...s, conflicts: s.conflicts.filter((c) => c.eventId !== eventId) }));
  }

  /**
   * Sends the queue, 5 000 scans at a time, and removes only what the server answered 200 for. One sync runs at a
   * time: a second call gets the running one's outcome.
   */
  sync(send: (scans: ScanInput[]) => Promise<SyncAnswer>): Promise<SyncOutcome> {
    this.running ??= this.run(send).finally(() => {
      this.running = null;
      this.emit();
    });
    this.emit();
    return this.running;
  }

  private async run(send: (scans: ScanInput[]) => Promise<SyncAnswer>): Promise<SyncOutcome> {
    const outcome: SyncOutcome = { state: 'idle', sent: 0, stored: 0, duplicates: 0, flagged: [], outcomes: [], rejected: [], remaining: 0 };
    // Every round either empties a batch or sets one scan aside, so the queue ends; the bound is a safety net.
    for (let round = 0; round < 10_000; round++) {
      this.reload();
      const batch = this.state.pending.slice(0, MAX_BATCH);
      if (batch.length === 0) break;
      if (outcome.state === 'idle') outcome.state = 'done';
      try {
        const result = await send(batch.map((q) => q.scan));
        const sent = new Set(batch.map((q) => q.scan.eventId));
        const labels = new Map(batch.map((q) => [q.scan.eventId, q.label]));
        const settled: SettledScan[] = (result.outcomes ?? []).map((o) => ({ ...o, label: labels.get(o.eventId) }));
        const conflicts = settled.filter(isConflict);
        // Off the device and, in the same write, what did not count onto the list the operator must read.
        this.update((s) => ({
          ...s,
          pending: s.pending.filter((q) => !sent.has(q.scan.eventId)),
          conflicts: [...s.conflicts.filter((c) => !conflicts.some((n) => n.eventId === c.eventId)), ...conflicts],
        }));
        outcome.outcomes.push(...settled);
        outcome.sent += batch.length;
        outcome.stored += result.stored;
        outcome.duplicates += result.duplicates;
        outcome.flagged.push(...result.flagged);
      } catch (error) {
        const index = refusedScanIndex(error);
        const bad = index === null ? undefined : batch[index];
        if (bad) {
          const rejected: RejectedScan = { ...bad, reason: reasonOf(error), rejectedAt: new Date().toISOString() };
          this.update((s) => ({ ...s, pending: s.pending.filter((q) => q.scan.eventId !== bad.scan.eventId), rejected: [...s.rejected, rejected] }));
          outcome.rejected.push(rejected);
          continue;
        }
        outcome.state = isUnreachable(error) ? 'offline' : 'failed';
        outcome.error = error;
        break;
      }
    }
    outcome.remaining = this.state.pending.length;
    return outcome;
  }

  private read(): QueueState {
    if (!this.store) return this.state ?? EMPTY;
    try {
      return parse(this.store.getItem(this.key));
    } catch {
      return this.state ?? EMPTY;
    }
  }

  /** Read, change, write: another tab's additions are kept. */
  private update(change: (s: QueueState) => QueueState): void {
    const current = this.store ? this.read() : this.state;
    const next = change(current);
    if (next === current && next === this.state) return;
    if (this.store) {
      if (next.pending.length === 0 && next.rejected.length === 0 && next.conflicts.length === 0) this.store.removeItem(this.key);
      else this.store.setItem(this.key, JSON.stringify(next));
    }
    this.state = next;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
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
