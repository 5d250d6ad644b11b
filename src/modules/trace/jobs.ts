import { defineJob } from '../../kernel/jobs/index.js';
import type { TraceFileService } from './files.service.js';
import type { RecallService } from './recalls.service.js';
import type { ScanService } from './scan.service.js';

export const traceJobs = (recalls: RecallService, scans: ScanService, files: TraceFileService) => [
  defineJob({
    name: 'trace.withdraw-recalled',
    title: '召回订单撤回 Cancel and refund unshipped orders an open recall reaches (finishing a recall cut short)',
    every: 60_000,
    run: async () => ({ withdrawn: await recalls.withdrawPending() }),
  }),
  defineJob({
    name: 'trace.purge-complaint-counters',
    title: '清理投诉计数 Remove complaint counters whose window has passed',
    every: 60 * 60_000,
    run: () => scans.purgeComplaintCounters(),
  }),
  defineJob({
    name: 'trace.purge-uncited-lab-reports',
    title: '清理未引用检测报告 Remove lab reports no record cites, a day after upload, and past upload quotas',
    every: 60 * 60_000,
    run: () => files.purgeUncited(),
  }),
];
