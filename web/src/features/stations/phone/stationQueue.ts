/**
 * The station's records kept on the phone until the server has them (no React here, so it is easy to test).
 *
 * Every action at the till is a record with a clientId made on the device (and its own time). It goes into this
 * queue first (localStorage, so it survives a reload); `sync` sends the queue with POST /stations/records/batch, one
 * site and at most 500 records at a time, in the order they were made, and takes records off the device only once
 * the server has answered. The server stores a clientId once per site, so sending again after a lost answer is safe:
 * it answers `duplicate` with the stored record.
 * What a business rule refused (当日已结账, 库存不足 …) is kept as a conflict with the server's Chinese reason, until
 * the operator has read it; a batch the server refuses because one record does not match its schema
 * (`body.records[2].amountFen`) sets that record aside for the operator to see and discard, and sends the rest.
 * Records set aside or refused keep no personal data (the villager's phone and ID number are dropped): only the line
 * the operator saw. The queue holds a villager's phone or ID number only until it is synced.
 */
import { ApiError } from '../../../api/http.js';
import type { BatchAnswer, Outcome, RecordInput, RecordType, RecordView } from '../../../api/station-phone.js';

/** The server takes at most this many records in one batch. */
export const MAX_BATCH = 500;

/** Cash the device reckons a record moves at the till (shown in today's totals until the server has it). */
export interface TillCash {
  inFen: number;
  outFen: number;
}

export interface QueuedRecord {
  siteId: string;
  record: RecordInput;
  /** When the operator made it (also record.at). */
  queuedAt: string;
  /** What the operator sees in the lists: 缴费 · 张三 · ¥120.00. */
  label: string;
  cash: TillCash;
}

/** What is kept of a record that did not get in: no phone, no ID number. */
export interface Settled {
  siteId: string;
  clientId: string;
  type: RecordType;
  at: string;
  label: string;
}

/** A record the server refused by a business rule: its code and Chinese reason, until dismissed. */
export interface Conflict extends Settled {
  code: string;
  message: string;
  settledAt: string;
}

/** A record the server could not read (a batch-level 400 naming it): the field and reason, until discarded. */
export interface SetAside extends Settled {
  reason: string;
  rejectedAt: string;
}

export interface QueueState {
  pending: QueuedRecord[];
  setAside: SetAside[];
  conflicts: Conflict[];
}

export interface SyncOutcome {
  /** idle: nothing to send; done: all sent; offline: the server could not be reached; failed: refused (signed out, 403, 5xx). */
  state: 'idle' | 'done' | 'offline' | 'failed';
  sent: number;
  stored: number;
  duplicates: number;
  refused: number;
  /** The stored record of every record that got in (a resend's included), for the lists and receipts. */
  records: RecordView[];
  /** Records refused during this sync. */
  conflicts: Conflict[];
  /** Records set aside during this sync. */
  setAside: SetAside[];
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
 * A call that never reached the server or whose answer never came back: keep the records and try again later.
 * api() turns a failed fetch into ApiError status 0; anything not an ApiError is a fetch failure too; a gateway in
 * between answers 502–504 while the server is out of reach.
 */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504;
}

const RECORD_FIELD = /^body\.records(?:\[(\d+)\]|\.(\d+)|\/(\d+))[./]?/;

/** The index of the record a refused batch names (`body.records[3].amountFen`, `body.records.3.clientId`), if any. */
export function refusedRecordIndex(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const match = RECORD_FIELD.exec(error.field ?? '') ?? RECORD_FIELD.exec(error.message);
  return match ? Number(match[1] ?? match[2] ?? match[3]) : null;
}

/** `body.records[3].amountFen: must be …` → `amountFen: must be …`. */
const reasonOf = (error: unknown) => (error instanceof Error ? error.message.replace(RECORD_FIELD, '') : String(error));

const EMPTY: QueueState = { pending: [], setAside: [], conflicts: [] };

const settledOf = (q: QueuedRecord): Settled => ({ siteId: q.siteId, clientId: q.record.clientId, type: q.record.type, at: q.record.at, label: q.label });

function parse(text: string | null): QueueState {
  if (!text) return EMPTY;
  try {
    const data = JSON.parse(text) as Partial<QueueState>;
    const valid = (q: unknown): q is QueuedRecord => !!q && typeof q === 'object' && typeof (q as QueuedRecord).record?.clientId === 'string' && typeof (q as QueuedRecord).siteId === 'string';
    const settled = (o: unknown): o is Settled => !!o && typeof o === 'object' && typeof (o as Settled).clientId === 'string';
    return {
      pending: Array.isArray(data.pending) ? data.pending.filter(valid).map((q) => ({ ...q, cash: q.cash ?? { inFen: 0, outFen: 0 } })) : [],
      setAside: Array.isArray(data.setAside) ? (data.setAside.filter(settled) as SetAside[]) : [],
      conflicts: Array.isArray(data.conflicts) ? (data.conflicts.filter(settled) as Conflict[]) : [],
    };
  } catch {
    return EMPTY;
  }
}

/** The device's queue of records for one signed-in user. */
export class StationQueue {
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

  get pending(): QueuedRecord[] {
    return this.state.pending;
  }

