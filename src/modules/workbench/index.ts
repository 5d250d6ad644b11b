import { defineModule } from '../../kernel/module.js';
import type { WorkbenchPorts } from './ports.js';
import { workbenchRoutes } from './workbench.routes.js';
import { WorkbenchService } from './workbench.service.js';

export type { CatalogFigures, LogisticsFigures, NetworkFigures, OrderFigures, OversightFigures, SellerFigures } from './ports.js';
export type { WorkbenchView } from './workbench.schema.js';

/**
 * 工作台: each role's home, its to-dos as counts (parcels to hand over, orders to ship, harvests to review…). It keeps
 * no tables: every figure is asked of the module that owns the work.
 */
export const workbenchModule = defineModule({
  name: 'workbench',
  tablePrefix: 'workbench_',
  summary: '工作台 Each role’s to-dos as counts, asked of the modules that own the work',
  migrations: [],
  requires: {
    logistics: 'parcels at and from a village point, today’s runs and stops, the 48-hour promise (logistics)',
    orders: 'orders to ship for the sellers one manages, cash a village point has to collect (orders)',
    catalog: 'SKUs running low and certificates or brand licences running out (catalog)',
    sellers: 'applications to sell waiting for review (parties)',
    oversight: 'reviews waiting for the regulator, complaints, open recalls (trace)',
    network: 'village points by state and without operator, the name of the caller’s place (network)',
    training: 'a trainer’s upcoming sessions and this month’s person-times of their sessions and organisers (training)',
    stations: 'today’s book of each till an operator records at: opened or closed, services by kind, the cash it should hold (stations)',
  },
  publishes: [],
  build(_kernel, ports: WorkbenchPorts) {
    const service = new WorkbenchService(ports);
    return { provides: { service }, routes: workbenchRoutes(service) };
  },
});
