import { defineModule } from '../../kernel/module.js';
import { EndpointsService } from './endpoints.service.js';
import { InboxService } from './inbox.service.js';
import { uplinkJobs } from './jobs.js';
import { uplinkInit } from './migrations/2026-12-07-uplink.js';
import type { UplinkPorts } from './ports.js';
import { PullService } from './pull.service.js';
import { PushService, type Fetch } from './push.service.js';
import { UplinkRepository } from './uplink.repository.js';
import { uplinkRoutes } from './uplink.routes.js';
import type { KernelServices } from '../../kernel/module.js';

export type { UplinkCounty, UplinkFigure, UplinkFigures, UplinkIndicator, UplinkPorts } from './ports.js';
export type { EndpointView, DeliveryView, PushMessage } from './uplink.schema.js';
export { deliveryKey, type Fetch } from './push.service.js';
export { sign, verify, newSm2KeyPair, SM2_USER_ID, HEADERS as UPLINK_HEADERS } from './signing.js';
export { closedPeriods } from './schedule-rule.js';

/** The module's parts on a kernel and ports; `fetcher` is the HTTP client pushes go through (tests hand in their own). */
export function uplinkParts(kernel: Pick<KernelServices, 'db' | 'sealer' | 'clock'>, ports: UplinkPorts, fetcher?: Fetch) {
  const repo = new UplinkRepository(kernel.db);
  const endpoints = new EndpointsService(repo, kernel.sealer, kernel.clock);
  const push = new PushService(repo, ports, kernel.sealer, kernel.clock, fetcher);
  const inbox = new InboxService(repo, kernel.sealer, kernel.clock);
  const pull = new PullService(ports, kernel.clock);
  return { endpoints, push, inbox, pull, jobs: uplinkJobs(push) };
}

/**
 * 数据上报: the county's figures pushed upward to the city's, province's or nation's platforms, signed (HMAC-SHA256 or
 * SM2/SM3), one version per period and indicator, corrections as new versions, retried with backoff; a receiving
 * endpoint as a city would run it; and the pull API for data centres.
 */
export const uplinkModule = defineModule({
  name: 'uplink',
  tablePrefix: 'uplink_',
  summary: '数据上报 The county’s figures pushed upward, signed, with a delivery log; a receiving endpoint; the pull API for data centres',
  migrations: [uplinkInit],
  requires: {
    figures: 'the county’s figures of a period and the indicator catalogue, from the statistics rollups (stats)',
    county: 'the code and name of the county this deployment serves (network)',
  },
  publishes: [],
  build(kernel, ports: UplinkPorts) {
    const parts = uplinkParts(kernel, ports);
    return { provides: { endpoints: parts.endpoints, push: parts.push, inbox: parts.inbox }, routes: uplinkRoutes(parts), jobs: parts.jobs };
  },
});
