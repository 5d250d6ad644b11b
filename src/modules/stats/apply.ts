import type { Dim } from './indicators.js';
import type {
  ComplaintPayload,
  CourseCompletedPayload,
  CourseCompletionRevokedPayload,
  HouseholdCreditedPayload,
  HouseholdReversedPayload,
  PaidPayload,
  ParcelArrivedPayload,
  ParcelRegisteredPayload,
  PersonTimeCountedPayload,
  PersonTimeWithdrawnPayload,
  PlayerRegisteredPayload,
  OutcomeRecordedPayload,
  RefundPayload,
  SellerApprovedPayload,
  ShopMonthPayload,
  ShopOpenedPayload,
  StationServicePayload,
  StationVoidPayload,
  StatsInput,
} from './inputs.js';
import { periodsOf, quarterOfMonth } from './periods.js';

/** [dimension, value] pairs an increment is also counted under, besides the county total. */
export type DimPairs = [Dim, string][];

/** One addition to a sum indicator, in a day (null: month only) and its month. */
export interface Increment {
  i: string;
  d: string | null;
  m: string;
  dims: DimPairs;
  v: number;
}

/** What an input added and may later be taken back (kept in stats_facts). */
export interface OrderFact {
  /** Sums added by the payment; a refund takes them back in proportion. */
  adds?: Increment[];
  totalFen?: number;
  refundedFen?: number;
  /** Refunds that came before their payment was known (applied when it comes). */
  pending?: { amountFen: number | null }[];
}
export interface CreditFact {
  adds?: Increment[];
  amountFen?: number;
  reversedFen?: number;
  pending?: number[];
}
export interface ReportFact {
  version: number;
  adds: Increment[];
}
export interface PlayerFact {
  kind: string;
}
/** What a person-time added (its sums and its trainee's distinct-count periods), taken back by its withdrawal. */
export interface PersonTimeFact {
  adds?: Increment[];
  traineeId?: string;
  day?: string;
  month?: string;
  dims?: DimPairs;
  /** The withdrawal came first (never in seq order; kept so a late count adds nothing). */
  withdrawn?: boolean;
}
/**
 * What a course completion added while it counts (`adds`), taken back by its revocation and added again by a
 * re-completion (the same completionId published again). `early`: revocations that came before any completion
 * (never in seq order; each cancels the completion that comes after it).
 */
export interface CompletionFact {
  adds?: Increment[];
  counted?: boolean;
  early?: number;
}
/** A trainee's live person-times (by day, month and place), so a withdrawal keeps them counted while another remains. */
export interface TraineeFact {
  live: { id: string; day: string; month: string; dims: DimPairs }[];
}
/** What a station service record added, taken back by its void; `voided` alone: the void came first (never in seq order). */
export interface StationServiceFact {
  adds?: Increment[];
  voided?: boolean;
}
type Fact = OrderFact | CreditFact | ReportFact | PlayerFact | PersonTimeFact | TraineeFact | CompletionFact | StationServiceFact;

export const rollupKey = (indicator: string, grain: string, period: string, dim: string, dimValue: string) => `${indicator}\u0001${grain}\u0001${period}\u0001${dim}\u0001${dimValue}`;
export const memberKey = (indicator: string, grain: string, period: string, dim: string, dimValue: string, member: string) => `${rollupKey(indicator, grain, period, dim, dimValue)}\u0001${member}`;

/** The fact keys an input reads or writes (loaded before a batch is applied). */
export function factKeysOf(input: StatsInput): string[] {
  const p = input.payload as Record<string, string>;
  switch (input.type) {
    case 'orders.paid':
    case 'orders.refunded':
      return [`order:${p.orderId}`];
    case 'parties.household-credited':
    case 'parties.household-credit-reversed':
      return [`credit:${p.householdId}:${p.orderId}`];
    case 'players.shop-month-reported':
      return [`report:${p.shopId}:${p.month}`];
    case 'players.player-registered':
      return [];
    case 'training.person-time-counted':
    case 'training.person-time-withdrawn':
      return [`pt:${p.personTimeId}`, `trainee:${p.traineeId}`];
    case 'training.course-completed':
    case 'training.course-completion-revoked':
      return [`completion:${p.completionId}`];
    case 'stations.service-recorded':
    case 'stations.service-voided':
      return [`station:${p.recordId}`];
    default:
      return [];
  }
}

