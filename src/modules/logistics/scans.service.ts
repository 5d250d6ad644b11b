import { isoNow, type Clock } from '../../kernel/clock.js';
import type { Sealer } from '../../kernel/sealed.js';
import { sql, type Kysely } from 'kysely';
import type { RequestContext } from '../../kernel/context.js';
import { AppError, invalidField } from '../../kernel/errors.js';
import { handlesParcel, requireHandler, type Viewer } from './access.js';
import { FINAL, needsReplay, settle, transitMinutes, type Flag, type ParcelState, type ProblemCode, type Scan } from './lifecycle.js';
import { pushScans, type Kuaidi100Result } from './kuaidi100-push.js';
import { carrierName, type EventRow, type LogisticsTables, type ParcelRow, type ParcelStatus, type ScanType } from './logistics.tables.js';
import type { ParcelView, ScanInput } from './logistics.schema.js';
import type { LogisticsRepository } from './logistics.repository.js';
import type { ParcelViews } from './parcel-views.js';
import { chunks, INSERT_CHUNK, newParcelRow } from './parcel-rows.js';
import { auditLockedTry, countWrongCode, lockedError, pickupLocked, refusedTry, wrongCodeError } from './pickup-guard.js';
import type { LogisticsPlaces, Notifier, PlaceBook } from './ports.js';
import type { ParcelEvents } from './events.js';
import { auditRefusedSms, countSms, smsLimitError, smsWaitFor } from './sms-limits.js';

type Trx = Kysely<LogisticsTables>;

/** A scan checked and tied to its parcel, ready to store. */
interface PreparedScan {
  eventId: string;
  /** Who scanned it. */
  actor: string;
  parcel: ParcelRow;
  type: ScanType;
  at: string;
  siteId: string | null;
  runId: string | null;
  note: string | null;
  problemCode?: ProblemCode | null;
  /** Whether the device gave the time and the place (else the server filled them in, and a resend may differ). */
  atGiven?: boolean;
  siteGiven?: boolean;
  /** A hand-over with a wrong code (offline), or with any code once the parcel's code is locked: counted and audited. */
  codeRefused?: 'wrong' | 'locked';
}

/** A stored event as a resend of it is compared with and answered from. */
type StoredEvent = Pick<EventRow, 'event_id' | 'parcel_id' | 'type' | 'at' | 'site_id' | 'note' | 'flagged' | 'flag_reason' | 'problem_code'>;

/** What became of one scan: applied (code null), kept flagged, or kept as a problem; the parcel's status now. */
export interface ScanOutcome {
  eventId: string;
  parcelId: string;
  waybillNo: string | null;
  type: ScanType;
  /** The event id was stored before (a resend whose answer was lost): this is the stored outcome. */
  replay: boolean;
  code: ProblemCode | null;
  reason: string | null;
  status: ParcelStatus;
  /** For a new notice: its text went, another notice of the parcel in the same call sent it, or the limits held it back. */
  sms?: SmsOutcome;
}

export type SmsOutcome = 'sent' | 'already_sent' | 'limited';

/** The stored outcome of an event: its flag, or for a problem scan the kind of problem. */
function flagOfRow(e: StoredEvent): Flag | null {
  if (e.flagged) return { code: (e.problem_code ?? 'OUT_OF_SEQUENCE') as ProblemCode, reason: e.flag_reason ?? '' };
  if (e.type === 'problem') return { code: (e.problem_code ?? 'REPORTED') as ProblemCode, reason: e.note ?? 'problem reported' };
  return null;
}

/**
 * Whether a scan sent again with a stored event id is that event (same parcel and type, and the same time and place
 * where the device gave them), or a different scan reusing its id.
 */
const sameEvent = (p: PreparedScan, e: Pick<StoredEvent, 'parcel_id' | 'type' | 'at' | 'site_id'>) =>
  p.parcel.id === e.parcel_id && p.type === e.type && (!p.atGiven || p.at === e.at) && (!p.siteGiven || p.siteId === e.site_id);

