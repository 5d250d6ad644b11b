import { isoNow, type Clock } from '../../kernel/clock.js';
import { sql, type SelectQueryBuilder } from 'kysely';
import { recordAudit } from '../../kernel/audit.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { conflict, forbidden, invalidField, notFound } from '../../kernel/errors.js';
import { isUniqueViolation } from '../../kernel/db.js';
import { newId } from '../../kernel/ids.js';
import { handlesParcel, visibleTo } from './access.js';
import type { LogisticsTables, ParcelRow, RouteRow, RunRow, ScanType } from './logistics.tables.js';
import type { RouteInput, RouteView, RunDetail, RunView } from './logistics.schema.js';
import type { LogisticsRepository } from './logistics.repository.js';
import type { ParcelViews } from './parcel-views.js';
import type { LogisticsPlaces, PlaceBook } from './ports.js';
import type { ScanService } from './scans.service.js';
import { calendarDate, calendarInstant } from './calendar.js';
import { afterKey, cursorKey, toKeysetPage } from '../../kernel/http/keyset.js';
import type { PageResult } from '../../kernel/http/paging.js';
import { requireText } from './text-check.js';

const list = <T>(json: string): T[] => JSON.parse(json);
type RunQuery = SelectQueryBuilder<LogisticsTables, 'logistics_runs' | 'logistics_routes', RunRow & { route_name: string; mode: RouteRow['mode'] }>;
/** Incoming parcels a run may take: at the warehouse, or left on board or at a transfer station by an earlier run. */
const WAITING_FOR_RUN: ParcelRow['status'][] = ['received_county', 'sorted', 'loaded', 'arrived_township'];

/** 2026-12-02 and 07:30 in Asia/Shanghai → the instant, in UTC. */
const shanghaiInstant = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();

/**
 * Routes from the county warehouse through township transfer stations to village points, and each day's runs on
 * them: a run gathers the parcels of every carrier for its stops, is loaded and signed for stop by stop, and
 * brings the villages' produce back up.
 */
export class RunService {
  constructor(
    private readonly repo: LogisticsRepository,
    private readonly views: ParcelViews,
    private readonly scans: ScanService,
    private readonly places: LogisticsPlaces,
    private readonly clock: Clock,
  ) {}

  private routeView(r: RouteRow, book: PlaceBook): RouteView {
    return { id: r.id, name: r.name, mode: r.mode, stops: list<string>(r.stops).map((siteId) => ({ siteId, name: book.siteName.get(siteId) ?? siteId })), departures: list(r.departures), weekdays: list(r.weekdays), townshipCodes: list(r.township_codes), vehicle: r.vehicle, active: !!r.active };
  }

  private readers(ctx: RequestContext) {
    return requireRole(ctx, 'county_admin', 'courier', 'township_operator', 'regulator');
  }

  /** Routes by name, a page at a time. */
  async routes(ctx: RequestContext, limit: number, cursor?: string): Promise<PageResult<RouteView>> {
    this.readers(ctx);
    const book = await this.places.placeBook();
    const after = cursorKey(cursor, 2);
    let query = this.repo.db.selectFrom('logistics_routes').selectAll().orderBy('name').orderBy('id').limit(limit + 1);
    if (after) query = query.where((eb) => afterKey(eb, ['name', 'id'], after));
    const page = toKeysetPage(await query.execute(), limit, (r) => [r.name, r.id]);
    return { ...page, items: page.items.map((r) => this.routeView(r, book)) };
  }

  private async checkStops(stops: string[], book: PlaceBook): Promise<string[]> {
    if (new Set(stops).size !== stops.length) throw invalidField('body.stops', 'a stop is listed twice');
    for (const [i, stop] of stops.entries()) {
      const kind = book.siteKind.get(stop);
      if (!kind || !['township_transfer', 'village_delivery', 'village_point', 'township_station'].includes(kind)) throw invalidField(`body.stops[${i}]`, `${stop} is not a township transfer station or village point`);
    }
    return [...new Set(stops.map((s) => book.siteDivision.get(s)!.slice(0, 9)))];
  }