/**
 * Applies inputs in memory: the sums to add per rollup key, the members to count once, the facts as they stand
 * after, and the labels seen. A batch of any size is one transaction's work (live: one event; rebuild: thousands);
 * the caller writes it with one upsert per key (stats.repository.ts).
 */
export class RollupBatch {
  readonly sums = new Map<string, number>();
  readonly members = new Set<string>();
  /** Members a withdrawal takes out (deleted, and their count taken back, when written). */
  readonly removedMembers = new Set<string>();
  readonly facts: Map<string, Fact | null>;
  readonly changedFacts = new Set<string>();
  readonly labels = new Map<string, string>();

  constructor(facts: Map<string, string | null>) {
    this.facts = new Map([...facts].map(([k, v]) => [k, v === null ? null : (JSON.parse(v) as Fact)]));
  }

  apply(input: StatsInput): void {
    switch (`${input.type}@${input.version}`) {
      case 'orders.paid@1':
        return this.paid(input.payload as unknown as PaidPayload);
      case 'orders.refunded@1':
        return this.refunded(input.payload as unknown as RefundPayload, input.occurredAt);
      case 'logistics.parcel-registered@1':
        return this.parcelRegistered(input.payload as unknown as ParcelRegisteredPayload);
      case 'logistics.parcel-arrived@1':
        return this.parcelArrived(input.payload as unknown as ParcelArrivedPayload);
      case 'parties.seller-approved@1':
        return this.sellerApproved(input.payload as unknown as SellerApprovedPayload);
      case 'parties.household-credited@1':
        return this.credited(input.payload as unknown as HouseholdCreditedPayload);
      case 'parties.household-credit-reversed@1':
        return this.reversed(input.payload as unknown as HouseholdReversedPayload);
      case 'trace.complaint-filed@1':
        return this.complaint(input.payload as unknown as ComplaintPayload);
      case 'players.player-registered@1':
        return this.playerRegistered(input.payload as unknown as PlayerRegisteredPayload);
      case 'players.shop-opened@1':
        return this.shopOpened(input.payload as unknown as ShopOpenedPayload);
      case 'players.shop-month-reported@1':
        return this.shopMonth(input.payload as unknown as ShopMonthPayload);
      case 'training.person-time-counted@1':
        return this.personTimeCounted(input.payload as unknown as PersonTimeCountedPayload);
      case 'training.person-time-withdrawn@1':
        return this.personTimeWithdrawn(input.payload as unknown as PersonTimeWithdrawnPayload);
      case 'training.course-completed@1':
        return this.courseCompleted(input.payload as unknown as CourseCompletedPayload);
      case 'training.course-completion-revoked@1':
        return this.completionRevoked(input.payload as unknown as CourseCompletionRevokedPayload);
      case 'training.outcome-recorded@1':
        return this.outcomeRecorded(input.payload as unknown as OutcomeRecordedPayload);
      case 'stations.service-recorded@1':
        return this.stationService(input.payload as unknown as StationServicePayload);
      case 'stations.service-voided@1':
        return this.stationVoided(input.payload as unknown as StationVoidPayload);
      default:
        // An input of a type this version does not read is kept, and applied by a rebuild once it does.
        return;
    }
  }

  // ---- the writers ----

  add(inc: Increment, sign = 1): void {
    const v = inc.v * sign;
    if (v === 0) return;
    const pairs: [string, string][] = [['', ''], ...inc.dims];
    for (const [dim, value] of pairs) {
      if (inc.d !== null) this.bump(rollupKey(inc.i, 'day', inc.d, dim, value), v);
      this.bump(rollupKey(inc.i, 'month', inc.m, dim, value), v);
    }
  }

  private bump(key: string, v: number) {
    const next = (this.sums.get(key) ?? 0) + v;
    this.sums.set(key, next);
  }

  /** Counts `member` once per period of every grain (day, month, quarter, year) and per dimension value. */
  member(indicator: string, at: { day: string | null; month: string }, dims: DimPairs, member: string): void {
    for (const key of memberKeysOf(indicator, at, dims, member)) {
      this.members.add(key);
      this.removedMembers.delete(key);
    }
  }

  /** Takes `member` out of the given member keys (a withdrawal that left the member nothing in those periods). */
  unmember(keys: Iterable<string>): void {
    for (const key of keys) {
      this.members.delete(key);
      this.removedMembers.add(key);
    }
  }

  label(dim: Dim, value: string | null | undefined, label: string | null | undefined): void {
    if (value && label) this.labels.set(`${dim}\u0001${value}`, label);
  }

