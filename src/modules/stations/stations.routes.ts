import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page } from '../../kernel/http/paging.js';
import { READERS, RECORDERS } from './access.js';
import { batchValidator } from './batch-validate.js';
import type { StationsCore } from './core.parts.js';
import { RECORD_HANDLERS } from './handlers/index.js';
import type { CommonRecordFields } from './handlers/types.js';
import {
  BatchResultSchema,
  batchBodySchema,
  DayBookSchema,
  DayParams,
  DaysQuery,
  DayViewSchema,
  deskSchemaOf,
  IdParams,
  RecordsQuery,
  RecordViewSchema,
  SiteQuery,
  StockItemSchema,
  StockQuery,
} from './stations.schema.js';

/** 站点服务 The core's routes: the records batch, the desk, records, the daily book and stock. */
export function stationsCoreRoutes(core: StationsCore) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['stations'];
    const readers = { roles: [...READERS] };
    const validateBatch = batchValidator(RECORD_HANDLERS);

    app.post(
      '/stations/records/batch',
      {
        config: { roles: [...RECORDERS] },
        // Each record is checked against its own type's schema, so a 400 names `body.records[i].<field>`.
        validatorCompiler: () => validateBatch,
        schema: {
          tags,
          summary:
            '记账 The till’s one write path: records made on the phone (offline first), applied in order, each in its own transaction. Outcome per record: stored, duplicate (this clientId was stored before: nothing applied twice) or refused (a business rule: DAY_CLOSED, DAY_CHANGED, REASON_REQUIRED, STOCK_INSUFFICIENT, UNKNOWN_REFERENCE, CLOCK_AHEAD, TOO_OLD …; nothing of it stored). 403 for the whole batch at a site the caller may not record at; 400 naming body.records[i].<field> for a record that does not match its type',
          body: batchBodySchema(RECORD_HANDLERS),
          response: { 200: BatchResultSchema, ...errorResponses },
        },
      },
      (request) => core.records.batch(request.ctx, request.body as unknown as { siteId: string; records: (CommonRecordFields & Record<string, unknown>)[] }),
    );

    app.get('/stations/desk', { config: readers, schema: { tags, summary: '站点工作台 What the phone caches to work offline at one site: the site, today’s till, sites I record at, recent customers (masked), and each service’s reference data', querystring: SiteQuery, response: { 200: deskSchemaOf([...core.deskParts]), ...errorResponses } } }, (request) =>
      core.desk.desk(request.ctx, request.query.siteId),
    );

    app.get('/stations/records', { config: readers, schema: { tags, summary: '服务台账 Records in the caller’s sight, newest first', querystring: RecordsQuery, response: { 200: Page(RecordViewSchema), ...errorResponses } } }, (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return core.records.list(request.ctx, filter, limit, cursor);
    });
    app.get('/stations/records/:id', { config: readers, schema: { tags, summary: '服务记录 One record', params: IdParams, response: { 200: RecordViewSchema, ...errorResponses } } }, (request) => core.records.get(request.ctx, request.params.id));

    app.get('/stations/days', { config: readers, schema: { tags, summary: '日结账本 Days of the stations and points in the caller’s sight, newest first: opening cash, in, out, expected, counted, difference and its reason, services', querystring: DaysQuery, response: { 200: Page(DayViewSchema), ...errorResponses } } }, (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return core.days.list(request.ctx, filter, limit, cursor);
    });
    app.get('/stations/days/:siteId/:day', { config: readers, schema: { tags, summary: '日结详情 One site’s day with every record of it', params: DayParams, response: { 200: DayBookSchema, ...errorResponses } } }, (request) =>
      core.days.book(request.ctx, request.params.siteId, request.params.day),
    );

    app.get('/stations/stock', { config: readers, schema: { tags, summary: '站点库存 What a site holds (produce, consignment, farm inputs)', querystring: StockQuery, response: { 200: Page(StockItemSchema), ...errorResponses } } }, (request) =>
      core.stockReads.list(request.ctx, request.query.siteId, request.query.kind, request.query.limit ?? 100, request.query.cursor),
    );
  };
}
