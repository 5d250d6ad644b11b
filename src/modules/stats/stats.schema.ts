import { Type, type Static } from 'typebox';
import { Page, PageQuery } from '../../kernel/http/paging.js';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { DIMS, INDICATOR_KINDS, UNITS } from './indicators.js';
import { GRAINS } from './periods.js';

/** Who reads statistics: the county and the regulator all of it, an operator its own township or village. */
export const STATS_READERS = ['county_admin', 'regulator', 'township_operator', 'village_operator'] as const;
/** Whole-county answers (the data screen). */
export const STATS_COUNTY = ['county_admin', 'regulator'] as const;
export const STATS_ADMIN = ['county_admin'] as const;

const Grain = StringEnum(GRAINS, { description: 'day YYYY-MM-DD, month YYYY-MM, quarter YYYY-Qn, year YYYY (Asia/Shanghai)' });
const Period = Type.String({ minLength: 4, maxLength: 10, description: 'a period of the grain: 2026-05-31, 2026-05, 2026-Q2, 2026' });
const TownshipCode = Type.String({ pattern: '^\\d{9}$', description: '9-digit township code' });
const VillageCode = Type.String({ pattern: '^\\d{12}$', description: '12-digit village code' });
const IndicatorKey = Type.String({ minLength: 1, maxLength: 60, description: 'an indicator key from GET /stats/indicators' });
const Dim = StringEnum(DIMS);

export const IndicatorSchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  unit: StringEnum(UNITS),
  definition: Type.String(),
  formula: Type.String(),
  kind: StringEnum(INDICATOR_KINDS),
  numerator: Nullable(Type.String()),
  denominator: Nullable(Type.String()),
  dims: Type.Array(Dim),
  sources: Type.Array(Type.String()),
  owner: Type.String(),
  status: StringEnum(['live', 'awaiting_source'] as const),
  headline: Type.Boolean({ description: 'a figure people read; false for the parts ratios and levels are made of' }),
  monthlyOnly: Type.Boolean({ description: 'only monthly figures (reports by month): no day value' }),
});
export const IndicatorListSchema = Page(IndicatorSchema);

export const TargetSchema = Type.Object({
  id: Type.String(),
  indicator: Type.String(),
  indicatorName: Type.String(),
  label: Type.String(),
  value: Nullable(Type.Number({ description: 'in the indicator’s unit (fen, count, percent)' })),
  growthPct: Nullable(Type.Number({ description: 'percent over the same period a year before' })),
  due: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  updatedAt: Type.String(),
  updatedBy: Type.String(),
});
export const TargetListSchema = Page(TargetSchema);
export const TargetBody = Type.Object({
  label: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  value: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1e15 }))),
  growthPct: Type.Optional(Nullable(Type.Number({ minimum: -100, maximum: 1000 }))),
  due: Type.Optional(Nullable(Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }))),
});
export type TargetInput = Static<typeof TargetBody>;

export const FigureTargetSchema = Type.Object({ value: Nullable(Type.Number()), growthPct: Nullable(Type.Number()), due: Nullable(Type.String()), label: Type.String() });
export const FigureSchema = Type.Object({
  indicator: Type.String(),
  name: Type.String(),
  unit: StringEnum(UNITS),
  value: Nullable(Type.Number({ description: 'null: no source yet, or the indicator has no figure at this place' })),
  previousPeriod: Nullable(Type.Number()),
  previousYear: Nullable(Type.Number()),
  momPct: Nullable(Type.Number()),
  yoyPct: Nullable(Type.Number()),
  target: Nullable(FigureTargetSchema),
  status: StringEnum(['live', 'awaiting_source'] as const),
  open: Type.Boolean({ description: 'the period holds today (Asia/Shanghai): its figures are those so far, and momPct/yoyPct are null (a part is never compared with a whole); a target’s progress is progress so far' }),
});

export const PlaceQuery = Type.Object({ township: Type.Optional(TownshipCode), village: Type.Optional(VillageCode) });
export const FiguresQuery = Type.Object({ grain: Grain, period: Period, ...PlaceQuery.properties });
export const FiguresAnswer = Type.Object({
  grain: Grain,
  period: Type.String(),
  place: Type.Object({ level: StringEnum(['county', 'township', 'village'] as const), code: Type.String(), name: Type.String() }),
  figures: Type.Array(FigureSchema),
});

export const SeriesQuery = Type.Object({ indicator: IndicatorKey, grain: Grain, from: Period, to: Period, dim: Type.Optional(Dim), dimValue: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) });
export const SeriesAnswer = Type.Object({
  indicator: Type.String(),
  name: Type.String(),
  unit: StringEnum(UNITS),
  points: Type.Array(Type.Object({ period: Type.String(), value: Nullable(Type.Number()) })),
});