const reused = (field: string, p: PreparedScan, e: Pick<StoredEvent, 'type' | 'at'>, what: string) =>
  new AppError(409, 'EVENT_ID_REUSED', `${field}: event ${p.eventId} is already ${what} as ${e.type} at ${e.at} for another parcel, type, time or place; a new scan needs a new event id`, { field, eventId: p.eventId });

/**
 * A hand-over of a parcel whose way has ended (handed over by another phone, or returned): refused when the point
 * is online, so nobody counts a second pick-up. Offline, the same scan is kept flagged (lifecycle.settle).
 */
function finishedError(field: string, p: PreparedScan): AppError {
  const picked = p.parcel.status === 'picked_up';
  const when = picked ? p.parcel.picked_up_at : p.parcel.last_event_at;
  return new AppError(409, picked ? 'ALREADY_PICKED_UP' : 'ALREADY_FINISHED', `${field}: waybill ${p.parcel.waybill_no ?? p.parcel.id} was already ${p.parcel.status}${when ? ` at ${when}` : ''}; it is not handed over again`, {
    field,
    waybillNo: p.parcel.waybill_no,
    status: p.parcel.status,
    at: when,
  });
}

/** Where a scan happened when the device does not say: the county warehouse, or the parcel's point. */
function siteOf(type: ScanType, parcel: ParcelRow, book: PlaceBook): string | null {
  if (type === 'received_county' || type === 'sorted' || type === 'handed_to_carrier') return book.warehouseSiteId;
  if (type === 'arrived_village' || type === 'notified' || type === 'picked_up') return parcel.point_site_id;
  return null;
}

/** The parcels a batch names, by id and by waybill number. */
interface ParcelIndex {
  byId: Map<string, ParcelRow>;
  byWaybill: Map<string, ParcelRow[]>;
  /** Parcels made for waybills no manifest has announced yet, stored only if a scan of them is (insertCreated). */
  created: Set<ParcelRow>;
  add(row: ParcelRow): void;
}

/**
 * Stores the parcels made in this call that a new scan names, each announced as registered; one refused scan leaves
 * no parcel behind.
 */
async function insertCreated(trx: Trx, index: ParcelIndex, fresh: PreparedScan[], events: ParcelEvents) {
  const needed = [...index.created].filter((row) => fresh.some((s) => s.parcel === row));
  for (const part of chunks(needed, INSERT_CHUNK)) await trx.insertInto('logistics_parcels').values(part).execute();
  for (const row of needed) await events.registered(trx, row);
}

function addTo(index: ParcelIndex, row: ParcelRow) {
  if (index.byId.has(row.id)) return;
  index.byId.set(row.id, row);
  if (row.waybill_no) index.byWaybill.set(row.waybill_no, [...(index.byWaybill.get(row.waybill_no) ?? []), row]);
}

/**
 * Writes the new states of many parcels with one UPDATE … FROM (VALUES …) per chunk: a batch of scans moves
 * thousands of parcels, and one statement each would cost more than storing the scans themselves.
 */
async function saveStates(trx: Trx, rows: ParcelRow[]) {
  for (const part of chunks(rows, 400)) {
    const values = sql.join(part.map((r) => sql`(${r.id}, ${r.status}, ${r.problem}, ${r.problem_code}, ${r.received_at}, ${r.arrived_at}, cast(${r.transit_minutes} as integer), ${r.picked_up_at}, ${r.last_event_at})`));
    await sql`update logistics_parcels set status = v.column2, problem = v.column3, problem_code = v.column4, received_at = v.column5, arrived_at = v.column6, transit_minutes = v.column7, picked_up_at = v.column8, last_event_at = v.column9
      from (values ${values}) as v where logistics_parcels.id = v.column1`.execute(trx);
  }
}

export interface StoreOutcome {
  stored: Set<string>;
  flags: Map<string, Flag | null>;
  sms: Map<string, SmsOutcome>;
}

