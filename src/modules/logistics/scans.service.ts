import { sql, type Kysely } from 'kysely';
import type { RequestContext } from '../../kernel/context.js';
import { AppError, invalidField } from '../../kernel/errors.js';
import { handlesParcel, requireHandler, type Viewer } from './access.js';
import { applyScan, byTime, replay, transitMinutes, type Flag, type ParcelState, type ProblemCode } from './lifecycle.js';
import { pushScans, type Kuaidi100Result } from './kuaidi100-push.js';
import { carrierName, type EventRow, type LogisticsTables, type ParcelRow, type ScanType } from './logistics.tables.js';
import type { ParcelView, ScanInput } from './logistics.schema.js';
import type { LogisticsBase } from './parcel-views.js';
import { chunks, INSERT_CHUNK, newParcelRow } from './parcel-rows.js';
import type { PlaceBook } from './ports.js';

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
  add(row: ParcelRow): void;
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

/** A single scan waiting for its group's transaction. */
interface Waiting {
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
  constructor(private readonly base: LogisticsBase) {}

  private readonly waiting: Waiting[] = [];
  private committing = false;

  /**
   * One scan, answered with the parcel as it now stands once it is committed. A wrong pick-up code is refused.
   * Scans arriving together share one transaction (a group commit): each is checked on its own, so one refused
   * scan does not refuse the others, and none is answered before the group is durable.
   */
  async scan(ctx: RequestContext, input: ScanInput, field: (name: string) => string = (name) => `body.${name}`): Promise<ScanAnswer> {
    const book = await this.base.places.placeBook();
    const viewer = await this.base.viewer(ctx, book);
    requireHandler(viewer);
    return new Promise((resolve, reject) => {
      this.waiting.push({ viewer, book, input, field, resolve, reject });
      if (!this.committing && this.waiting.length === 1) setImmediate(() => void this.commitWaiting());
    });
  }

