import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../kernel/http/errors.js';
import { PageQuery } from '../../kernel/http/paging.js';
import {
  BreakdownAnswer,
  BreakdownQuery,
  ExportQuery,
  FiguresAnswer,
  FiguresQuery,
  IndicatorListSchema,
  PlacesAnswer,
  PlacesQuery,
  RebuildLatest,
  RebuildSchema,
  ScreenAnswer,
  SeriesAnswer,
  SeriesQuery,
  STATS_ADMIN,
  STATS_COUNTY,
  STATS_READERS,
  TargetBody,
  TargetListSchema,
  TargetSchema,
} from './stats.schema.js';
import type { StatsService } from './stats.service.js';
import type { StatsScreen } from './screen.js';
import type { StatsRebuilds } from './rebuild.js';

const tags = ['stats'];
const readers = { roles: STATS_READERS };

export function statsRoutes(service: StatsService, screen: StatsScreen, rebuilds: StatsRebuilds) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      '/stats/indicators',
      { config: readers, schema: { tags, summary: '统计指标目录：名称、单位、口径、公式、维度、来源事件、责任单位 The indicator catalogue', querystring: PageQuery, response: { 200: IndicatorListSchema, ...errorResponses } } },
      (request) => service.indicators(request.ctx, request.query.limit ?? 50, request.query.cursor),
    );

    app.get(
      '/stats/targets',
      { config: readers, schema: { tags, summary: '考核目标（实施方案的目标值与时限） The plan’s targets', querystring: PageQuery, response: { 200: TargetListSchema, ...errorResponses } } },
      (request) => service.targets(request.ctx, request.query.limit ?? 50, request.query.cursor),
    );

    app.put(
      '/stats/targets/:id',
      {
        config: { roles: STATS_ADMIN },
        schema: { tags, summary: '修改考核目标（县管理员） Change a target (county admin)', params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }), body: TargetBody, response: { 200: TargetSchema, ...errorResponses } },
      },
      (request) => service.updateTarget(request.ctx, request.params.id, request.body),
    );

    app.get(
      '/stats/figures',
      { config: readers, schema: { tags, summary: '某地某期的全部指标，含环比、同比与目标 Every figure of a period at a place, with month-on-month, year-on-year and target', querystring: FiguresQuery, response: { 200: FiguresAnswer, ...errorResponses } } },
      (request) => {
        const { grain, period, township, village } = request.query;
        return service.figuresAt(request.ctx, grain, period, { township, village });
      },
    );

    app.get(
      '/stats/series',
      { config: readers, schema: { tags, summary: '指标时间序列 One indicator over a run of periods', querystring: SeriesQuery, response: { 200: SeriesAnswer, ...errorResponses } } },
      (request) => service.series(request.ctx, request.query),
    );

    app.get(
      '/stats/breakdown',
      { config: readers, schema: { tags, summary: '指标分项（按乡镇、村、类目、品牌、场馆、渠道、来源、平台、类型、商品） One indicator by a dimension', querystring: BreakdownQuery, response: { 200: BreakdownAnswer, ...errorResponses } } },
      (request) => service.breakdown(request.ctx, request.query),
    );

    app.get(
      '/stats/places',
      { config: readers, schema: { tags, summary: '下级地区及其主要指标：全县各乡镇，或某乡镇各村 The places under a place with their headline figures', querystring: PlacesQuery, response: { 200: PlacesAnswer, ...errorResponses } } },
      (request) => {
        const { grain, period, township, limit = 50, cursor } = request.query;
        return service.childrenPage(request.ctx, { grain, period, township, limit, cursor });
      },
    );

    app.get(
      '/stats/screen',
      { config: { roles: STATS_COUNTY }, schema: { tags, summary: '数据大屏的全部数据（一次取回） Everything the county data screen shows, in one answer', response: { 200: ScreenAnswer, ...errorResponses } } },
      (request) => screen.answer(request.ctx),
    );

    app.get(
      '/stats/export.xlsx',
      { config: readers, schema: { tags, summary: '导出某地某期统计（Excel：指标、下级地区、分项） The drill-down as a workbook', querystring: ExportQuery } },
      async (request, reply) => {
        const { grain, period, township, village } = request.query;
        const file = await screen.workbook(request.ctx, grain, period, { township, village });
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${encodeURIComponent(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );

    app.post(
      '/stats/rebuilds',
      { config: { roles: STATS_ADMIN }, schema: { tags, summary: '从保存的事件重建全部统计（后台任务） Rebuild every figure from the stored events (a job)', response: { 202: RebuildSchema, ...errorResponses } } },
      async (request, reply) => reply.code(202).send(await rebuilds.request(request.ctx)),
    );

    app.get(
      '/stats/rebuilds/latest',
      { config: { roles: STATS_ADMIN }, schema: { tags, summary: '最近一次重建的进度 The latest rebuild and its progress', response: { 200: RebuildLatest, ...errorResponses } } },
      async (request) => ({ rebuild: await rebuilds.latest(request.ctx) }),
    );
  };
}
