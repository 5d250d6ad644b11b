import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';
import { PROBLEM_CODES } from './lifecycle.js';
import { CARRIER_CODES, DIRECTIONS, MATCH_STATES, PARCEL_STATUSES, ROUTE_MODES, RUN_STATUSES, SCAN_TYPES } from './logistics.tables.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Phone = Type.String({ pattern: '^1\\d{10}$', description: '11-digit mobile number' });
const Waybill = Type.String({ pattern: '^[A-Za-z0-9-]{6,32}$', description: "the carrier's waybill number" });
const Time = Type.String({ format: 'date-time', description: 'ISO-8601 with offset' });
const Carrier = StringEnum(CARRIER_CODES);

export const ManifestParcel = Type.Object({
  waybillNo: Waybill,
  recipientName: Type.String({ minLength: 1, maxLength: 50 }),
  recipientPhone: Phone,
  address: Type.String({ minLength: 2, maxLength: 200 }),
  weightG: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  orderId: Type.Optional(Id),
});
export type ManifestParcelInput = Static<typeof ManifestParcel>;

export const ManifestBody = Type.Object({
  carrier: Carrier,
  parcels: Type.Array(ManifestParcel, { minItems: 1, maxItems: 10_000 }),
});

export const ManifestSchema = Type.Object({
  id: Type.String(),
  carrier: Type.String(),
  source: StringEnum(['api', 'csv', 'xlsx'] as const),
  fileName: Nullable(Type.String()),
  total: Type.Integer(),
  matched: Type.Integer(),
  unmatched: Type.Integer(),
  updated: Type.Integer({ description: 'waybills already known (scanned before their manifest, or sent again) that were updated' }),
  createdAt: Type.String(),
});
export type ManifestView = Static<typeof ManifestSchema>;

export const ParcelSchema = Type.Object({
  id: Type.String(),
  direction: StringEnum(DIRECTIONS),
  carrier: Nullable(Type.String()),
  carrierName: Nullable(Type.String()),
  waybillNo: Nullable(Type.String()),
  recipientName: Type.String(),
  recipientPhone: Type.String({ description: 'masked (138****5678) except for the recipient and the handling point' }),
  address: Type.String(),
  weightG: Nullable(Type.Integer()),
  description: Nullable(Type.String()),
  matchState: StringEnum(MATCH_STATES),
  villageCode: Nullable(Type.String()),
  villageName: Nullable(Type.String()),
  townshipCode: Nullable(Type.String()),
  townshipName: Nullable(Type.String()),
  pointSiteId: Nullable(Type.String()),
  pointName: Nullable(Type.String()),
  routeId: Nullable(Type.String()),
  runId: Nullable(Type.String()),
  status: StringEnum(PARCEL_STATUSES),
  problem: Nullable(Type.String({ description: 'what is wrong, in English; problemCode says it for translation' })),
  problemCode: Nullable(StringEnum(PROBLEM_CODES)),
  pickupCode: Nullable(Type.String({ description: 'only for the recipient' })),
  receivedAt: Nullable(Type.String()),
  arrivedAt: Nullable(Type.String()),
  transitMinutes: Nullable(Type.Integer({ description: 'county receipt to arrival at the point, rounded to the minute (for showing)' })),
  transitSeconds: Nullable(Type.Integer({ description: 'county receipt to arrival at the point, in whole seconds; onTime is decided to the millisecond' })),
  onTime: Nullable(Type.Boolean({ description: 'arrived within 48 hours (to the second, 48 h + 1 s is late) of county receipt; null while on its way' })),
  pickedUpAt: Nullable(Type.String()),
  lastEventAt: Nullable(Type.String()),
  orderId: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type ParcelView = Static<typeof ParcelSchema>;

export const EventSchema = Type.Object({
  eventId: Type.String(),
  type: StringEnum(SCAN_TYPES),
  at: Type.String(),
  recordedAt: Type.String(),
  siteId: Nullable(Type.String()),
  siteName: Nullable(Type.String()),
  runId: Nullable(Type.String()),
  note: Nullable(Type.String()),
  flagged: Type.Boolean(),
  flagReason: Nullable(Type.String()),
  problemCode: Nullable(StringEnum(PROBLEM_CODES)),
});
export type EventView = Static<typeof EventSchema>;

export const ParcelDetailSchema = Type.Object({
  ...ParcelSchema.properties,
  events: Type.Array(EventSchema),
  suggestions: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), townshipName: Type.String() }), { description: 'villages the address might mean, for an unmatched parcel' }),
  matchNote: Nullable(Type.String()),
});

