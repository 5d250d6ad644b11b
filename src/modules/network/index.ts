import { defineModule, type ModuleDeps } from '../../kernel/module.js';
import { networkInit } from './migrations/2026-11-28-network.js';
import { networkPoorTownships } from './migrations/2026-12-06-poor-townships.js';
import { NetworkRepository } from './network.repository.js';
import { networkRoutes } from './network.routes.js';
import { NetworkService } from './network.service.js';

export type { NetworkService } from './network.service.js';
export type { CoverageView, DivisionInput, SiteInput, SiteView, Targets } from './network.schema.js';
export { SITE_KINDS, SITE_SERVICES, SITE_STATUSES } from './network.tables.js';

/** The three-tier service network: divisions, sites and their status, coverage against the plan's targets. */
export function networkModule(deps: ModuleDeps) {
  const service = new NetworkService(new NetworkRepository(deps.db), deps.clock);
  return defineModule({ name: 'network', migrations: [networkInit, networkPoorTownships], service, routes: networkRoutes(service) });
}