/** How far ahead of the server's clock a device's clock may run. */
const CLOCK_SKEW_MS = 10 * 60_000;
/** Scans the county warehouse may make for a waybill no manifest has announced yet. */
const BEFORE_MANIFEST: ScanType[] = ['received_county', 'sorted', 'problem', 'carrier_update'];
const NO_MANIFEST: Flag = { code: 'NO_MANIFEST', reason: 'no manifest for this waybill yet' };
/** What a village point scans: arrivals, notices, hand-overs, returns and problems; produce it sends is loaded there. */
const AT_A_POINT: ScanType[] = ['arrived_village', 'notified', 'picked_up', 'returned', 'problem', 'loaded'];
/** A township station also takes runs in at its transfer station. */
const AT_A_TOWNSHIP: ScanType[] = [...AT_A_POINT, 'arrived_township'];

const stateOf = (row: ParcelRow): ParcelState => ({ status: row.status, problem: row.problem ? { code: (row.problem_code ?? 'REPORTED') as ProblemCode, reason: row.problem } : null, receivedAt: row.received_at, arrivedAt: row.arrived_at, pickedUpAt: row.picked_up_at, lastEventAt: row.last_event_at });

/** Single scans waiting for the next group commit, at most this many in one transaction. */
const MAX_GROUP = 200;

type ScanAnswer = { eventId: string; stored: boolean; flagged: string | null; flagCode: ProblemCode | null; parcel: ParcelView };

export interface BatchAnswer {
  stored: number;
  duplicates: number;
  flagged: { eventId: string; code: ProblemCode; reason: string }[];
  outcomes: ScanOutcome[];
}

/** A single scan waiting for its group's transaction. */
interface Waiting {
  ctx: RequestContext;
  viewer: Viewer;
  book: PlaceBook;
  input: ScanInput;
  field: (name: string) => string;
  resolve: (answer: ScanAnswer) => void;
  reject: (err: unknown) => void;
}

/**
 * Scans: every hop of a parcel. A retried scan (same event id) is stored once; a scan that arrives late is placed by
 * its time and the parcel's state is replayed; a scan that makes no sense is kept and flagged as the parcel's problem.
 */
export class ScanService {
  constructor(
    private readonly repo: LogisticsRepository,
    private readonly views: ParcelViews,
    private readonly places: LogisticsPlaces,
    private readonly notifier: Notifier,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly events: ParcelEvents,
  ) {}

  private readonly waiting: Waiting[] = [];
  private committing = false;

  /**
   * One scan, answered with the parcel as it now stands once it is committed. A wrong pick-up code is refused.
   * Scans arriving together share one transaction (a group commit): each is checked on its own, so one refused
   * scan does not refuse the others, and none is answered before the group is durable.
   */
  async scan(ctx: RequestContext, input: ScanInput, field: (name: string) => string = (name) => `body.${name}`): Promise<ScanAnswer> {
    const book = await this.places.placeBook();
    const viewer = await this.views.viewer(ctx, book);
    requireHandler(viewer);
    return new Promise((resolve, reject) => {
      this.waiting.push({ ctx, viewer, book, input, field, resolve, reject });
      if (!this.committing && this.waiting.length === 1) setImmediate(() => void this.commitWaiting());
    });
  }

  private async commitWaiting(): Promise<void> {
    if (this.committing || !this.waiting.length) return;
    this.committing = true;
    const group = this.waiting.splice(0, MAX_GROUP);
    try {
      const answers = await this.repo.transaction((trx) => this.storeGroup(trx, group));
      group.forEach((w, i) => (answers[i] instanceof Error ? w.reject(answers[i]) : w.resolve(answers[i])));
    } catch (err) {
      for (const w of group) w.reject(err);
    } finally {
      this.committing = false;
      if (this.waiting.length) setImmediate(() => void this.commitWaiting());
    }
  }

