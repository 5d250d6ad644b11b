/** What a job's run receives: its payload (one-off jobs), which attempt this is (1 = first), and the runner's "now". */
export interface JobInput {
  payload: unknown;
  attempt: number;
  now: Date;
}

export interface JobOptions {
  /** Dotted, lower case: `orders.expire-overdue`. Stored with each job and run. */
  name: string;
  /** Chinese first, then English: shown to county admins as it is. */
  title: string;
  /** Milliseconds between runs; a scheduled job when set, otherwise a one-off job made by `enqueue`. */
  every?: number;
  /** The work. What it returns (JSON) is recorded with the run as its summary. */
  run: (input: JobInput) => Promise<unknown>;
  /** Attempts before a one-off job is failed, or a scheduled one waits for its next turn (default 5). */
  maxAttempts?: number;
  /** Wait before the second attempt; doubled for each one after (default 30 s). */
  backoffMs?: number;
  /** How long a claim holds; a run still unfinished then is taken as lost and the job is claimed again (default 5 min). */
  leaseMs?: number;
}

export interface JobDef extends Required<Omit<JobOptions, 'every'>> {
  every: number | null;
}

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/;

export function defineJob(opts: JobOptions): JobDef {
  if (!NAME.test(opts.name) || opts.name.length > 100) throw new Error(`Job name must be dotted lower-case words: ${opts.name}`);
  if (opts.every !== undefined && !(opts.every >= 1000)) throw new Error(`Job ${opts.name}: every must be at least 1000 ms`);
  const def: JobDef = {
    name: opts.name,
    title: opts.title,
    run: opts.run,
    every: opts.every ?? null,
    maxAttempts: opts.maxAttempts ?? 5,
    backoffMs: opts.backoffMs ?? 30_000,
    leaseMs: opts.leaseMs ?? 5 * 60_000,
  };
  if (!(def.maxAttempts >= 1) || !(def.backoffMs >= 0) || !(def.leaseMs >= 1000)) throw new Error(`Job ${opts.name}: maxAttempts >= 1, backoffMs >= 0, leaseMs >= 1000`);
  return def;
}
