import { defineModule } from '../../kernel/module.js';
import { networkInit } from './migrations/2026-11-28-network.js';
import { networkPoorTownships } from './migrations/2026-12-06-poor-townships.js';
import { NetworkRepository } from './network.repository.js';
import { networkRoutes } from './network.routes.js';
import { NetworkService } from './network.service.js';
import { NetworkWorkbenchCounts } from './workbench-counts.js';

export type { NetworkService } from './network.service.js';
export type { NetworkWorkbenchCounts } from './workbench-counts.js';
export type { CoverageView, DivisionInput, SiteInput, SiteView, Targets } from './network.schema.js';
export { SITE_KINDS, SITE_SERVICES, SITE_STATUSES } from './network.tables.js';

/** The three-tier service network: divisions, sites and their status, coverage against the plan's targets. */
export const networkModule = defineModule({
  name: 'network',
  tablePrefix: 'network_',
  summary: '三级服务网络 The three-tier service network: divisions, sites and their status, coverage against the plan',
  migrations: [networkInit, networkPoorTownships],
  requires: {},
  publishes: [],
  build(kernel) {
    const repo = new NetworkRepository(kernel.db);
    const service = new NetworkService(repo, kernel.clock);
    return { provides: { service, workbench: new NetworkWorkbenchCounts(repo) }, routes: networkRoutes(service) };
  },
});
