import type { Static, TSchema } from 'typebox';
import type { AnyKysely } from '../db.js';

/**
 * A fact one module states and others may react to. The producer defines the event it publishes; each consumer
 * defines the event it relies on (modules never import each other), possibly with a narrower payload: only the
 * fields it reads. `checkEventWiring` checks at start-up that the two agree.
 */
export interface EventDef<P = unknown, T extends string = string> {
  /** `<module>.<past-tense fact>`, e.g. 'orders.paid'. */
  type: T;
  /** Bumped when the payload changes incompatibly; a consumer names the version it understands. */
  version: number;
  /** What kind of record the event is about, e.g. 'order'; events reach subscribers in order per aggregate. */
  aggregate: string;
  /** For the event catalogue: Chinese first, then English. */
  description: string;
  payload: TSchema;
  /**
   * Only carries the payload's type; never set. A method, so that it is compared both ways and any definition
   * fits a list of `EventDef<never>` (what a module publishes, whatever the payloads).
   */
  __payload?(payload: P): void;
}

export function defineEvent<const T extends string, S extends TSchema>(def: { type: T; version: number; aggregate: string; description: string; payload: S }): EventDef<Static<S>, T> {
  if (!/^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/.test(def.type)) throw new Error(`Event type must look like 'module.fact': ${def.type}`);
  if (!Number.isInteger(def.version) || def.version < 1) throw new Error(`Event ${def.type}: version must be a whole number from 1`);
  return { ...def };
}

/** What a handler receives. `seq` is null for inline handlers: the event is numbered for delivery only after it commits. */
export interface PublishedEvent<P = unknown, T extends string = string> {
  seq: number | null;
  type: T;
  version: number;
  aggregateId: string;
  payload: P;
  /** ISO-8601 UTC. */
  occurredAt: string;
}

/** The event a handler of these definitions receives: a union discriminated by `type`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EventOf<D extends EventDef<any, string>> = D extends EventDef<infer P, infer T> ? PublishedEvent<P, T> : never;

/** The key a subscription and a publication meet on. */
export const eventKey = (def: Pick<EventDef, 'type' | 'version'>) => `${def.type}@v${def.version}`;

export interface InlineSubscription {
  kind: 'inline';
  def: EventDef;
  handler: (trx: AnyKysely, event: PublishedEvent) => Promise<void>;
}

export interface AsyncSubscription {
  kind: 'async';
  name: string;
  defs: EventDef[];
  handler: (event: PublishedEvent, db: AnyKysely) => Promise<void>;
}

export type Subscription = InlineSubscription | AsyncSubscription;

/**
 * Runs inside the producer's transaction when the event is published: for what must be atomic with the change
 * (ledger credits, trace allocation). A throw aborts the producer's transaction with the same error.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function inline<D extends EventDef<any, string>>(def: D, handler: (trx: AnyKysely, event: EventOf<D>) => Promise<void>): InlineSubscription {
  return { kind: 'inline', def, handler: handler as InlineSubscription['handler'] };
}

/**
 * Runs later, from the EventDispatcher, outside the producer's transaction: at least once (so the handler must be
 * idempotent), in publication order, one process at a time. `name` is unique and keeps the subscriber's position,
 * e.g. 'statistics.sales'; renaming it starts the subscriber again from the first event kept.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function subscriber<const D extends readonly EventDef<any, string>[]>(name: string, defs: D, handler: (event: EventOf<D[number]>, db: AnyKysely) => Promise<void>): AsyncSubscription {
  if (!/^[a-z][a-z0-9_]*(\.[a-z0-9_-]+)+$/.test(name)) throw new Error(`Subscriber name must look like 'module.purpose': ${name}`);
  if (defs.length === 0) throw new Error(`Subscriber ${name} listens to no event`);
  return { kind: 'async', name, defs: [...defs] as EventDef[], handler: handler as AsyncSubscription['handler'] };
}