  async saveRoute(ctx: RequestContext, input: RouteInput, id?: string, opts: { demo?: boolean } = {}): Promise<RouteView> {
    requireRole(ctx, 'county_admin', 'courier');
    requireText([['body.name', input.name], ['body.vehicle', input.vehicle]]);
    const book = await this.places.placeBook();
    const townships = await this.checkStops(input.stops, book);
    const fields = { name: input.name, mode: input.mode, stops: JSON.stringify(input.stops), departures: JSON.stringify([...input.departures].sort()), weekdays: JSON.stringify(input.weekdays ?? [1, 2, 3, 4, 5, 6, 7]), township_codes: JSON.stringify(townships), vehicle: input.vehicle ?? null, active: input.active === false ? 0 : 1 };
    const routeId = id ?? newId('rte', this.clock.now().getTime());
    await this.repo.transaction(async (trx) => {
      if (id) {
        const result = await trx.updateTable('logistics_routes').set(fields).where('id', '=', id).executeTakeFirst();
        if (!result.numUpdatedRows) throw notFound('Route');
      } else {
        await trx.insertInto('logistics_routes').values({ id: routeId, ...fields, created_at: isoNow(this.clock), is_demo: opts.demo ? 1 : 0 }).execute();
      }
      // Parcels waiting for a run follow their stop's route.
      for (const stop of input.stops) await trx.updateTable('logistics_parcels').set({ route_id: routeId }).where('point_site_id', '=', stop).where('route_id', 'is', null).execute();
      await recordAudit(trx, ctx, { action: id ? 'logistics.route.updated' : 'logistics.route.created', entityType: 'route', entityId: routeId, details: { name: input.name, stops: input.stops.length } });
    });
    return this.routeView((await this.repo.db.selectFrom('logistics_routes').selectAll().where('id', '=', routeId).executeTakeFirstOrThrow()), book);
  }

  /** A day's runs by departure, a page at a time. */
  async runs(ctx: RequestContext, date: string, limit: number, cursor?: string): Promise<PageResult<RunView>> {
    this.readers(ctx);
    calendarDate(date, 'querystring.date');
    const after = cursorKey(cursor, 2);
    const rows = await this.runViews((qb) => {
      const day = qb.where('logistics_runs.run_date', '=', date).limit(limit + 1);
      return after ? day.where((eb) => afterKey(eb, ['logistics_runs.departs_at', 'logistics_runs.id'], after)) : day;
    });
    return toKeysetPage(rows, limit, (r) => [r.departsAt, r.id]);
  }

  /** Runs with their route's name and their parcels per carrier: two queries however many runs. */
  private async runViews(filter: (qb: RunQuery) => RunQuery): Promise<RunView[]> {
    const runs = await filter(this.repo.db.selectFrom('logistics_runs').innerJoin('logistics_routes', 'logistics_routes.id', 'logistics_runs.route_id').selectAll('logistics_runs').select(['logistics_routes.name as route_name', 'logistics_routes.mode'])).orderBy('logistics_runs.departs_at').orderBy('logistics_runs.id').execute();
    if (!runs.length) return [];
    const counts = await this.repo.db.selectFrom('logistics_parcels').select(['run_id', 'carrier', sql<number>`count(*)`.as('n')]).where('run_id', 'in', runs.map((r) => r.id)).groupBy(['run_id', 'carrier']).execute();
    return runs.map((run) => this.runView(run, counts.filter((c) => c.run_id === run.id)));
  }

  private runView(run: RunRow & { route_name: string; mode: RouteRow['mode'] }, counts: { carrier: string | null; n: number }[]): RunView {
    return {
      id: run.id,
      routeId: run.route_id,
      routeName: run.route_name,
      mode: run.mode,
      date: run.run_date,
      departsAt: run.departs_at,
      status: run.status,
      driver: run.driver,
      vehicle: run.vehicle,
      departedAt: run.departed_at,
      completedAt: run.completed_at,
      parcels: counts.reduce((sum, c) => sum + Number(c.n), 0),
      byCarrier: counts.map((c) => ({ carrier: c.carrier ?? 'produce', count: Number(c.n) })),
    };
  }

  /** The run with its load sheet: per stop, what is dropped off and what is picked up. */
  async get(ctx: RequestContext, id: string): Promise<RunDetail> {
    this.readers(ctx);
    const [run] = await this.runViews((qb) => qb.where('logistics_runs.id', '=', id));
    if (!run) throw notFound('Run');
    const book = await this.places.placeBook();
    const viewer = await this.views.viewer(ctx, book);
    const stops = await this.repo.db.selectFrom('logistics_run_stops').selectAll().where('run_id', '=', id).orderBy('seq').execute();
    const parcels = await this.repo.db.selectFrom('logistics_parcels').selectAll().where('run_id', '=', id).where(visibleTo(viewer)).orderBy('waybill_no').execute(); // another township's parcels are not the caller's to see
    return {
      ...run,
      stops: stops.map((s) => ({
        siteId: s.site_id,
        name: book.siteName.get(s.site_id) ?? s.site_id,
        kind: book.siteKind.get(s.site_id) ?? null,
        townshipCode: book.siteDivision.get(s.site_id)?.slice(0, 9) ?? null,
        seq: s.seq,
        signedBy: s.signed_by,
        signedAt: s.signed_at,
        delivered: s.delivered,
        collected: s.collected,
        dropOff: parcels.filter((p) => p.direction === 'down' && p.point_site_id === s.site_id).map((p) => this.views.view(p, viewer, book)),
        pickUp: parcels.filter((p) => p.direction === 'up' && p.point_site_id === s.site_id).map((p) => this.views.view(p, viewer, book)),
      })),
    };
  }

