import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { requireRole, signedIn } from '../../kernel/context.js';
import { invalidField } from '../../kernel/errors.js';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page, PageQuery } from '../../kernel/http/paging.js';
import { StringEnum } from '../../kernel/http/schema.js';
import { CARRIER_CODES, CARRIERS, type CarrierCode } from './logistics.tables.js';
import { cursorKey, toKeysetPage } from '../../kernel/http/keyset.js';
import {
  AssignBody, BatchBody, BatchResult, HandoverBody, HandToCarrierBody, NotifyBody, Kuaidi100Form, Kuaidi100Push, Kuaidi100PushResult, ManifestBody, ManifestSchema, ParcelDetailSchema, ParcelQuery, ParcelSchema, PickupBody, PromiseQuery, PromiseSchema, RouteBody, RouteSchema,
  RunBody, RunDetailSchema, RunSchema, ScanBody, ScanResult, ShipmentBody, TrackQuery, TrackingSchema, Kuaidi100Tracking,
} from './logistics.schema.js';
import { kuaidi100Context, pushScans, readSignedPush } from './kuaidi100-push.js';
import { readManifest } from './manifest-file.js';
import type { ParcelService } from './parcels.service.js';
import type { PromiseService } from './promise.service.js';
import type { RunService } from './runs.service.js';
import type { ScanService } from './scans.service.js';
import type { TrackingService } from './tracking.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
/** Manifests of 10 000 parcels and batches of 5 000 scans run to a few megabytes of JSON. */
const BIG_BODY = 16 * 1024 * 1024;
const open = { config: { public: true } };

export interface LogisticsServices {
  parcels: ParcelService;
  scans: ScanService;
  runs: RunService;
  promise: PromiseService;
  tracking: TrackingService;
  /** Kuaidi100's form pushes are signed with it; none: they are refused. */
  kuaidi100Salt?: string;
}

