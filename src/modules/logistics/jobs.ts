import { defineJob } from '../../kernel/jobs/index.js';
import type { PromiseService } from './promise.service.js';
import type { TrackingService } from './tracking.js';

export const logisticsJobs = (promise: PromiseService, tracking: TrackingService) => [
  defineJob({
    name: 'logistics.promise-alerts',
    title: '48小时时效预警 Alert parcels 36 hours from county receipt not yet at their village point',
    every: 60_000,
    // One alert a parcel, inserted once: a second run finds it there.
    run: async () => ({ alerts: await promise.raiseAlerts() }),
  }),
  defineJob({
    name: 'logistics.purge-tracking-misses',
    title: '清理查询计数 Remove public-tracking lookup counters whose hour has passed',
    every: 60 * 60_000,
    run: () => tracking.purgeMisses(),
  }),
];
