/**
 * The shapes of the inputs the rollups are made from: each event's payload as stored in `stats_inputs`, with `_x`,
 * what the ports told when it arrived (so a rebuild needs no port and gives the same numbers years later).
 */

export interface ProductFacts {
  name: string;
  categoryId: string | null;
  categoryName: string | null;
  isProduce: boolean;
  brandId: string | null;
  brandName: string | null;
  pavilions: string[];
  traced: boolean;
}

export interface PlaceFacts {
  townshipCode: string | null;
  villageCode: string | null;
}

/** Enrichment of orders.paid. */
export interface PaidExtra {
  products: Record<string, ProductFacts>;
  seller: PlaceFacts & { name: string | null };
  /** Division names by code, for labels. */
  names: Record<string, string>;
}

export interface PaidPayload {
  orderId: string;
  sellerId: string;
  paidAt: string;
  lines: { productId: string; quantity: number; lineFen: number }[];
  buyerId?: string | null;
  paymentMethod?: 'online' | 'village_cash' | 'cod';
  pointSiteId?: string | null;
  totalFen?: number;
  _x?: PaidExtra;
}

export interface RefundPayload {
  orderId: string;
  refundedAt?: string;
  amountFen?: number;
}

export interface ParcelRegisteredPayload {
  parcelId: string;
  direction: 'down' | 'up';
  townshipCode: string | null;
  villageCode: string | null;
  pointSiteId?: string | null;
  carrier?: string | null;
  registeredAt: string;
  _x?: { names: Record<string, string> };
}

export interface ParcelArrivedPayload {
  parcelId: string;
  townshipCode: string | null;
  villageCode: string | null;
  arrivedAt: string;
  transitMinutes?: number | null;
  onTime: boolean;
  _x?: { names: Record<string, string> };
}

export interface SellerApprovedPayload {
  sellerId: string;
  kind: string;
  townshipCode: string | null;
  villageCode: string | null;
  approvedAt: string;
  isPoorHousehold?: boolean;
  _x?: { names: Record<string, string> };
}

export interface HouseholdCreditedPayload {
  householdId: string;
  orderId: string;
  townshipCode: string | null;
  villageCode: string | null;
  amountFen: number;
  creditedAt: string;
  _x?: { names: Record<string, string> };
}

export interface HouseholdReversedPayload {
  householdId: string;
  orderId: string;
  amountFen: number;
  reversedAt: string;
}

export interface ComplaintPayload {
  complaintId: string;
  filedAt: string;
  productId?: string | null;
  sellerId?: string | null;
  townshipCode: string | null;
  _x?: { names: Record<string, string> };
}

export interface PlayerRegisteredPayload {
  playerId: string;
  name: string;
  kind: string;
  townshipCode: string | null;
  villageCode: string | null;
  registeredAt: string;
  _x?: { names: Record<string, string> };
}

export interface ShopOpenedPayload {
  shopId: string;
  playerId: string;
  platform: string;
  openedOn: string;
  townshipCode: string | null;
  _x?: { names: Record<string, string> };
}

export interface ShopMonthPayload {
  reportId: string;
  shopId: string;
  playerId: string;
  platform: string;
  month: string;
  salesFen: number;
  orders: number;
  produceFen: number;
  townshipCode: string | null;
  villageCode: string | null;
  version: number;
  reportedAt: string;
  source?: string;
  /** The player's kind (from players.player-registered, kept by stats), for the kind dimension. */
  _x?: { names: Record<string, string>; playerKind?: string | null };
}

export interface PersonTimeCountedPayload {
  personTimeId: string;
  traineeId: string;
  sessionId?: string | null;
  courseId?: string | null;
  track: string;
  level?: string | null;
  mode: 'onsite' | 'online';
  organiserId?: string | null;
  townshipCode: string | null;
  villageCode: string | null;
  poor: boolean;
  woman?: boolean;
  countedAt: string;
  _x?: { names: Record<string, string> };
}

export interface PersonTimeWithdrawnPayload {
  personTimeId: string;
  traineeId: string;
  withdrawnAt: string;
}

export interface CourseCompletedPayload {
  completionId: string;
  traineeId: string;
  courseId?: string;
  track: string;
  level?: string | null;
  mode: 'onsite' | 'online';
  townshipCode: string | null;
  poor: boolean;
  completedAt: string;
  _x?: { names: Record<string, string> };
}

export interface CourseCompletionRevokedPayload {
  completionId: string;
  traineeId: string;
  courseId?: string;
  revokedAt: string;
}

export interface OutcomeRecordedPayload {
  outcomeId: string;
  traineeId: string;
  kind: string;
  townshipCode: string | null;
  poor: boolean;
  firstTrainedAt?: string | null;
  recordedAt: string;
  _x?: { names: Record<string, string> };
}

export interface StationServicePayload {
  recordId: string;
  siteId?: string;
  siteKind?: string;
  townshipCode: string;
  villageCode: string | null;
  /** The record's business day (Asia/Shanghai date). */
  day: string;
  at?: string;
  service: string;
  amountFen: number;
  feeFen?: number;
  customerId?: string | null;
  poor: boolean;
  _x?: { names: Record<string, string> };
}

export interface StationVoidPayload {
  recordId: string;
  voidRecordId?: string;
}

/** One stored input, as the appliers read it. */
export interface StatsInput {
  seq: number;
  type: string;
  version: number;
  aggregateId: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}
