import type { Clock } from '../../kernel/clock.js';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../kernel/audit.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../kernel/errors.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import { handlesParcel, requireHandler, seesParcel, shipsOrder, visibleTo } from './access.js';
import { matchAddress } from './address-matcher.js';
import { FINAL, type ProblemCode } from './lifecycle.js';
import type { LogisticsTables, ManifestRow, ParcelRow } from './logistics.tables.js';
import type { EventView, ManifestParcelInput, ManifestView, ParcelFilter, ParcelView, ShipmentInput } from './logistics.schema.js';
import type { LogisticsRepository } from './logistics.repository.js';
import type { ParcelViews } from './parcel-views.js';
import { chunks, INSERT_CHUNK, newParcelRow, newPickupCode } from './parcel-rows.js';
import { pickupLocked } from './pickup-guard.js';
import { allowReissue } from './sms-limits.js';
import type { LogisticsPlaces, OrderShipping, PlaceBook } from './ports.js';
import type { ScanService } from './scans.service.js';
import { calendarInstant } from './calendar.js';
import { afterKey, cursorKey, toKeysetPage } from '../../kernel/http/keyset.js';
import { requireText } from './text-check.js';
import type { ParcelEvents } from './events.js';

type Trx = Kysely<LogisticsTables>;
export type FieldName = (index: number, name: string) => string;


const manifestView = (m: ManifestRow): ManifestView => ({ id: m.id, carrier: m.carrier, source: m.source, fileName: m.file_name, total: m.total, matched: m.matched, unmatched: m.unmatched, updated: m.updated, createdAt: m.created_at });

/** Where a parcel goes, from a village: its point, its township, the route that serves the point. */
function destination(book: PlaceBook, routes: Map<string, string>, address: string) {
  const match = matchAddress(book, address);
  if (!match.matched) return { match_state: 'unmatched' as const, village_code: null, township_code: null, point_site_id: null, point_code: null, route_id: null };
  return { match_state: 'matched' as const, village_code: match.village.code, township_code: match.village.townshipCode, point_site_id: match.pointSiteId, point_code: match.pointCode, route_id: routes.get(match.pointSiteId) ?? null };
}

/** Parcels: carrier manifests in, the unmatched-address queue, produce going up, lists and details. */
export class ParcelService {
  constructor(
    private readonly repo: LogisticsRepository,
    private readonly views: ParcelViews,
    private readonly scans: ScanService,
    private readonly places: LogisticsPlaces,
    private readonly orders: OrderShipping,
    private readonly clock: Clock,
    private readonly events: ParcelEvents,
  ) {}

  /** The route serving each stop (the first active one that stops there). */
  async routeIndex(db: Trx = this.repo.db): Promise<Map<string, string>> {
    const routes = await db.selectFrom('logistics_routes').select(['id', 'stops']).where('active', '=', 1).orderBy('id').execute();
    const index = new Map<string, string>();
    for (const r of routes) for (const stop of JSON.parse(r.stops) as string[]) if (!index.has(stop)) index.set(stop, r.id);
    return index;
  }

