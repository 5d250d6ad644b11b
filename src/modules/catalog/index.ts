import { defineModule } from '../../kernel/module.js';
import { CatalogRepository } from './catalog.repository.js';
import { catalogRoutes } from './catalog.routes.js';
import { CatalogService } from './catalog.service.js';
import type { MarketDirectory } from './directory.js';
import { catalogInit } from './migrations/2026-11-28-catalog.js';
import { ShopService } from './shop.service.js';
import { PhotoService } from './photos.service.js';
import { CatalogWorkbenchCounts } from './workbench-counts.js';
import { photosInit } from './migrations/2026-11-28-photos.js';
import { frozenStock } from './migrations/2026-12-02-frozen-stock.js';
import { searchVersion } from './migrations/2026-12-06-search-version.js';
import { salesCounts } from './migrations/2026-12-07-sales.js';
import { inline } from '../../kernel/events/index.js';
import { OrderPaid, OrderRefunded } from './events.js';
import { SalesCounter } from './sales.js';

export type { CatalogService, ReservedLine } from './catalog.service.js';
export type { ShopService } from './shop.service.js';
export type { MarketDirectory } from './directory.js';
export { SalesCounter } from './sales.js';
export type { CatalogWorkbenchCounts } from './workbench-counts.js';
export type { ProductInput, ProductView } from './catalog.schema.js';

/** Categories, regional brands and licences, products and stock, certifications, pavilions, Chinese search. */
export const catalogModule = defineModule({
  name: 'catalog',
  tablePrefix: 'catalog_',
  summary: '商品目录 Categories, regional brands and licences, products and stock, certifications, pavilions, Chinese search',
  migrations: [catalogInit, photosInit, frozenStock, searchVersion, salesCounts],
  requires: { directory: 'sellers that may sell and the poor households linked to them (parties)' },
  publishes: [],
  build(kernel, ports: { directory: MarketDirectory }) {
    const repo = new CatalogRepository(kernel.db);
    const catalog = new CatalogService(repo, ports.directory, kernel.clock);
    const shop = new ShopService(repo, ports.directory, kernel.clock);
    const photos = new PhotoService(repo, kernel.files, ports.directory, kernel.clock);
    const sales = new SalesCounter(kernel.db);
    return {
      provides: { catalog, shop, photos, workbench: new CatalogWorkbenchCounts(repo, ports.directory, kernel.clock) },
      routes: catalogRoutes(catalog, shop, photos),
      // 已售 counts follow payments and refunds in the order's transaction, so a card never shows a sale not paid.
      subscriptions: [inline(OrderPaid, (trx, event) => sales.paid(trx, event.payload)), inline(OrderRefunded, (trx, event) => sales.refunded(trx, event.payload.orderId))],
    };
  },
});
