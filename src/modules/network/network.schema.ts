import { Type, type Static } from 'typebox';
import { DIVISION_KINDS, DIVISION_LEVELS, SITE_KINDS, SITE_SERVICES, SITE_STATUSES } from './network.tables.js';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { PageQuery } from '../../kernel/http/paging.js';


export const DivisionCode = Type.String({ pattern: '^(\\d{6}|\\d{9}|\\d{12})$', description: 'GB/T 2260 code: 6 (county), 9 (township) or 12 (village) digits' });
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const DivisionSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: StringEnum([...DIVISION_LEVELS]),
  kind: StringEnum([...DIVISION_KINDS]),
  parentCode: Nullable(Type.String()),
  population: Nullable(Type.Integer()),
  isPoorVillage: Type.Boolean(),
  isPoorTownship: Type.Boolean({ description: 'a township counted as poor (贫困乡镇)' }),
  isDemo: Type.Boolean(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
});
export type DivisionView = Static<typeof DivisionSchema>;

export const DivisionQuery = Type.Object({
  level: Type.Optional(StringEnum([...DIVISION_LEVELS])),
  parentCode: Type.Optional(DivisionCode),
  asOf: Type.Optional(Type.String({ format: 'date', description: 'divisions in force on this date; default today' })),
  history: Type.Optional(Type.Boolean({ description: 'every version, past and present' })),
  ...PageQuery.properties,
});

export const ServicePointQuery = Type.Object({
  kind: Type.Optional(StringEnum([...SITE_KINDS], { description: 'default village_point' })),
  townshipCode: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
  ...PageQuery.properties,
});

export const ServicePointSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: StringEnum([...SITE_KINDS]),
  divisionCode: Type.String(),
  divisionName: Nullable(Type.String()),
  townshipCode: Nullable(Type.String()),
  townshipName: Nullable(Type.String()),
  address: Type.String(),
  openingHours: Type.String(),
  services: Type.Array(Type.String()),
});

export const DivisionBody = Type.Object({
  code: DivisionCode,
  name: Type.String({ minLength: 1, maxLength: 64 }),
  kind: StringEnum([...DIVISION_KINDS]),
  parentCode: Type.Optional(Nullable(DivisionCode)),
  population: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  isPoorVillage: Type.Optional(Type.Boolean()),
  isPoorTownship: Type.Optional(Type.Boolean({ description: 'townships only: a poor township (贫困乡镇)' })),
  validFrom: Type.Optional(IsoDate),
});
export type DivisionInput = Static<typeof DivisionBody> & { isDemo?: boolean };

export const DivisionRetireBody = Type.Object({ validTo: IsoDate });

const Operator = Type.Object({
  userId: Nullable(Type.String({ maxLength: 64 })),
  name: Type.String({ minLength: 1, maxLength: 64 }),
  phone: Type.Optional(Nullable(Type.String({ pattern: '^1\\d{10}$', description: '11-digit mobile number' }))),
  poorHousehold: Type.Boolean({ description: '建档立卡贫困户' }),
  disabled: Type.Boolean({ description: '残疾人' }),
  partyMember: Type.Boolean({ description: '党员' }),
});

export const SiteSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: StringEnum([...SITE_KINDS]),
  divisionCode: Type.String(),
  divisionName: Nullable(Type.String()),
  townshipCode: Nullable(Type.String()),
  townshipName: Nullable(Type.String()),
  address: Type.String(),
  longitude: Nullable(Type.Number()),
  latitude: Nullable(Type.Number()),
  floorAreaM2: Nullable(Type.Number()),
  openingHours: Type.String(),
  status: StringEnum([...SITE_STATUSES]),
  statusSince: Type.String(),
  services: Type.Array(StringEnum([...SITE_SERVICES])),
  operator: Nullable(Type.Object({ ...Operator.properties, phone: Nullable(Type.String({ description: 'masked unless you are the operator' })) })),
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type SiteView = Static<typeof SiteSchema>;

export const StatusHistorySchema = Type.Object({
  status: StringEnum([...SITE_STATUSES]),
  effectiveDate: Type.String(),
  note: Nullable(Type.String()),
  recordedBy: Nullable(Type.String()),
  recordedAt: Type.String(),
});

export const SiteDetailSchema = Type.Intersect([SiteSchema, Type.Object({ statusHistory: Type.Array(StatusHistorySchema) })]);

