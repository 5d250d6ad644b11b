import type { AnyKysely } from '../../kernel/db.js';

/** A village as logistics needs it: where its parcels are collected. */
export interface VillagePlace {
  code: string;
  name: string;
  townshipCode: string;
  townshipName: string;
  /** The operating village delivery or service point; null when the village has none yet. */
  pointSiteId: string | null;
}

export interface TownshipPlace {
  code: string;
  name: string;
  /** The township transfer station, where villages without a point collect their parcels. */
  transferSiteId: string | null;
}

export interface PlaceBook {
  warehouseSiteId: string | null;
  townships: TownshipPlace[];
  villages: VillagePlace[];
  /** Division code of each site logistics may send to or scan at. */
  siteDivision: Map<string, string>;
  siteName: Map<string, string>;
  siteKind: Map<string, string>;
  countyName: string;
}

/** What logistics must know of the network, kept by another module. */
export interface LogisticsPlaces {
  placeBook(): Promise<PlaceBook>;
}

/** A text message to a phone; the local implementation keeps it in an outbox that people and tests can read. */
export interface Notifier {
  sms(trx: AnyKysely, message: { phone: string; template: string; params: Record<string, string>; ref: string }): Promise<void>;
}

/** What logistics does to marketplace orders: ship one when its produce is handed to a carrier. */
export interface OrderShipping {
  /** Ships the order with this carrier and waybill; doing it twice with the same waybill is harmless. */
  shipped(orderId: string, carrier: string, waybillNo: string): Promise<void>;
  /** An order as its parcel needs it (phone unmasked); null when there is no such order. */
  order(orderId: string): Promise<ShippableOrder | null>;
}

/** The buyer of an order and where it goes, and where it is sent from: who may send it up depends on that. */
export interface ShippableOrder {
  buyerUserId: string;
  name: string;
  phone: string;
  address: string;
  /** The division (village, township or county) of the order's seller; null if the seller is gone. */
  sellerDivisionCode: string | null;
  /** The village point that took the order's cash, if any. */
  pickupSiteId: string | null;
}

/** Whose phone is whose: the recipient of a parcel sees it unmasked. */
export interface PhoneBook {
  phoneOf(userId: string): Promise<string | null>;
}
