import type { AnyKysely } from '../../kernel/db.js';

/** The county's places as traceability needs them (the network module keeps them). */
export interface TracePlaceBook {
  countyName: string;
  townships: { code: string; name: string }[];
  villages: { code: string; name: string; townshipCode: string; townshipName: string }[];
  /** A site's division code: a village operator works for the village of their site. */
  siteDivision: Map<string, string>;
}
export interface TracePlaces {
  placeBook(): Promise<TracePlaceBook>;
}

/** Marketplace sellers (the parties module). */
export interface TraceSellers {
  seller(id: string): Promise<{ id: string; name: string; creditCode: string | null; divisionCode: string; contactPhone: string } | null>;
  managedBy(userId: string): Promise<string[]>;
}

/** The catalogue's SKUs and stock; the writes run inside the caller's transaction. */
export interface TraceStock {
  skuOwner(skuId: string): Promise<{ skuId: string; spec: string; productId: string; productName: string; sellerId: string; gtin: string | null } | null>;
  addStock(trx: AnyKysely, skuId: string, location: 'county_warehouse' | 'seller', quantity: number): Promise<void>;
  /** Holds units (a recall, a regulator's review): they stay counted but can no longer be sold. */
  freezeStock(trx: AnyKysely, skuId: string, location: 'county_warehouse' | 'seller', quantity: number): Promise<void>;
  /** Gives held units back to sale (a review released). */
  thawStock(trx: AnyKysely, skuId: string, location: 'county_warehouse' | 'seller', quantity: number): Promise<void>;
  /** A product's certifications in force (绿色食品, 有机, 地理标志). */
  certifications(productId: string): Promise<{ kind: string; number: string; issuer: string; validTo: string }[]>;
}

/** Orders and their parcels, read many at once to follow a batch to its buyers. Phones come unmasked. */
export interface TraceSales {
  /** Read through `db` when given (inside a recall's transaction). */
  orders(orderIds: string[], db?: AnyKysely): Promise<{ id: string; status: string; paidAt: string | null; shippedAt: string | null; deliveredAt: string | null; buyerUserId: string; recipientName: string; recipientPhone: string; carrier: string | null; waybillNo: string | null }[]>;
  parcels(orderIds: string[]): Promise<{ orderId: string; carrier: string | null; waybillNo: string | null; status: string }[]>;
  /** How many different buyers placed these orders. */
  buyerCount(orderIds: string[]): Promise<number>;
  /** Cancels an unshipped order holding recalled produce, refunding it if paid; false when it has shipped or ended. */
  withdraw(orderId: string, reason: string): Promise<boolean>;
}

/** Text messages, sent inside the caller's transaction (the notify module). */
export interface TraceNotifier {
  recallNotice(trx: AnyKysely, message: { county: string; phone: string; productName: string; batchCode: string; orderId: string; ref: string }): Promise<void>;
}

/** Every port traceability needs, as its module is built with them. */
export interface TracePorts {
  places: TracePlaces;
  sellers: TraceSellers;
  stock: TraceStock;
  sales: TraceSales;
  notifier: TraceNotifier;
  identifiers: TraceIdentifiers;
  stationPurchases: TraceStationPurchases;
}

/** Farm inputs a producer bought at stations and village points, newest first (stations; voided sales left out). */
export interface TraceStationPurchases {
  ofProducer(producerId: string, limit: number, cursor?: string): Promise<{ items: { recordId: string; day: string; siteName: string; kind: 'seed' | 'fertiliser' | 'pesticide'; name: string; spec: string; unit: string; registrationNo: string | null; quantity: number; amountFen: number }[]; nextCursor: string | null }>;
}

/** Checks of identifiers other modules own (the resident ID number of a farmer producer). */
export interface TraceIdentifiers {
  /** What is wrong with a resident ID number, or null. */
  residentIdProblem(id: string): string | null;
}
