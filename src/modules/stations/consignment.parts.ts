import type { Kysely } from 'kysely';
import { inline } from '../../kernel/events/index.js';
import type { KernelServices } from '../../kernel/module.js';
import { OrderPaidForConsignment, OrderRefundedForConsignment, OrderStockReleasedForConsignment } from './consignment.events.js';
import type { ConsignmentShop } from './consignment.ports.js';
import { consignmentRoutes } from './consignment.routes.js';
import { ConsignmentService } from './consignment.service.js';
import type { ConsignmentTables } from './consignment.tables.js';
import type { StationPlaces } from './ports.js';
import type { StationsTables } from './stations.tables.js';
import type { StationStock } from './stock.js';

/**
 * 代卖 consignment (D): listings, statements and the settlement of sales with the villagers. The record handlers
 * (handlers/consignment.ts) and the desk part (consignment.desk.ts) are registered in the core's lists. The orders'
 * events are followed inline, in the order's own transaction: a villager's balance never disagrees with the money.
 */
export function consignmentParts(kernel: Pick<KernelServices, 'db' | 'clock'>, ports: { places: StationPlaces; consignment: ConsignmentShop }, stock: StationStock) {
  const db = kernel.db as unknown as Kysely<ConsignmentTables & StationsTables>;
  const service = new ConsignmentService(db, ports.places, ports.consignment, stock, kernel.clock);
  return {
    consignment: service,
    routes: consignmentRoutes(service),
    subscriptions: [
      inline(OrderPaidForConsignment, (trx, event) => service.settleSale(trx, event.payload)),
      // Cancelled before it shipped: stock released first, then the refund (orders' unwind), both in one transaction.
      inline(OrderStockReleasedForConsignment, (trx, event) => service.restock(trx, event.payload.orderId)),
      inline(OrderRefundedForConsignment, (trx, event) => service.settleRefund(trx, event.payload)),
    ],
  };
}
