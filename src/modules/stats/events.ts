import { Type, type TSchema } from 'typebox';
import { defineEvent } from '../../kernel/events/index.js';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';

/**
 * The events the statistics read: this module's copies, with only the fields it uses (checked against the
 * publishers' at start-up). Each becomes a row of stats_inputs (see docs/architecture.md, "Statistics").
 */

const OrNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Lines = <T extends Parameters<typeof Type.Object>[0]>(line: T) => Type.Array(Type.Object(line));

export const OrderPaid = defineEvent({
  type: 'orders.paid',
  version: 1,
  aggregate: 'order',
  description: '订单已付款 An order was paid',
  payload: Type.Object({
    orderId: Type.String(),
    sellerId: Type.String(),
    paidAt: Type.String(),
    lines: Lines({ productId: Type.String(), quantity: Type.Integer(), lineFen: Type.Integer() }),
    buyerId: OrNull(Type.String()),
    paymentMethod: Type.Union([Type.Literal('online'), Type.Literal('village_cash'), Type.Literal('cod')]),
    pointSiteId: OrNull(Type.String()),
    totalFen: Type.Integer(),
  }),
});

export const OrderRefunded = defineEvent({
  type: 'orders.refunded',
  version: 1,
  aggregate: 'order',
  description: '订单已退款 A paid order was refunded',
  payload: Type.Object({ orderId: Type.String(), refundedAt: Type.String(), amountFen: Type.Integer() }),
});

export const ParcelRegistered = defineEvent({
  type: 'logistics.parcel-registered',
  version: 1,
  aggregate: 'parcel',
  description: '快件登记 A parcel first exists',
  payload: Type.Object({
    parcelId: Type.String(),
    direction: Type.Union([Type.Literal('down'), Type.Literal('up')]),
    townshipCode: OrNull(Type.String()),
    villageCode: OrNull(Type.String()),
    registeredAt: Type.String(),
  }),
});

export const ParcelArrived = defineEvent({
  type: 'logistics.parcel-arrived',
  version: 1,
  aggregate: 'parcel',
  description: '快件到村 A parcel coming down reached its village point',
  payload: Type.Object({ parcelId: Type.String(), townshipCode: OrNull(Type.String()), villageCode: OrNull(Type.String()), arrivedAt: Type.String(), onTime: Type.Boolean() }),
});

export const SellerApproved = defineEvent({
  type: 'parties.seller-approved',
  version: 1,
  aggregate: 'seller',
  description: '市场主体审核通过 A seller was approved',
  payload: Type.Object({
    sellerId: Type.String(),
    kind: Type.Union([Type.Literal('enterprise'), Type.Literal('cooperative'), Type.Literal('individual_business'), Type.Literal('farmer')]),
    townshipCode: OrNull(Type.String()),
    villageCode: OrNull(Type.String()),
    approvedAt: Type.String(),
  }),
});

export const HouseholdCredited = defineEvent({
  type: 'parties.household-credited',
  version: 1,
  aggregate: 'household',
  description: '贫困户获得带贫收益 A paid order credited a poor household',
  payload: Type.Object({
    householdId: Type.String(),
    orderId: Type.String(),
    townshipCode: OrNull(Type.String()),
    villageCode: OrNull(Type.String()),
    amountFen: Type.Integer(),
    creditedAt: Type.String(),
  }),
});

export const HouseholdCreditReversed = defineEvent({
  type: 'parties.household-credit-reversed',
  version: 1,
  aggregate: 'household',
  description: '贫困户带贫收益冲回 A refund took back a household’s credit',
  payload: Type.Object({ householdId: Type.String(), orderId: Type.String(), amountFen: Type.Integer(), reversedAt: Type.String() }),
});

export const ComplaintFiled = defineEvent({
  type: 'trace.complaint-filed',
  version: 1,
  aggregate: 'complaint',
  description: '消费者投诉 A consumer complained',
  payload: Type.Object({ complaintId: Type.String(), filedAt: Type.String(), townshipCode: Type.Union([Type.String(), Type.Null()]) }),
});

const PLAYER_KINDS = ['enterprise', 'cooperative', 'service_firm', 'trader', 'individual'] as const;
const PLATFORMS = ['taobao', 'tmall', 'jd', 'pdd', 'douyin', 'kuaishou', 'weidian', 'wechat', 'other'] as const;

export const PlayerRegistered = defineEvent({
  type: 'players.player-registered',
  version: 1,
  aggregate: 'player',
  description: '市场主体已登记 A market player was registered',
  payload: Type.Object({ playerId: Type.String(), name: Type.String(), kind: StringEnum(PLAYER_KINDS), townshipCode: Nullable(Type.String()), villageCode: Nullable(Type.String()), registeredAt: Type.String() }),
});

export const ShopOpened = defineEvent({
  type: 'players.shop-opened',
  version: 1,
  aggregate: 'shop',
  description: '站外店铺已登记 A player’s shop on another platform was recorded',
  payload: Type.Object({ shopId: Type.String(), playerId: Type.String(), platform: StringEnum(PLATFORMS), openedOn: Type.String(), townshipCode: Nullable(Type.String()) }),
});

