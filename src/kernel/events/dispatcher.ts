import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { AnyKysely, DialectName } from '../db.js';
import { retryDelayMs } from './backoff.js';
import type { EventBus } from './bus.js';
import type { AsyncSubscription, PublishedEvent } from './define.js';
import type { EventTables } from './events.tables.js';
import { lastSequenced, sequenceEvents } from './sequencer.js';

export interface EventDispatcherOptions {
  db: AnyKysely;
  dialect: DialectName;
  clock: Clock;
  bus: EventBus;
  /** Names this process in leases; unique per process. */
  processId: string;
  /** How long a claim on a subscriber lasts without progress; renewed after every event. A handler must finish well within it. */
  leaseMs?: number;
  /** Events read for one subscriber per run. */
  batchSize?: number;
  /** Told of a background round that failed as a whole (the database was away); the loop carries on. Default: stderr. */
  onError?: (err: unknown) => void;
}

export interface SubscriberPosition {
  name: string;
  /** The seq of the last event it has handled (0: none yet). */
  position: number;
  lastError: string | null;
  failures: number;
  retryAt: string | null;
}

const DAY_MS = 24 * 3600_000;

/**
 * Delivers published events to the async subscribers. Rules:
 * - it first numbers newly committed events (sequenceEvents), then, for each subscriber, claims it with a lease
 *   (a conditional UPDATE that succeeds only when no live lease is held, and its retry time has come), so one
 *   process at a time delivers to a subscriber; other subscribers may be served by other processes meanwhile;
 * - it reads the events after the subscriber's position in seq order (a batch) and hands them over one by one,
 *   advancing the position after each: a crash between a handler and its advance delivers that event again
 *   (at least once: handlers are idempotent);
 * - a handler that throws stops its subscriber at that event (later ones wait: order is kept), and the event is
 *   tried again after 1 s, 2 s, 4 s … at most 5 minutes; the error is kept for the console;
 * - every advance is a compare-and-set on the lease and the old position, so a process whose lease ran out, or a
 *   replay meanwhile, stops the batch instead of overwriting the position.
 */
export class EventDispatcher {
  private readonly db: Kysely<EventTables>;
  private readonly clock: Clock;
  private readonly bus: EventBus;
  private readonly processId: string;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly onError: (err: unknown) => void;
  private rowsMade = false;
  /** Runs of this instance follow each other: its own lease would not keep two of them apart. */
  private queue: Promise<unknown> = Promise.resolve();
  private running = false;
  private timer?: NodeJS.Timeout;
  private current?: Promise<unknown>;

  constructor(opts: EventDispatcherOptions) {
    this.db = opts.db as Kysely<EventTables>;
    this.clock = opts.clock;
    this.bus = opts.bus;
    this.processId = opts.processId;
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.batchSize = opts.batchSize ?? 100;
    this.onError = opts.onError ?? ((err) => console.error('事件分发失败 Event dispatch failed', err));
  }

