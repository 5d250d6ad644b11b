import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { invalidField } from '../../kernel/errors.js';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page } from '../../kernel/http/paging.js';
import { READERS, REGISTRARS, REPORTERS } from './access.js';
import {
  ImportResultSchema,
  MissingQuery,
  MonthsSchema,
  PlayerCreateBody,
  PlayerDetailSchema,
  PlayerQuery,
  PlayerSchema,
  PlayerUpdateBody,
  ReportCreateBody,
  ReportQuery,
  ReportSchema,
  ReviewBody,
  ShopCloseBody,
  ShopCreateBody,
  ShopQuery,
  ShopSchema,
} from './players.schema.js';
import type { PlayerService } from './players.service.js';
import type { ReportService } from './reports.service.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
/** An import file: 5 000 rows of 7 columns is well under 4 MB. */
const IMPORT_BYTES = 4 * 1024 * 1024;
const read = { roles: [...READERS] };
const register = { roles: [...REGISTRARS] };
const report = { roles: [...REPORTERS] };

/** 市场主体与站外店铺: players, their shops on other platforms and the shops' monthly reports. */
export function playersRoutes(players: PlayerService, reports: ReportService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['players'];

    app.post('/players/players', { config: register, schema: { tags, summary: '登记市场主体 Register a market player (county admin; a township operator in its township); unique by credit code (409 PLAYER_EXISTS)', body: PlayerCreateBody, response: { 201: PlayerSchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await players.register(request.ctx, request.body)),
    );
    app.get('/players/players', { config: read, schema: { tags, summary: '市场主体 Market players: all for the county office and regulators, a township its own, a merchant those it owns', querystring: PlayerQuery, response: { 200: Page(PlayerSchema), ...errorResponses } } }, (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return players.list(request.ctx, filter, limit, cursor);
    });
    app.get('/players/players/:id', { config: read, schema: { tags, summary: 'One market player with its shops', params: IdParams, response: { 200: PlayerDetailSchema, ...errorResponses } } }, (request) => players.get(request.ctx, request.params.id));
    app.patch('/players/players/:id', { config: register, schema: { tags, summary: "Change a player's name, contact, village, owner account or notes", params: IdParams, body: PlayerUpdateBody, response: { 200: PlayerDetailSchema, ...errorResponses } } }, (request) =>
      players.update(request.ctx, request.params.id, request.body),
    );
    app.get('/players/players/:id/months', { config: read, schema: { tags, summary: "A player's monthly sales, orders and produce over the last 24 months (its shops' current reports)", params: IdParams, response: { 200: MonthsSchema, ...errorResponses } } }, (request) =>
      reports.months(request.ctx, request.params.id),
    );
    app.post('/players/players/:id/shops', { config: report, schema: { tags, summary: '登记站外店铺 Record a shop of the player on another platform (url http/https only)', params: IdParams, body: ShopCreateBody, response: { 201: ShopSchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await players.addShop(request.ctx, request.params.id, request.body)),
    );
    app.get('/players/shops', { config: read, schema: { tags, summary: 'Shops on other platforms the caller sees', querystring: ShopQuery, response: { 200: Page(ShopSchema), ...errorResponses } } }, (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return players.shops(request.ctx, filter, limit, cursor);
    });
    app.post('/players/shops/:id/close', { config: report, schema: { tags, summary: 'A shop closed on a date: no reports after its month', params: IdParams, body: ShopCloseBody, response: { 200: ShopSchema, ...errorResponses } } }, (request) =>
      players.closeShop(request.ctx, request.params.id, request.body.closedOn),
    );

    app.post('/players/reports', { config: report, schema: { tags, summary: "填报月报 A shop's month: sales and produce in fen, orders. A second report of the same shop-month is a correction (the next version). With an API token the source is 'api'; honours Idempotency-Key", body: ReportCreateBody, response: { 201: ReportSchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await reports.report(request.ctx, request.body)),
    );
    app.get('/players/reports', { config: read, schema: { tags, summary: 'Monthly reports, newest month first: current versions (history=true for every version); flagged=true lists late and implausible ones', querystring: ReportQuery, response: { 200: Page(ReportSchema), ...errorResponses } } }, (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return reports.list(request.ctx, filter, limit, cursor);
    });
    app.post('/players/reports/:id/review', { config: { roles: ['county_admin'] }, schema: { tags, summary: 'Mark a flagged report reviewed, with a note (county admin)', params: IdParams, body: ReviewBody, response: { 200: ReportSchema, ...errorResponses } } }, (request) =>
      reports.review(request.ctx, request.params.id, request.body.note),
    );
    app.get('/players/reports/missing', { config: read, schema: { tags, summary: 'Operating shops with no report for a month (last month by default)', querystring: MissingQuery, response: { 200: Type.Object({ month: Type.String(), items: Type.Array(ShopSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...errorResponses } } }, (request) =>
      reports.missing(request.ctx, request.query.month, request.query.limit ?? 50, request.query.cursor),
    );
    app.get('/players/reports/template.xlsx', { config: report, schema: { tags, summary: '月报导入模板 The import template (.xlsx) with the caller’s shops on a second sheet' } }, async (request, reply) =>
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="reports-template.xlsx"; filename*=UTF-8''${encodeURIComponent('站外店铺月报模板.xlsx')}`)
        .send(await reports.template(request.ctx)),
    );
    app.post(
      '/players/reports/import',
      { config: report, schema: { tags, summary: '导入月报 Reports from an Excel .xlsx file (multipart field `file`, at most 5 000 rows): columns 店铺编号 (or 平台 + 店铺名), 月份, 销售额（元）, 订单数, 其中农产品（元）. Every row is checked first; one bad row refuses the whole file (400 IMPORT_ROWS_INVALID, details.rows names each row and column)', consumes: ['multipart/form-data'], response: { 201: ImportResultSchema, ...errorResponses } } },
      async (request, reply) => {
        const file = request.isMultipart() ? await request.file({ limits: { fileSize: IMPORT_BYTES, files: 1 } }) : undefined;
        if (!file || file.fieldname !== 'file') throw invalidField('body.file', '请以表单字段 file 上传 .xlsx 文件 send the workbook as multipart form field "file"');
        const bytes = await file.toBuffer().catch(() => {
          throw invalidField('body.file', '文件超过 4 MB is larger than 4 MB');
        });
        return reply.status(201).send(await reports.importFile(request.ctx, bytes));
      },
    );
  };
}
