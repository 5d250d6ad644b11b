import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../kernel/errors.js';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page, PageQuery } from '../../kernel/http/paging.js';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { tooManyPage, verifyPage } from './certificates.page.js';
import type { CertificateService } from './certificates.service.js';
import { CERTIFICATE_STATUSES, COMPLETION_MODES } from './learning.tables.js';
import { LEARNERS } from './learning.routes.js';
import { LEVELS, TRACKS } from './training.tables.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const CertificateSchema = Type.Object({
  id: Type.String(),
  number: Type.String({ description: '证书编号 PX<county>-<year>-<serial>' }),
  traineeId: Type.String(),
  holderName: Type.String(),
  idNumberMasked: Type.String(),
  courseId: Type.String(),
  courseTitle: Type.String(),
  track: StringEnum(TRACKS),
  trackName: Type.String(),
  level: Nullable(StringEnum(LEVELS)),
  levelName: Nullable(Type.String()),
  hoursTenths: Type.Integer(),
  organiserName: Nullable(Type.String()),
  mode: StringEnum(COMPLETION_MODES),
  issuedOn: Type.String({ format: 'date' }),
  status: StringEnum(CERTIFICATE_STATUSES),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
  revokeReason: Nullable(Type.String()),
  verifyUrl: Type.String({ description: 'the public verify page the QR code opens' }),
});

const ListQuery = Type.Object({
  ...PageQuery.properties,
  scope: Type.Optional(StringEnum(['mine', 'managed'] as const, { description: 'mine (default): my own; managed: the trainees I may see (staff)' })),
  traineeId: Type.Optional(Type.String({ maxLength: 64 })),
  courseId: Type.Optional(Type.String({ maxLength: 64 })),
});

const originOf = (publicUrl: string | undefined) => (request: FastifyRequest) => publicUrl?.replace(/\/$/, '') || `${request.protocol}://${request.host}`;

/** 培训证书 Certificates: mine, the trainees' I may see, one, its PDF. */
export function certificateRoutes(certificates: CertificateService, publicUrl: string | undefined) {
  const origin = originOf(publicUrl);
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['training'];
    const learner = { roles: LEARNERS };
    app.get(
      '/training/certificates',
      { config: learner, schema: { tags, summary: '培训证书 Certificates, newest first: mine, or (scope=managed) those of the trainees I may see, by trainee or course', querystring: ListQuery, response: { 200: Page(CertificateSchema), ...errorResponses } } },
      async (request) => {
        const { limit = 50, cursor, ...filter } = request.query;
        return certificates.list(request.ctx, filter, limit, cursor, origin(request));
      },
    );
    app.get(
      '/training/certificates/:id',
      { config: learner, schema: { tags, summary: '一份证书 One certificate (its holder, or staff who may see the holder)', params: IdParams, response: { 200: CertificateSchema, ...errorResponses } } },
      async (request) => certificates.get(request.ctx, request.params.id, origin(request)),
    );
    app.get(
      '/training/certificates/:id/pdf',
      { config: learner, schema: { tags, summary: '证书 PDF The certificate as an A4 landscape PDF with a QR code to its verify page; a revoked one is 409 CERTIFICATE_REVOKED', params: IdParams } },
      async (request, reply) => {
        const file = await certificates.pdf(request.ctx, request.params.id, origin(request));
        return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${encodeURIComponent(file.fileName)}"`).header('cache-control', 'private, no-store').send(file.body);
      },
    );
  };
}

/** The public verify page `/c/<code>` (server-rendered, no script): 有效, 已撤销 or 未找到; lookups of unknown codes are limited per address. */
export function certificatePages(certificates: CertificateService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const html = (reply: FastifyReply, status: number, body: string) => reply.status(status).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').type('text/html; charset=utf-8').send(body);
    app.get('/c/:code', { config: { public: true }, schema: { tags: ['training'], hide: true, params: Type.Object({ code: Type.String({ maxLength: 64 }) }) } }, async (request, reply) => {
      try {
        const found = await certificates.verify(request.params.code, request.ip);
        return html(reply, found.status === 'unknown' ? 404 : 200, verifyPage(found));
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
