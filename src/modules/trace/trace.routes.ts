import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { invalidField } from '../../kernel/errors.js';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page, PageQuery } from '../../kernel/http/paging.js';
import { StringEnum } from '../../kernel/http/schema.js';
import type { TraceServices } from './index.js';
import { StationPurchaseView } from './station-purchases.js';
import {
  BaseInput, BaseView, BatchView, ComplaintView, CROPS, DecisionInput, Genealogy, MergeInput, MyRecallNotice, PackageView, PackInput, PlotInput, PlotView, ProducerInput, ProducerView, RecallInput, RecallResponseInput, RecallView,
  RecordInput, RecordView, RefusalView, SplitInput, StockInput,
} from './trace.schema.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Items = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Object({ items: Type.Array(item) });
const Created = Type.Object({ record: RecordView, batch: Type.Union([BatchView, Type.Null()]) });
const sendFile = (reply: import('fastify').FastifyReply, file: { fileName: string; body: Buffer }, type = 'application/pdf') =>
  reply.header('content-type', type).header('content-disposition', `inline; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.body);

/** An EPCIS document's size: 1,000 events (the most one document takes) of up to 4 KB each. */
const EPCIS_BODY_LIMIT = 4 * 1024 * 1024;

/** Where the platform is reached from outside: QR codes and Digital Links carry it. */
const originOf = (publicUrl: string | undefined) => (request: FastifyRequest) => publicUrl?.replace(/\/$/, '') || `${request.protocol}://${request.host}`;

export function traceRoutes(s: TraceServices, publicUrl: string | undefined) {
  const origin = originOf(publicUrl);
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['trace'];
    root.addContentTypeParser('application/ld+json', { parseAs: 'string', bodyLimit: EPCIS_BODY_LIMIT }, (_req, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(invalidField('body', 'is not JSON'), undefined);
      }
    });

    // ---- producers, bases, plots ----
    app.get('/trace/producers', { schema: { tags, summary: 'Producers the caller may see, by name (phones masked but for their keepers)', querystring: PageQuery, response: { 200: Page(ProducerView), ...errorResponses } } }, async (request) => s.producers.list(request.ctx, request.query.limit ?? 50, request.query.cursor));
    app.post('/trace/producers', { schema: { tags, summary: 'Register a producer: a marketplace seller, or a farmer (ID kept sealed)', body: ProducerInput, response: { 201: ProducerView, ...errorResponses } } }, async (request, reply) => reply.status(201).send(await s.producers.create(request.ctx, request.body)));
    app.get('/trace/bases', { schema: { tags, summary: 'Production bases, by name', querystring: Type.Object({ ...PageQuery.properties, producerId: Type.Optional(Type.String({ maxLength: 64 })) }), response: { 200: Page(BaseView), ...errorResponses } } }, async (request) => s.producers.bases(request.ctx, request.query.producerId, request.query.limit ?? 50, request.query.cursor));
    app.post('/trace/bases', { schema: { tags, summary: 'Add a production base (orchard, grove) in a village', body: BaseInput, response: { 201: BaseView, ...errorResponses } } }, async (request, reply) => reply.status(201).send(await s.producers.createBase(request.ctx, request.body)));
    app.get('/trace/plots', { schema: { tags, summary: 'Plots with their crop and the first day a harvest keeps every pre-harvest interval', querystring: Type.Object({ ...PageQuery.properties, producerId: Type.Optional(Type.String({ maxLength: 64 })), crop: Type.Optional(StringEnum(CROPS)) }), response: { 200: Page(PlotView), ...errorResponses } } }, async (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return s.producers.plots(request.ctx, filter, limit, cursor);
    });
    app.post('/trace/plots', { schema: { tags, summary: 'Add a plot to a base', body: PlotInput, response: { 201: PlotView, ...errorResponses } } }, async (request, reply) => reply.status(201).send(await s.producers.createPlot(request.ctx, request.body)));
    app.get('/trace/plots/:id', { schema: { tags, summary: 'A plot, with the first day a harvest keeps every pre-harvest interval', params: IdParams, response: { 200: PlotView, ...errorResponses } } }, async (request) => s.producers.plot(request.ctx, request.params.id));
    app.get('/trace/plots/:id/records', { schema: { tags, summary: "A plot's farm records, newest first (corrected ones marked)", params: IdParams, querystring: PageQuery, response: { 200: Page(RecordView), ...errorResponses } } }, async (request) =>
      s.producers.records(request.ctx, request.params.id, request.query.limit ?? 50, request.query.cursor),
    );

    app.get('/trace/producers/:id/station-purchases', { schema: { tags, summary: 'Farm inputs the producer bought at stations and village points, newest first; a pesticide with no pesticide record on any of its plots within 30 days after is flagged 购药后30天未见用药记录', params: IdParams, querystring: PageQuery, response: { 200: Page(StationPurchaseView), ...errorResponses } } }, async (request) => s.stationPurchases.list(request.ctx, request.params.id, request.query.limit ?? 50, request.query.cursor));

    // ---- farm records ----
    app.post('/trace/plots/:id/records', { schema: { tags, summary: 'Add a farm record (append-only; `corrects` names the record a correction replaces). A harvest that breaks a pre-harvest interval is refused with 422 HARVEST_INTERVAL_NOT_KEPT and kept for regulators.', params: IdParams, body: RecordInput, response: { 201: Created, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await s.records.add(request.ctx, request.params.id, request.body, origin(request))),
    );
    app.post('/trace/files', { config: { roles: ['county_admin', 'merchant', 'village_operator', 'township_operator'] }, schema: { tags, summary: 'Upload a lab report (multipart field `file`: PDF, JPEG or PNG up to 8 MB; a PDF must have its header, cross-reference and %%EOF, else 400 NOT_A_PDF). Each account may upload 30 files and 100 MB a day (the county office 200 and 1 GB), else 429 UPLOAD_QUOTA with Retry-After', consumes: ['multipart/form-data'], response: { 201: Type.Object({ fileId: Type.String() }), ...errorResponses } } }, async (request, reply) => {
      // The service counts the upload against the quota before it calls this, so a refused one is never read.
      const read = async () => {
        const file = request.isMultipart() ? await request.file({ limits: { fileSize: 8 * 1024 * 1024, files: 1 } }) : undefined;
        if (!file || file.fieldname !== 'file') throw invalidField('body.file', 'send the report as multipart form field "file"');
        return file.toBuffer().catch(() => {
          throw invalidField('body.file', 'is larger than 8 MB');
        });
      };
      return reply.status(201).send(await s.files.upload(request.ctx, read));
    });
    app.get('/trace/files/:id', { schema: { tags, summary: 'A lab report file', params: IdParams } }, async (request, reply) => {
      const file = await s.files.get(request.ctx, request.params.id);
      return reply.header('content-type', file.type).header('cache-control', 'private, max-age=3600').send(file.body);
    });
    const ReviewQuery = Type.Object({ ...PageQuery.properties, pending: Type.Optional(Type.Boolean()) });
    app.get('/trace/refusals', { schema: { tags, summary: "The regulator's queue, newest first: harvests refused by the interval rule, and batches held because a later record put their harvest in breach", querystring: ReviewQuery, response: { 200: Page(RefusalView), ...errorResponses } } }, async (request) =>
      s.reviews.list(request.ctx, request.query.pending ?? false, request.query.limit ?? 50, request.query.cursor),
    );
    app.get('/trace/refusals/:id', { schema: { tags, summary: 'One review in the queue', params: IdParams, response: { 200: RefusalView, ...errorResponses } } }, async (request) => s.reviews.get(request.ctx, request.params.id));
    app.post('/trace/refusals/:id/decision', { schema: { tags, summary: 'The regulator upholds (the refusal stands, the batch stays off sale) or releases (the harvest is made, the batch goes back on sale), with a reason', params: IdParams, body: DecisionInput, response: { 200: RefusalView, ...errorResponses } } }, async (request) =>
      s.reviews.decide(request.ctx, request.params.id, request.body.outcome, request.body.reason, origin(request)),
    );
    app.post('/trace/refusals/:id/override', { schema: { tags, summary: 'A regulator lets a refused harvest through; the reason stays on the record and the batch', params: IdParams, body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }), response: { 200: Type.Object({ record: RecordView, batch: BatchView }), ...errorResponses } } }, async (request) =>
      s.records.override(request.ctx, request.params.id, request.body.reason, origin(request)),
    );

    // ---- batches ----
    const BatchQuery = Type.Object({ ...PageQuery.properties, producerId: Type.Optional(Type.String({ maxLength: 64 })), crop: Type.Optional(StringEnum(CROPS)), status: Type.Optional(StringEnum(['active', 'recalled', 'held'] as const, { description: 'held: held from sale for the regulator’s review' })), q: Type.Optional(Type.String({ maxLength: 60 })) });
    app.get('/trace/batches', { schema: { tags, summary: 'Batches, newest first', querystring: BatchQuery, response: { 200: Page(BatchView), ...errorResponses } } }, async (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return s.batches.list(request.ctx, filter, limit, cursor, origin(request));
    });
    app.get('/trace/batches/:id', { schema: { tags, summary: 'A batch', params: IdParams, response: { 200: BatchView, ...errorResponses } } }, async (request) => s.batches.get(request.ctx, request.params.id, origin(request)));
    app.post('/trace/batches/:id/split', { schema: { tags, summary: 'Split parts off a batch into new batches', params: IdParams, body: SplitInput, response: { 201: Items(BatchView), ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send({ items: await s.batches.split(request.ctx, request.params.id, request.body.parts, origin(request)) }),
    );
    app.post('/trace/batches/merge', { schema: { tags, summary: 'Merge what is left of batches of one crop into a new batch', body: MergeInput, response: { 201: BatchView, ...errorResponses } } }, async (request, reply) => reply.status(201).send(await s.batches.merge(request.ctx, request.body.batchIds, origin(request))));
    app.post('/trace/batches/:id/pack', { schema: { tags, summary: 'Pack into serialised cartons of serialised units', params: IdParams, body: PackInput, response: { 201: Type.Object({ cartons: Type.Integer(), units: Type.Integer() }), ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await s.batches.pack(request.ctx, request.params.id, request.body.cartons, request.body.unitsPerCarton)),
    );
    app.post('/trace/batches/:id/stock', { schema: { tags, summary: 'Link the batch to a SKU and put its units in stock (optionally with the GTIN its labels carry)', params: IdParams, body: StockInput, response: { 200: BatchView, ...errorResponses } } }, async (request) => s.batches.stock(request.ctx, request.params.id, request.body, origin(request)));
    app.get('/trace/batches/:id/packages', { schema: { tags, summary: 'Serialised cartons and units with their scan counts and copied-label warnings', params: IdParams, querystring: Type.Object({ ...PageQuery.properties, level: Type.Optional(StringEnum(['carton', 'unit'] as const)) }), response: { 200: Page(PackageView), ...errorResponses } } }, async (request) =>
      s.batches.packages(request.ctx, request.params.id, request.query.level, request.query.limit ?? 50, request.query.cursor, origin(request)),
    );
    app.get('/trace/batches/:id/genealogy', { schema: { tags, summary: 'Backward (unit → carton → batch → plot → inputs) and forward (batch → stock → orders → parcels → buyers)', params: IdParams, querystring: Type.Object({ serial: Type.Optional(Type.String({ maxLength: 20 })) }), response: { 200: Genealogy, ...errorResponses } } }, async (request) =>
      s.genealogy.of(request.ctx, request.params.id, request.query.serial),
    );
    app.get('/trace/batches/:id/certificate.pdf', { schema: { tags, summary: '承诺达标合格证 (compliance certificate) as PDF', params: IdParams } }, async (request, reply) => sendFile(reply, await s.documents.certificate(request.ctx, request.params.id, origin(request))));
    app.get('/trace/batches/:id/labels.pdf', { schema: { tags, summary: 'QR labels: A4 sheets (3 × 8) or 50 × 30 mm thermal labels, at most 500 a file (carton and unit labels in pages of 500: `page`; the `x-label-pages` header says how many)', params: IdParams, querystring: Type.Object({ format: Type.Optional(StringEnum(['a4', 'thermal'] as const)), level: Type.Optional(StringEnum(['batch', 'carton', 'unit'] as const)), copies: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }) } }, async (request, reply) => {
      const { format = 'a4', level = 'batch', copies = 24, page = 1 } = request.query;
      const file = await s.documents.labels(request.ctx, request.params.id, format, level, copies, origin(request), page);
      return sendFile(reply.header('x-label-pages', String(file.pages)), file);
    });
    app.get('/trace/batches/:id/epcis', { schema: { tags, summary: "The batch's history as a GS1 EPCIS 2.0 JSON-LD document", params: IdParams } }, async (request, reply) =>
      reply.header('content-type', 'application/ld+json; charset=utf-8').send(await s.epcis.export(request.ctx, request.params.id, origin(request))),
    );
    app.post('/trace/epcis', { bodyLimit: EPCIS_BODY_LIMIT, config: { roles: ['county_admin', 'regulator', 'merchant', 'courier'] }, schema: { tags, summary: 'Capture an EPCIS 2.0 document (JSON or JSON-LD, up to 4 MB and 1,000 events: 413 TOO_MANY_EVENTS); validated against GS1’s schema, 400 names what is wrong (at most 50 problems)', body: Type.Unknown(), response: { 201: Type.Object({ accepted: Type.Integer(), duplicates: Type.Integer(), linked: Type.Integer() }), ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await s.epcis.capture(request.ctx, request.body)),
    );

    // ---- recalls ----
    app.get('/trace/recalls', { schema: { tags, summary: 'Recalls, newest first', querystring: PageQuery, response: { 200: Page(RecallView), ...errorResponses } } }, async (request) => s.recalls.list(request.ctx, request.query.limit ?? 50, request.query.cursor));
    app.post('/trace/recalls', { schema: { tags, summary: 'Open a recall (regulator): batches and what was made of them stop selling, buyers are notified', body: RecallInput, response: { 201: RecallView, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await s.recalls.open(request.ctx, request.body.batchIds, request.body.reason)),
    );
    app.get('/trace/recalls/:id', { schema: { tags, summary: 'A recall with its orders and the buyers’ answers (masked)', params: IdParams, response: { 200: RecallView, ...errorResponses } } }, async (request) => s.recalls.get(request.ctx, request.params.id));
    app.post('/trace/recalls/:id/close', { schema: { tags, summary: 'Close a recall', params: IdParams, response: { 200: RecallView, ...errorResponses } } }, async (request) => s.recalls.close(request.ctx, request.params.id));
    app.get('/trace/recalls/:id/report.xlsx', { schema: { tags, summary: 'The recall report (Excel)', params: IdParams } }, async (request, reply) =>
      sendFile(reply, await s.recalls.report(request.ctx, request.params.id), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    );
    app.get('/trace/recall-notices/mine', { schema: { tags, summary: 'Recall notices for the signed-in buyer, newest first', querystring: PageQuery, response: { 200: Page(MyRecallNotice), ...errorResponses } } }, async (request) => s.recalls.mine(request.ctx, request.query.limit ?? 50, request.query.cursor));
    app.post('/trace/recall-notices/:id/response', { schema: { tags, summary: 'The buyer answers a recall notice', params: IdParams, body: RecallResponseInput, response: { 200: Type.Union([MyRecallNotice, Type.Null()]), ...errorResponses } } }, async (request) =>
      s.recalls.respond(request.ctx, request.params.id, request.body.response, request.body.note),
    );
    app.get('/trace/complaints', { schema: { tags, summary: 'Complaints sent from scan pages, newest first (county admin and regulators all; producers theirs)', querystring: PageQuery, response: { 200: Page(ComplaintView), ...errorResponses } } }, async (request) => s.scans.complaints(request.ctx, request.query.limit ?? 50, request.query.cursor));
  };
}