  get setAside(): SetAside[] {
    return this.state.setAside;
  }

  get conflicts(): Conflict[] {
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

  /**
   * Keeps a record on the device; a clientId already queued for the site is not added twice. Throws when the device
   * is full (the page then tells the operator; nothing was kept).
   */
  add(siteId: string, record: RecordInput, label: string, cash: TillCash = { inFen: 0, outFen: 0 }): void {
    this.update((s) =>
      s.pending.some((q) => q.siteId === siteId && q.record.clientId === record.clientId) ? s : { ...s, pending: [...s.pending, { siteId, record, queuedAt: record.at, label, cash }] },
    );
  }

  /** The queued record with this clientId, if it is still on the device. */
  find(clientId: string): QueuedRecord | undefined {
    return this.state.pending.find((q) => q.record.clientId === clientId);
  }

  /** Forgets a set-aside record once the operator has seen it. */
  discard(clientId: string): void {
    this.update((s) => ({ ...s, setAside: s.setAside.filter((r) => r.clientId !== clientId) }));
  }

  /** Forgets a refused record once the operator has read the reason. */
  dismiss(clientId: string): void {
    this.update((s) => ({ ...s, conflicts: s.conflicts.filter((c) => c.clientId !== clientId) }));
  }

  /**
   * Sends the queue, one site and 500 records at a time, and removes only what the server answered for. One sync runs
   * at a time: a second call gets the running one's outcome.
   */
  sync(send: (siteId: string, records: RecordInput[]) => Promise<BatchAnswer>): Promise<SyncOutcome> {
    this.running ??= this.run(send).finally(() => {
      this.running = null;
      this.emit();
    });
    this.emit();
    return this.running;
  }

  private async run(send: (siteId: string, records: RecordInput[]) => Promise<BatchAnswer>): Promise<SyncOutcome> {
    const outcome: SyncOutcome = { state: 'idle', sent: 0, stored: 0, duplicates: 0, refused: 0, records: [], conflicts: [], setAside: [], remaining: 0 };
    // Every round either answers a batch or sets one record aside, so the queue ends; the bound is a safety net.
    for (let round = 0; round < 10_000; round++) {
      this.reload();
      const first = this.state.pending[0];
      if (!first) break;
      const batch = this.state.pending.filter((q) => q.siteId === first.siteId).slice(0, MAX_BATCH);
      if (outcome.state === 'idle') outcome.state = 'done';
      let answer: BatchAnswer;
      try {
        answer = await send(first.siteId, batch.map((q) => q.record));
      } catch (error) {
        const index = refusedRecordIndex(error);
        const bad = index === null ? undefined : batch[index];
        if (bad) {
          const setAside: SetAside = { ...settledOf(bad), reason: reasonOf(error), rejectedAt: new Date().toISOString() };
          this.update((s) => ({ ...s, pending: s.pending.filter((q) => q !== bad && !(q.siteId === bad.siteId && q.record.clientId === bad.record.clientId)), setAside: [...s.setAside, setAside] }));
          outcome.setAside.push(setAside);
          continue;
        }
        outcome.state = isUnreachable(error) ? 'offline' : 'failed';
        outcome.error = error;
        break;
      }
      const byClientId = new Map<string, Outcome>((answer.outcomes ?? []).map((o) => [o.clientId, o]));
      const answered = batch.filter((q) => byClientId.has(q.record.clientId));
      if (answered.length === 0) {
        // An answer that names none of what was sent: keep everything rather than loop or lose it.
        outcome.state = 'failed';
        outcome.error = new Error('the server answered none of the records sent');
        break;
      }
      const now = new Date().toISOString();
      const conflicts: Conflict[] = [];
      for (const q of answered) {
        const o = byClientId.get(q.record.clientId)!;
        if (o.status === 'refused') conflicts.push({ ...settledOf(q), code: o.code ?? 'REFUSED', message: o.message ?? o.code ?? '', settledAt: now });
        else {
          if (o.status === 'duplicate') outcome.duplicates++;
          else outcome.stored++;
          if (o.record) outcome.records.push(o.record);
        }
      }
      const done = new Set(answered.map((q) => q.record.clientId));
      // Off the device and, in the same write, what was refused onto the list the operator must read.
      this.update((s) => ({
        ...s,
        pending: s.pending.filter((q) => !(q.siteId === first.siteId && done.has(q.record.clientId))),
        conflicts: [...s.conflicts.filter((c) => !conflicts.some((n) => n.clientId === c.clientId)), ...conflicts],
      }));
      outcome.sent += answered.length;
      outcome.refused += conflicts.length;
      outcome.conflicts.push(...conflicts);
      // Records the server did not answer for stay queued; the next round sends them again.
      if (answered.length < batch.length) {
        outcome.state = 'failed';
        outcome.error = new Error('the server answered only part of the batch');
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
      if (next.pending.length === 0 && next.setAside.length === 0 && next.conflicts.length === 0) this.store.removeItem(this.key);
      else this.store.setItem(this.key, JSON.stringify(next));
    }
    this.state = next;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Where the station's queue is kept on the device: one per signed-in user, so a shared phone keeps each operator's own. */
export const queueKey = (userId: string) => `countyhub.station.queue.${userId}`;