  /** The group's answers in its order: each scan's own refusal, or what was stored and the parcel after it. */
  private async storeGroup(trx: Trx, group: Waiting[]): Promise<(ScanAnswer | Error)[]> {
    const parcels = await this.findParcels(trx, group.map((w) => w.input));
    const earlier = await this.storedEvents(trx, group.map((w) => w.input.eventId));
    const seen = new Map<string, PreparedScan>();
    const handing = new Set<string>();
    const prepared: (PreparedScan | Error)[] = [];
    const fresh: PreparedScan[] = [];
    for (const w of group) {
      try {
        const p = this.prepareOne(w.viewer, w.book, w.input, parcels, w.field, true);
        if (this.sort(p, w.field('eventId'), earlier, seen, handing) === 'fresh') {
          // A notice over the SMS limits is refused with nothing stored (the caller is told when to try again).
          const wait = await this.smsWait(trx, p);
          if (wait) {
            seen.delete(p.eventId);
            await auditRefusedSms(trx, w.ctx, p.parcel, wait, false, this.clock.now());
            throw smsLimitError(w.field(w.input.parcelId ? 'parcelId' : 'waybillNo'), wait);
          }
          fresh.push(p);
        }
        prepared.push(p);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const refused = refusedTry(err);
        if (refused) await (refused.locked ? auditLockedTry : countWrongCode)(trx, w.ctx, refused.parcel, false, this.clock.now());
        prepared.push(err);
      }
    }
    await insertCreated(trx, parcels, fresh, this.events);
    await this.store(trx, fresh, group[group.length - 1].book);
    const stored = await this.storedEvents(trx, prepared.flatMap((p) => (p instanceof Error ? [] : [p.eventId])));
    const answered = new Set<string>();
    return prepared.map((p, i) => {
      if (p instanceof Error) return p;
      // The first of the group with a new event id stored it; a resend (now or later) is told what became of it.
      const isNew = fresh.includes(p) && !answered.has(p.eventId);
      answered.add(p.eventId);
      const row = stored.get(p.eventId);
      const flag = row?.flagged ? flagOfRow(row) : null;
      return { eventId: p.eventId, stored: isNew, flagged: flag?.reason ?? null, flagCode: flag?.code ?? null, parcel: this.views.view(p.parcel, group[i].viewer, group[i].book) };
    });
  }

  /** Seconds until a new notice of this parcel may text its recipient; 0 when it may now or would send nothing. */
  private async smsWait(trx: Trx, p: PreparedScan): Promise<number> {
    if (p.type !== 'notified' || !p.parcel.recipient_phone || !p.parcel.pickup_code || !['arrived_village', 'notified'].includes(p.parcel.status)) return 0;
    return smsWaitFor(trx, p.parcel, this.clock.now());
  }

  /** Events already stored under these ids, by id. */
  private async storedEvents(trx: Trx, ids: string[]): Promise<Map<string, StoredEvent>> {
    const found = new Map<string, StoredEvent>();
    for (const part of chunks([...new Set(ids)], INSERT_CHUNK)) {
      const rows = await trx.selectFrom('logistics_events').select(['event_id', 'parcel_id', 'type', 'at', 'site_id', 'note', 'flagged', 'flag_reason', 'problem_code']).where('event_id', 'in', part).execute();
      for (const row of rows) found.set(row.event_id, row);
    }
    return found;
  }

