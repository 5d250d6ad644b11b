import type { Modules } from '../app.js';
import type { AnyKysely } from '../kernel/db.js';
import { purgeIdempotencyKeys } from '../kernel/http/idempotency.js';

const EVERY_MS = 60 * 60_000;
/** Unpaid orders give their stock back within a minute of their 30 minutes running out. */
const ORDER_EXPIRY_EVERY_MS = 60_000;

/**
 * Hourly clean-up of expired sessions, sign-in counters and idempotency keys, and every minute the expiry of
 * unpaid orders and the 36-hour alerts of parcels not yet at their village point. Each step only touches what has run out, guarded by its state, so several app processes
 * running it at once do no harm.
 */
export function startHousekeeping(modules: Modules, db: AnyKysely, log: { error(obj: object, msg: string): void }): () => void {
  const run = async () => {
    try {
      await modules.identity.service.purgeExpired();
      await purgeIdempotencyKeys(db);
      await modules.logistics.tracking.purgeMisses();
    } catch (err) {
      log.error({ err }, 'housekeeping failed');
    }
  };
  const expireOrders = async () => {
    try {
      await modules.orders.service.expireOverdue();
      await modules.orders.campaigns.settleDue();
    } catch (err) {
      log.error({ err }, 'order expiry failed');
    }
    try {
      await modules.logistics.promise.raiseAlerts();
    } catch (err) {
      log.error({ err }, 'logistics alerts failed');
    }
  };
  void run();
  const timers = [setInterval(run, EVERY_MS), setInterval(expireOrders, ORDER_EXPIRY_EVERY_MS)];
  for (const timer of timers) timer.unref();
  return () => timers.forEach(clearInterval);
}
