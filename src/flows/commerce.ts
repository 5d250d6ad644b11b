import { systemContext } from '../kernel/context.js';
import type { CatalogService } from '../modules/catalog/index.js';
import type { NetworkService } from '../modules/network/index.js';
import type { OrdersDirectory, SaleHooks, StockKeeper } from '../modules/orders/index.js';
import type { LedgerService, SellerService } from '../modules/parties/index.js';
import type { BatchService } from '../modules/trace/index.js';

/** Orders take stock from the catalogue, inside the order's own transaction. */
export const catalogStock = (catalog: CatalogService): StockKeeper => ({
  reserve: (trx, lines) => catalog.reserve(trx, lines),
  release: (trx, lines) => catalog.release(trx, lines),
  consume: (trx, lines) => catalog.consume(trx, lines),
  skuInfo: (db, skuId) => catalog.skuInfo(db, skuId),
});

/**
 * A paid order credits the linked poor households; a refund takes the credits back. Units reserved for a buyer are
 * taken from traced batches (oldest first) at checkout, paid or not, and given back if the order is cancelled or
 * expires before it ships; an order holding units of a recalled batch is neither paid nor shipped. All in the
 * order's transaction. The batches are asked for late: traceability is built after orders.
 */
export const saleHooks = (ledger: LedgerService, batches: () => BatchService): SaleHooks => ({
  paid: (trx, sale) => ledger.credit(trx, sale),
  refunded: (trx, orderId) => ledger.reverse(trx, orderId),
  committed: (trx, order) => batches().allocate(trx, order),
  released: (trx, orderId) => batches().release(trx, orderId),
  recalled: (trx, orderId) => batches().recalledIn(trx, orderId),
});

/** Sellers an account manages (parties) and the village points that take cash (network). */
export const ordersDirectory = (sellers: SellerService, network: NetworkService): OrdersDirectory => ({
  managedBy: (userId) => sellers.managedBy(userId),
  sellingSellers: async (db) => new Set((await sellers.sellingNames(db)).keys()),
  isPickupPoint: async (siteId) => {
    const site = await network.getSite(systemContext(), siteId).catch(() => null);
    return !!site && site.kind === 'village_point' && site.status === 'operating';
  },
});