  /**
   * Sorts a checked scan: new, or a resend of an event stored before or sent earlier in the same call (answered
   * with what became of it); the same id with another parcel, type, time or place is refused with 409. Online
   * (`handing` given), a hand-over of a parcel already picked up or returned, or handed over earlier in the same
   * group, is refused too: nobody counts a second pick-up.
   */
  private sort(p: PreparedScan, field: string, earlier: Map<string, StoredEvent>, seen: Map<string, PreparedScan>, handing: Set<string> | null): 'fresh' | 'replay' {
    const stored = earlier.get(p.eventId);
    if (stored) {
      if (!sameEvent(p, stored)) throw reused(field, p, stored, 'stored');
      return 'replay';
    }
    const first = seen.get(p.eventId);
    if (first) {
      if (!sameEvent(p, { parcel_id: first.parcel.id, type: first.type, at: first.at, site_id: first.siteId })) throw reused(field, p, first, 'sent in this request');
      return 'replay';
    }
    if (handing && p.type === 'picked_up') {
      if (FINAL.includes(p.parcel.status) || handing.has(p.parcel.id)) throw finishedError(field, p);
      handing.add(p.parcel.id);
    }
    seen.set(p.eventId, p);
    return 'fresh';
  }

  /** What became of each scan, in the order sent: read back from the stored events, so a resend is told the same. */
  private async outcomes(trx: Trx, scans: PreparedScan[], earlier: Map<string, StoredEvent>, sms: Map<string, SmsOutcome>): Promise<ScanOutcome[]> {
    const rows = await this.storedEvents(trx, scans.map((s) => s.eventId));
    return scans.flatMap((s) => {
      const row = rows.get(s.eventId);
      if (!row) return [];
      const flag = flagOfRow(row);
      return [{ eventId: s.eventId, parcelId: row.parcel_id, waybillNo: s.parcel.waybill_no, type: row.type, replay: earlier.has(s.eventId), code: flag?.code ?? null, reason: flag?.reason ?? null, status: s.parcel.status, ...(sms.has(s.eventId) && !earlier.has(s.eventId) ? { sms: sms.get(s.eventId) } : {}) }];
    });
  }

  /**
   * Many scans in one transaction (an offline point syncing, a warehouse scanner's batch): all are stored or none.
   * A pick-up with a wrong code is kept as a problem rather than refused: the device could not check it offline;
   * so is a hand-over of a parcel whose way has ended meanwhile (kept flagged, never a second pick-up). An event id
   * reused for another scan (stored before, or twice in this batch) refuses the batch with 409 naming that scan.
   * Every scan's outcome is answered, a resend's included (the stored outcome), with its waybill.
   */
  async batch(ctx: RequestContext, inputs: ScanInput[]): Promise<BatchAnswer> {
    const book = await this.places.placeBook();
    const viewer = await this.views.viewer(ctx, book);
    requireHandler(viewer);
    return this.repo.transaction(async (trx) => {
      const parcels = await this.findParcels(trx, inputs);
      const earlier = await this.storedEvents(trx, inputs.map((i) => i.eventId));
      const seen = new Map<string, PreparedScan>();
      const fresh: PreparedScan[] = [];
      // Each event id answered once, in the order sent: a copy sent twice in this batch with the first.
      const answered = new Map<string, PreparedScan>();
      for (const [i, input] of inputs.entries()) {
        const field = (f: string) => `body.scans.${i}.${f}`;
        const p = this.prepareOne(viewer, book, input, parcels, field, false);
        if (this.sort(p, field('eventId'), earlier, seen, null) === 'fresh') fresh.push(p);
        if (!answered.has(p.eventId)) answered.set(p.eventId, p);
      }
      await insertCreated(trx, parcels, fresh, this.events);
      const { stored, sms } = await this.store(trx, fresh, book, ctx);
      for (const p of fresh) if (p.codeRefused && stored.has(p.eventId)) await (p.codeRefused === 'locked' ? auditLockedTry : countWrongCode)(trx, ctx, p.parcel, true, this.clock.now());
      const outcomes = await this.outcomes(trx, [...answered.values()], earlier, sms);
      const flagged = outcomes.flatMap((o) => (o.code && (o.type !== 'problem' || o.code === 'PICKUP_CODE_WRONG') ? [{ eventId: o.eventId, code: o.code, reason: o.reason ?? '' }] : []));
      return { stored: fresh.length, duplicates: new Set(inputs.map((i) => i.eventId)).size - fresh.length, flagged, outcomes };
    });
  }

