import type { RequestContext } from '../../kernel/context.js';

/** Parcels at and from a village point, today's delivery runs, and the 48-hour promise (logistics). */
export interface LogisticsFigures {
  point(ctx: RequestContext): Promise<{ toHandOver: number; toSendUp: number }>;
  runsToday(ctx: RequestContext): Promise<{ runs: number; stops: number; stopsLeft: number }>;
  promiseAlerts(ctx: RequestContext): Promise<{ overdue: number; atRisk: number; breaches: number }>;
}

/** Orders waiting to ship, and cash a village point has still to take (orders). */
export interface OrderFigures {
  toShip(ctx: RequestContext): Promise<number>;
  cashToCollect(ctx: RequestContext): Promise<{ orders: number; totalFen: number }>;
}

/** SKUs running low and certificates running out, of the caller's own sellers (catalog). */
export interface CatalogFigures {
  seller(ctx: RequestContext): Promise<{ lowStock: number; expiringCertificates: number }>;
}

/** Applications to sell waiting for review (parties). */
export interface SellerFigures {
  sellersToReview(ctx: RequestContext): Promise<number>;
}

/** The regulator's queue, complaints and open recalls (trace). */
export interface OversightFigures {
  oversight(ctx: RequestContext): Promise<{ reviewsPending: number; complaints: number; recallsOpen: number }>;
}

/** Village points by state, and the name of the caller's place (network). */
export interface NetworkFigures {
  points(ctx: RequestContext): Promise<{ total: number; operating: number; notOperating: number; noOperator: number }>;
  placeName(ctx: RequestContext): Promise<string | null>;
}

/** A trainer's upcoming sessions and this month's person-times, in their own sight (training). */
export interface TrainingFigures {
  trainer(ctx: RequestContext): Promise<{ upcomingSessions: number; next: { id: string; title: string; startsAt: string; placeText: string }[]; personTimesThisMonth: number }>;
}

/** One till's day today: 未开账 / 营业中 / 已日结, its services by kind and the cash it should hold (stations). */
export interface StationDayFigure {
  siteId: string;
  siteName: string;
  status: 'not_opened' | 'open' | 'closed';
  services: number;
  byKind: { kind: string; count: number }[];
  expectedCashFen: number;
}

/** Today's book of every till the caller records at: a village operator its point, a township operator its station (stations). */
export interface StationFigures {
  today(ctx: RequestContext): Promise<StationDayFigure[]>;
}

export interface WorkbenchPorts {
  logistics: LogisticsFigures;
  orders: OrderFigures;
  catalog: CatalogFigures;
  sellers: SellerFigures;
  oversight: OversightFigures;
  network: NetworkFigures;
  training: TrainingFigures;
  stations: StationFigures;
}
