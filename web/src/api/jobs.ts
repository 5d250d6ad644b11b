import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from './http.js';
import type { ApiListItem } from './generated/openapi.js';

/** A job as the county admin sees it: schedule, next due, running now, last run and failures in a row. */
export type Job = ApiListItem<'GET /api/v1/jobs'>;

/** One run; `lost`: its process stopped during the run (the lease ran out and another process took the job over). */
export type JobRun = ApiListItem<'GET /api/v1/jobs/{name}/runs'>;
export type RunOutcome = JobRun['outcome'];

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
