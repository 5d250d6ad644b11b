import type { KernelServices } from '../../kernel/module.js';
import { ProviderSubmitter } from './provider-submit.job.js';
import { LocalProvider } from './providers/local.js';
import type { ServiceProvider } from './providers/provider.js';
import type { StationsPorts } from './ports.js';
import { ProxyBuysService } from './proxy-buys.service.js';
import { servicesRoutes } from './services.routes.js';

/**
 * The services part of the stations module (站点服务 B), put together once for `index.ts`: proxy buys' reads, the
 * providers of the convenience services (the local provider until a county connects real ones) and the job that
 * submits to them.
 */
export function servicesParts(kernel: Pick<KernelServices, 'db' | 'clock' | 'sealer' | 'events'>, ports: StationsPorts, provider: ServiceProvider = new LocalProvider(kernel.db, kernel.clock)) {
  const proxyBuys = new ProxyBuysService(kernel.db, ports.places, ports.parcels);
  const submitter = new ProviderSubmitter(kernel.db, provider, kernel.sealer, kernel.clock, kernel.events);
  return { proxyBuys, submitter, routes: servicesRoutes(proxyBuys), jobs: [submitter.job()] };
}
