import type { JobDef } from './job-def.js';

/** Where a job stands after a run: due again at `dueAt`, or finished for good (`done` / `failed`, one-off jobs only). */
export type NextState = { state: 'ready'; dueAt: Date; attempts: number } | { state: 'done' | 'failed' };

type Rule = Pick<JobDef, 'every' | 'maxAttempts' | 'backoffMs'>;

/** A scheduled job is due again one interval on; a one-off job is done. */
export function afterSuccess(def: Rule, now: Date): NextState {
  if (def.every === null) return { state: 'done' };
  return { state: 'ready', dueAt: new Date(now.getTime() + def.every), attempts: 0 };
}

/**
 * After failed attempt number `attempt`: tried again after the backoff (doubled each attempt) while attempts are
 * left; then a one-off job has failed, and a scheduled one waits for its next turn, starting its attempts afresh.
 */
export function afterFailure(def: Rule, attempt: number, now: Date): NextState {
  if (attempt < def.maxAttempts) return { state: 'ready', dueAt: new Date(now.getTime() + def.backoffMs * 2 ** (attempt - 1)), attempts: attempt };
  if (def.every === null) return { state: 'failed' };
  return { state: 'ready', dueAt: new Date(now.getTime() + def.every), attempts: 0 };
}
