/**
 * Work kept on the phone until the server has it: the village point's scans and the station's till records (no React
 * here, so it is easy to test). Each feature says what an entry is and how a batch is sent; this store keeps the
 * guarantees both rely on:
 * - the queue is kept per signed-in user in localStorage (in memory where the browser refuses it), survives a reload
 *   and a sign-out (it is that operator's work, sent when they sign in again), and a change made in another tab;
 * - an entry is queued once (by the id made on the phone) and leaves the device only once the server has answered
 *   for it; a lost answer keeps it, and the server stores a resent id once;
 * - a batch the server refuses because of one entry (a 400 naming it) sets that entry aside for the operator to see
 *   and discard, and the rest are sent;
 * - what the server answered but did not count is kept, with its reason, until the operator has read it.
 * The stored shape is `{ pending, <set-aside list>, conflicts }` under the feature's key, as the first versions of
 * both features wrote it, so work queued before an update is still sent after it.
 */
import { ApiError } from '../api/http.js';

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
 * A call that never reached the server or whose answer never came back: keep the work and try again later.
 * api() turns a failed fetch into ApiError status 0; anything not an ApiError is a fetch failure too; a gateway in
 * between answers 502–504 while the server is out of reach.
 */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504;
}

export interface KeptState<Q, A, C> {
  /** Waiting to be sent, oldest first. */
  pending: Q[];
  /** Refused as unreadable by a batch-level 400, until discarded. */
  setAside: A[];
  /** Answered but not counted, until dismissed. */
  conflicts: C[];
}

/** What one feature tells the store about its entries. */
export interface KeptShape<Q, A, C> {
  /** The name the set-aside list is stored under (`rejected` at the village point, `setAside` at the station). */
  setAsideField: string;
  /** One stored entry as the feature reads it; null drops it (unreadable). */
  readQueued(raw: unknown): Q | null;
  readSetAside(raw: unknown): A | null;
  readConflict(raw: unknown): C | null;
  /** Entries with the same id are the same work. */
  queuedId(q: Q): string;
  setAsideId(a: A): string;
  conflictId(c: C): string;
  /** The next batch to send: the oldest entries the server takes in one call. */
  nextBatch(pending: readonly Q[]): Q[];
  /** The index in the batch of the one entry a refused batch names, or null when the refusal is not about one entry. */
  refusedIndex(error: unknown): number | null;
  /** What is kept of an entry set aside: the server's reason, at this time. */
  setAsideOf(q: Q, error: unknown, at: string): A;
}

/** A batch's answer as the feature read it. */
export interface Settled<Q, C, D> {
  /** The entries the server answered for: they leave the device. The others stay and the sync stops. */
  answered: readonly Q[];
  /** Those answered that did not count, kept for the operator to read. */
  conflicts: C[];
  /** What the feature tells of this batch (counts, stored records), returned in order with the outcome. */
  digest: D;
}

export interface KeptSync<A, C, D> {
  /** idle: nothing to send; done: all sent; offline: the server could not be reached; failed: refused (signed out, 403, 5xx) or answered in part. */
  state: 'idle' | 'done' | 'offline' | 'failed';
  sent: number;
  /** One per batch answered. */
  digests: D[];
  /** Entries answered but not counted during this sync. */
  conflicts: C[];
  /** Entries set aside during this sync. */
  setAside: A[];
  remaining: number;
  error?: unknown;
}

const readList = <T>(raw: unknown, read: (x: unknown) => T | null): T[] => (Array.isArray(raw) ? raw.map(read).filter((x): x is T => x !== null) : []);

/** The device's queue of one feature's work for one signed-in user (each feature's queue extends it with its own `add` and `sync`). */
export class KeptQueue<Q, A, C> {
  private state: KeptState<Q, A, C>;
  private readonly empty: KeptState<Q, A, C> = { pending: [], setAside: [], conflicts: [] };
  private readonly listeners = new Set<() => void>();
  private running: Promise<KeptSync<A, C, unknown>> | null = null;

  constructor(
    readonly key: string,
    private readonly shape: KeptShape<Q, A, C>,
    private readonly store: KeyValueStore | null = browserStore(),
  ) {
    this.state = this.read();
  }

  /** The queue as it stands; the same object until it changes (for useSyncExternalStore). */
  snapshot = (): KeptState<Q, A, C> => this.state;

  get pending(): Q[] {
    return this.state.pending;
  }

  get setAside(): A[] {
    return this.state.setAside;
  }

  get conflicts(): C[] {
    return this.state.conflicts;
  }

