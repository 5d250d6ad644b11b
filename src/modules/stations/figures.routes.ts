import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../kernel/http/errors.js';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { READERS } from './access.js';
import { SERVICE_KINDS, STATION_SITE_KINDS } from './events.js';
import { FIGURE_GROUPS } from './figures-rule.js';
import type { FiguresService } from './figures.service.js';
import { Day } from './stations.schema.js';

const tags = ['stations'];

export const FiguresQuerySchema = Type.Object({
  from: Type.Optional({ ...Day, description: 'first day (default: the first of to’s month, or of this month)' }),
  to: Type.Optional({ ...Day, description: 'last day, inclusive (default: today); at most 366 days after from' }),
  groupBy: Type.Optional(StringEnum(FIGURE_GROUPS, { description: 'rows per site (default), township, service kind or day' })),
  township: Type.Optional(Type.String({ pattern: '^\\d{9}$', description: 'a township’s division code' })),
  siteId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});

const ServiceFigure = Type.Object({ count: Type.Integer(), amountFen: Type.Integer() });

export const FigureRowSchema = Type.Object({
  key: Type.String({ description: 'the site id, township code, service kind or day' }),
  name: Type.String({ description: 'what people read: the site’s or township’s name, the kind in Chinese, the day' }),
  townshipName: Nullable(Type.String(), { description: 'a site row’s township' }),
  siteKind: Nullable(StringEnum(STATION_SITE_KINDS), { description: 'a site row’s kind' }),
  services: Type.Object(Object.fromEntries(SERVICE_KINDS.map((k) => [k, ServiceFigure])) as Record<(typeof SERVICE_KINDS)[number], typeof ServiceFigure>, { description: 'records that count as a service, by kind, and their amount (fen)' }),
  servicesTotal: Type.Integer(),
  amountFen: Type.Integer({ description: 'Σ the services’ amounts (fee not included)' }),
  feeFen: Type.Integer({ description: 'Σ fees, with those taken at a follow-up record (代买 hand-over)' }),
  parcelsIn: Type.Integer({ description: 'parcels that reached the point' }),
  parcelsOut: Type.Integer({ description: 'parcels opened at the point to go up' }),
  peopleServed: Type.Integer({ description: 'Σ over sites and days of the distinct customers served' }),
  poorServed: Type.Integer({ description: 'the same, of registered poor households' }),
  daysClosed: Type.Integer(),
  daysWithDifference: Type.Integer({ description: 'days closed with counted cash ≠ expected (with a reason)' }),
});

export const FiguresAnswerSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  groupBy: StringEnum(FIGURE_GROUPS),
  rows: Type.Array(FigureRowSchema),
  total: FigureRowSchema,
});

export function figuresRoutes(service: FiguresService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const config = { roles: [...READERS] };

    app.get(
      '/stations/figures',
      {
        config,
        schema: {
          tags,
          summary: '站点服务统计：按站点、乡镇、服务类型或日期汇总服务笔数、金额、手续费、到件寄件、服务群众、贫困户、日结 Station figures per site, township, kind or day',
          querystring: FiguresQuerySchema,
          response: { 200: FiguresAnswerSchema, ...errorResponses },
        },
      },
      async (request) => service.figures(request.ctx, request.query),
    );

    app.get(
      '/stations/figures.xlsx',
      {
        config,
        schema: {
          tags,
          summary: '导出站点服务统计（Excel：按站点、按乡镇、按服务类型） The station figures as a workbook',
          querystring: Type.Omit(FiguresQuerySchema, ['groupBy']),
        },
      },
      async (request, reply) => {
        const file = await service.workbook(request.ctx, request.query);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
  };
}
