import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { ALGORITHMS } from './signing.js';
import { GRAINS } from './schedule-rule.js';

export const LEVELS = ['city', 'province', 'national'] as const;
export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed_retrying', 'given_up'] as const;

/** Who may use the pull API: the county itself and the data centres of the city, province and nation. */
export const PULL_ROLES = ['county_admin', 'data_center'] as const;

const PERIOD_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?|-Q[1-4])?$';
export const PeriodSchema = Type.String({ pattern: PERIOD_PATTERN, maxLength: 10, description: "day 'YYYY-MM-DD', month 'YYYY-MM', quarter 'YYYY-Qn', year 'YYYY' (Asia/Shanghai)", examples: ['2026-11'] });
export const GrainSchema = StringEnum(GRAINS, { description: 'day, month, quarter or year' });

const HttpUrl = Type.String({ maxLength: 500, pattern: '^https?://[^\\s]+$', description: 'http or https', examples: ['https://ec.zt.gov.cn/api/county-figures'] });

export const EndpointSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  level: StringEnum(LEVELS),
  url: Type.String(),
  algorithm: StringEnum(ALGORITHMS),
  publicKey: Nullable(Type.String({ description: 'SM2: the county’s public key (hex, 04‖x‖y) the receiver installs to verify' })),
  grains: Type.Array(GrainSchema),
  active: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type EndpointView = Static<typeof EndpointSchema>;

export const EndpointCreated = Type.Intersect([
  EndpointSchema,
  Type.Object({ secret: Nullable(Type.String({ description: 'HMAC: the shared secret, shown this once; give it to the receiver' })) }),
]);

export const EndpointCreateBody = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 100 }),
  level: StringEnum(LEVELS),
  url: HttpUrl,
  algorithm: StringEnum(ALGORITHMS),
  /** HMAC: a secret the receiver gave; one is made when left out. */
  secret: Type.Optional(Type.String({ minLength: 16, maxLength: 200 })),
  grains: Type.Array(GrainSchema, { minItems: 1, maxItems: 4, uniqueItems: true }),
  active: Type.Optional(Type.Boolean()),
});
export type EndpointCreateInput = Static<typeof EndpointCreateBody>;

export const EndpointChangeBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
  level: Type.Optional(StringEnum(LEVELS)),
  url: Type.Optional(HttpUrl),
  grains: Type.Optional(Type.Array(GrainSchema, { minItems: 1, maxItems: 4, uniqueItems: true })),
  active: Type.Optional(Type.Boolean()),
});
export type EndpointChangeInput = Static<typeof EndpointChangeBody>;

export const DeliverySchema = Type.Object({
  id: Type.String(),
  endpointId: Type.String(),
  endpointName: Type.String(),
  grain: GrainSchema,
  period: Type.String(),
  indicator: Type.String(),
  indicatorName: Type.String(),
  unit: Type.String({ description: "'fen', 'count', 'person_times', 'percent' (one decimal) or 'households'" }),
  value: Type.Number(),
  version: Type.Integer(),
  correctionOf: Nullable(Type.Integer({ description: 'the version this one corrects' })),
  payloadDigest: Type.String({ description: 'SHA-256 of the message body sent' }),
  status: StringEnum(DELIVERY_STATUSES),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(Type.String()),
  lastHttpStatus: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
});
export type DeliveryView = Static<typeof DeliverySchema>;

export const PushResult = Type.Object({
  made: Type.Integer({ description: 'new versions made (first versions and corrections)' }),
  sent: Type.Integer(),
  failed: Type.Integer({ description: 'failed this time, to be retried' }),
  givenUp: Type.Integer(),
});

/** The message a county pushes: one indicator's figure of one period, in one version. */
export const PushMessage = Type.Object(
  {
    county: Type.Object({ code: Type.String({ pattern: '^\\d{6}$' }), name: Type.String({ maxLength: 100 }) }),
    grain: GrainSchema,
    period: PeriodSchema,
    indicator: Type.String({ pattern: '^[a-z0-9_]{1,64}$' }),
    name: Type.String({ maxLength: 100 }),
    unit: Type.String({ maxLength: 32 }),
    value: Type.Number(),
    version: Type.Integer({ minimum: 1 }),
    correctionOf: Nullable(Type.Integer({ minimum: 1 })),
    generatedAt: Type.String({ format: 'date-time' }),
  },
  {
    description: 'Signed over `<X-CountyHub-Timestamp>\\n<body bytes>`',
    examples: [{ county: { code: '530621', name: '鲁甸县' }, grain: 'month', period: '2026-11', indicator: 'online_retail_fen', name: '网络零售额', unit: 'fen', value: 1234567800, version: 1, correctionOf: null, generatedAt: '2026-12-01T01:00:00.000Z' }],
  },
);
export type PushMessage = Static<typeof PushMessage>;

export const InboxAnswer = Type.Object({
  accepted: Type.Boolean({ description: 'false: this version was received before and nothing was stored' }),
  duplicate: Type.Boolean(),
  key: Type.String({ description: '<county>:<grain>:<period>:<indicator>:v<n>' }),
});

export const InboxMessageSchema = Type.Object({
  id: Type.String(),
  countyCode: Type.String(),
  countyName: Type.String(),
  grain: GrainSchema,
  period: Type.String(),
  indicator: Type.String(),
  indicatorName: Type.String(),
  unit: Type.String(),
  value: Type.Number(),
  version: Type.Integer(),
  correctionOf: Nullable(Type.Integer()),
  algorithm: StringEnum(ALGORITHMS),
  receivedAt: Type.String(),
});

export const SenderBody = Type.Object({
  countyCode: Type.String({ pattern: '^\\d{6}$' }),
  countyName: Type.String({ minLength: 2, maxLength: 100 }),
  algorithm: StringEnum(ALGORITHMS),
  secret: Type.Optional(Type.String({ minLength: 16, maxLength: 200, description: 'HMAC: the shared secret' })),
  publicKey: Type.Optional(Type.String({ maxLength: 200, description: 'SM2: the sender’s public key (hex, 04‖x‖y)' })),
});
export type SenderInput = Static<typeof SenderBody>;

export const SenderSchema = Type.Object({
  countyCode: Type.String(),
  countyName: Type.String(),
  algorithm: StringEnum(ALGORITHMS),
  publicKey: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const PulledFigure = Type.Object({
  indicator: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  value: Nullable(Type.Number({ description: 'null: the indicator has no source yet' })),
  previousPeriod: Nullable(Type.Number()),
  previousYear: Nullable(Type.Number()),
  momPct: Nullable(Type.Number()),
  yoyPct: Nullable(Type.Number()),
  status: Type.String({ description: "'live' or 'awaiting_source'" }),
});

export const PulledFigures = Type.Object(
  {
    county: Type.Object({ code: Type.String(), name: Type.String() }),
    grain: GrainSchema,
    period: Type.String(),
    generatedAt: Type.String(),
    figures: Type.Array(PulledFigure),
  },
  { examples: [{ county: { code: '530621', name: '鲁甸县' }, grain: 'month', period: '2026-11', generatedAt: '2026-12-07T01:00:00.000Z', figures: [{ indicator: 'online_retail_fen', name: '网络零售额', unit: 'fen', value: 1234567800, previousPeriod: 1100000000, previousYear: 1000000000, momPct: 12.2, yoyPct: 23.5, status: 'live' }] }] },
);

export const IndicatorList = Type.Object({
  indicators: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), unit: Type.String() })),
});