  private async commitWaiting(): Promise<void> {
    if (this.committing || !this.waiting.length) return;
    this.committing = true;
    const group = this.waiting.splice(0, MAX_GROUP);
    try {
      const answers = await this.base.transaction((trx) => this.storeGroup(trx, group));
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
    const prepared: (PreparedScan | Error)[] = [];
    for (const w of group) {
      try {
        prepared.push(await this.prepareOne(trx, w.viewer, w.book, w.input, parcels, w.field, true));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        prepared.push(err);
      }
    }
    const outcome = await this.store(trx, prepared.filter((p): p is PreparedScan => !(p instanceof Error)), group[group.length - 1].book);
    const answered = new Set<string>();
    const answers: (ScanAnswer | Error)[] = [];
    for (const [i, p] of prepared.entries()) {
      if (p instanceof Error) {
        answers.push(p);
        continue;
      }
      // The same event twice in one group (a device retrying at once) is stored for the first only.
      const stored = outcome.stored.has(p.eventId) && !answered.has(p.eventId);
      answered.add(p.eventId);
      // A retried scan answers with what the first one was told (or what a replay just made of it).
      const flag = outcome.flags.has(p.eventId) ? (outcome.flags.get(p.eventId) ?? null) : await this.flagOf(trx, p.eventId);
      answers.push({ eventId: p.eventId, stored, flagged: flag?.reason ?? null, flagCode: flag?.code ?? null, parcel: this.base.view(p.parcel, group[i].viewer, group[i].book) });
    }
    return answers;
  }

  private async flagOf(trx: Trx, eventId: string): Promise<Flag | null> {
    const earlier = await trx.selectFrom('logistics_events').select(['flag_reason', 'problem_code']).where('event_id', '=', eventId).executeTakeFirst();
    return earlier?.flag_reason ? { code: earlier.problem_code as ProblemCode, reason: earlier.flag_reason } : null;
  }

  /**
   * Many scans in one transaction (an offline point syncing, a warehouse scanner's batch): all are stored or none.
   * A pick-up with a wrong code is kept as a problem rather than refused: the device could not check it offline.
   */
  async batch(ctx: RequestContext, inputs: ScanInput[]): Promise<{ stored: number; duplicates: number; flagged: { eventId: string; code: ProblemCode; reason: string }[] }> {
    const book = await this.base.places.placeBook();
    const viewer = await this.base.viewer(ctx, book);
    requireHandler(viewer);
    return this.base.transaction(async (trx) => {
      const parcels = await this.findParcels(trx, inputs);
      const prepared: PreparedScan[] = [];
      for (const [i, input] of inputs.entries()) prepared.push(await this.prepareOne(trx, viewer, book, input, parcels, (f) => `body.scans.${i}.${f}`, false));
      const outcome = await this.store(trx, prepared, book);
      // A pick-up refused for its code is stored as a problem, not a flag; the device is told the same way.
      const refused = prepared.filter((p) => p.problemCode === 'PICKUP_CODE_WRONG' && outcome.stored.has(p.eventId)).map((p) => ({ eventId: p.eventId, code: 'PICKUP_CODE_WRONG' as const, reason: p.note! }));
      const flagged = [...outcome.flags].flatMap(([eventId, flag]) => (flag && outcome.stored.has(eventId) ? [{ eventId, ...flag }] : [])).concat(refused);
      return { stored: outcome.stored.size, duplicates: new Set(inputs.map((i) => i.eventId)).size - outcome.stored.size, flagged };
    });
  }

  /** A carrier's pushed tracking in the Kuaidi100 shape: its scans join the parcel's timeline. */
  async kuaidi100(ctx: RequestContext, push: Kuaidi100Result) {
    // One reading of a push (strict calendar times, states, event ids) for every way it comes in: kuaidi100-push.ts.
    const scans = pushScans(push, (name) => `body.lastResult.${name}`);
    if (!scans.length) return { stored: 0, duplicates: 0, flagged: [] };
    return this.batch(ctx, scans);
  }

  /**
   * Checks one scan and ties it to its parcel. Whatever refuses it is found before anything is written, so a scan
   * refused inside a shared transaction leaves nothing behind.
   */
  private async prepareOne(trx: Trx, viewer: Viewer, book: PlaceBook, input: ScanInput, parcels: ParcelIndex, field: (name: string) => string, strict: boolean): Promise<PreparedScan> {
    const now = this.base.clock.now();
    const at = input.at ? new Date(input.at) : now;
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalidField(field('at'), 'is in the future; check the device clock');
    if (input.siteId && !book.siteDivision.has(input.siteId)) throw invalidField(field('siteId'), 'is not an operating site of the logistics network');
    const numberField = field(input.parcelId ? 'parcelId' : 'waybillNo');
    let parcel = this.pick(parcels, input, numberField, field('carrier'));
    if (!parcel) {
      if (!input.waybillNo || !viewer.all || !BEFORE_MANIFEST.includes(input.type)) throw invalidField(numberField, 'no parcel with this number is known here');
      // Scanned at the warehouse before its carrier's manifest came: kept, and the manifest fills it in later.
      parcel = newParcelRow(now, { direction: 'down', status: 'created', match_state: 'no_manifest', carrier: input.carrier ?? null, waybill_no: input.waybillNo, problem: NO_MANIFEST.reason, problem_code: NO_MANIFEST.code });
      await trx.insertInto('logistics_parcels').values(parcel).execute();
      parcels.add(parcel);
    }
    if (!handlesParcel(viewer, parcel)) throw invalidField(numberField, 'no parcel with this number is known at your station or point');
    if (!viewer.all && !(viewer.pointCode ? AT_A_POINT : AT_A_TOWNSHIP).includes(input.type)) throw invalidField(field('type'), `${input.type} is scanned at the county warehouse, not at a ${viewer.pointCode ? 'village point' : 'township station'}`);
    let type = input.type;
    let note = input.note ?? null;
    let problemCode: ProblemCode | null = type === 'problem' ? 'REPORTED' : null;
    if (type === 'picked_up') {
      if (!input.pickupCode) throw invalidField(field('pickupCode'), 'the recipient\'s pick-up code is needed to hand a parcel over');
      if (input.pickupCode !== parcel.pickup_code) {
        if (strict) throw new AppError(400, 'PICKUP_CODE_WRONG', `${field('pickupCode')}: the pick-up code does not match this parcel`, { field: field('pickupCode') });
        type = 'problem';
        note = 'handed over offline with a pick-up code that does not match';
        problemCode = 'PICKUP_CODE_WRONG';
      }
    }
    return { eventId: input.eventId, actor: viewer.userId, parcel, type, at: at.toISOString(), siteId: input.siteId ?? siteOf(type, parcel, book), runId: null, note, problemCode };
  }

  private async findParcels(trx: Trx, inputs: ScanInput[]): Promise<ParcelIndex> {
    const ids = [...new Set(inputs.flatMap((i) => (i.parcelId ? [i.parcelId] : [])))];
    const waybills = [...new Set(inputs.flatMap((i) => (!i.parcelId && i.waybillNo ? [i.waybillNo] : [])))];
    const index: ParcelIndex = { byId: new Map(), byWaybill: new Map(), add: (row) => addTo(index, row) };
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
   */
  async store(trx: Trx, scans: PreparedScan[], book: PlaceBook): Promise<StoreOutcome> {
    const recordedAt = this.base.now();
    const unique = [...new Map(scans.map((s) => [s.eventId, s])).values()];
    const stored = new Set<string>();
    for (const part of chunks(unique, INSERT_CHUNK)) {
      const rows: EventRow[] = part.map((s) => ({ event_id: s.eventId, parcel_id: s.parcel.id, type: s.type, at: s.at, recorded_at: recordedAt, site_id: s.siteId, run_id: s.runId, actor_user_id: s.actor, note: s.note, flagged: 0, flag_reason: null, problem_code: s.problemCode ?? null }));
      const inserted = await trx.insertInto('logistics_events').values(rows).onConflict((oc) => oc.column('event_id').doNothing()).returning('event_id').execute();
      for (const r of inserted) stored.add(r.event_id);
    }
    const flags = new Map<string, Flag | null>();
    const byParcel = new Map<string, PreparedScan[]>();
    for (const s of unique) {
      if (!stored.has(s.eventId)) continue;
      const list = byParcel.get(s.parcel.id);
      if (list) list.push(s);
      else byParcel.set(s.parcel.id, [s]);
    }

    const moved: ParcelRow[] = [];
    const arrivals: string[] = [];
    for (const fresh of byParcel.values()) {
      const row = fresh[0].parcel;
      const before = stateOf(row);
      let state = before;
      const inOrder = !before.lastEventAt || fresh.every((s) => s.at > before.lastEventAt!);
      if (inOrder) {
        for (const s of [...fresh].sort(byTime(row.direction))) {
          const result = applyScan(row.direction, state, s);
          state = result.state;
          flags.set(s.eventId, result.flag);
          if (result.flag) await trx.updateTable('logistics_events').set({ flagged: 1, flag_reason: result.flag.reason, problem_code: result.flag.code }).where('event_id', '=', s.eventId).execute();
        }
      } else {
        const all = await trx.selectFrom('logistics_events').select(['event_id', 'type', 'at', 'note', 'flag_reason', 'problem_code']).where('parcel_id', '=', row.id).execute();
        const result = replay(row.direction, all.map((e) => ({ eventId: e.event_id, type: e.type, at: e.at, note: e.note, problemCode: e.problem_code as ProblemCode | null })));
        state = result.state;
        for (const e of all) {
          const flag = result.flags.get(e.event_id) ?? null;
          flags.set(e.event_id, flag);
          if (e.type !== 'problem' && (flag?.reason ?? null) !== e.flag_reason) {
            await trx.updateTable('logistics_events').set({ flagged: flag ? 1 : 0, flag_reason: flag?.reason ?? null, problem_code: flag?.code ?? null }).where('event_id', '=', e.event_id).execute();
          }
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
      for (const s of fresh) if (s.type === 'notified' && !flags.get(s.eventId)) await this.sendArrivalSms(trx, row, book, before.status === 'notified');
    }
    await saveStates(trx, moved);
    for (const part of chunks(arrivals, INSERT_CHUNK)) await trx.updateTable('logistics_alerts').set({ cleared_at: recordedAt }).where('parcel_id', 'in', part).where('cleared_at', 'is', null).execute();
    return { stored, flags };
  }

  private async sendArrivalSms(trx: Trx, row: ParcelRow, book: PlaceBook, reminder: boolean) {
    if (!row.recipient_phone || !row.pickup_code) return;
    const days = row.arrived_at ? Math.max(1, Math.floor((this.base.clock.now().getTime() - Date.parse(row.arrived_at)) / 86_400_000)) : 1;
    await this.base.notifier.sms(trx, {
      phone: this.base.sealer.open(row.recipient_phone),
      template: reminder ? 'parcel_reminder' : 'parcel_arrived',
      params: { county: book.countyName, carrier: row.carrier ? carrierName(row.carrier) : '', waybillTail: (row.waybill_no ?? '').slice(-4), point: row.point_site_id ? (book.siteName.get(row.point_site_id) ?? '') : '', code: row.pickup_code, days: String(days) },
      ref: row.id,
    });
  }
}
