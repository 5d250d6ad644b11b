import type { Kysely } from 'kysely';
import { AppError } from '../../kernel/errors.js';
import type { TraceTables } from './trace.tables.js';

const DAY_MS = 86_400_000;
/** A village point registers a few farmers on a busy day; each new producer takes one of a township's 999 numbers. */
export const DAILY_PRODUCERS = 50;

/**
 * Refuses a 51st producer registered by one account within 24 hours (the county office is not counted), answering
 * when the oldest of them leaves the window.
 */
export async function checkDailyProducers(trx: Kysely<TraceTables>, userId: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - DAY_MS).toISOString();
  const recent = await trx.selectFrom('trace_producers').select('created_at').where('manager_user_id', '=', userId).where('created_at', '>', since).orderBy('created_at').execute();
  if (recent.length < DAILY_PRODUCERS) return;
  const frees = new Date(recent[recent.length - DAILY_PRODUCERS].created_at).getTime() + DAY_MS;
  throw new AppError(429, 'PRODUCER_QUOTA', `每个账号每天最多登记 ${DAILY_PRODUCERS} 个生产者，请稍后再试 At most ${DAILY_PRODUCERS} new producers a day per account; try again later`, {
    retryAfterSeconds: Math.max(1, Math.ceil((frees - now.getTime()) / 1000)),
    limit: DAILY_PRODUCERS,
  });
}
