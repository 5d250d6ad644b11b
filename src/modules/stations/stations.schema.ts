import { Type, type Static, type TSchema } from 'typebox';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { PageQuery } from '../../kernel/http/paging.js';
import { SERVICE_KINDS, STATION_SITE_KINDS } from './events.js';
import type { AnyRecordHandler } from './handlers/types.js';
import { DAY_STATUSES, STOCK_KINDS, STOCK_UNITS } from './stations.tables.js';

export const ClientId = Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', description: 'made on the device: 8–64 characters A–Z a–z 0–9 _ -' });
export const Day = Type.String({ format: 'date', description: 'a Shanghai date, YYYY-MM-DD' });

/** The fields every record carries (the handler's own fields are added beside them). */
export const commonRecordFields = {
  clientId: ClientId,
  at: Type.String({ format: 'date-time', description: 'when the operator made it on the device (ISO-8601); its Shanghai date is the record’s day' }),
  receiptCode: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{22,43}$', description: 'base64url, ≥128 random bits made on the device; the receipt’s QR points to /r/<receiptCode>' })),
  note: Type.Optional(Type.String({ maxLength: 200 })),
};

/** One record type's whole input: the common fields, `type`, and the handler's own. */
export const recordSchemaOf = (h: AnyRecordHandler) =>
  Type.Object({ ...commonRecordFields, type: Type.Literal(h.type), ...h.schema.properties }, { additionalProperties: false, title: h.type });

/** The batch body as OpenAPI documents it: records of any registered type, told apart by `type`. */
export const batchBodySchema = (handlers: readonly AnyRecordHandler[]) =>
  Type.Object(
    {
      siteId: Type.String({ minLength: 1, maxLength: 64, description: 'the station or point recorded at' }),
      records: Type.Array(Type.Union(handlers.map(recordSchemaOf)), { minItems: 1, maxItems: 500 }),
    },
    { additionalProperties: false },
  );

export const CustomerView = Type.Object({ id: Type.String(), name: Type.String(), phoneMasked: Nullable(Type.String()), poor: Type.Boolean() });

export const RecordViewSchema = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  siteId: Type.String(),
  siteName: Type.String(),
  type: Type.String(),
  service: Nullable(StringEnum(SERVICE_KINDS)),
  day: Type.String(),
  at: Type.String(),
  recordedAt: Type.String(),
  recordedByName: Type.String(),
  customer: Nullable(CustomerView),
  amountFen: Type.Integer(),
  feeFen: Type.Integer(),
  cashInFen: Type.Integer(),
  cashOutFen: Type.Integer(),
  details: Type.Unknown({ description: 'the record’s fields and what its handler added (JSON object)' }),
  summary: Type.String(),
  note: Nullable(Type.String()),
  receiptCode: Nullable(Type.String()),
  voided: Type.Boolean(),
  voidReason: Nullable(Type.String()),
});
export type RecordView = Static<typeof RecordViewSchema>;

export const OutcomeSchema = Type.Object({
  clientId: Type.String(),
  status: StringEnum(['stored', 'duplicate', 'refused'] as const),
  recordId: Nullable(Type.String()),
  code: Nullable(Type.String()),
  message: Nullable(Type.String({ description: 'Chinese, for the operator' })),
  // An open object, not Unknown: fast-json-stringify could not serialise an object through Nullable(Unknown) (500).
  details: Nullable(Type.Object({}, { additionalProperties: true, description: 'what the refusal knows (DAY_CHANGED: the server’s expectedCashFen)' })),
  record: Nullable(RecordViewSchema),
});
export type Outcome = Static<typeof OutcomeSchema>;
export const BatchResultSchema = Type.Object({ outcomes: Type.Array(OutcomeSchema) });

export const ByService = Type.Record(Type.String(), Type.Object({ count: Type.Integer(), amountFen: Type.Integer() }));

export const DayViewSchema = Type.Object({
  siteId: Type.String(),
  siteName: Type.String(),
  townshipName: Type.String(),
  day: Type.String(),
  status: StringEnum(DAY_STATUSES),
  openingCashFen: Type.Integer(),
  cashInFen: Type.Integer(),
  cashOutFen: Type.Integer(),
  expectedCashFen: Type.Integer(),
  countedCashFen: Nullable(Type.Integer()),
  differenceFen: Nullable(Type.Integer()),
  reason: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  closedByName: Nullable(Type.String()),
  services: Type.Integer(),
  byService: ByService,
});
export type DayView = Static<typeof DayViewSchema>;
export const DayBookSchema = Type.Object({ ...DayViewSchema.properties, records: Type.Array(RecordViewSchema) });

export const SiteViewSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: StringEnum(STATION_SITE_KINDS),
  townshipCode: Type.String(),
  townshipName: Type.String(),
  villageCode: Nullable(Type.String()),
  villageName: Nullable(Type.String()),
});

export const StockItemSchema = Type.Object({
  kind: StringEnum(STOCK_KINDS),
  key: Type.String(),
  grade: Type.String(),
  name: Type.String(),
  unit: StringEnum(STOCK_UNITS),
  quantity: Type.Integer(),
  updatedAt: Type.String(),
});

export const SiteQuery = Type.Object({ siteId: Type.String({ minLength: 1, maxLength: 64 }) });
export const StockQuery = Type.Object({ siteId: Type.String({ minLength: 1, maxLength: 64 }), kind: Type.Optional(StringEnum(STOCK_KINDS)), ...PageQuery.properties });

export const RecordsQuery = Type.Object({
  siteId: Type.Optional(Type.String({ maxLength: 64 })),
  township: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
  day: Type.Optional(Day),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  service: Type.Optional(StringEnum(SERVICE_KINDS)),
  type: Type.Optional(Type.String({ maxLength: 40 })),
  ...PageQuery.properties,
});
export type RecordsFilter = Omit<Static<typeof RecordsQuery>, 'limit' | 'cursor'>;

export const DaysQuery = Type.Object({
  siteId: Type.Optional(Type.String({ maxLength: 64 })),
  township: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  status: Type.Optional(StringEnum(DAY_STATUSES)),
  ...PageQuery.properties,
});
export type DaysFilter = Omit<Static<typeof DaysQuery>, 'limit' | 'cursor'>;

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const DayParams = Type.Object({ siteId: Type.String({ minLength: 1, maxLength: 64 }), day: Day });

/** The desk's schema: the core's fields and each registered part's. */
export const deskSchemaOf = (parts: { key: string; schema: TSchema }[]) =>
  Type.Object({
    site: SiteViewSchema,
    today: DayViewSchema,
    /** The site's days before today not closed yet (oldest first): the phone offers to close each (日结). */
    earlierOpenDays: Type.Array(Type.Object({ day: Type.String(), expectedCashFen: Type.Integer() })),
    serverTime: Type.String(),
    sitesICanRecordAt: Type.Array(SiteViewSchema),
    customers: Type.Array(CustomerView),
    ...Object.fromEntries(parts.map((p) => [p.key, p.schema])),
  });