export const BreakdownQuery = Type.Object({ indicator: IndicatorKey, grain: Grain, period: Period, dim: Dim, township: Type.Optional(TownshipCode), ...PageQuery.properties });
export const BreakdownItemSchema = Type.Object({
  key: Type.String(),
  label: Type.String({ description: 'what people read: a township’s, category’s or product’s name, a channel in Chinese' }),
  value: Type.Number(),
  share: Nullable(Type.Number({ description: 'of the county’s figure, 0–1' })),
  yoyPct: Nullable(Type.Number()),
});
/** Items largest first; a page of `limit` (products and villages run long), `nextCursor` for the rest. */
export const BreakdownAnswer = Type.Object({ indicator: Type.String(), name: Type.String(), unit: StringEnum(UNITS), dim: Dim, items: Type.Array(BreakdownItemSchema), nextCursor: Nullable(Type.String()) });

export const PlacesQuery = Type.Object({ grain: Grain, period: Period, township: Type.Optional(TownshipCode), ...PageQuery.properties });
export const PlaceRowSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: StringEnum(['township', 'village'] as const),
  isPoor: Type.Boolean(),
  points: Type.Integer({ description: 'village points operating' }),
  onlineRetailFen: Type.Integer(),
  parcelsDown: Type.Integer(),
  parcelsUp: Type.Integer(),
  onTimeShare: Nullable(Type.Number({ description: 'percent, one decimal' })),
  poorHouseholdsBenefiting: Type.Integer(),
  trainingPersonTimes: Type.Integer({ description: 'training person-times of the period (trainee’s place, else the session’s)' }),
  trainingPoorPersonTimes: Type.Integer({ description: 'of which the poor' }),
});
export const PlacesAnswer = Page(PlaceRowSchema);

const Headline = Type.Object({
  indicator: Type.String(),
  name: Type.String(),
  unit: StringEnum(UNITS),
  value: Nullable(Type.Number()),
  yoyPct: Nullable(Type.Number({ description: 'null for today (not over) and where there is nothing to compare with' })),
  momPct: Nullable(Type.Number({ description: 'the last closed month on the month before it; null elsewhere' })),
});
const Gauge = Type.Object({ indicator: Type.String(), name: Type.String(), value: Nullable(Type.Number({ description: 'percent or count; null until its source exists' })), target: Nullable(Type.Number()), targetLabel: Nullable(Type.String()), status: StringEnum(['live', 'awaiting_source'] as const), month: Nullable(Type.Number({ description: 'a cumulative gauge (training since the programme began): this month’s figure; null for the coverage shares' })) });
const Ranked = Type.Object({ key: Type.String(), label: Type.String(), value: Type.Number(), share: Nullable(Type.Number()) });
export const ScreenAnswer = Type.Object({
  county: Type.Object({ code: Type.String(), name: Type.String() }),
  asOf: Type.String({ description: 'ISO time of the answer' }),
  today: Type.String(),
  month: Type.String(),
  year: Type.String(),
  fingerprint: Type.String({ description: 'changes when any of this month’s figures changes' }),
  headline: Type.Object({
    today: Type.Array(Headline, { description: 'today so far: no comparison' }),
    lastMonth: Type.Object({ month: Type.String({ description: 'the last closed month, YYYY-MM' }), figures: Type.Array(Headline) }, { description: 'the last closed month, with 同比 and 环比' }),
    yearToDate: Type.Object(
      { year: Type.String(), from: Type.String({ description: 'YYYY-01' }), to: Type.String({ description: 'the last closed month' }), figures: Type.Array(Headline) },
      { description: 'the closed months of the year (in January: last year, all of it), summed from the month rollups; 同比 on the same months a year before' },
    ),
  }),
  trend: Type.Array(Type.Object({ month: Type.String(), platformFen: Type.Integer(), externalFen: Type.Integer(), targetFen: Nullable(Type.Integer()) })),
  topProducts: Type.Array(Ranked),
  topBrands: Type.Array(Ranked),
  pavilions: Type.Array(Ranked),
  poverty: Type.Object({ incomeFen: Type.Integer(), households: Type.Integer(), povertyPavilionFen: Type.Integer() }),
  gauges: Type.Array(Gauge),
  parcelsToday: Type.Object({ down: Type.Integer(), up: Type.Integer(), arrived: Type.Integer(), inTransit: Type.Integer() }),
  townships: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), isPoor: Type.Boolean(), points: Type.Integer(), parcelsDown: Type.Integer(), parcelsUp: Type.Integer(), salesFen: Type.Integer() })),
});

export const ExportQuery = Type.Object({ grain: Grain, period: Period, ...PlaceQuery.properties });

export const RebuildSchema = Type.Object({
  id: Type.String(),
  state: StringEnum(['queued', 'running', 'done', 'failed'] as const),
  done: Type.Integer(),
  total: Type.Integer(),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  requestedBy: Type.String(),
  requestedAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  error: Nullable(Type.String()),
});
export const RebuildLatest = Type.Object({ rebuild: Nullable(RebuildSchema) });

export type FiguresAnswerView = Static<typeof FiguresAnswer>;
export type PlaceRow = Static<typeof PlaceRowSchema>;
export type ScreenView = Static<typeof ScreenAnswer>;
export type RebuildView = Static<typeof RebuildSchema>;
export type TargetView = Static<typeof TargetSchema>;
export type IndicatorView = Static<typeof IndicatorSchema>;