  /** A carrier's pushed tracking in the Kuaidi100 shape: its scans join the parcel's timeline. */
  async kuaidi100(ctx: RequestContext, push: Kuaidi100Result) {
    // One reading of a push (strict calendar times, states, event ids) for every way it comes in: kuaidi100-push.ts.
    const scans = pushScans(push, (name) => `body.lastResult.${name}`);
    if (!scans.length) return { stored: 0, duplicates: 0, flagged: [], outcomes: [] };
    return this.batch(ctx, scans);
  }

  /**
   * Checks one scan and ties it to its parcel. Nothing is written here (a parcel made for a waybill with no manifest
   * yet is stored with its first new scan), so a scan refused inside a shared transaction leaves nothing behind.
   */
  private prepareOne(viewer: Viewer, book: PlaceBook, input: ScanInput, parcels: ParcelIndex, field: (name: string) => string, strict: boolean): PreparedScan {
    const now = this.clock.now();
    const at = input.at ? new Date(input.at) : now;
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalidField(field('at'), 'is in the future; check the device clock');
    if (input.siteId && !book.siteDivision.has(input.siteId)) throw invalidField(field('siteId'), 'is not an operating site of the logistics network');
    const numberField = field(input.parcelId ? 'parcelId' : 'waybillNo');
    let parcel = this.pick(parcels, input, numberField, field('carrier'));
    if (!parcel) {
      if (!input.waybillNo || !viewer.all || !BEFORE_MANIFEST.includes(input.type)) throw invalidField(numberField, 'no parcel with this number is known here');
      // Scanned at the warehouse before its carrier's manifest came: kept, and the manifest fills it in later.
      parcel = newParcelRow(now, { direction: 'down', status: 'created', match_state: 'no_manifest', carrier: input.carrier ?? null, waybill_no: input.waybillNo, problem: NO_MANIFEST.reason, problem_code: NO_MANIFEST.code });
      parcels.created.add(parcel);
      parcels.add(parcel);
    }
    if (!handlesParcel(viewer, parcel)) throw invalidField(numberField, 'no parcel with this number is known at your station or point');
    if (!viewer.all && !(viewer.pointCode ? AT_A_POINT : AT_A_TOWNSHIP).includes(input.type)) throw invalidField(field('type'), `${input.type} is scanned at the county warehouse, not at a ${viewer.pointCode ? 'village point' : 'township station'}`);
    let type = input.type;
    let note = input.note ?? null;
    let problemCode: ProblemCode | null = type === 'problem' ? 'REPORTED' : null;
    let codeRefused: PreparedScan['codeRefused'];
    if (type === 'picked_up') {
      if (!input.pickupCode) throw invalidField(field('pickupCode'), 'the recipient\'s pick-up code is needed to hand a parcel over');
      // A locked code is not compared at all: guessing learns nothing more (pickup-guard.ts).
      codeRefused = pickupLocked(parcel) ? 'locked' : input.pickupCode !== parcel.pickup_code ? 'wrong' : undefined;
      if (codeRefused && strict) throw codeRefused === 'locked' ? lockedError(field('pickupCode'), parcel) : wrongCodeError(field('pickupCode'), parcel);
      if (codeRefused) {
        type = 'problem';
        note = codeRefused === 'locked' ? 'handed over offline while the pick-up code was locked after wrong tries' : 'handed over offline with a pick-up code that does not match';
        problemCode = 'PICKUP_CODE_WRONG';
      }
    }
    return { eventId: input.eventId, actor: viewer.userId, parcel, type, at: at.toISOString(), siteId: input.siteId ?? siteOf(type, parcel, book), runId: null, note, problemCode, atGiven: !!input.at, siteGiven: !!input.siteId, codeRefused };
  }

