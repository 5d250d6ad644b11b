import type { CatalogService } from '../modules/catalog/index.js';
import type { ParcelService } from '../modules/logistics/index.js';
import type { SmsSender } from '../modules/notify/index.js';
import type { OrdersService } from '../modules/orders/index.js';
import type { SellerService } from '../modules/parties/index.js';
import type { TraceNotifier, TraceSales, TraceSellers, TraceStock } from '../modules/trace/index.js';

/** Marketplace sellers as producers (parties). */
export const traceSellers = (sellers: SellerService): TraceSellers => ({
  seller: (id) => sellers.producerFacts(id),
  managedBy: (userId) => sellers.managedBy(userId),
});

/** Batches become catalogue stock; a recall or a regulator's review holds it (and a released review gives it back). Certifications come from the product. */
export const traceStock = (catalog: CatalogService): TraceStock => ({
  skuOwner: (skuId) => catalog.skuOwner(skuId),
  addStock: (trx, skuId, location, quantity) => catalog.addStock(trx, skuId, location, quantity),
  freezeStock: (trx, skuId, location, quantity) => catalog.freezeStock(trx, skuId, location, quantity),
  thawStock: (trx, skuId, location, quantity) => catalog.freezeStock(trx, skuId, location, -quantity),
  certifications: (productId) => catalog.certificationsOf(productId),
});

/** Orders and the parcels that carried them, to follow a batch to its buyers; a recall withdraws the unshipped ones. */
export const traceSales = (orders: OrdersService, parcels: ParcelService): TraceSales => ({
  orders: (ids, db) => orders.briefs(ids, db),
  parcels: (ids) => parcels.forOrders(ids),
  buyerCount: (ids) => orders.buyerCount(ids),
  withdraw: (id, reason) => orders.withdrawRecalled(id, reason),
});

/** Recall notices go out as text messages through the notify module, in the recall's transaction. */
export const recallSms = (sms: SmsSender): TraceNotifier => ({
  recallNotice: (trx, m) => sms.send(trx, { phone: m.phone, template: 'recall_notice', params: { county: m.county, orderTail: m.orderId.slice(-6), product: m.productName, batchCode: m.batchCode }, ref: m.ref }),
});