  get syncing(): boolean {
    return this.running !== null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    // Another tab of the same operator changed the queue.
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

  /** Keeps an entry on the device; one whose id is already queued is not added twice. Throws when the device is full (nothing is kept then). */
  keep(entry: Q): void {
    const id = this.shape.queuedId(entry);
    this.update((s) => (s.pending.some((q) => this.shape.queuedId(q) === id) ? s : { ...s, pending: [...s.pending, entry] }));
  }

  /** Forgets a set-aside entry once the operator has seen it. */
  discard(id: string): void {
    this.update((s) => ({ ...s, setAside: s.setAside.filter((a) => this.shape.setAsideId(a) !== id) }));
  }

  /** Forgets an entry that did not count once the operator has read why. */
  dismiss(id: string): void {
    this.update((s) => ({ ...s, conflicts: s.conflicts.filter((c) => this.shape.conflictId(c) !== id) }));
  }

  /**
   * Sends the queue batch by batch (`send` calls the server and reads its answer) and removes only what the server
   * answered for. One sync runs at a time: a second call gets the running one's outcome.
   */
  sendAll<D>(send: (batch: Q[]) => Promise<Settled<Q, C, D>>): Promise<KeptSync<A, C, D>> {
    this.running ??= this.run(send).finally(() => {
      this.running = null;
      this.emit();
    });
    this.emit();
    return this.running as Promise<KeptSync<A, C, D>>;
  }

  private async run<D>(send: (batch: Q[]) => Promise<Settled<Q, C, D>>): Promise<KeptSync<A, C, D>> {
    const { queuedId, conflictId, setAsideId } = this.shape;
    const outcome: KeptSync<A, C, D> = { state: 'idle', sent: 0, digests: [], conflicts: [], setAside: [], remaining: 0 };
    // Every round either answers a batch or sets one entry aside, so the queue ends; the bound is a safety net.
    for (let round = 0; round < 10_000; round++) {
      this.reload();
      const batch = this.shape.nextBatch(this.state.pending);
      if (batch.length === 0) break;
      if (outcome.state === 'idle') outcome.state = 'done';
      let settled: Settled<Q, C, D>;
      try {
        settled = await send(batch);
      } catch (error) {
        const index = this.shape.refusedIndex(error);
        const bad = index === null ? undefined : batch[index];
        if (bad) {
          const badId = queuedId(bad);
          const aside = this.shape.setAsideOf(bad, error, new Date().toISOString());
          this.update((s) => ({ ...s, pending: s.pending.filter((q) => queuedId(q) !== badId), setAside: [...s.setAside.filter((a) => setAsideId(a) !== setAsideId(aside)), aside] }));
          outcome.setAside.push(aside);
          continue;
        }
        outcome.state = isUnreachable(error) ? 'offline' : 'failed';
        outcome.error = error;
        break;
      }
      if (settled.answered.length === 0) {
        // An answer that names none of what was sent: keep everything rather than loop or lose it.
        outcome.state = 'failed';
        outcome.error = new Error('the server answered none of the entries sent');
        break;
      }
      const done = new Set(settled.answered.map(queuedId));
      const fresh = new Set(settled.conflicts.map(conflictId));
      // Off the device and, in the same write, what did not count onto the list the operator must read (a resend's once).
      this.update((s) => ({
        ...s,
        pending: s.pending.filter((q) => !done.has(queuedId(q))),
        conflicts: [...s.conflicts.filter((c) => !fresh.has(conflictId(c))), ...settled.conflicts],
      }));
      outcome.sent += settled.answered.length;
      outcome.conflicts.push(...settled.conflicts);
      outcome.digests.push(settled.digest);
      // What the server did not answer for stays queued for the next sync.
      if (settled.answered.length < batch.length) {
        outcome.state = 'failed';
        outcome.error = new Error('the server answered only part of the batch');
        break;
      }
    }
    outcome.remaining = this.state.pending.length;
    return outcome;
  }

  private parse(text: string | null): KeptState<Q, A, C> {
    if (!text) return this.empty;
    try {
      const data = JSON.parse(text) as Record<string, unknown> | null;
      if (!data || typeof data !== 'object') return this.empty;
      return {
        pending: readList(data.pending, this.shape.readQueued),
        setAside: readList(data[this.shape.setAsideField], this.shape.readSetAside),
        conflicts: readList(data.conflicts, this.shape.readConflict),
      };
    } catch {
      return this.empty;
    }
  }

  private read(): KeptState<Q, A, C> {
    if (!this.store) return this.state ?? this.empty;
    try {
      return this.parse(this.store.getItem(this.key));
    } catch {
      return this.state ?? this.empty;
    }
  }

  /** Read, change, write: another tab's additions are kept. */
  private update(change: (s: KeptState<Q, A, C>) => KeptState<Q, A, C>): void {
    const current = this.store ? this.read() : this.state;
    const next = change(current);
    if (next === current && next === this.state) return;
    if (this.store) {
      if (next.pending.length === 0 && next.setAside.length === 0 && next.conflicts.length === 0) this.store.removeItem(this.key);
      else this.store.setItem(this.key, JSON.stringify({ pending: next.pending, [this.shape.setAsideField]: next.setAside, conflicts: next.conflicts }));
    }
    this.state = next;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