  private async findParcels(trx: Trx, inputs: ScanInput[]): Promise<ParcelIndex> {
    const ids = [...new Set(inputs.flatMap((i) => (i.parcelId ? [i.parcelId] : [])))];
    const waybills = [...new Set(inputs.flatMap((i) => (!i.parcelId && i.waybillNo ? [i.waybillNo] : [])))];
    const index: ParcelIndex = { byId: new Map(), byWaybill: new Map(), created: new Set(), add: (row) => addTo(index, row) };
    for (const part of chunks(ids, INSERT_CHUNK)) for (const row of await trx.selectFrom('logistics_parcels').selectAll().where('id', 'in', part).execute()) index.add(row);
    for (const part of chunks(waybills, INSERT_CHUNK)) for (const row of await trx.selectFrom('logistics_parcels').selectAll().where('waybill_no', 'in', part).execute()) index.add(row);
    return index;
  }

  private pick(parcels: ParcelIndex, input: ScanInput, numberField: string, carrierField: string): ParcelRow | undefined {
    if (!input.parcelId && !input.waybillNo) throw invalidField(numberField, 'give the waybill number or the parcel id');
    if (input.parcelId) return parcels.byId.get(input.parcelId);
    const same = (parcels.byWaybill.get(input.waybillNo!) ?? []).filter((p) => !input.carrier || !p.carrier || p.carrier === input.carrier);
    if (same.length > 1) throw invalidField(carrierField, `waybill ${input.waybillNo} is known for several carriers; say which`);
    return same[0];
  }