export const ParcelQuery = Type.Object({
  direction: Type.Optional(StringEnum(DIRECTIONS)),
  status: Type.Optional(StringEnum(PARCEL_STATUSES)),
  match: Type.Optional(StringEnum(MATCH_STATES)),
  carrier: Type.Optional(Type.String({ maxLength: 32 })),
  townshipCode: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
  pointSiteId: Type.Optional(Id),
  runId: Type.Optional(Id),
  orderId: Type.Optional(Id),
  waybillNo: Type.Optional(Type.String({ maxLength: 32 })),
  problem: Type.Optional(Type.Boolean({ description: 'only parcels with a problem' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export type ParcelFilter = Omit<Static<typeof ParcelQuery>, 'limit' | 'cursor'>;

export const ScanBody = Type.Object({
  eventId: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_:.-]+$', description: 'made by the scanning device; a retried scan with the same id is stored once' }),
  waybillNo: Type.Optional(Waybill),
  parcelId: Type.Optional(Id),
  carrier: Type.Optional(Carrier),
  type: StringEnum(SCAN_TYPES),
  at: Type.Optional(Time),
  siteId: Type.Optional(Id),
  note: Type.Optional(Type.String({ maxLength: 200, description: 'the reason, for a problem or a return' })),
  pickupCode: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: 'for picked_up: the code the recipient shows' })),
});
export type ScanInput = Static<typeof ScanBody>;

export const ScanResult = Type.Object({
  eventId: Type.String(),
  stored: Type.Boolean({ description: 'false when this event id was already stored' }),
  flagged: Nullable(Type.String({ description: 'why the scan made no sense for the parcel (kept, shown as a problem)' })),
  flagCode: Nullable(StringEnum(PROBLEM_CODES)),
  parcel: ParcelSchema,
});

export const BatchBody = Type.Object({ scans: Type.Array(ScanBody, { minItems: 1, maxItems: 5000 }) });
export const BatchResult = Type.Object({
  stored: Type.Integer(),
  duplicates: Type.Integer(),
  flagged: Type.Array(Type.Object({ eventId: Type.String(), code: StringEnum(PROBLEM_CODES), reason: Type.String() }), { description: 'scans kept but not applied: out of sequence, after the parcel was picked up or returned, or a pick-up whose code did not match (a resend\'s included)' }),
  outcomes: Type.Array(
    Type.Object({
      eventId: Type.String(),
      parcelId: Type.String(),
      waybillNo: Nullable(Type.String()),
      type: StringEnum(SCAN_TYPES, { description: 'as stored: a pick-up with a wrong code is kept as a problem' }),
      replay: Type.Boolean({ description: 'the event id was stored before (a resend whose answer was lost): the stored outcome' }),
      code: Nullable(StringEnum(PROBLEM_CODES, { description: 'null when the scan was applied' })),
      reason: Nullable(Type.String()),
      status: StringEnum(PARCEL_STATUSES, { description: "the parcel's status now" }),
      sms: Type.Optional(StringEnum(['sent', 'already_sent', 'limited'] as const, { description: "only for a new notice that would text the recipient: sent; not sent because another notice of the parcel in this batch sent it; or held back by the SMS limits (3 a day an hour apart per parcel, 10 a day per phone)" })),
    }),
    { description: 'what became of every scan of the batch, in the order sent (a copy sent twice once)' },
  ),
});

export const NotifyBody = Type.Object({ eventId: Type.Optional(Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_:.-]+$', description: 'made by the device, so a retried notice sends one SMS' })) });

export const PickupBody = Type.Object({
  code: Type.String({ pattern: '^\\d{6}$' }),
  eventId: Type.Optional(ScanBody.properties.eventId),
  at: Type.Optional(Time),
});

export const AssignBody = Type.Object({ villageCode: Type.String({ pattern: '^\\d{12}$' }) });

export const ShipmentBody = Type.Object({
  originSiteId: Id,
  description: Type.String({ minLength: 1, maxLength: 100, description: 'what is sent, e.g. 花椒 20 斤' }),
  weightG: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  orderId: Type.Optional(Id),
  recipient: Type.Optional(Type.Object({ name: Type.String({ minLength: 1, maxLength: 50 }), phone: Phone, address: Type.String({ minLength: 2, maxLength: 200 }) })),
});
export type ShipmentInput = Static<typeof ShipmentBody>;

export const HandToCarrierBody = Type.Object({ carrier: Carrier, waybillNo: Waybill });

export const RouteBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 60 }),
  mode: StringEnum(ROUTE_MODES),
  stops: Type.Array(Id, { minItems: 1, maxItems: 60, description: 'site ids in the order the run visits them' }),
  departures: Type.Array(Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }), { minItems: 1, maxItems: 12, description: 'HH:MM, Asia/Shanghai' }),
  weekdays: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, description: 'ISO weekdays; default every day' })),
  vehicle: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  active: Type.Optional(Type.Boolean()),
});
export type RouteInput = Static<typeof RouteBody>;