  private names(names: Record<string, string> | undefined, township: string | null, village: string | null) {
    if (township) this.label('township', township, names?.[township]);
    if (village) this.label('village', village, names?.[village]);
  }

  private fact<T extends Fact>(key: string): T | null {
    return (this.facts.get(key) as T | undefined) ?? null;
  }

  private setFact(key: string, fact: Fact): void {
    this.facts.set(key, fact);
    this.changedFacts.add(key);
  }

  // ---- orders ----

  private paid(p: PaidPayload): void {
    const key = `order:${p.orderId}`;
    const known = this.fact<OrderFact>(key);
    if (known?.adds) return; // paid once
    const { day, month } = periodsOf(p.paidAt);
    const x = p._x;
    const township = x?.seller.townshipCode ?? null;
    const village = x?.seller.villageCode ?? null;
    this.names(x?.names, township, village);
    const channel = p.paymentMethod ?? 'online';
    const place: DimPairs = [];
    if (township) place.push(['township', township]);
    if (village) place.push(['village', village]);
    const adds: Increment[] = [];
    for (const line of p.lines) {
      const facts = x?.products[line.productId];
      const dims: DimPairs = [...place, ['channel', channel], ['source', 'platform'], ['platform', 'countyhub'], ['product', line.productId]];
      this.label('product', line.productId, facts?.name);
      if (facts?.categoryId) {
        dims.push(['category', facts.categoryId]);
        this.label('category', facts.categoryId, facts.categoryName);
      }
      if (facts?.brandId) {
        dims.push(['brand', facts.brandId]);
        this.label('brand', facts.brandId, facts.brandName);
      }
      for (const pavilion of facts?.pavilions ?? []) dims.push(['pavilion', pavilion]);
      const only = (allowed: Dim[]) => dims.filter(([d]) => allowed.includes(d));
      adds.push({ i: 'online_retail_fen', d: day, m: month, dims, v: line.lineFen });
      adds.push({ i: 'platform_sales_fen', d: day, m: month, dims: only(['township', 'village', 'category', 'brand', 'pavilion', 'channel', 'product']), v: line.lineFen });
      if (facts?.isProduce) {
        adds.push({ i: 'produce_online_retail_fen', d: day, m: month, dims, v: line.lineFen });
        adds.push({ i: 'platform_produce_fen', d: day, m: month, dims: only(['township', 'village', 'category', 'brand', 'pavilion', 'product']), v: line.lineFen });
        if (facts.traced) adds.push({ i: 'traced_produce_fen', d: day, m: month, dims: only(['township', 'village', 'category', 'brand', 'product']), v: line.lineFen });
      }
    }
    adds.push({ i: 'orders', d: day, m: month, dims: [...place, ['channel', channel], ['source', 'platform'], ['platform', 'countyhub']], v: 1 });
    for (const inc of adds) this.add(inc);
    if (p.buyerId) this.member('buyers', { day, month }, place, p.buyerId);
    this.member('active_shops', { day, month }, [...(township ? [['township', township] as [Dim, string]] : []), ['source', 'platform'], ['platform', 'countyhub']], `seller:${p.sellerId}`);
    const totalFen = p.totalFen ?? p.lines.reduce((n, l) => n + l.lineFen, 0);
    const fact: OrderFact = { adds, totalFen, refundedFen: 0 };
    this.setFact(key, fact);
    // A refund that arrived first (its payment was purged before stats saw it, or came later) is applied now.
    for (const refund of known?.pending ?? []) this.takeBack(fact, refund.amountFen);
    this.setFact(key, fact);
  }

  private refunded(p: RefundPayload, occurredAt: string): void {
    void occurredAt;
    const key = `order:${p.orderId}`;
    const fact = this.fact<OrderFact>(key);
    const amount = p.amountFen ?? null;
    if (!fact?.adds) {
      // Unknown payment: kept until the payment arrives (a rebuild always sees it first, in seq order).
      this.setFact(key, { ...(fact ?? {}), pending: [...(fact?.pending ?? []), { amountFen: amount }] });
      return;
    }
    this.takeBack(fact, amount);
    this.setFact(key, fact);
  }