export const ShopMonthReported = defineEvent({
  type: 'players.shop-month-reported',
  version: 1,
  aggregate: 'shop',
  description: '站外店铺月报 A shop’s month was reported (a higher version replaces the earlier)',
  payload: Type.Object({
    shopId: Type.String(),
    playerId: Type.String(),
    platform: StringEnum(PLATFORMS),
    month: Type.String(),
    salesFen: Type.Integer(),
    orders: Type.Integer(),
    produceFen: Type.Integer(),
    townshipCode: Nullable(Type.String()),
    villageCode: Nullable(Type.String()),
    version: Type.Integer(),
  }),
});

const TRACKS = ['officials', 'sellers', 'station_staff'] as const;
const LEVELS = ['basic', 'advanced', 'elite'] as const;
const MODES = ['onsite', 'online'] as const;

export const PersonTimeCounted = defineEvent({
  type: 'training.person-time-counted',
  version: 1,
  aggregate: 'trainee',
  description: '培训人次已计入 One trainee was present at one session, or completed one online course',
  payload: Type.Object({
    personTimeId: Type.String(),
    traineeId: Type.String(),
    track: StringEnum(TRACKS),
    level: Nullable(StringEnum(LEVELS)),
    mode: StringEnum(MODES),
    townshipCode: Nullable(Type.String()),
    villageCode: Nullable(Type.String()),
    poor: Type.Boolean(),
    countedAt: Type.String(),
  }),
});

export const PersonTimeWithdrawn = defineEvent({
  type: 'training.person-time-withdrawn',
  version: 1,
  aggregate: 'trainee',
  description: '培训人次已撤回 A mistaken tick was taken back',
  payload: Type.Object({ personTimeId: Type.String(), traineeId: Type.String(), withdrawnAt: Type.String() }),
});

export const CourseCompleted = defineEvent({
  type: 'training.course-completed',
  version: 1,
  aggregate: 'trainee',
  description: '课程已结业 A trainee completed a course',
  payload: Type.Object({
    completionId: Type.String(),
    traineeId: Type.String(),
    track: StringEnum(TRACKS),
    mode: StringEnum(MODES),
    townshipCode: Nullable(Type.String()),
    poor: Type.Boolean(),
    completedAt: Type.String(),
  }),
});

export const CourseCompletionRevoked = defineEvent({
  type: 'training.course-completion-revoked',
  version: 1,
  aggregate: 'trainee',
  description: '课程结业已撤销 The only person-time a completion rested on was withdrawn',
  payload: Type.Object({ completionId: Type.String(), traineeId: Type.String(), revokedAt: Type.String() }),
});

export const OutcomeRecorded = defineEvent({
  type: 'training.outcome-recorded',
  version: 1,
  aggregate: 'trainee',
  description: '培训成效已记录 A trainee went on to sell, open a shop, run a point or work for an e-commerce firm',
  payload: Type.Object({
    outcomeId: Type.String(),
    traineeId: Type.String(),
    kind: StringEnum(['seller', 'shop', 'point_operator', 'employed'] as const),
    townshipCode: Nullable(Type.String()),
    poor: Type.Boolean(),
    recordedAt: Type.String(),
  }),
});

const SERVICE_KINDS = ['proxy_buy', 'consignment', 'purchase', 'bill', 'ticket', 'cash_withdrawal', 'loan_referral', 'farm_input'] as const;

export const StationServiceRecorded = defineEvent({
  type: 'stations.service-recorded',
  version: 1,
  aggregate: 'station-record',
  description: '站点服务已记录 A station or village point recorded a service for a villager',
  payload: Type.Object({
    recordId: Type.String(),
    townshipCode: Type.String(),
    villageCode: Nullable(Type.String()),
    day: Type.String(),
    service: StringEnum(SERVICE_KINDS),
    amountFen: Type.Integer(),
    poor: Type.Boolean(),
  }),
});

export const StationServiceVoided = defineEvent({
  type: 'stations.service-voided',
  version: 1,
  aggregate: 'station-record',
  description: '站点服务已作废 A service record was voided the same day',
  payload: Type.Object({ recordId: Type.String() }),
});

/** Every event the rollups read (the subscriber `stats.rollups`). */
export const STATS_INPUT_EVENTS = [
  OrderPaid,
  OrderRefunded,
  ParcelRegistered,
  ParcelArrived,
  SellerApproved,
  HouseholdCredited,
  HouseholdCreditReversed,
  ComplaintFiled,
  PlayerRegistered,
  ShopOpened,
  ShopMonthReported,
  PersonTimeCounted,
  PersonTimeWithdrawn,
  CourseCompleted,
  CourseCompletionRevoked,
  OutcomeRecorded,
  StationServiceRecorded,
  StationServiceVoided,
] as const;
