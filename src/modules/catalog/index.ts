import { defineModule, type ModuleDeps } from '../../kernel/module.js';
import { CatalogRepository } from './catalog.repository.js';
import { catalogRoutes } from './catalog.routes.js';
import { CatalogService } from './catalog.service.js';
import type { MarketDirectory } from './directory.js';
import { catalogInit } from './migrations/2026-11-28-catalog.js';
import { ShopService } from './shop.service.js';
import { PhotoService } from './photos.service.js';
import { photosInit } from './migrations/2026-11-28-photos.js';
import { frozenStock } from './migrations/2026-12-02-frozen-stock.js';
import { searchVersion } from './migrations/2026-12-06-search-version.js';
import type { FileStore } from '../../kernel/files.js';

export type { CatalogService, ReservedLine } from './catalog.service.js';
export type { ShopService } from './shop.service.js';
export type { MarketDirectory } from './directory.js';
export type { ProductInput, ProductView } from './catalog.schema.js';

/** Categories, regional brands and licences, products and stock, certifications, pavilions, Chinese search. */
export function catalogModule(deps: ModuleDeps & { directory: MarketDirectory; files: FileStore }) {
  const repo = new CatalogRepository(deps.db);
  const catalog = new CatalogService(repo, deps.directory, deps.clock);
  const shop = new ShopService(repo, deps.directory, deps.clock);
  const photos = new PhotoService(repo, deps.files, deps.directory, deps.clock);
  return defineModule({ name: 'catalog', migrations: [catalogInit, photosInit, frozenStock, searchVersion], catalog, shop, photos, routes: catalogRoutes(catalog, shop, photos) });
}
