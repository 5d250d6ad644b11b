import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppError } from '../../kernel/errors.js';
import type { ScanCounter } from './scan-counter.js';
import { complaintRefusedPage, messagePage } from './scan-page.js';
import type { ScanKey, ScanService } from './scan.service.js';

const Code = Type.String({ maxLength: 40 });

/** The public pages a QR code opens (/t/…, GS1 Digital Link /01/…), and the complaint form they post. */
export function scanPages(scans: ScanService, counter: ScanCounter) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    root.addHook('onClose', () => counter.flush());
    root.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8 * 1024 }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
    const tooMany = (reply: FastifyReply, err: AppError, code: string) => {
      const { retryAfterSeconds, limit } = err.details as { retryAfterSeconds: number; limit: 'sender' | 'code' };
      return html(reply.header('retry-after', String(retryAfterSeconds)), 429, complaintRefusedPage(limit, retryAfterSeconds, `/t/${code}`));
    };
    const html = (reply: FastifyReply, status: number, body: string) => reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
    const show = async (key: ScanKey, ip: string, reply: FastifyReply) => {
      const page = await scans.page(key, ip);
      if (page === null) return html(reply, 404, messagePage('未找到追溯码 Code not found', '这个二维码不在本平台的追溯系统中，可能是仿冒标签。This code is not in the county’s traceability system; the label may be fake.'));
      return html(reply, 200, page);
    };
    const opts = { config: { public: true }, schema: { tags: ['trace'], hide: true } };
    app.get('/t/:code', { ...opts, schema: { ...opts.schema, params: Type.Object({ code: Code }) } }, (request, reply) => show({ code: request.params.code }, request.ip, reply));
    app.get('/t/:code/:serial', { ...opts, schema: { ...opts.schema, params: Type.Object({ code: Code, serial: Code }) } }, (request, reply) => show({ code: request.params.code, serial: request.params.serial }, request.ip, reply));
    app.get('/01/:gtin/10/:lot', { ...opts, schema: { ...opts.schema, params: Type.Object({ gtin: Code, lot: Code }) } }, (request, reply) => show({ gtin: request.params.gtin, code: request.params.lot }, request.ip, reply));
    app.get('/01/:gtin/10/:lot/21/:serial', { ...opts, schema: { ...opts.schema, params: Type.Object({ gtin: Code, lot: Code, serial: Code }) } }, (request, reply) =>
      show({ gtin: request.params.gtin, code: request.params.lot, serial: request.params.serial }, request.ip, reply),
    );
    app.get('/01/:gtin/21/:serial', { ...opts, schema: { ...opts.schema, params: Type.Object({ gtin: Code, serial: Code }) } }, (request, reply) => show({ gtin: request.params.gtin, serial: request.params.serial }, request.ip, reply));
    app.post('/t/:code/complaint', { ...opts, schema: { ...opts.schema, params: Type.Object({ code: Code }), querystring: Type.Object({ serial: Type.Optional(Code) }), body: Type.Object({ text: Type.Optional(Type.String()), phone: Type.Optional(Type.String()) }) } }, async (request, reply) => {
      const found = await scans.resolve({ code: request.params.code, serial: request.query.serial }).catch(() => null);
      if (!found) return html(reply, 404, messagePage('未找到追溯码 Code not found', '无法提交投诉：追溯码不存在。'));
      try {
        await scans.complain(request.ctx, found.batch, found.pkg, request.body);
      } catch (err) {
        if ((err as AppError).status === 429) return tooMany(reply, err as AppError, request.params.code);
        return html(reply, 400, messagePage('请检查填写 Please check', (err as AppError).message, `/t/${request.params.code}`));
      }
      return html(reply, 201, messagePage('已收到您的投诉 Thank you', '县市场监管部门和电商办会核实处理。The county office will look into it.', `/t/${request.params.code}`));
    });
  };

}
