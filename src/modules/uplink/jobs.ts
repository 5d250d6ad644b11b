import { defineJob } from '../../kernel/jobs/index.js';
import type { PushService } from './push.service.js';

export const uplinkJobs = (push: PushService) => [
  defineJob({
    name: 'uplink.prepare',
    title: '准备上报数据 Prepare figures to push upward (new periods and corrections)',
    every: 3600_000,
    run: ({ now }) => push.prepare(now),
  }),
  defineJob({
    name: 'uplink.send',
    title: '推送上报数据 Push figures upward, signed, with retries',
    every: 60_000,
    // A run sends at most 200 deliveries, each within 10 s.
    leaseMs: 40 * 60_000,
    run: ({ now }) => push.send(now),
  }),
];
