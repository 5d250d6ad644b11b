/*
 * How to add a record type (one handler a file, `handlers/<area>.ts`):
 *  1. Write `export const billPay: RecordHandler<BillPayInput> = { type: 'bill.pay', schema, service: 'bill', apply }`.
 *     `schema` is a TypeBox Type.Object of the type-specific fields only (use `Customer` below for `customer`,
 *     formats such as `{ format: 'date' }` are checked); the common fields (clientId, type, at, receiptCode, note)
 *     are added by the core, and the batch's 400 names `body.records[i].<field>`.
 *  2. `apply(trx, c, input)` runs inside the record's own transaction, after the day is found open and the customer
 *     resolved (`c.customer`). Write your own tables through `trx`, move stock through `c.stock.move(trx, …)`, find
 *     an earlier record of this site by its clientId with `c.clientRef(type, clientId)`, and return `Applied`
 *     (cash in/out of the till, amount, fee, JSON details, one Chinese summary line). Refuse with
 *     `throw refusal('STOCK_INSUFFICIENT', '库存不足')`: nothing of the record is stored, the batch goes on.
 *  3. Optional `onVoid(trx, c, target)` undoes your own tables' state when the record is voided (stock moves and
 *     cash are reversed by the core). Add the handler to the list in `handlers/index.ts` (one str_replace).
 *  4. SQLite has ONE connection: inside `apply` never read through `c.ports` or the module's own `db` (it waits on
 *     the open transaction for ever). Read other modules in `prepare(c, input)`, which runs before the transaction;
 *     what it returns is `c.prepared` in `apply`.
 */
import type { Kysely } from 'kysely';
import { Type, type Static, type TObject } from 'typebox';
import type { Clock } from '../../../kernel/clock.js';
import type { RequestContext } from '../../../kernel/context.js';
import type { EventPublisher } from '../../../kernel/events/index.js';
import type { Sealer } from '../../../kernel/sealed.js';
import type { ServiceKind } from '../events.js';
import type { StationSite, StationsPorts } from '../ports.js';
import type { StationStock } from '../stock.js';
import type { RecordRow, StationsTables } from '../stations.tables.js';

/** A villager as the phone sends it: new (name and what is known), or one the desk listed (`customerId`). */
export const CustomerInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 20 }),
    phone: Type.Optional(Type.String({ pattern: '^1[3-9]\\d{9}$', description: '11-digit mobile number' })),
    idNumber: Type.Optional(Type.String({ pattern: '^\\d{17}[\\dX]$', description: '18-character resident ID number (checksum checked)' })),
    poor: Type.Optional(Type.Boolean({ description: 'the operator knows the customer is of a registered poor household' })),
  },
  { additionalProperties: false },
);
export type CustomerInput = Static<typeof CustomerInput>;

/** The customer fields a service record may carry (spread into a handler's schema: `...CustomerFields`). */
export const CustomerFields = {
  customer: Type.Optional(CustomerInput),
  customerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'a customer of this site from GET /stations/desk' })),
};

/** The customer a record is for, resolved (found or recorded) at its site. */
export interface Customer {
  id: string;
  name: string;
  phoneMasked: string | null;
  poor: boolean;
  householdId: string | null;
}

/** The fields every record carries. */
export interface CommonRecordFields {
  clientId: string;
  type: string;
  at: string;
  receiptCode?: string;
  note?: string;
  customer?: CustomerInput;
  customerId?: string;
}

/** What a handler gets besides its input. */
export interface ApplyContext {
  ctx: RequestContext;
  site: StationSite;
  /** The record's Shanghai date. */
  day: string;
  /** When the operator made it (ISO). */
  at: string;
  /** The id the record will be stored under (srec_…); stock moves and your rows refer to it. */
  recordId: string;
  clientId: string;
  customer: Customer | null;
  /** The stored record of this site with this type and clientId, or null (`type` '*' for any type). */
  clientRef(type: string, clientId: string): Promise<RecordRow | null>;
  stock: StationStock;
  ports: StationsPorts;
  clock: Clock;
  /** What the handler's `prepare` returned (undefined without one). */
  prepared: unknown;
  /** The core's own hooks (the till handlers use them). */
  core: CoreHooks;
}

/** What `prepare` gets: no transaction, ports allowed. */
export interface PrepareContext {
  ctx: RequestContext;
  site: StationSite;
  day: string;
  ports: StationsPorts;
  clock: Clock;
}

/** The core's operations the till handlers (day.open, day.close, record.void) need. */
export interface CoreHooks {
  /** The handler of a record type, if registered. */
  handlerOf(type: string): AnyRecordHandler | undefined;
  events: EventPublisher;
  /** kernel.sealer: what a handler keeps of personal data in its own tables is sealed (B: a bill's account number). */
  sealer: Sealer;
}

/** What a handler applied: the till's cash and what the receipt and lists show. */
export interface Applied {
  amountFen: number;
  feeFen: number;
  cashInFen: number;
  cashOutFen: number;
  details: Record<string, unknown>;
  /** One Chinese line: '电费 · 国网云南电力 · ¥120.00'. */
  summary: string;
  /**
   * The customer the service is for when it is not the record's own (a 代买 hand-over counts for its request's
   * villager): stored as the record's customer and poor flag, and carried by its service events. Omit it otherwise.
   */
  customer?: { id: string; poor: boolean } | null;
}

export type StationsTrx = Kysely<StationsTables>;

export interface RecordHandler<T = Record<string, unknown>> {
  type: string;
  /** The type-specific fields (TypeBox); the common fields are added by the core. */
  schema: TObject;
  /** What it counts as; null when not a service on its own. */
  service: ServiceKind | null;
  /** Whether the record needs a customer (`customer` or `customerId`); refused UNKNOWN_REFERENCE / 400 otherwise. */
  needsCustomer?: boolean;
  /** Before the record's transaction: read other modules (ports); refuse with `throw refusal(…)`. */
  prepare?(c: PrepareContext, input: T & CommonRecordFields): Promise<unknown>;
  apply(trx: StationsTrx, c: ApplyContext, input: T & CommonRecordFields): Promise<Applied>;
  /**
   * Undo this handler's own state when `target` is voided (cash and stock moves are reversed by the core). Answer
   * 'uncounted' when the record had already stopped counting as a service (its provider refused it): the void then
   * takes back its cash only, not its tallies or its service a second time.
   */
  onVoid?(trx: StationsTrx, c: ApplyContext, target: RecordRow): Promise<void | 'uncounted'>;
}

/** A business rule said no: the record is not stored, its outcome is `refused` with this code and Chinese message. */
export class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> | null = null,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

export const refusal = (code: string, message: string, details: Record<string, unknown> | null = null) => new Refusal(code, message, details);

/** ¥120.00 */
export function yuan(fen: number): string {
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${fen < 0 ? '-' : ''}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** A handler with its input type erased, as the registry keeps them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler's input type is its own
export type AnyRecordHandler = RecordHandler<any>;
