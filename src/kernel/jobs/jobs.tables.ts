/** One job: a scheduled job's single row, or one one-off job. Times are ISO-8601 UTC text. */
export interface KernelJobsTable {
  id: string;
  name: string;
  kind: 'scheduled' | 'once';
  /** JSON, one-off jobs only. */
  payload: string | null;
  /** Unique while the job is live: one row per scheduled job, one live one-off job per dedupe key; null once finished. */
  live_key: string | null;
  state: 'ready' | 'done' | 'failed';
  due_at: string;
  /** Attempts made in the current series (reset after a success and after a scheduled job's series gives up). */
  attempts: number;
  lease_owner: string | null;
  lease_until: string | null;
  /** The run holding the lease; still set after the lease ran out means that run was lost. */
  run_id: string | null;
  created_at: string;
  updated_at: string;
}

export type RunOutcome = 'running' | 'succeeded' | 'failed' | 'lost';

export interface KernelJobRunsTable {
  id: string;
  job_id: string;
  name: string;
  attempt: number;
  process_id: string;
  started_at: string;
  finished_at: string | null;
  outcome: RunOutcome;
  error: string | null;
  /** JSON: what the run returned. */
  summary: string | null;
}

export interface JobTables {
  kernel_jobs: KernelJobsTable;
  kernel_job_runs: KernelJobRunsTable;
}