export const RouteSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mode: StringEnum(ROUTE_MODES),
  stops: Type.Array(Type.Object({ siteId: Type.String(), name: Type.String() })),
  departures: Type.Array(Type.String()),
  weekdays: Type.Array(Type.Integer()),
  townshipCodes: Type.Array(Type.String()),
  vehicle: Nullable(Type.String()),
  active: Type.Boolean(),
});
export type RouteView = Static<typeof RouteSchema>;

export const RunBody = Type.Object({
  routeId: Id,
  date: Type.String({ format: 'date', description: 'the day of the run (Asia/Shanghai)' }),
  departure: Type.Optional(Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: "one of the route's departures; default the first" })),
  driver: Type.Optional(Type.String({ maxLength: 40 })),
  vehicle: Type.Optional(Type.String({ maxLength: 40 })),
});

const StopSchema = Type.Object({
  siteId: Type.String(),
  name: Type.String(),
  kind: Nullable(Type.String({ description: 'township_transfer, village_delivery, village_point …' })),
  townshipCode: Nullable(Type.String()),
  seq: Type.Integer(),
  signedBy: Nullable(Type.String()),
  signedAt: Nullable(Type.String()),
  delivered: Type.Integer(),
  collected: Type.Integer(),
  dropOff: Type.Array(ParcelSchema, { description: 'parcels this stop receives' }),
  pickUp: Type.Array(ParcelSchema, { description: 'produce this stop sends up' }),
});

export const RunSchema = Type.Object({
  id: Type.String(),
  routeId: Type.String(),
  routeName: Type.String(),
  mode: StringEnum(ROUTE_MODES),
  date: Type.String(),
  departsAt: Type.String(),
  status: StringEnum(RUN_STATUSES),
  driver: Nullable(Type.String()),
  vehicle: Nullable(Type.String()),
  departedAt: Nullable(Type.String()),
  completedAt: Nullable(Type.String()),
  parcels: Type.Integer(),
  byCarrier: Type.Array(Type.Object({ carrier: Type.String(), count: Type.Integer() })),
});
export type RunView = Static<typeof RunSchema>;
export const RunDetailSchema = Type.Object({ ...RunSchema.properties, stops: Type.Array(StopSchema) });
export type RunDetail = Static<typeof RunDetailSchema>;

export const HandoverBody = Type.Object({
  signedBy: Type.String({ minLength: 1, maxLength: 40, description: 'the name of who took the parcels at this stop' }),
  at: Type.Optional(Time),
});