  /**
   * A carrier's manifest: each parcel's address matched to a village and its point, the rest queued for a person.
   * A waybill already known (scanned before its manifest, or sent again) is updated, not doubled. All or nothing.
   */
  async intake(ctx: RequestContext, carrier: string, parcels: ManifestParcelInput[], source: { kind: ManifestRow['source']; fileName?: string; field: FieldName }, opts: { demo?: boolean } = {}): Promise<ManifestView> {
    const principal = requireRole(ctx, 'county_admin', 'courier');
    const seen = new Map<string, number>();
    for (const [i, p] of parcels.entries()) {
      requireText([[source.field(i, 'recipientName'), p.recipientName], [source.field(i, 'address'), p.address]]);
      if (seen.has(p.waybillNo)) throw invalidField(source.field(i, 'waybillNo'), `waybill ${p.waybillNo} is listed twice (also as ${source.field(seen.get(p.waybillNo)!, 'waybillNo')})`);
      seen.set(p.waybillNo, i);
    }
    const buyers = new Map<string, string>();
    for (const [i, p] of parcels.entries()) {
      if (!p.orderId) continue;
      const order = await this.orders.order(p.orderId);
      if (!order) throw invalidField(source.field(i, 'orderId'), 'no such order');
      buyers.set(p.orderId, order.buyerUserId);
    }
    const book = await this.places.placeBook();
    const now = this.clock.now();
    return this.repo.transaction(async (trx) => {
      const routes = await this.routeIndex(trx);
      const manifest: ManifestRow = { id: newId('mft', now.getTime()), carrier, source: source.kind, file_name: source.fileName ?? null, total: parcels.length, matched: 0, unmatched: 0, updated: 0, created_by: principal.userId, created_at: now.toISOString() };
      const fresh: ParcelRow[] = [];
      for (const part of chunks(parcels, INSERT_CHUNK)) {
        const known = new Map<string, ParcelRow>();
        for (const row of await trx.selectFrom('logistics_parcels').selectAll().where('waybill_no', 'in', part.map((p) => p.waybillNo)).execute()) {
          // The carrier's own parcel first, else one scanned before any manifest named its carrier.
          if (row.direction === 'down' && (row.carrier === carrier || (row.carrier === null && !known.has(row.waybill_no!)))) known.set(row.waybill_no!, row);
        }
        for (const p of part) {
          const fields = {
            ...this.views.recipient(p.recipientName, p.recipientPhone, p.address),
            weight_g: p.weightG ?? null,
            order_id: p.orderId ?? null,
            recipient_user_id: p.orderId ? buyers.get(p.orderId)! : null,
            manifest_id: manifest.id,
            ...destination(book, routes, p.address),
          };
          if (fields.match_state === 'matched') manifest.matched++;
          else manifest.unmatched++;
          const have = known.get(p.waybillNo);
          if (have) {
            if (FINAL.includes(have.status)) continue;
            manifest.updated++;
            await trx
              .updateTable('logistics_parcels')
              .set({ ...fields, carrier, ...(have.problem_code === 'NO_MANIFEST' && { problem: null, problem_code: null }) })
              .where('id', '=', have.id)
              .execute();
          } else {
            fresh.push(newParcelRow(now, { direction: 'down', status: 'created', carrier, waybill_no: p.waybillNo, is_demo: opts.demo ? 1 : 0, ...fields }));
          }
        }
      }
      for (const part of chunks(fresh, INSERT_CHUNK)) await trx.insertInto('logistics_parcels').values(part).execute();
      for (const row of fresh) await this.events.registered(trx, row);
      await trx.insertInto('logistics_manifests').values(manifest).execute();
      await recordAudit(trx, ctx, { action: 'logistics.manifest', entityType: 'manifest', entityId: manifest.id, details: { carrier, total: manifest.total, matched: manifest.matched, unmatched: manifest.unmatched, updated: manifest.updated } });
      return manifestView(manifest);
    });
  }

  async manifests(ctx: RequestContext, limit: number, cursor?: string): Promise<PageResult<ManifestView>> {
    requireRole(ctx, 'county_admin', 'courier');
    const after = decodeCursor(cursor);
    let query = this.repo.db.selectFrom('logistics_manifests').selectAll().orderBy('id', 'desc').limit(limit + 1);
    if (after) query = query.where('id', '<', after);
    const page = toPage(await query.execute(), limit, (m) => m.id);
    return { ...page, items: page.items.map(manifestView) };
  }