  /**
   * Takes back what a payment added, in the period it was paid: all of it when the refunds reach the order's total
   * (the order no longer counts), else the money in proportion (rounded per figure; the last refund takes the rest).
   */
  private takeBack(fact: OrderFact, amountFen: number | null): void {
    const total = fact.totalFen ?? 0;
    const before = fact.refundedFen ?? 0;
    if (total > 0 && before >= total) return;
    const after = amountFen === null ? total : Math.min(total, before + Math.max(0, amountFen));
    fact.refundedFen = after;
    const full = after >= total;
    for (const inc of fact.adds ?? []) {
      if (inc.i === 'orders') {
        if (full) this.add(inc, -1);
        continue;
      }
      const shareBefore = total > 0 ? Math.round((inc.v * before) / total) : 0;
      const shareAfter = full ? inc.v : Math.round((inc.v * after) / total);
      this.add({ ...inc, v: shareAfter - shareBefore }, -1);
    }
  }

  // ---- logistics ----

  private parcelRegistered(p: ParcelRegisteredPayload): void {
    const { day, month } = periodsOf(p.registeredAt);
    this.names(p._x?.names, p.townshipCode, p.villageCode);
    this.add({ i: p.direction === 'up' ? 'parcels_up' : 'parcels_down', d: day, m: month, dims: placeDims(p.townshipCode, p.villageCode), v: 1 });
  }

  private parcelArrived(p: ParcelArrivedPayload): void {
    const { day, month } = periodsOf(p.arrivedAt);
    this.names(p._x?.names, p.townshipCode, p.villageCode);
    const dims = placeDims(p.townshipCode, p.villageCode);
    this.add({ i: 'parcels_arrived', d: day, m: month, dims, v: 1 });
    if (p.onTime) this.add({ i: 'parcels_on_time', d: day, m: month, dims, v: 1 });
  }

  // ---- parties ----

  private sellerApproved(p: SellerApprovedPayload): void {
    const { day, month } = periodsOf(p.approvedAt);
    this.names(p._x?.names, p.townshipCode, p.villageCode);
    this.add({ i: 'sellers_approved', d: day, m: month, dims: [...placeDims(p.townshipCode, p.villageCode), ['kind', p.kind]], v: 1 });
  }

  private credited(p: HouseholdCreditedPayload): void {
    const key = `credit:${p.householdId}:${p.orderId}`;
    const known = this.fact<CreditFact>(key);
    if (known?.adds) return;
    const { day, month } = periodsOf(p.creditedAt);
    this.names(p._x?.names, p.townshipCode, p.villageCode);
    const dims = placeDims(p.townshipCode, p.villageCode);
    const adds: Increment[] = [{ i: 'poor_household_income_fen', d: day, m: month, dims, v: p.amountFen }];
    for (const inc of adds) this.add(inc);
    this.member('poor_households_benefiting', { day, month }, dims, p.householdId);
    const fact: CreditFact = { adds, amountFen: p.amountFen, reversedFen: 0 };
    for (const amount of known?.pending ?? []) this.reverse(fact, amount);
    this.setFact(key, fact);
  }

  private reversed(p: HouseholdReversedPayload): void {
    const key = `credit:${p.householdId}:${p.orderId}`;
    const fact = this.fact<CreditFact>(key);
    if (!fact?.adds) {
      this.setFact(key, { ...(fact ?? {}), pending: [...(fact?.pending ?? []), p.amountFen] });
      return;
    }
    this.reverse(fact, p.amountFen);
    this.setFact(key, fact);
  }

  /** A reversal takes money back from the credit's own period, never more than was credited. */
  private reverse(fact: CreditFact, amountFen: number): void {
    const credited = fact.amountFen ?? 0;
    const before = fact.reversedFen ?? 0;
    const take = Math.max(0, Math.min(credited - before, amountFen));
    fact.reversedFen = before + take;
    const inc = fact.adds?.[0];
    if (inc && take > 0) this.add({ ...inc, v: take }, -1);
  }

  // ---- trace ----

  private complaint(p: ComplaintPayload): void {
    const { day, month } = periodsOf(p.filedAt);
    this.names(p._x?.names, p.townshipCode, null);
    this.add({ i: 'complaints', d: day, m: month, dims: placeDims(p.townshipCode, null), v: 1 });
  }

  // ---- players ----

  private playerRegistered(p: PlayerRegisteredPayload): void {
    // Its kind, for the kind dimension of its shops' reports (enriched when they arrive).
    this.setFact(`player:${p.playerId}`, { kind: p.kind });
    if (p.kind !== 'enterprise' && p.kind !== 'service_firm') return;
    const { day, month } = periodsOf(p.registeredAt);
    this.names(p._x?.names, p.townshipCode, p.villageCode);
    this.add({ i: 'ecommerce_enterprises_registered', d: day, m: month, dims: [...placeDims(p.townshipCode, null), ['kind', p.kind]], v: 1 });
  }