const Share = Type.Object({
  key: Type.String(),
  name: Type.String(),
  decided: Type.Integer({ description: 'arrived, or 48 hours gone without arriving: what the share is of' }),
  arrived: Type.Integer(),
  onTime: Type.Integer(),
  late: Type.Integer({ description: 'decided − on time' }),
  share: Nullable(Type.Number({ description: 'onTime / decided' })),
  averageHours: Nullable(Type.Number({ description: 'of those arrived' })),
});
export const PromiseSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  promiseHours: Type.Integer(),
  targetShare: Type.Number({ description: 'the share of parcels the county aims to get there within the promise' }),
  overall: Share,
  byTownship: Type.Array(Share),
  byRoute: Type.Array(Share),
  byCarrier: Type.Array(Share),
  daily: Type.Array(Type.Object({ date: Type.String({ description: 'day of county receipt' }), decided: Type.Integer(), arrived: Type.Integer(), onTime: Type.Integer(), late: Type.Integer() })),
  overdue: Type.Integer({ description: 'received more than 48 hours ago and not yet at their point' }),
  atRisk: Type.Integer({ description: 'past 36 hours, not yet at their point (alerts open)' }),
});
export type PromiseView = Static<typeof PromiseSchema>;
export const PromiseQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date', description: 'received on or after (Asia/Shanghai); default 30 days ago' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'received on or before; default today' })),
});

export const TrackQuery = Type.Object({
  waybillNo: Waybill,
  phoneLast4: Type.String({ pattern: '^\\d{4}$' }),
});

// Kuaidi100's own format carries more than we read (status, message, ischeck, ftime, areaName…): left open, unlike
// our own bodies (the kernel closes every schema that does not say `additionalProperties`).
const OPEN = { additionalProperties: true };
export const Kuaidi100Push = Type.Object({
  lastResult: Type.Object({
    nu: Waybill,
    com: Carrier,
    data: Type.Array(Type.Object({ time: Type.String({ minLength: 10, maxLength: 32 }), context: Type.String({ maxLength: 300 }), status: Type.Optional(Type.String({ maxLength: 20 })), state: Type.Optional(Type.Union([Type.String({ pattern: '^\\d{1,3}$' }), Type.Integer()])) }, OPEN), { maxItems: 500 }),
  }, OPEN),
}, OPEN);

/** Kuaidi100's own push: a form whose `param` is the push JSON and `sign` its MD5 with the agreed salt. */
export const Kuaidi100Form = Type.Object({
  param: Type.String({ minLength: 2, maxLength: 1_000_000, description: 'the push JSON: status, message, lastResult' }),
  sign: Type.String({ pattern: '^[0-9A-Fa-f]{32}$', description: 'MD5(param + salt), upper-case hex' }),
});
export const Kuaidi100PushResult = Type.Object({
  ...BatchResult.properties,
  result: Type.Boolean(),
  returnCode: Type.String({ description: '"200": taken (Kuaidi100 retries anything else)' }),
  message: Type.String(),
});

export const TrackingSchema = Type.Object({
  waybillNo: Type.String(),
  carrier: Nullable(Type.String()),
  carrierName: Nullable(Type.String()),
  recipient: Type.String({ description: 'masked: 张*' }),
  phone: Type.String({ description: 'masked: 138****5678' }),
  status: StringEnum(PARCEL_STATUSES),
  statusText: Type.String(),
  point: Nullable(Type.String()),
  events: Type.Array(Type.Object({ at: Type.String(), type: StringEnum(SCAN_TYPES), text: Type.String(), textEn: Type.String(), place: Nullable(Type.String()) })),
});

export const Kuaidi100Tracking = Type.Object({
  message: Type.String(),
  nu: Type.String(),
  com: Type.String(),
  ischeck: Type.String(),
  state: Type.String(),
  data: Type.Array(Type.Object({ time: Type.String(), ftime: Type.String(), context: Type.String(), status: Type.String() })),
});