  async list(ctx: RequestContext, filter: ParcelFilter, limit: number, cursor?: string): Promise<PageResult<ParcelView>> {
    const book = await this.places.placeBook();
    const viewer = await this.views.viewer(ctx, book);
    const after = decodeCursor(cursor);
    let query = this.repo.db.selectFrom('logistics_parcels').selectAll().where(visibleTo(viewer)).orderBy('id', 'desc').limit(limit + 1);
    if (filter.direction) query = query.where('direction', '=', filter.direction);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.match) query = query.where('match_state', '=', filter.match);
    if (filter.carrier) query = query.where('carrier', '=', filter.carrier);
    if (filter.townshipCode) query = query.where('township_code', '=', filter.townshipCode);
    if (filter.pointSiteId) query = query.where('point_site_id', '=', filter.pointSiteId);
    if (filter.runId) query = query.where('run_id', '=', filter.runId);
    if (filter.orderId) query = query.where('order_id', '=', filter.orderId);
    if (filter.waybillNo) query = query.where('waybill_no', '=', filter.waybillNo);
    if (filter.problem) query = query.where('problem', 'is not', null);
    if (after) query = query.where('id', '<', after);
    const page = toPage(await query.execute(), limit, (r) => r.id);
    return { ...page, items: page.items.map((r) => this.views.view(r, viewer, book)) };
  }

  private async readable(ctx: RequestContext, id: string) {
    const book = await this.places.placeBook();
    const viewer = await this.views.viewer(ctx, book);
    const row = await this.repo.db.selectFrom('logistics_parcels').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !seesParcel(viewer, row)) throw notFound('Parcel');
    return { row, viewer, book };
  }

  async get(ctx: RequestContext, id: string) {
    const { row, viewer, book } = await this.readable(ctx, id);
    const events = await this.repo.db.selectFrom('logistics_events').selectAll().where('parcel_id', '=', id).orderBy('at').orderBy('recorded_at').execute();
    const match = row.match_state === 'matched' || !row.address ? null : matchAddress(book, row.address);
    return {
      ...this.views.view(row, viewer, book),
      events: events.map((e): EventView => ({ eventId: e.event_id, type: e.type, at: e.at, recordedAt: e.recorded_at, siteId: e.site_id, siteName: e.site_id ? (book.siteName.get(e.site_id) ?? null) : null, runId: e.run_id, note: e.note, flagged: !!e.flagged, flagReason: e.flag_reason, problemCode: e.problem_code as ProblemCode | null })),
      suggestions: match && !match.matched ? match.candidates.slice(0, 20).map((v) => ({ code: v.code, name: v.name, townshipName: v.townshipName })) : [],
      matchNote: match && !match.matched ? match.reason : null,
    };
  }

  /** A person settles an address the matcher could not: the village, and so its point and route. */
  async assign(ctx: RequestContext, id: string, villageCode: string) {
    const { row, viewer, book } = await this.readable(ctx, id);
    requireHandler(viewer);
    if (viewer.pointCode) throw forbidden('Addresses are settled at the county warehouse or the township station');
    const village = book.villages.find((v) => v.code === villageCode);
    if (!village) throw invalidField('body.villageCode', 'is not a village of this county');
    if (viewer.townshipCode && village.townshipCode !== viewer.townshipCode) throw invalidField('body.villageCode', 'is not a village of your township');
    if (row.direction !== 'down' || ['arrived_village', 'notified', ...FINAL].includes(row.status)) throw conflict('PARCEL_SETTLED', 'The parcel has reached its point already; its address can no longer change');
    const pointSiteId = village.pointSiteId ?? book.townships.find((t) => t.code === village.townshipCode)?.transferSiteId ?? null;
    if (!pointSiteId) throw invalidField('body.villageCode', `${village.name} has no village point and its township no transfer station yet`);
    await this.repo.transaction(async (trx) => {
      const routes = await this.routeIndex(trx);
      await trx
        .updateTable('logistics_parcels')
        .set({ match_state: row.match_state === 'no_manifest' ? 'no_manifest' : 'matched', village_code: village.code, township_code: village.townshipCode, point_site_id: pointSiteId, point_code: book.siteDivision.get(pointSiteId) ?? village.code, route_id: routes.get(pointSiteId) ?? null })
        .where('id', '=', id)
        .execute();
      await recordAudit(trx, ctx, { action: 'logistics.parcel.assigned', entityType: 'parcel', entityId: id, details: { villageCode, pointSiteId } });
    });
    return this.get(ctx, id);
  }

  /** A village point sends produce (or a marketplace order) up to the county, to be handed to a carrier there. */
  async openShipment(ctx: RequestContext, input: ShipmentInput) {
    const book = await this.places.placeBook();
    const viewer = await this.views.viewer(ctx, book);
    requireHandler(viewer);
    requireText([['body.description', input.description], ['body.recipient.name', input.recipient?.name], ['body.recipient.address', input.recipient?.address]]);
    const division = book.siteDivision.get(input.originSiteId);
    if (!division) throw invalidField('body.originSiteId', 'is not a site that sends parcels');
    const origin = { township_code: division.slice(0, 9), point_code: division };
    if (!handlesParcel(viewer, origin)) throw invalidField('body.originSiteId', 'is not your station or point');
    let recipient = input.recipient ?? null;
    let buyer: string | null = null;
    if (input.orderId) {
      const order = await this.orders.order(input.orderId);
      // An order the caller may not send is answered as a missing one: its recipient is not the caller's to read.
      if (!order || !shipsOrder(viewer, book, order)) throw new AppError(404, 'NOT_FOUND', 'Order not found', { field: 'body.orderId' });
      recipient ??= { name: order.name, phone: order.phone, address: order.address };
      buyer = order.buyerUserId;
    }
    if (!recipient) throw invalidField('body.recipient', 'say who receives it, or give the order it fills');
    const now = this.clock.now();
    const row = newParcelRow(now, {
      direction: 'up',
      status: 'opened',
      match_state: 'matched',
      ...this.views.recipient(recipient.name, recipient.phone, recipient.address),
      weight_g: input.weightG ?? null,
      description: input.description,
      village_code: division.length === 12 ? division : null,
      point_site_id: input.originSiteId,
      route_id: (await this.routeIndex()).get(input.originSiteId) ?? null,
      order_id: input.orderId ?? null,
      recipient_user_id: buyer,
      ...origin,
    });
    await this.repo.transaction(async (trx) => {
      await trx.insertInto('logistics_parcels').values(row).execute();
      await this.events.registered(trx, row);
      await recordAudit(trx, ctx, { action: 'logistics.shipment.opened', entityType: 'parcel', entityId: row.id, details: { originSiteId: input.originSiteId, orderId: input.orderId ?? null } });
    });
    return this.get(ctx, row.id);
  }

  /** At the county the produce goes to a carrier; its waybill is recorded, and a marketplace order is shipped with it. */
  async handToCarrier(ctx: RequestContext, id: string, carrier: string, waybillNo: string) {
    const { row, viewer } = await this.readable(ctx, id);
    if (!viewer.all || !viewer.handles) throw forbidden('Produce is handed to carriers at the county warehouse');
    if (row.direction !== 'up') throw invalidField('id', 'only produce going up is handed to a carrier here');
    if (row.status === 'handed_to_carrier' && (row.carrier !== carrier || row.waybill_no !== waybillNo)) throw conflict('ALREADY_HANDED', `Already handed to ${row.carrier} as ${row.waybill_no}`);
    const taken = await this.repo.db.selectFrom('logistics_parcels').select('id').where('carrier', '=', carrier).where('waybill_no', '=', waybillNo).where('id', '!=', id).executeTakeFirst();
    if (taken) throw conflict('WAYBILL_TAKEN', `${carrier} waybill ${waybillNo} is already another parcel's`);
    if (row.order_id) await this.orders.shipped(row.order_id, carrier, waybillNo);
    await this.repo.db.updateTable('logistics_parcels').set({ carrier, waybill_no: waybillNo }).where('id', '=', id).execute();
    await this.scans.scan(ctx, { eventId: `handover-${id}`, parcelId: id, type: 'handed_to_carrier' });
    return this.get(ctx, id);
  }

  /** Parcels carrying marketplace orders, many at once (a recall follows them). No access check. */
  async forOrders(orderIds: string[]): Promise<{ orderId: string; carrier: string | null; waybillNo: string | null; status: string }[]> {
    const found = [];
    for (const part of chunks(orderIds, INSERT_CHUNK)) {
      const rows = await this.repo.db.selectFrom('logistics_parcels').select(['order_id', 'carrier', 'waybill_no', 'status']).where('order_id', 'in', part).execute();
      found.push(...rows.map((r) => ({ orderId: r.order_id!, carrier: r.carrier, waybillNo: r.waybill_no, status: r.status })));
    }
    return found;
  }

  /** Parcels at a point for more than `days` days, not yet collected: to call the recipient, or send back. */
  async waiting(ctx: RequestContext, days: number, limit: number, cursor?: string): Promise<PageResult<ParcelView>> {
    const book = await this.places.placeBook();
    const viewer = await this.views.viewer(ctx, book);
    requireHandler(viewer);
    const after = cursorKey(cursor, 2);
    const before = new Date(this.clock.now().getTime() - days * 86_400_000).toISOString();
    let query = this.repo.db.selectFrom('logistics_parcels').selectAll().where(visibleTo(viewer)).where('status', 'in', ['arrived_village', 'notified']).where('arrived_at', '<', before).orderBy('arrived_at').orderBy('id').limit(limit + 1);
    if (after) query = query.where((eb) => afterKey(eb, ['arrived_at', 'id'], after));
    const page = toKeysetPage(await query.execute(), limit, (r) => [r.arrived_at!, r.id]);
    return { ...page, items: page.items.map((r) => this.views.view(r, viewer, book)) };
  }

  /** Tells the recipient by SMS; a code locked after wrong tries is replaced first, so only the SMS carries the new one. */
  async notify(ctx: RequestContext, id: string, eventId?: string) {
    const { row, viewer } = await this.readable(ctx, id);
    if (pickupLocked(row) && viewer.handles) {
      await this.repo.transaction(async (trx) => {
        await trx.updateTable('logistics_parcels').set({ pickup_code: newPickupCode(), pickup_misses: 0 }).where('id', '=', id).execute();
        await recordAudit(trx, ctx, { action: 'logistics.pickup.code_reissued', entityType: 'parcel', entityId: id, details: { waybillNo: row.waybill_no, afterTries: row.pickup_misses } });
        // The new code must reach the recipient: its text goes past the SMS limits (it is counted). Each reissue needs
        // five more wrong tries first, every one audited, so it is no way around them.
        await allowReissue(trx, row, this.clock.now());
      });
    }
    await this.scans.scan(ctx, { eventId: eventId ?? `notify-${id}-${this.clock.now().getTime().toString(36)}`, parcelId: id, type: 'notified' });
    return this.get(ctx, id);
  }

  async pickup(ctx: RequestContext, id: string, input: { code: string; eventId?: string; at?: string }) {
    await this.readable(ctx, id);
    const at = input.at === undefined ? undefined : calendarInstant(input.at, 'body.at');
    await this.scans.scan(ctx, { eventId: input.eventId ?? `pickup-${id}`, parcelId: id, type: 'picked_up', pickupCode: input.code, at }, (name) => `body.${name === 'pickupCode' ? 'code' : name}`);
    return this.get(ctx, id);
  }
}
