import type { Kysely } from 'kysely';
import { Compile, type Validator } from 'typebox/compile';
import type { Clock } from '../clock.js';
import type { AnyKysely, DialectName } from '../db.js';
import { eventKey, type AsyncSubscription, type EventDef, type InlineSubscription, type PublishedEvent, type Subscription } from './define.js';
import type { EventTables } from './events.tables.js';

/** What a module gets to publish with (the bus, without its wiring). */
export interface EventPublisher {
  publish<P>(trx: AnyKysely, def: EventDef<P>, aggregateId: string, payload: NoInfer<P>): Promise<void>;
}

export interface EventBusOptions {
  db: AnyKysely;
  dialect: DialectName;
  clock: Clock;
}

/**
 * Publishes events into the outbox in the producer's transaction and runs the inline handlers there.
 * Async subscribers are only listed here; the EventDispatcher delivers to them.
 */
export class EventBus implements EventPublisher {
  private readonly inlineByKey = new Map<string, InlineSubscription[]>();
  private readonly subscribers = new Map<string, AsyncSubscription>();
  private readonly validators = new Map<EventDef, Validator>();
  private readonly clock: Clock;

  constructor(opts: EventBusOptions) {
    this.clock = opts.clock;
  }

  register(subscriptions: Subscription[]): void {
    for (const subscription of subscriptions) {
      if (subscription.kind === 'inline') {
        const key = eventKey(subscription.def);
        this.inlineByKey.set(key, [...(this.inlineByKey.get(key) ?? []), subscription]);
      } else {
        if (this.subscribers.has(subscription.name)) throw new Error(`Two event subscribers are named ${subscription.name}`);
        this.subscribers.set(subscription.name, subscription);
      }
    }
  }

  /** The async subscribers, in registration order (for the dispatcher). */
  asyncSubscribers(): AsyncSubscription[] {
    return [...this.subscribers.values()];
  }

  /**
   * Writes the event in `trx` (the producer's transaction, so it commits or rolls back with the change), then runs
   * the inline handlers of its type and version in registration order, in `trx`. A payload that does not match its
   * schema is a programming error and throws before anything is written.
   */
  async publish<P>(trx: AnyKysely, def: EventDef<P>, aggregateId: string, payload: NoInfer<P>): Promise<void> {
    this.check(def, payload);
    const event: PublishedEvent<P> = { seq: null, type: def.type, version: def.version, aggregateId, payload, occurredAt: this.clock.now().toISOString() };
    await (trx as Kysely<EventTables>)
      .insertInto('kernel_events')
      .values({ seq: null, type: def.type, version: def.version, aggregate: def.aggregate, aggregate_id: aggregateId, payload: JSON.stringify(payload), occurred_at: event.occurredAt })
      .execute();
    for (const subscription of this.inlineByKey.get(eventKey(def)) ?? []) await subscription.handler(trx, event);
  }

  private check(def: EventDef, payload: unknown): void {
    let validator = this.validators.get(def);
    if (!validator) {
      validator = Compile(def.payload);
      this.validators.set(def, validator);
    }
    if (validator.Check(payload)) return;
    const problems = validator
      .Errors(payload)
      .slice(0, 5)
      .map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new Error(`Event ${eventKey(def)}: payload does not match its schema: ${problems.join('; ')}`);
  }
}
