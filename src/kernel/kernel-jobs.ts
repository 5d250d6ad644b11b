import type { AnyKysely } from './db.js';
import type { EventDispatcher } from './events/index.js';
import { purgeIdempotencyKeys } from './http/idempotency.js';
import { defineJob, jobRunsPurge } from './jobs/index.js';

const HOUR = 60 * 60_000;

/** The kernel's own housekeeping: run records, idempotency keys and delivered events past their keeping time. */
export const kernelJobs = (db: AnyKysely, events: EventDispatcher) => [
  jobRunsPurge(db),
  defineJob({
    name: 'kernel.purge-idempotency-keys',
    title: '清理幂等键 Remove Idempotency-Key answers past their 24 hours',
    every: HOUR,
    run: () => purgeIdempotencyKeys(db),
  }),
  defineJob({
    name: 'kernel.purge-delivered-events',
    title: '清理已送达事件 Remove domain events every subscriber has passed, after 30 days',
    every: 24 * HOUR,
    run: async () => ({ removed: await events.purgeDelivered(30) }),
  }),
];
