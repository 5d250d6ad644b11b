import { Type } from 'typebox';
import { defineEvent } from '../../kernel/events/index.js';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';

/** The services a station or village point renders, each counted once per record. */
export const SERVICE_KINDS = ['proxy_buy', 'consignment', 'purchase', 'bill', 'ticket', 'cash_withdrawal', 'loan_referral', 'farm_input'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
/** The Chinese every page shows for a service kind. */
export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = {
  proxy_buy: '代买',
  consignment: '代卖',
  purchase: '收购',
  bill: '缴费',
  ticket: '票务',
  cash_withdrawal: '助农取款',
  loan_referral: '贷款推荐',
  farm_input: '农资',
};

/** The kinds of site that record at a till. */
export const STATION_SITE_KINDS = ['township_station', 'village_point'] as const;
export type StationSiteKind = (typeof STATION_SITE_KINDS)[number];

/** A service rendered at a station or point, counted once (published in the record's transaction). */
export const ServiceRecorded = defineEvent({
  type: 'stations.service-recorded',
  version: 1,
  aggregate: 'station-record',
  description: '站点服务 One service rendered at a township station or village point (代买, 代卖, 收购, 缴费, 票务, 助农取款, 贷款推荐, 农资), counted once',
  payload: Type.Object({
    recordId: Type.String(),
    siteId: Type.String(),
    siteKind: StringEnum(STATION_SITE_KINDS),
    townshipCode: Type.String(),
    villageCode: Nullable(Type.String()),
    day: Type.String(),
    at: Type.String(),
    service: StringEnum(SERVICE_KINDS),
    amountFen: Type.Integer(),
    feeFen: Type.Integer(),
    customerId: Nullable(Type.String()),
    poor: Type.Boolean(),
  }),
});

/** A service record withdrawn the same day (a mistaken record voided at the till). */
export const ServiceVoided = defineEvent({
  type: 'stations.service-voided',
  version: 1,
  aggregate: 'station-record',
  description: '站点服务撤销 A service record was voided at the till the same day it was made',
  payload: Type.Object({
    recordId: Type.String(),
    voidRecordId: Type.String(),
    siteId: Type.String(),
    townshipCode: Type.String(),
    villageCode: Nullable(Type.String()),
    day: Type.String(),
    service: StringEnum(SERVICE_KINDS),
    amountFen: Type.Integer(),
    feeFen: Type.Integer(),
    customerId: Nullable(Type.String()),
    poor: Type.Boolean(),
  }),
});

/** A site's day at the till was closed: its cash counted against what the records say. */
export const DayClosed = defineEvent({
  type: 'stations.day-closed',
  version: 1,
  aggregate: 'station-day',
  description: '站点日结 A station’s or point’s day was closed: opening cash, cash in and out, expected and counted cash, the difference and its reason',
  payload: Type.Object({
    siteId: Type.String(),
    townshipCode: Type.String(),
    villageCode: Nullable(Type.String()),
    day: Type.String(),
    openingCashFen: Type.Integer(),
    cashInFen: Type.Integer(),
    cashOutFen: Type.Integer(),
    expectedCashFen: Type.Integer(),
    countedCashFen: Type.Integer(),
    differenceFen: Type.Integer(),
    reason: Nullable(Type.String()),
    services: Type.Integer(),
  }),
});

export const STATIONS_EVENTS = [ServiceRecorded, ServiceVoided, DayClosed];
