import type { Modules } from '../app.js';
import type { AnyKysely } from '../kernel/db.js';
import { purgeIdempotencyKeys } from '../kernel/http/idempotency.js';

const EVERY_MS = 60 * 60_000;
/** Unpaid orders give their stock back within a minute of their 30 minutes running out. */
const MINUTE_MS = 60_000;

type Log = { error(obj: object, msg: string): void };

/**
 * The background steps, in order. Each is resumable and idempotent: it works from what is stored (never from memory),
 * every unit of work is its own transaction guarded by the state it moves from, and a step cut short (a crash, a
 * failure, another process doing the same) leaves the rest to its next run, which finishes it without doing any
 * unit twice. One step failing does not stop the others.
 */
export function housekeepingSteps(modules: Modules, db: AnyKysely) {
  return {
    hourly: {
      sessions: () => modules.identity.service.purgeExpired(),
      idempotencyKeys: () => purgeIdempotencyKeys(db),
      trackingMisses: () => modules.logistics.tracking.purgeMisses(),
      complaintCounters: () => modules.trace.scans.purgeComplaintCounters(),
      // Lab reports no record cites, a day after upload (row and bytes), and upload quotas whose day has passed.
      uncitedLabReports: () => modules.trace.files.purgeUncited(),
    },
    everyMinute: {
      // Unpaid orders past their 30 minutes are cancelled (stock and traced units back, the pending payment cancelled).
      orderExpiry: () => modules.orders.service.expireOverdue(),
      // Presales past their deadline: the outcome decided once, then every backing closed (refunds), until settled.
      presaleSettlement: () => modules.orders.campaigns.settleDue(),
      // Unshipped orders reached by an open recall are cancelled and refunded (finishing a recall cut short).
      recallWithdrawals: () => modules.trace.recalls.withdrawPending(),
      // Parcels 36 hours from county receipt without reaching their point (one alert a parcel, inserted once).
      promiseAlerts: () => modules.logistics.promise.raiseAlerts(),
    },
  };
}

/** Runs each step in turn; a failure is logged and the next step still runs. */
export async function runAll(steps: Record<string, () => Promise<unknown>>, log: Log): Promise<void> {
  for (const [name, step] of Object.entries(steps)) {
    try {
      await step();
    } catch (err) {
      log.error({ err, step: name }, `housekeeping step ${name} failed`);
    }
  }
}

/**
 * Hourly clean-up of expired sessions, sign-in counters, idempotency keys and uncited lab reports, and every minute the expiry of unpaid
 * orders, presale settlement, recall withdrawals and the 36-hour alerts of parcels not yet at their village point.
 * Several app processes running them at once do no harm.
 */
export function startHousekeeping(modules: Modules, db: AnyKysely, log: Log): () => void {
  const steps = housekeepingSteps(modules, db);
  const hourly = () => runAll(steps.hourly, log);
  const minutely = () => runAll(steps.everyMinute, log);
  void hourly();
  const timers = [setInterval(hourly, EVERY_MS), setInterval(minutely, MINUTE_MS)];
  for (const timer of timers) timer.unref();
  return () => timers.forEach(clearInterval);
}
