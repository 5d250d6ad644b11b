import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Page } from '../../kernel/http/paging.js';
import { errorResponses } from '../../kernel/http/errors.js';
import { IdParams, ListQuery, ReportSchema, RequestBody } from './reports.schema.js';
import { REPORT_MAKERS, REPORT_READERS, type ReportFormat, type ReportsService } from './reports.service.js';

const tags = ['reports'];

/** A file named in Chinese for browsers that read RFC 5987 `filename*`, with an ASCII name for the rest. */
function sendFile(reply: FastifyReply, file: { body: Buffer; fileName: string; asciiName: string; type: string }) {
  return reply
    .header('content-type', file.type)
    .header('content-disposition', `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

export function reportsRoutes(service: ReportsService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    app.post(
      '/reports/reports',
      {
        config: { roles: REPORT_MAKERS },
        schema: { tags, summary: '生成统计报表（月报、季报、年报、绩效自评；后台任务，可带 Idempotency-Key） Queue a report of a period: a new version each time (county admin)', body: RequestBody, response: { 202: ReportSchema, ...errorResponses } },
      },
      async (request, reply) => reply.code(202).send(await service.request(request.ctx, request.body)),
    );
    app.get(
      '/reports/reports',
      { config: { roles: REPORT_READERS }, schema: { tags, summary: '统计报表列表（新的在前） Reports, newest first (county admin, regulator, township operator)', querystring: ListQuery, response: { 200: Page(ReportSchema), ...errorResponses } } },
      (request) => {
        const { limit = 50, cursor, kind } = request.query;
        return service.list(request.ctx, { kind }, limit, cursor);
      },
    );
    app.get(
      '/reports/reports/:id',
      { config: { roles: REPORT_READERS }, schema: { tags, summary: '一份报表及其生成进度 A report and its progress', params: IdParams, response: { 200: ReportSchema, ...errorResponses } } },
      (request) => service.get(request.ctx, request.params.id),
    );
    for (const format of ['xlsx', 'pdf'] as ReportFormat[]) {
      app.get(
        `/reports/reports/:id/report.${format}`,
        { config: { roles: REPORT_READERS }, schema: { tags, summary: `下载报表（${format === 'xlsx' ? 'Excel' : 'PDF'}） The report as ${format.toUpperCase()}, once done (409 REPORT_NOT_READY before)`, params: IdParams } },
        async (request, reply) => sendFile(reply, await service.download(request.ctx, request.params.id, format)),
      );
    }
  };
}
