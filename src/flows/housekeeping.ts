import type { Modules } from '../app.js';
import type { AnyKysely } from '../kernel/db.js';
import { purgeIdempotencyKeys } from '../kernel/http/idempotency.js';

const EVERY_MS = 60 * 60_000;

/**
 * Hourly clean-up of expired sessions, sign-in counters and idempotency keys. Each step is a plain delete of
 * what has run out, so several app processes running it at once do no harm.
 */
export function startHousekeeping(modules: Modules, db: AnyKysely, log: { error(obj: object, msg: string): void }): () => void {
  const run = async () => {
    try {
      await modules.identity.service.purgeExpired();
      await purgeIdempotencyKeys(db);
    } catch (err) {
      log.error({ err }, 'housekeeping failed');
    }
  };
  void run();
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