  /** A day's run on a route: every sorted parcel for its stops, whatever the carrier, and the produce waiting at them. */
  async create(ctx: RequestContext, input: { routeId: string; date: string; departure?: string; driver?: string; vehicle?: string }): Promise<RunDetail> {
    const principal = requireRole(ctx, 'county_admin', 'courier');
    calendarDate(input.date, 'body.date');
    requireText([['body.driver', input.driver], ['body.vehicle', input.vehicle]]);
    const route = await this.repo.db.selectFrom('logistics_routes').selectAll().where('id', '=', input.routeId).executeTakeFirst();
    if (!route || !route.active) throw invalidField('body.routeId', 'no active route with this id');
    const departures = list<string>(route.departures);
    const departure = input.departure ?? departures[0];
    if (!departures.includes(departure)) throw invalidField('body.departure', `the route departs at ${departures.join(', ')}`);
    const weekday = new Date(`${input.date}T12:00:00+08:00`).getUTCDay() || 7;
    if (!list<number>(route.weekdays).includes(weekday)) throw invalidField('body.date', 'the route does not run on that day of the week');
    const id = newId('run', this.clock.now().getTime());
    try {
      await this.repo.transaction(async (trx) => {
        await trx.insertInto('logistics_runs').values({ id, route_id: route.id, run_date: input.date, departs_at: shanghaiInstant(input.date, departure), status: 'planned', driver: input.driver ?? null, vehicle: input.vehicle ?? route.vehicle, departed_at: null, completed_at: null, created_by: principal.userId, created_at: isoNow(this.clock) }).execute();
        await trx.insertInto('logistics_run_stops').values(list<string>(route.stops).map((site_id, seq) => ({ run_id: id, site_id, seq, signed_by: null, signed_at: null, delivered: 0, collected: 0 }))).execute();
        await this.gather(trx, id, list<string>(route.stops));
        await recordAudit(trx, ctx, { action: 'logistics.run.created', entityType: 'run', entityId: id, details: { routeId: route.id, date: input.date, departure } });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('RUN_EXISTS', `The ${departure} run of ${route.name} on ${input.date} is already planned`);
      throw err;
    }
    return this.get(ctx, id);
  }

  /**
   * Parcels for the run's stops that no run is carrying: never on one, or left over by a run that has come back
   * without delivering them (it keeps them on its sheet until another run takes them).
   */
  private async gather(trx: LogisticsRepository['db'], runId: string, stops: string[]) {
    await trx
      .updateTable('logistics_parcels')
      .set({ run_id: runId })
      .where((eb) => eb.or([eb('run_id', 'is', null), eb('run_id', 'in', eb.selectFrom('logistics_runs').select('id').where('status', '=', 'completed'))]))
      .where('point_site_id', 'in', stops)
      .where((eb) => eb.or([eb.and([eb('direction', '=', 'down'), eb('status', 'in', WAITING_FOR_RUN)]), eb.and([eb('direction', '=', 'up'), eb('status', '=', 'opened')])]))
      .execute();
  }

  private async planned(id: string, status: RunRow['status']) {
    const run = await this.repo.db.selectFrom('logistics_runs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!run) throw notFound('Run');
    if (run.status !== status) throw conflict('RUN_STATE', `The run is ${run.status}`);
    return run;
  }

  /** Departure from the county warehouse: parcels sorted since the run was planned join it, and all are scanned as loaded. */
  async depart(ctx: RequestContext, id: string, at?: string): Promise<RunDetail> {
    requireRole(ctx, 'county_admin', 'courier');
    const run = await this.planned(id, 'planned');
    const when = at ? calendarInstant(at, 'body.at') : isoNow(this.clock);
    const book = await this.places.placeBook();
    const stops = (await this.repo.db.selectFrom('logistics_run_stops').select('site_id').where('run_id', '=', id).execute()).map((s) => s.site_id);
    await this.repo.transaction(async (trx) => {
      await this.gather(trx, id, stops);
      const parcels = await trx.selectFrom('logistics_parcels').selectAll().where('run_id', '=', id).where('direction', '=', 'down').execute();
      await this.scanAll(trx, parcels, 'loaded', when, book.warehouseSiteId, id, ctx);
      await trx.updateTable('logistics_runs').set({ status: 'departed', departed_at: when }).where('id', '=', run.id).execute();
    });
    return this.get(ctx, id);
  }

  /**
   * Hand-over at a stop, signed by who took the parcels: those for this stop arrive at their point (or, at a
   * transfer station, at their township), and the produce waiting here is loaded.
   */
  async handover(ctx: RequestContext, id: string, siteId: string, signedBy: string, at?: string): Promise<RunDetail> {
    const book = await this.places.placeBook();
    const viewer = await this.views.viewer(ctx, book);
    requireText([['body.signedBy', signedBy]]);
    const division = book.siteDivision.get(siteId);
    if (!division || !handlesParcel(viewer, { township_code: division.slice(0, 9), point_code: division })) throw forbidden('Only the courier or the operator of this stop signs for it');
    await this.planned(id, 'departed');
    const stop = await this.repo.db.selectFrom('logistics_run_stops').selectAll().where('run_id', '=', id).where('site_id', '=', siteId).executeTakeFirst();
    if (!stop) throw invalidField('siteId', 'the run does not stop here');
    if (stop.signed_at) throw conflict('STOP_SIGNED', `Already signed for by ${stop.signed_by} at ${stop.signed_at}`);
    const when = at ? calendarInstant(at, 'body.at') : isoNow(this.clock);
    const transfer = book.siteKind.get(siteId) === 'township_transfer';
    await this.repo.transaction(async (trx) => {
      // Only what is still on the vehicle: a stop signed earlier has had its parcels already.
      const onBoard = await trx.selectFrom('logistics_parcels').selectAll().where('run_id', '=', id).where('status', 'in', ['loaded', 'arrived_township', 'opened']).execute();
      const here = onBoard.filter((p) => p.direction === 'down' && p.point_site_id === siteId);
      const passing = transfer ? onBoard.filter((p) => p.direction === 'down' && p.status === 'loaded' && p.point_site_id !== siteId && p.township_code === division.slice(0, 9)) : [];
      const produce = onBoard.filter((p) => p.direction === 'up' && p.point_site_id === siteId);
      await this.scanAll(trx, here, 'arrived_village', when, siteId, id, ctx);
      await this.scanAll(trx, passing, 'arrived_township', when, siteId, id, ctx);
      await this.scanAll(trx, produce, 'loaded', when, siteId, id, ctx);
      await trx.updateTable('logistics_run_stops').set({ signed_by: signedBy, signed_at: when, delivered: here.length, collected: produce.length }).where('run_id', '=', id).where('site_id', '=', siteId).execute();
    });
    return this.get(ctx, id);
  }

  /** Back at the county: the produce is received at the warehouse; parcels not handed over wait for the next run. */
  async complete(ctx: RequestContext, id: string, at?: string): Promise<RunDetail> {
    requireRole(ctx, 'county_admin', 'courier');
    await this.planned(id, 'departed');
    const when = at ? calendarInstant(at, 'body.at') : isoNow(this.clock);
    const book = await this.places.placeBook();
    await this.repo.transaction(async (trx) => {
      const produce = await trx.selectFrom('logistics_parcels').selectAll().where('run_id', '=', id).where('direction', '=', 'up').where('status', 'in', ['loaded', 'arrived_township']).execute();
      await this.scanAll(trx, produce, 'received_county', when, book.warehouseSiteId, id, ctx);
      await trx.updateTable('logistics_runs').set({ status: 'completed', completed_at: when }).where('id', '=', id).execute();
    });
    return this.get(ctx, id);
  }

  private async scanAll(trx: LogisticsRepository['db'], parcels: ParcelRow[], type: ScanType, at: string, siteId: string | null, runId: string, ctx: RequestContext) {
    if (!parcels.length) return;
    const book = await this.places.placeBook();
    await this.scans.store(trx, parcels.map((parcel) => ({ eventId: `${runId}-${type}-${parcel.id}`, actor: ctx.principal!.userId, parcel, type, at, siteId, runId, note: null })), book);
  }
}
