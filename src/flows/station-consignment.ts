import type { CatalogService } from '../modules/catalog/index.js';
import type { OrdersService } from '../modules/orders/index.js';
import type { HouseholdService, SellerService } from '../modules/parties/index.js';
import type { ConsignmentShop } from '../modules/stations/index.js';

/**
 * What a station's 代卖 consignment needs of the shop: the SKU a lot is listed as, with its product and seller
 * (catalog); the sellers an operator's account manages (parties); units put into the stock held at stations
 * (catalog) and a poor villager's household linked to the product (parties), both in the listing's transaction;
 * and where a paid order's units were reserved (orders), read in the order's transaction by the settlement.
 */
export const stationConsignment = (catalog: CatalogService, sellers: SellerService, households: HouseholdService, orders: OrdersService): ConsignmentShop => ({
  async sku(skuId) {
    const sku = await catalog.skuOwner(skuId);
    return sku && { skuId: sku.skuId, spec: sku.spec, unit: sku.unit, netWeightG: sku.netWeightG, priceFen: sku.priceFen, active: sku.active, productId: sku.productId, productName: sku.productName, sellerId: sku.sellerId };
  },
  sellersManagedBy: (userId) => sellers.managedBy(userId),
  addStationStock: (trx, skuId, units) => catalog.addStock(trx, skuId, 'station', units),
  async linkHousehold(trx, ctx, householdId, link) {
    const made = await households.linkWithin(trx, ctx, householdId, { ...link, role: 'grower' });
    return { linkId: made.link.id, shareBp: made.link.shareBp };
  },
  orderLines: (trx, orderId) => orders.lineLocations(orderId, trx),
});