  private shopOpened(p: ShopOpenedPayload): void {
    const day = p.openedOn;
    this.names(p._x?.names, p.townshipCode, null);
    this.add({ i: 'external_shops_opened', d: day, m: day.slice(0, 7), dims: [...placeDims(p.townshipCode, null), ['platform', p.platform]], v: 1 });
  }

  /** A shop's month: version N replaces what version N−1 added; an older version arriving late changes nothing. */
  private shopMonth(p: ShopMonthPayload): void {
    const key = `report:${p.shopId}:${p.month}`;
    const known = this.fact<ReportFact>(key);
    if (known && known.version >= p.version) return;
    for (const inc of known?.adds ?? []) this.add(inc, -1);
    this.names(p._x?.names, p.townshipCode, p.villageCode);
    const m = p.month;
    const place = placeDims(p.townshipCode, p.villageCode);
    const sourced: DimPairs = [...place, ['channel', 'external'], ['source', 'external'], ['platform', p.platform]];
    const kind = p._x?.playerKind;
    const adds: Increment[] = [
      { i: 'online_retail_fen', d: null, m, dims: sourced, v: p.salesFen },
      { i: 'produce_online_retail_fen', d: null, m, dims: sourced, v: p.produceFen },
      { i: 'external_sales_fen', d: null, m, dims: [...place, ['platform', p.platform], ...(kind ? [['kind', kind] as [Dim, string]] : [])], v: p.salesFen },
      { i: 'orders', d: null, m, dims: sourced, v: p.orders },
    ];
    for (const inc of adds) this.add(inc);
    if (p.salesFen > 0) this.member('active_shops', { day: null, month: m }, [...placeDims(p.townshipCode, null), ['source', 'external'], ['platform', p.platform]], `shop:${p.shopId}`);
    this.setFact(key, { version: p.version, adds });
  }

  // ---- training ----

  /**
   * One person-time (present at a session, or an online course completed), in the period of its check-in or
   * completion: person-times, the poor's, and the trainee once per period (distinct). Kept by personTimeId so its
   * withdrawal takes back exactly this.
   */
  private personTimeCounted(p: PersonTimeCountedPayload): void {
    const key = `pt:${p.personTimeId}`;
    const known = this.fact<PersonTimeFact>(key);
    if (known?.adds || known?.withdrawn) return; // counted once; withdrawn before it came: nothing to count
    const { day, month } = periodsOf(p.countedAt);
    this.names(p._x?.names, p.townshipCode, p.villageCode);
    const place = placeDims(p.townshipCode, p.villageCode);
    const dims: DimPairs = [...place, ['track', p.track]];
    const adds: Increment[] = [{ i: 'training_person_times', d: day, m: month, dims, v: 1 }];
    if (p.poor) adds.push({ i: 'training_poor_person_times', d: day, m: month, dims, v: 1 });
    for (const inc of adds) this.add(inc);
    this.member('training_trainees', { day, month }, dims, p.traineeId);
    const traineeKey = `trainee:${p.traineeId}`;
    const trainee = this.fact<TraineeFact>(traineeKey) ?? { live: [] };
    this.setFact(traineeKey, { live: [...trainee.live, { id: p.personTimeId, day, month, dims }] });
    this.setFact(key, { adds, traineeId: p.traineeId, day, month, dims });
  }

  /** A mistaken tick taken back: its sums leave their period, and the trainee leaves each period where nothing else counts them. */
  private personTimeWithdrawn(p: PersonTimeWithdrawnPayload): void {
    const key = `pt:${p.personTimeId}`;
    const fact = this.fact<PersonTimeFact>(key);
    if (!fact?.adds) {
      if (!fact?.withdrawn) this.setFact(key, { withdrawn: true });
      return;
    }
    for (const inc of fact.adds) this.add(inc, -1);
    const traineeKey = `trainee:${p.traineeId}`;
    const live = (this.fact<TraineeFact>(traineeKey)?.live ?? []).filter((x) => x.id !== p.personTimeId);
    this.setFact(traineeKey, { live });
    const gone = new Set(memberKeysOf('training_trainees', { day: fact.day!, month: fact.month! }, fact.dims ?? [], p.traineeId));
    for (const other of live) for (const k of memberKeysOf('training_trainees', other, other.dims, p.traineeId)) gone.delete(k);
    this.unmember(gone);
    this.setFact(key, { withdrawn: true });
  }