export const SiteQuery = Type.Object({
  townshipCode: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
  kind: Type.Optional(StringEnum([...SITE_KINDS])),
  status: Type.Optional(StringEnum([...SITE_STATUSES])),
  q: Type.Optional(Type.String({ maxLength: 64, description: 'part of the name' })),
  ...PageQuery.properties,
});
export type SiteFilter = Omit<Static<typeof SiteQuery>, 'limit' | 'cursor'>;

const siteFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  address: Type.String({ minLength: 1, maxLength: 200 }),
  longitude: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
  latitude: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
  floorAreaM2: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1_000_000 }))),
  openingHours: Type.Optional(Type.String({ maxLength: 100 })),
  services: Type.Optional(Type.Array(StringEnum([...SITE_SERVICES]), { uniqueItems: true })),
  operator: Type.Optional(Nullable(Operator)),
};

export const SiteCreateBody = Type.Object({
  ...siteFields,
  kind: StringEnum([...SITE_KINDS]),
  divisionCode: DivisionCode,
  status: Type.Optional(StringEnum([...SITE_STATUSES])),
  statusDate: Type.Optional(IsoDate),
});
export type SiteInput = Static<typeof SiteCreateBody> & { id?: string; isDemo?: boolean };

export const SiteUpdateBody = Type.Object({
  name: Type.Optional(siteFields.name),
  address: Type.Optional(siteFields.address),
  longitude: siteFields.longitude,
  latitude: siteFields.latitude,
  floorAreaM2: siteFields.floorAreaM2,
  openingHours: siteFields.openingHours,
  services: siteFields.services,
  operator: siteFields.operator,
  status: Type.Optional(StringEnum([...SITE_STATUSES])),
  statusDate: Type.Optional(IsoDate),
  statusNote: Type.Optional(Type.String({ maxLength: 200 })),
});
export type SiteChanges = Static<typeof SiteUpdateBody>;

const Share = Nullable(Type.Number({ description: 'covered / total, rounded half up to 0.1 % (0.974 = 97.4 %); null when there is nothing to divide by' }));
const Progress = Type.Object({ operating: Type.Integer(), total: Type.Integer(), target: Nullable(Type.Number()) });
const Covered = Type.Object({
  total: Type.Integer(),
  covered: Type.Integer(),
  share: Share,
  target: Nullable(Type.Number()),
  met: Nullable(Type.Boolean({ description: 'covered / total reaches the target, decided on the counts, not the rounded share; null without a target' })),
});

export const TownshipCoverageSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  isPoor: Type.Boolean({ description: 'a poor township (贫困乡镇)' }),
  stationStatus: Nullable(StringEnum([...SITE_STATUSES])),
  transferStatus: Nullable(StringEnum([...SITE_STATUSES])),
  villagePoints: Progress,
  villages: Covered,
  poorVillages: Covered,
  otherVillages: Covered,
  logisticsReached: Type.Boolean(),
  villagePointsWithLogistics: Type.Integer(),
});

export const CoverageSchema = Type.Object({
  county: Type.Object({ code: Type.String(), name: Type.String() }),
  scope: Type.Object({ kind: StringEnum(['county', 'township']), code: Type.String() }),
  asOf: Type.String(),
  townshipStations: Progress,
  villagePoints: Progress,
  villages: Covered,
  poorVillages: Covered,
  otherVillages: Covered,
  poorTownships: Type.Object({ ...Covered.properties, total: Type.Integer({ description: 'poor townships' }), covered: Type.Integer({ description: 'of them with an operating township station' }) }),
  logistics: Type.Object({
    townships: Covered,
    villagePoints: Covered,
  }),
  townships: Type.Array(TownshipCoverageSchema),
});
export type CoverageView = Static<typeof CoverageSchema>;
export type TownshipCoverage = Static<typeof TownshipCoverageSchema>;

export const TargetsSchema = Type.Object({
  townshipStations: Type.Optional(Type.Number({ minimum: 0 })),
  villagePoints: Type.Optional(Type.Number({ minimum: 0 })),
  poorVillageCoverage: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  poorTownshipStationCoverage: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'share of poor townships with an operating station' })),
  otherVillageCoverage: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  townshipLogisticsCoverage: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  villagePointLogisticsCoverage: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
});
export type Targets = Static<typeof TargetsSchema>;
