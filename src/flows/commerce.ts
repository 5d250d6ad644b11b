import { systemContext } from '../kernel/context.js';
import type { CatalogService } from '../modules/catalog/index.js';
import type { NetworkService } from '../modules/network/index.js';
import type { SmsSender } from '../modules/notify/index.js';
import type { OrdersDirectory, OrderTexts, StockKeeper } from '../modules/orders/index.js';
import type { SellerService } from '../modules/parties/index.js';

/** Orders take stock from the catalogue, inside the order's own transaction. */
export const catalogStock = (catalog: CatalogService): StockKeeper => ({
  reserve: (trx, lines) => catalog.reserve(trx, lines),
  release: (trx, lines) => catalog.release(trx, lines),
  consume: (trx, lines) => catalog.consume(trx, lines),
  skuInfo: (db, skuId) => catalog.skuInfo(db, skuId),
});

/** Sellers an account manages (parties) and the village points that take cash, with their hours (network). */
export const ordersDirectory = (sellers: SellerService, network: NetworkService): OrdersDirectory => ({
  managedBy: (userId) => sellers.managedBy(userId),
  sellingSellers: async (db) => new Set((await sellers.sellingNames(db)).keys()),
  pickupPoint: async (siteId) => {
    const site = await network.getSite(systemContext(), siteId).catch(() => null);
    if (!site || site.kind !== 'village_point' || site.status !== 'operating') return null;
    const county = await network.county().catch(() => ({ name: '' }));
    return { id: site.id, name: site.name, divisionCode: site.divisionCode, address: site.address ?? '', openingHours: site.openingHours ?? '', countyName: county.name };
  },
});

/** Orders' texts (a walk-in villager's order number) go out through the notify module, in the order's transaction. */
export const orderTexts = (sms: SmsSender): OrderTexts => ({ send: (trx, message) => sms.send(trx, message) });