export function logisticsRoutes(s: LogisticsServices) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['logistics'];

    app.get('/logistics/carriers', { ...open, schema: { tags, summary: 'Express carriers the county warehouse takes (public)', querystring: PageQuery, response: { 200: Page(Type.Object({ code: Type.String(), name: Type.String() })), ...errorResponses } } }, async (request) => {
      const [after] = cursorKey(request.query.cursor, 1) ?? [];
      const start = after === undefined ? 0 : CARRIER_CODES.indexOf(after as CarrierCode) + 1;
      if (after !== undefined && start === 0) throw invalidField('querystring.cursor', 'is not a cursor this API issued');
      const limit = request.query.limit ?? 50;
      return toKeysetPage(CARRIER_CODES.slice(start, start + limit + 1).map((code) => ({ code, name: CARRIERS[code] })), limit, (c) => [c.code]);
    });

    // ---- parcels ----
    app.post('/logistics/manifests', { bodyLimit: BIG_BODY, config: { roles: ['county_admin', 'courier'] }, schema: { tags, summary: "A carrier's manifest of up to 10 000 parcels; addresses are matched to village points, the rest queued", body: ManifestBody, response: { 201: ManifestSchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await s.parcels.intake(request.ctx, request.body.carrier, request.body.parcels, { kind: 'api', field: (i, f) => `body.parcels.${i}.${f}` })),
    );
    app.post(
      '/logistics/manifests/upload',
      { config: { roles: ['county_admin', 'courier'] }, schema: { tags, summary: 'A manifest as a CSV (UTF-8 or GBK) or Excel .xlsx file (multipart field `file`); first row names the columns: 运单号, 收件人, 电话, 地址, 重量(kg)', consumes: ['multipart/form-data'], querystring: Type.Object({ carrier: StringEnum(CARRIER_CODES) }), response: { 201: ManifestSchema, ...errorResponses } } },
      async (request, reply) => {
        const file = request.isMultipart() ? await request.file({ limits: { fileSize: BIG_BODY, files: 1 } }) : undefined;
        if (!file || file.fieldname !== 'file') throw invalidField('body.file', 'send the manifest as multipart form field "file"');
        const bytes = await file.toBuffer().catch(() => {
          throw invalidField('body.file', 'is larger than 16 MB');
        });
        const xlsx = /\.xlsx$/i.test(file.filename) || bytes.subarray(0, 2).toString('latin1') === 'PK';
        const parcels = await readManifest(bytes, xlsx ? 'xlsx' : 'csv');
        return reply.status(201).send(await s.parcels.intake(request.ctx, request.query.carrier, parcels, { kind: xlsx ? 'xlsx' : 'csv', fileName: file.filename, field: (i, f) => `file.row.${i + 2}.${f}` }));
      },
    );
    app.get('/logistics/manifests', { schema: { tags, summary: 'Manifests received, newest first', querystring: PageQuery, response: { 200: Page(ManifestSchema), ...errorResponses } } }, (request) => s.parcels.manifests(request.ctx, request.query.limit ?? 50, request.query.cursor));
    app.get('/logistics/parcels', { schema: { tags, summary: 'Parcels you may see: all (county, couriers), your township, your village point, or your own', querystring: ParcelQuery, response: { 200: Page(ParcelSchema), ...errorResponses } } }, (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return s.parcels.list(request.ctx, filter, limit, cursor);
    });
    app.get('/logistics/parcels/waiting', { schema: { tags, summary: 'Parcels at a point for more than `days` days, not collected, longest waiting first', querystring: Type.Object({ ...PageQuery.properties, days: Type.Optional(Type.Integer({ minimum: 0, maximum: 60, default: 3 })) }), response: { 200: Page(ParcelSchema), ...errorResponses } } }, (request) =>
      s.parcels.waiting(request.ctx, request.query.days ?? 3, request.query.limit ?? 50, request.query.cursor),
    );
    app.get('/logistics/parcels/:id', { schema: { tags, summary: 'One parcel with its scans', params: IdParams, response: { 200: ParcelDetailSchema, ...errorResponses } } }, (request) => s.parcels.get(request.ctx, request.params.id));
    app.post('/logistics/parcels/:id/assign', { schema: { tags, summary: 'Settle an unmatched address: the village it goes to', params: IdParams, body: AssignBody, response: { 200: ParcelDetailSchema, ...errorResponses } } }, (request) => s.parcels.assign(request.ctx, request.params.id, request.body.villageCode));
    app.post('/logistics/parcels/:id/notify', { schema: { tags, summary: 'Tell the recipient by SMS (with the pick-up code) that the parcel is at the point', params: IdParams, body: Type.Optional(NotifyBody), response: { 200: ParcelDetailSchema, ...errorResponses } } }, (request) =>
      s.parcels.notify(request.ctx, request.params.id, request.body?.eventId),
    );
    app.post('/logistics/parcels/:id/pickup', { schema: { tags, summary: 'Hand the parcel over: the recipient shows the pick-up code', params: IdParams, body: PickupBody, response: { 200: ParcelDetailSchema, ...errorResponses } } }, (request) => s.parcels.pickup(request.ctx, request.params.id, request.body));
    app.post('/logistics/parcels/:id/hand-to-carrier', { schema: { tags, summary: 'Produce reaching the county goes to a carrier; a marketplace order is shipped with this waybill', params: IdParams, body: HandToCarrierBody, response: { 200: ParcelDetailSchema, ...errorResponses } } }, (request) =>
      s.parcels.handToCarrier(request.ctx, request.params.id, request.body.carrier, request.body.waybillNo),
    );
    app.post('/logistics/shipments', { schema: { tags, summary: 'A village point sends produce (or a marketplace order) up to the county', body: ShipmentBody, response: { 201: ParcelDetailSchema, ...errorResponses } } }, async (request, reply) => reply.status(201).send(await s.parcels.openShipment(request.ctx, request.body)));

    // ---- scans ----
    app.post('/logistics/scans', { schema: { tags, summary: 'One scan; a retried event id is stored once, a scan out of sequence is kept and flagged', body: ScanBody, response: { 201: ScanResult, ...errorResponses } } }, async (request, reply) => reply.status(201).send(await s.scans.scan(request.ctx, request.body)));
    app.post('/logistics/scans/batch', { bodyLimit: BIG_BODY, config: { roles: ['county_admin', 'courier', 'township_operator', 'village_operator'] }, schema: { tags, summary: 'Up to 5 000 scans in one transaction (a device syncing); placed by their time', body: BatchBody, response: { 200: BatchResult, ...errorResponses } } }, (request) => s.scans.batch(request.ctx, request.body.scans));
    // The push as JSON from a signed-in courier, or as Kuaidi100 itself sends it: a form with `param` and `sign`.
    app.register(async (scope) => {
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 }, (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
      scope.withTypeProvider<TypeBoxTypeProvider>().post(
        '/logistics/kuaidi100/push',
        {
          ...open,
          schema: {
            tags,
            summary: "A carrier's tracking pushed in the Kuaidi100 shape (lastResult.nu, com, data[].time/context/state): as JSON by a signed-in courier, or as Kuaidi100's form (`param` = the JSON, `sign` = MD5(param + salt) in upper-case hex)",
            body: { content: { 'application/json': { schema: Kuaidi100Push }, 'application/x-www-form-urlencoded': { schema: Kuaidi100Form } } },
            response: { 200: Kuaidi100PushResult, ...errorResponses },
          },
        },
        async (request) => {
          const form = request.headers['content-type']?.startsWith('application/x-www-form-urlencoded');
          const push = form ? readSignedPush(request.body as { param?: string; sign?: string }, s.kuaidi100Salt) : (request.body as Static<typeof Kuaidi100Push>).lastResult;
          const ctx = form ? kuaidi100Context(request.ip, request.id) : request.ctx;
          if (form) signedIn(ctx); else requireRole(ctx, 'county_admin', 'courier'); // JSON pushes are the couriers'
          const scans = pushScans(push, (name) => `body.${form ? 'param.' : ''}lastResult.${name}`);
          const result = scans.length ? await s.scans.batch(ctx, scans) : { stored: 0, duplicates: 0, flagged: [], outcomes: [] };
          // Kuaidi100 reads returnCode 200 as taken and retries anything else.
          return { ...result, result: true, returnCode: '200', message: '成功' };
        },
      );
    });

    // ---- routes and runs ----
    app.get('/logistics/routes', { schema: { tags, summary: 'Delivery routes from the county through townships to village points, by name', querystring: PageQuery, response: { 200: Page(RouteSchema), ...errorResponses } } }, (request) => s.runs.routes(request.ctx, request.query.limit ?? 50, request.query.cursor));
    app.post('/logistics/routes', { schema: { tags, summary: 'A route with its stops and timetable', body: RouteBody, response: { 201: RouteSchema, ...errorResponses } } }, async (request, reply) => reply.status(201).send(await s.runs.saveRoute(request.ctx, request.body)));
    app.put('/logistics/routes/:id', { schema: { tags, summary: 'Change a route', params: IdParams, body: RouteBody, response: { 200: RouteSchema, ...errorResponses } } }, (request) => s.runs.saveRoute(request.ctx, request.body, request.params.id));
    app.get('/logistics/runs', { schema: { tags, summary: "A day's delivery runs, by departure", querystring: Type.Object({ ...PageQuery.properties, date: Type.String({ format: 'date' }) }), response: { 200: Page(RunSchema), ...errorResponses } } }, (request) => s.runs.runs(request.ctx, request.query.date, request.query.limit ?? 50, request.query.cursor));
    app.post('/logistics/runs', { schema: { tags, summary: "Plan a run: it gathers every carrier's sorted parcels for its stops and the produce waiting there", body: RunBody, response: { 201: RunDetailSchema, ...errorResponses } } }, async (request, reply) => reply.status(201).send(await s.runs.create(request.ctx, request.body)));
    app.get('/logistics/runs/:id', { schema: { tags, summary: 'A run with its load sheet, stop by stop', params: IdParams, response: { 200: RunDetailSchema, ...errorResponses } } }, (request) => s.runs.get(request.ctx, request.params.id));
    const At = Type.Object({ at: Type.Optional(Type.String({ format: 'date-time' })) });
    app.post('/logistics/runs/:id/depart', { schema: { tags, summary: 'The run leaves the county warehouse: its parcels are scanned as loaded', params: IdParams, body: Type.Optional(At), response: { 200: RunDetailSchema, ...errorResponses } } }, (request) => s.runs.depart(request.ctx, request.params.id, request.body?.at));
    app.post('/logistics/runs/:id/stops/:siteId/handover', { schema: { tags, summary: 'Hand-over at a stop, signed by who took the parcels', params: Type.Object({ id: IdParams.properties.id, siteId: IdParams.properties.id }), body: HandoverBody, response: { 200: RunDetailSchema, ...errorResponses } } }, (request) =>
      s.runs.handover(request.ctx, request.params.id, request.params.siteId, request.body.signedBy, request.body.at),
    );
    app.post('/logistics/runs/:id/complete', { schema: { tags, summary: 'Back at the county: produce received, undelivered parcels back in the pool', params: IdParams, body: Type.Optional(At), response: { 200: RunDetailSchema, ...errorResponses } } }, (request) => s.runs.complete(request.ctx, request.params.id, request.body?.at));

    // ---- the 48-hour promise ----
    app.get('/logistics/promise', { schema: { tags, summary: 'On-time share (county receipt → village point within 48 h) per township, route and carrier', querystring: PromiseQuery, response: { 200: PromiseSchema, ...errorResponses } } }, (request) => s.promise.summary(request.ctx, request.query));
    app.get('/logistics/overdue', { schema: { tags, summary: 'Parcels past 48 hours (or 36 with atRisk) without reaching their point, oldest first', querystring: Type.Object({ ...PageQuery.properties, atRisk: Type.Optional(Type.Boolean()), townshipCode: Type.Optional(Type.String({ pattern: '^\\d{9}$' })) }), response: { 200: Page(ParcelSchema), ...errorResponses } } }, (request) => {
      const { limit = 50, cursor, ...opts } = request.query;
      return s.promise.overdue(request.ctx, opts, limit, cursor);
    });
    app.get('/logistics/alerts', { schema: { tags, summary: 'Open alerts: parcels past 36 hours without reaching their point, newest first', querystring: PageQuery, response: { 200: Page(Type.Object({ raisedAt: Type.String(), parcel: ParcelSchema })), ...errorResponses } } }, (request) => s.promise.alerts(request.ctx, request.query.limit ?? 50, request.query.cursor));

    // ---- public tracking ----
    app.get('/logistics/track', { ...open, schema: { tags, summary: 'Public tracking: waybill number and the last four digits of the phone; names and phones masked, no address', querystring: TrackQuery, response: { 200: TrackingSchema, ...errorResponses } } }, async (request, reply) => {
      const tracking = await s.tracking.lookup(request.query.waybillNo, request.query.phoneLast4, request.ctx);
      // Sent as the JSON kept with the cached answer: writing it out again was most of a lookup's cost.
      return reply.type('application/json; charset=utf-8').serializer(() => s.tracking.json(tracking)).send(tracking);
    });
    app.get('/logistics/track/kuaidi100', { ...open, schema: { tags, summary: 'The same timeline in the shape of a Kuaidi100 query answer (state 0–14, sub-states 501 / 304)', querystring: TrackQuery, response: { 200: Kuaidi100Tracking, ...errorResponses } } }, async (request) =>
      s.tracking.kuaidi100(await s.tracking.lookup(request.query.waybillNo, request.query.phoneLast4, request.ctx)),
    );
  };
}