  /**
   * A course completed (first, or again after a revocation: the same completionId), in the period of its completion.
   * Kept by completionId so its revocation takes back exactly this; while it counts, a repeat adds nothing.
   */
  private courseCompleted(p: CourseCompletedPayload): void {
    const key = `completion:${p.completionId}`;
    const known = this.fact<CompletionFact>(key);
    if (known?.counted) return;
    if (known?.early) {
      // Revoked before it came: this completion is already taken back.
      this.setFact(key, { early: known.early - 1 });
      return;
    }
    const { day, month } = periodsOf(p.completedAt);
    this.names(p._x?.names, p.townshipCode, null);
    const adds: Increment[] = [{ i: 'training_completions', d: day, m: month, dims: [...placeDims(p.townshipCode, null), ['track', p.track]], v: 1 }];
    for (const inc of adds) this.add(inc);
    this.setFact(key, { adds, counted: true });
  }

  /** A completion revoked (its only person-time withdrawn): what it added leaves its period; a repeat takes nothing. */
  private completionRevoked(p: CourseCompletionRevokedPayload): void {
    const key = `completion:${p.completionId}`;
    const fact = this.fact<CompletionFact>(key);
    if (!fact) {
      this.setFact(key, { early: 1 });
      return;
    }
    if (!fact.counted) return; // already revoked
    for (const inc of fact.adds ?? []) this.add(inc, -1);
    this.setFact(key, { counted: false });
  }

  private outcomeRecorded(p: OutcomeRecordedPayload): void {
    const { day, month } = periodsOf(p.recordedAt);
    this.names(p._x?.names, p.townshipCode, null);
    this.add({ i: 'training_outcomes', d: day, m: month, dims: [...placeDims(p.townshipCode, null), ['kind', p.kind]], v: 1 });
  }

  // ---- stations ----

  /**
   * One service at a station or village point, in the period of its business day (the record's Shanghai date):
   * services, their amount and the poor's, by township, village and kind. Kept by recordId so its void takes back
   * exactly this; a repeat adds nothing.
   */
  private stationService(p: StationServicePayload): void {
    const key = `station:${p.recordId}`;
    const known = this.fact<StationServiceFact>(key);
    if (known?.adds || known?.voided) return;
    const day = p.day;
    const month = day.slice(0, 7);
    this.names(p._x?.names, p.townshipCode, p.villageCode);
    const dims: DimPairs = [...placeDims(p.townshipCode, p.villageCode), ['kind', p.service]];
    const adds: Increment[] = [
      { i: 'station_services', d: day, m: month, dims, v: 1 },
      { i: 'station_service_amount', d: day, m: month, dims, v: p.amountFen },
    ];
    if (p.poor) adds.push({ i: 'station_poor_served', d: day, m: month, dims, v: 1 });
    for (const inc of adds) this.add(inc);
    this.setFact(key, { adds });
  }

  /** A service voided (the same day): what it added leaves its period; a repeat takes nothing. */
  private stationVoided(p: StationVoidPayload): void {
    const key = `station:${p.recordId}`;
    const fact = this.fact<StationServiceFact>(key);
    if (fact?.voided) return;
    for (const inc of fact?.adds ?? []) this.add(inc, -1);
    this.setFact(key, { voided: true });
  }
}

/** The member keys of one member at one time: per period of every grain (day, month, quarter, year) and per dimension value. */
export function memberKeysOf(indicator: string, at: { day: string | null; month: string }, dims: DimPairs, member: string): string[] {
  const periods: [string, string][] = [
    ['month', at.month],
    ['quarter', quarterOfMonth(at.month)],
    ['year', at.month.slice(0, 4)],
  ];
  if (at.day) periods.push(['day', at.day]);
  const keys: string[] = [];
  for (const [dim, value] of [['', ''] as [string, string], ...dims]) {
    for (const [grain, period] of periods) keys.push(memberKey(indicator, grain, period, dim, value, member));
  }
  return keys;
}

export function placeDims(township: string | null | undefined, village: string | null | undefined): DimPairs {
  const dims: DimPairs = [];
  if (township) dims.push(['township', township]);
  if (village) dims.push(['village', village]);
  return dims;
}