  /**
   * Stores the scans that are new and moves their parcels. Scans later than everything a parcel has seen are
   * applied one by one; one that lands earlier (a point syncing late) makes the parcel replay all its scans.
   * A parcel's new notices send one text at most, within the SMS limits (sms-rule.ts); a text held back is audited
   * (as `ctx`) once a day per parcel.
   */
  async store(trx: Trx, scans: PreparedScan[], book: PlaceBook, ctx?: RequestContext): Promise<StoreOutcome> {
    const recordedAt = isoNow(this.clock);
    const unique = [...new Map(scans.map((s) => [s.eventId, s])).values()];
    const stored = new Set<string>();
    for (const part of chunks(unique, INSERT_CHUNK)) {
      const rows: EventRow[] = part.map((s) => ({ event_id: s.eventId, parcel_id: s.parcel.id, type: s.type, at: s.at, recorded_at: recordedAt, site_id: s.siteId, run_id: s.runId, actor_user_id: s.actor, note: s.note, flagged: 0, flag_reason: null, problem_code: s.problemCode ?? null }));
      const inserted = await trx.insertInto('logistics_events').values(rows).onConflict((oc) => oc.column('event_id').doNothing()).returning('event_id').execute();
      for (const r of inserted) stored.add(r.event_id);
    }
    const flags = new Map<string, Flag | null>();
    const sms = new Map<string, SmsOutcome>();
    const byParcel = new Map<string, PreparedScan[]>();
    for (const s of unique) {
      if (!stored.has(s.eventId)) continue;
      const list = byParcel.get(s.parcel.id);
      if (list) list.push(s);
      else byParcel.set(s.parcel.id, [s]);
    }

    const moved: ParcelRow[] = [];
    const arrivals: string[] = [];
    // Announced once each, when the stored state first has it: a resend is never stored again, and a replay that
    // finds an earlier arrival keeps the one announced.
    const announce: { row: ParcelRow; arrived: boolean; pickedUp: boolean }[] = [];
    for (const fresh of byParcel.values()) {
      const row = fresh[0].parcel;
      const before = stateOf(row);
      // A parcel whose way has ended stays as it is: scans arriving late are applied on top (and flagged); others
      // that land before what the parcel has seen make it replay every scan by time (lifecycle.settle).
      const all = needsReplay(before, fresh) ? await trx.selectFrom('logistics_events').select(['event_id', 'type', 'at', 'note', 'flag_reason', 'problem_code']).where('parcel_id', '=', row.id).execute() : [];
      const result = settle(row.direction, before, fresh, all.map((e): Scan => ({ eventId: e.event_id, type: e.type, at: e.at, note: e.note, problemCode: e.problem_code as ProblemCode | null })));
      let state = result.state;
      for (const [eventId, flag] of result.flags) flags.set(eventId, flag);
      if (result.replayed) {
        for (const e of all) {
          const flag = result.flags.get(e.event_id) ?? null;
          if (e.type !== 'problem' && (flag?.reason ?? null) !== e.flag_reason) {
            await trx.updateTable('logistics_events').set({ flagged: flag ? 1 : 0, flag_reason: flag?.reason ?? null, problem_code: flag?.code ?? null }).where('event_id', '=', e.event_id).execute();
          }
        }
      } else {
        for (const s of fresh) {
          const flag = result.flags.get(s.eventId);
          if (flag) await trx.updateTable('logistics_events').set({ flagged: 1, flag_reason: flag.reason, problem_code: flag.code }).where('event_id', '=', s.eventId).execute();
        }
      }
      // A parcel no manifest has announced keeps saying so, whatever its scans say, until the manifest comes.
      if (!state.problem && row.match_state === 'no_manifest') state = { ...state, problem: NO_MANIFEST };
      const changes = {
        status: state.status,
        problem: state.problem?.reason ?? null,
        problem_code: state.problem?.code ?? null,
        received_at: state.receivedAt,
        arrived_at: state.arrivedAt,
        transit_minutes: transitMinutes(state.receivedAt, state.arrivedAt),
        picked_up_at: state.pickedUpAt,
        last_event_at: state.lastEventAt,
      };
      Object.assign(row, changes);
      moved.push(row);
      if (state.arrivedAt && !before.arrivedAt) arrivals.push(row.id);
      const arrived = row.direction === 'down' && !!state.arrivedAt && !before.arrivedAt;
      const pickedUp = row.direction === 'down' && !!state.pickedUpAt && !before.pickedUpAt;
      if (arrived || pickedUp) announce.push({ row, arrived, pickedUp });
      const notices = fresh.filter((s) => s.type === 'notified' && !flags.get(s.eventId));
      if (notices.length && row.recipient_phone && row.pickup_code) {
        const now = this.clock.now();
        const wait = await smsWaitFor(trx, row, now);
        if (wait) await auditRefusedSms(trx, ctx, row, wait, true, now);
        else {
          await countSms(trx, row, now);
          await this.sendArrivalSms(trx, row, book, before.status === 'notified');
        }
        notices.forEach((s, i) => sms.set(s.eventId, wait ? 'limited' : i === 0 ? 'sent' : 'already_sent'));
      }
    }
    await saveStates(trx, moved);
    for (const { row, arrived, pickedUp } of announce) {
      if (arrived) await this.events.arrived(trx, row);
      if (pickedUp) await this.events.pickedUp(trx, row);
    }
    for (const part of chunks(arrivals, INSERT_CHUNK)) await trx.updateTable('logistics_alerts').set({ cleared_at: recordedAt }).where('parcel_id', 'in', part).where('cleared_at', 'is', null).execute();
    return { stored, flags, sms };
  }

  private async sendArrivalSms(trx: Trx, row: ParcelRow, book: PlaceBook, reminder: boolean) {
    if (!row.recipient_phone || !row.pickup_code) return;
    const days = row.arrived_at ? Math.max(1, Math.floor((this.clock.now().getTime() - Date.parse(row.arrived_at)) / 86_400_000)) : 1;
    await this.notifier.sms(trx, {
      phone: this.sealer.open(row.recipient_phone),
      template: reminder ? 'parcel_reminder' : 'parcel_arrived',
      params: { county: book.countyName, carrier: row.carrier ? carrierName(row.carrier) : '', waybillTail: (row.waybill_no ?? '').slice(-4), point: row.point_site_id ? (book.siteName.get(row.point_site_id) ?? '') : '', code: row.pickup_code, days: String(days) },
      ref: row.id,
    });
  }
}
