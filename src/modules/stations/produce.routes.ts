import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../kernel/errors.js';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page, PageQuery } from '../../kernel/http/paging.js';
import { CONFIGURERS } from './access.js';
import { GradeStandardInput, GradeStandardView, STANDARD_READERS, type GradeStandardService } from './grade-standards.service.js';
import type { ReceiptLookup } from './receipt.lookup.js';
import { receiptPage, tooManyPage } from './receipt.page.js';
import { TraceBatchInput, TraceBatchView, type TraceBatchService } from './trace-batch.service.js';

const tags = ['stations'];
const ProduceParams = Type.Object({ produce: Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z][A-Za-z0-9_]*$', description: 'the produce’s key (pepper, walnut, apple, potato …)' }) });
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** 收购: grade standards (read by the stations' staff, saved as a new version by the county), receipts into trace batches. */
export function produceRoutes(s: { standards: GradeStandardService; traceBatches: TraceBatchService }) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    app.get(
      '/stations/grade-standards',
      {
        config: { roles: STANDARD_READERS },
        schema: {
          tags,
          summary: '分级标准 Grade standards by produce: the version in force now and any scheduled later (every version with history=true)',
          querystring: Type.Object({ ...PageQuery.properties, produce: Type.Optional(ProduceParams.properties.produce), history: Type.Optional(Type.Boolean({ description: 'include superseded versions' })) }),
          response: { 200: Page(GradeStandardView), ...errorResponses },
        },
      },
      async (request) => {
        const { limit = 50, cursor, ...filter } = request.query;
        return s.standards.list(request.ctx, filter, limit, cursor);
      },
    );
    app.put(
      '/stations/grade-standards/:produce',
      {
        config: { roles: CONFIGURERS },
        schema: {
          tags,
          summary: '保存分级标准 Save a produce’s grade standard as a new version from validFrom (county); receipts made before keep the version they were graded with',
          params: ProduceParams,
          body: GradeStandardInput,
          response: { 200: GradeStandardView, ...errorResponses },
        },
      },
      async (request) => s.standards.save(request.ctx, request.params.produce, request.body),
    );
    app.post(
      '/stations/records/:id/trace-batch',
      {
        config: { roles: ['county_admin', 'township_operator', 'village_operator'] },
        schema: {
          tags,
          summary: '收购单转追溯批次 Make a purchase receipt a traceability batch (a harvest of its net weight on the producer’s plot, through trace’s rules); once per receipt: a repeat answers the first batch with 200',
          params: IdParams,
          body: TraceBatchInput,
          response: { 200: TraceBatchView, 201: TraceBatchView, ...errorResponses },
        },
      },
      async (request, reply) => {
        const made = await s.traceBatches.make(request.ctx, request.params.id, request.body);
        return reply.status(made.created ? 201 : 200).send(made.batch);
      },
    );
  };
}

/** The public receipt check `/r/<code>` (server-rendered, no script): 有效, 已作废 or 未找到; unknown codes limited per address. */
export function receiptPages(lookup: ReceiptLookup) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const html = (reply: FastifyReply, status: number, body: string) => reply.status(status).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').type('text/html; charset=utf-8').send(body);
    app.get('/r/:code', { config: { public: true }, schema: { tags, hide: true, params: Type.Object({ code: Type.String({ maxLength: 64 }) }) } }, async (request, reply) => {
      try {
        const found = await lookup.check(request.params.code, request.ip);
        return html(reply, found.status === 'unknown' ? 404 : 200, receiptPage(found));
      } catch (err) {
        if (err instanceof AppError && err.status === 429) {
          const { retryAfterSeconds } = err.details as { retryAfterSeconds: number };
          return html(reply.header('retry-after', String(retryAfterSeconds)), 429, tooManyPage(retryAfterSeconds));
        }
        throw err;
      }
    });
  };
}
