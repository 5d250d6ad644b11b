import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../kernel/errors.js';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page, PageQuery } from '../../kernel/http/paging.js';
import { StringEnum } from '../../kernel/http/schema.js';
import type { EndpointsService } from './endpoints.service.js';
import type { InboxService } from './inbox.service.js';
import type { PullService } from './pull.service.js';
import type { PushService } from './push.service.js';
import {
  DeliverySchema,
  DELIVERY_STATUSES,
  EndpointChangeBody,
  EndpointCreateBody,
  EndpointCreated,
  EndpointSchema,
  GrainSchema,
  InboxAnswer,
  InboxMessageSchema,
  IndicatorList,
  PeriodSchema,
  PulledFigures,
  PULL_ROLES,
  PushMessage,
  PushResult,
  SenderBody,
  SenderSchema,
} from './uplink.schema.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The exact bytes of a push, which its signature covers. */
    uplinkRawBody?: string;
  }
}

const tags = ['uplink'];
const ADMIN = { roles: ['county_admin'] as const };
const TOKEN_NOTE =
  'Machine clients send `Authorization: Bearer <API token>` of a user with the role `data_center` (数据中心; made by the county admin, ' +
  'the token by that user under 个人设置 → API 令牌, or `POST /api/v1/identity/tokens`). The county admin may call it too.';

export function uplinkRoutes(parts: { endpoints: EndpointsService; push: PushService; inbox: InboxService; pull: PullService }) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const { endpoints, push, inbox, pull } = parts;

    app.get('/uplink/endpoints', { config: ADMIN, schema: { tags, summary: '上报端点 Endpoints the county pushes its figures to (county admin)', querystring: PageQuery, response: { 200: Page(EndpointSchema), ...errorResponses } } }, (request) =>
      endpoints.list(request.ctx, request.query.limit ?? 50, request.query.cursor),
    );
    app.post(
      '/uplink/endpoints',
      { config: { ...ADMIN, secretAnswer: true }, schema: { tags, summary: '新增上报端点 Add an endpoint; an HMAC secret is returned this once, an SM2 public key always', body: EndpointCreateBody, response: { 201: EndpointCreated, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await endpoints.create(request.ctx, request.body)),
    );
    app.patch(
      '/uplink/endpoints/:id',
      { config: ADMIN, schema: { tags, summary: '修改上报端点 Change an endpoint: name, URL, grains, on or off', params: Type.Object({ id: Type.String({ maxLength: 64 }) }), body: EndpointChangeBody, response: { 200: EndpointSchema, ...errorResponses } } },
      (request) => endpoints.change(request.ctx, request.params.id, request.body),
    );
    app.get(
      '/uplink/deliveries',
      {
        config: ADMIN,
        schema: {
          tags,
          summary: '上报记录 The delivery log: each version of each figure sent upward, newest first',
          querystring: Type.Object({ ...PageQuery.properties, endpointId: Type.Optional(Type.String({ maxLength: 64 })), status: Type.Optional(StringEnum(DELIVERY_STATUSES)), indicator: Type.Optional(Type.String({ maxLength: 64, description: 'An indicator key', examples: ['online_retail_fen'] })) }),
          response: { 200: Page(DeliverySchema), ...errorResponses },
        },
      },
      (request) => {
        const { limit = 50, cursor, ...filter } = request.query;
        return push.list(request.ctx, filter, limit, cursor);
      },
    );
    app.post('/uplink/push', { config: ADMIN, schema: { tags, summary: '立即推送 Prepare and send now (what the hourly and minutely jobs do)', response: { 200: PushResult, ...errorResponses } } }, (request) => push.pushNow(request.ctx));

    // The receiving side. The signature covers the exact bytes, so they are kept as they came.
    await app.register(async (receiving) => {
      receiving.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 16 * 1024 }, (request, body, done) => {
        request.uplinkRawBody = body as string;
        try {
          done(null, JSON.parse(body as string));
        } catch {
          done(new AppError(400, 'BAD_BODY', 'body is not JSON'), undefined);
        }
      });
      receiving.withTypeProvider<TypeBoxTypeProvider>().post(
        '/uplink/inbox',
        {
          config: { public: true, ownIdempotency: true },
          bodyLimit: 16 * 1024,
          schema: {
            tags,
            summary: '接收上报（演示的市级平台）Receive a county’s signed push, as a city’s platform would',
            description:
              'Headers: `X-CountyHub-Algorithm` (`hmac-sha256` or `sm2-sm3`), `X-CountyHub-Timestamp` (ISO-8601, within 5 minutes), ' +
              '`X-CountyHub-Signature` (hex; HMAC-SHA256 with the shared secret, or SM2 r‖s with SM3 and user id 1234567812345678, over ' +
              '`<timestamp>\\n<body bytes>`), `Idempotency-Key: <county>:<grain>:<period>:<indicator>:v<n>`. A version received before is answered ' +
              '200 `{accepted:false, duplicate:true}` and not stored again; a bad signature is 401 SIGNATURE_INVALID, a stale timestamp 401 TIMESTAMP_STALE.',
            headers: Type.Object(
              {
                'x-countyhub-algorithm': Type.Optional(Type.String({ maxLength: 32 })),
                'x-countyhub-timestamp': Type.Optional(Type.String({ maxLength: 40 })),
                'x-countyhub-signature': Type.Optional(Type.String({ maxLength: 300 })),
                'idempotency-key': Type.Optional(Type.String({ maxLength: 200 })),
              },
              { additionalProperties: true },
            ),
            body: PushMessage,
            response: { 200: InboxAnswer, ...errorResponses },
          },
        },
        (request) => inbox.receive(request.headers, request.uplinkRawBody ?? '', request.body),
      );
    });
    app.get('/uplink/inbox', { config: ADMIN, schema: { tags, summary: '接收记录 Figures received from counties (the demo city’s view), newest first', querystring: PageQuery, response: { 200: Page(InboxMessageSchema), ...errorResponses } } }, (request) =>
      inbox.list(request.ctx, request.query.limit ?? 50, request.query.cursor),
    );
    app.post(
      '/uplink/inbox/senders',
      { config: ADMIN, schema: { tags, summary: '登记上报县 Install a sending county’s key (HMAC secret or SM2 public key) for the inbox', body: SenderBody, response: { 200: SenderSchema, ...errorResponses } } },
      (request) => endpoints.saveSender(request.ctx, request.body),
    );

    // The pull API, for data centres.
    app.get(
      '/uplink/indicators',
      { config: { roles: PULL_ROLES }, schema: { tags, summary: '指标目录 The indicators the county reports (pull API)', description: TOKEN_NOTE, security: [{ bearer: [] }, { session: [] }], response: { 200: IndicatorList, ...errorResponses } } },
      (request) => pull.indicators(request.ctx),
    );
    app.get(
      '/uplink/figures',
      {
        config: { roles: PULL_ROLES },
        schema: {
          tags,
          summary: '按期拉取指标 The county’s figures of a period (pull API)',
          description: `${TOKEN_NOTE} Answers every indicator (or the one asked for) with the previous period, the same period a year before and the changes, from the statistics rollups. Example: \`GET /api/v1/uplink/figures?grain=month&period=2026-11\`.`,
          security: [{ bearer: [] }, { session: [] }],
          querystring: Type.Object({ grain: GrainSchema, period: PeriodSchema, indicator: Type.Optional(Type.String({ maxLength: 64, examples: ['online_retail_fen'] })) }),
          response: { 200: PulledFigures, ...errorResponses },
        },
      },
      (request) => pull.figures(request.ctx, request.query.grain, request.query.period, request.query.indicator),
    );
  };
}
