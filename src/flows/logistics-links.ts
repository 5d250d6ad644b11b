import { systemContext } from '../kernel/context.js';
import type { Clock } from '../kernel/clock.js';
import type { IdentityService } from '../modules/identity/index.js';
import type { LogisticsPlaces, Notifier, OrderShipping, PhoneBook, PlaceBook } from '../modules/logistics/index.js';
import type { NetworkService } from '../modules/network/index.js';
import type { SmsSender } from '../modules/notify/index.js';
import type { OrdersService } from '../modules/orders/index.js';
import type { SellerService } from '../modules/parties/index.js';

/** How long logistics works from one reading of the network; a new point is seen within this time. */
const PLACES_TTL_MS = 30_000;

/**
 * Logistics' view of the network: villages, the operating point that collects each one's parcels (the delivery
 * point, else the service point), each township's transfer station, and the county warehouse.
 */
export function networkPlaces(network: NetworkService, clock: Clock): LogisticsPlaces {
  let cached: { at: number; book: Promise<PlaceBook> } | null = null;
  const read = async (): Promise<PlaceBook> => {
    const ctx = systemContext();
    const [county, townships, villages] = await Promise.all([network.county().catch(() => ({ name: '' })), network.listDivisions(ctx, { level: 'township' }), network.listDivisions(ctx, { level: 'village' })]);
    const kinds = ['county_warehouse', 'township_transfer', 'township_station', 'village_point', 'village_delivery'] as const;
    const sites = (await Promise.all(kinds.map((kind) => network.publicPoints(kind)))).flat();
    const pointOf = (code: string) => sites.find((s) => s.kind === 'village_delivery' && s.divisionCode === code) ?? sites.find((s) => s.kind === 'village_point' && s.divisionCode === code);
    const townshipName = new Map(townships.map((t) => [t.code, t.name]));
    return {
      countyName: county.name,
      warehouseSiteId: sites.find((s) => s.kind === 'county_warehouse')?.id ?? null,
      townships: townships.map((t) => ({ code: t.code, name: t.name, transferSiteId: sites.find((s) => s.kind === 'township_transfer' && s.divisionCode === t.code)?.id ?? null })),
      villages: villages.map((v) => ({ code: v.code, name: v.name, townshipCode: v.parentCode ?? v.code.slice(0, 9), townshipName: townshipName.get(v.parentCode ?? '') ?? '', pointSiteId: pointOf(v.code)?.id ?? null })),
      siteDivision: new Map(sites.map((s) => [s.id, s.divisionCode])),
      siteName: new Map(sites.map((s) => [s.id, s.name])),
      siteKind: new Map(sites.map((s) => [s.id, s.kind])),
    };
  };
  return {
    placeBook() {
      const now = clock.now().getTime();
      if (!cached || now - cached.at > PLACES_TTL_MS || now < cached.at) {
        const book = read();
        cached = { at: now, book };
        book.catch(() => (cached = null));
      }
      return cached.book;
    },
  };
}

/** Parcel messages go out through the notify module's SMS sender, in the scan's transaction. */
export const smsNotifier = (sms: SmsSender): Notifier => ({ sms: (trx, message) => sms.send(trx, message) });

export const accountPhones = (identity: IdentityService): PhoneBook => ({ phoneOf: (userId) => identity.phoneOf(userId) });

/**
 * Produce handed to a carrier ships its marketplace order; an order gives its parcel a recipient, and says where it
 * is sent from (its seller's place, the point that took its cash) so logistics can tell who may send it up.
 */
export function orderShipping(orders: OrdersService, sellers: Pick<SellerService, 'producerFacts'>): OrderShipping {
  return {
    async shipped(orderId, carrier, waybillNo) {
      const order = await orders.get(systemContext(), orderId);
      if (order.status === 'shipped' && order.carrier === carrier && order.waybillNo === waybillNo) return;
      await orders.ship(systemContext(), orderId, carrier, waybillNo);
    },
    async order(orderId) {
      const recipient = await orders.recipient(orderId);
      if (!recipient) return null;
      const { sellerId, pickupSiteId } = await orders.get(systemContext(), orderId);
      const seller = await sellers.producerFacts(sellerId);
      return { ...recipient, sellerDivisionCode: seller?.divisionCode ?? null, pickupSiteId };
    },
  };
}