  /** One round: numbers new events, then serves each subscriber it can claim. Returns the events handled. */
  runOnce(): Promise<number> {
    const run = this.queue.then(() => this.round());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Runs rounds until stop(): the next one at once after a round that handled events, else after `pollMs`. */
  start(pollMs: number): void {
    if (this.running) return;
    this.running = true;
    const tick = () => {
      this.current = this.runOnce()
        .catch((err) => {
          this.onError(err);
          return 0;
        })
        .then((handled) => {
          if (!this.running) return;
          this.timer = setTimeout(tick, handled > 0 ? 0 : pollMs);
          this.timer.unref();
        });
    };
    tick();
  }

  /** Stops the loop and waits for the round under way. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.current;
  }

  /** Puts a subscriber back to the first event kept, so its read model is rebuilt from the start. */
  async replay(subscriberName: string): Promise<void> {
    await this.makeRows();
    const result = await this.db
      .updateTable('kernel_event_subscribers')
      .set({ position: 0, failures: 0, retry_at: null, last_error: null })
      .where('name', '=', subscriberName)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new Error(`No event subscriber is named ${subscriberName}`);
  }

  async positions(): Promise<SubscriberPosition[]> {
    await this.makeRows();
    const rows = await this.db.selectFrom('kernel_event_subscribers').selectAll().orderBy('name').execute();
    return rows.map((r) => ({ name: r.name, position: Number(r.position), lastError: r.last_error, failures: Number(r.failures), retryAt: r.retry_at }));
  }

  /**
   * Deletes events that every subscriber has passed and that are older than `olderThanDays`; returns how many.
   * A subscriber added later, or replayed, starts from the oldest event kept. A subscriber removed from the code
   * keeps its row, and so holds events back, until its row is deleted.
   */
  async purgeDelivered(olderThanDays: number): Promise<number> {
    await this.makeRows();
    const slowest = await this.db.selectFrom('kernel_event_subscribers').select((eb) => eb.fn.min('position').as('position')).executeTakeFirst();
    const cutoff = new Date(this.clock.now().getTime() - olderThanDays * DAY_MS).toISOString();
    let query = this.db.deleteFrom('kernel_events').where('seq', 'is not', null).where('occurred_at', '<', cutoff);
    if (slowest?.position !== null && slowest?.position !== undefined) query = query.where('seq', '<=', Number(slowest.position));
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private async round(): Promise<number> {
    await this.makeRows();
    await sequenceEvents(this.db);
    const waiting = await this.subscribersWithWork();
    let handled = 0;
    for (const subscription of this.bus.asyncSubscribers()) if (waiting.has(subscription.name)) handled += await this.serve(subscription);
    return handled;
  }

  /** Names of the subscribers behind the last seq, free and not waiting to retry: a read, so idle polling writes nothing. */
  private async subscribersWithWork(): Promise<Set<string>> {
    const now = this.clock.now().toISOString();
    const horizon = await lastSequenced(this.db);
    const rows = await this.db.selectFrom('kernel_event_subscribers').select(['name', 'position', 'lease_until', 'retry_at']).where('position', '<', horizon).execute();
    return new Set(rows.filter((r) => (r.lease_until === null || r.lease_until < now) && (r.retry_at === null || r.retry_at <= now)).map((r) => r.name));
  }

  /** A row for every registered subscriber, at position 0 when new. */
  private async makeRows(): Promise<void> {
    if (this.rowsMade) return;
    for (const { name } of this.bus.asyncSubscribers()) {
      await this.db
        .insertInto('kernel_event_subscribers')
        .values({ name, position: 0, lease_owner: null, lease_until: null, failures: 0, retry_at: null, last_error: null })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    }
    this.rowsMade = true;
  }

  private leaseEnd = () => new Date(this.clock.now().getTime() + this.leaseMs).toISOString();

  private async serve(subscription: AsyncSubscription): Promise<number> {
    const claim = await this.claim(subscription.name);
    if (!claim) return 0;
    let { position, failures } = claim;
    let handled = 0;
    try {
      // Every event up to `horizon` has committed: when the batch ends before it, nothing this subscriber
      // listens to lies between, and the position may jump there (so rare events do not hold back purging).
      const horizon = await lastSequenced(this.db);
      const events = await this.eventsAfter(subscription, position, horizon);
      for (const event of events) {
        try {
          await subscription.handler(event, this.db);
        } catch (err) {
          await this.recordFailure(subscription.name, failures + 1, err);
          return handled;
        }
        handled += 1;
        if (!(await this.advance(subscription.name, position, event.seq!))) return handled;
        position = event.seq!;
        failures = 0;
      }
      if (events.length < this.batchSize && horizon > position) await this.advance(subscription.name, position, horizon);
      return handled;
    } finally {
      await this.db.updateTable('kernel_event_subscribers').set({ lease_owner: null, lease_until: null }).where('name', '=', subscription.name).where('lease_owner', '=', this.processId).execute();
    }
  }

  private async claim(name: string): Promise<{ position: number; failures: number } | undefined> {
    const now = this.clock.now().toISOString();
    const row = await this.db
      .updateTable('kernel_event_subscribers')
      .set({ lease_owner: this.processId, lease_until: this.leaseEnd() })
      .where('name', '=', name)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .where((eb) => eb.or([eb('retry_at', 'is', null), eb('retry_at', '<=', now)]))
      .returning(['position', 'failures'])
      .executeTakeFirst();
    return row && { position: Number(row.position), failures: Number(row.failures) };
  }

  private async eventsAfter(subscription: AsyncSubscription, position: number, horizon: number): Promise<PublishedEvent[]> {
    const rows = await this.db
      .selectFrom('kernel_events')
      .select(['seq', 'type', 'version', 'aggregate_id', 'payload', 'occurred_at'])
      .where('seq', '>', position)
      .where('seq', '<=', horizon)
      .where((eb) => eb.or(subscription.defs.map((def) => eb.and([eb('type', '=', def.type), eb('version', '=', def.version)]))))
      .orderBy('seq')
      .limit(this.batchSize)
      .execute();
    return rows.map((r) => ({ seq: Number(r.seq), type: r.type, version: r.version, aggregateId: r.aggregate_id, payload: JSON.parse(r.payload), occurredAt: r.occurred_at }));
  }

  /** Moves the position from `from` to `to` while this process holds the lease; false when it no longer does or a replay intervened. */
  private async advance(name: string, from: number, to: number): Promise<boolean> {
    const result = await this.db
      .updateTable('kernel_event_subscribers')
      .set({ position: to, failures: 0, retry_at: null, last_error: null, lease_until: this.leaseEnd() })
      .where('name', '=', name)
      .where('lease_owner', '=', this.processId)
      .where('position', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  private async recordFailure(name: string, failures: number, err: unknown): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    await this.db
      .updateTable('kernel_event_subscribers')
      .set({ failures, last_error: message.slice(0, 1000), retry_at: new Date(this.clock.now().getTime() + retryDelayMs(failures)).toISOString() })
      .where('name', '=', name)
      .where('lease_owner', '=', this.processId)
      .execute();
  }
}
