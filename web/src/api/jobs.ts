import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from './http.js';

// Written by hand until web/src/api/generated/openapi.ts is regenerated with the jobs routes (`npm run api-types`);
// then these become ApiListItem<'GET /api/v1/jobs'> and ApiListItem<'GET /api/v1/jobs/{name}/runs'>.

/** How a run ended: lost means its process stopped during the run (its lease ran out, another process took over). */
export type RunOutcome = 'running' | 'succeeded' | 'failed' | 'lost';

export interface JobRun {
  id: string;
  attempt: number;
  startedAt: string;
  finishedAt: string | null;
  outcome: RunOutcome;
  error: string | null;
  summary: unknown;
  processId: string;
}

export interface Job {
  name: string;
  /** Chinese, then English. */
  title: string;
  scheduled: boolean;
  everyMs: number | null;
  schedule: string;
  nextDueAt: string | null;
  running: boolean;
  queued: number;
  lastRun: JobRun | null;
  failuresInRow: number;
}

const jobsKey = ['jobs'] as const;
/** Runs are short and rare: what the page shows is at most this old. */
const REFRESH_MS = 15_000;

/** Every background job (a county has a few dozen), refreshed while the page is open. */
export function useJobs() {
  return useQuery({
    queryKey: jobsKey,
    queryFn: ({ signal }) => api<Page<Job>>('/jobs', { query: { limit: 500 }, signal }),
    refetchInterval: REFRESH_MS,
  });
}

/** A job's newest runs. */
export function useJobRuns(name: string, limit = 10) {
  return useQuery({
    queryKey: [...jobsKey, name, 'runs', limit],
    queryFn: ({ signal }) => api<Page<JobRun>>(`/jobs/${encodeURIComponent(name)}/runs`, { query: { limit }, signal }),
    refetchInterval: REFRESH_MS,
  });
}

/** 立即运行: the scheduled job is due now and runs at the next tick of any app process. */
export function useRunJobNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<Job>(`/jobs/${encodeURIComponent(name)}/run`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: jobsKey }),
  });
}
