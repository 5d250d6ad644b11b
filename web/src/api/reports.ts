import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey, type Page } from './http.js';
import type { ApiBody, ApiListItem } from './generated/openapi.js';

/** A report of a period (月报, 季报, 年报, 绩效自评), one version, with the job's progress. */
export type Report = ApiListItem<'GET /api/v1/reports/reports'>;
export type ReportKind = Report['kind'];
export type ReportStatus = Report['status'];
export type ReportRequest = ApiBody<'POST /api/v1/reports/reports'>;

const key = ['reports'] as const;
/** While a report is being made the list is read again this often (progress bar). */
const POLL_MS = 1_500;

const busy = (items: Report[] | undefined) => !!items?.some((r) => r.status === 'queued' || r.status === 'running');

/** Reports, newest first; polled while one is queued or running. */
export function useReports() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<Page<Report>>('/reports/reports', { query: { limit: 100 }, signal }),
    refetchInterval: (query) => (busy(query.state.data?.items) ? POLL_MS : false),
  });
}

/** 生成: queues a new version of the period's report (one Idempotency-Key per press). */
export function useRequestReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportRequest) => api<Report>('/reports/reports', { method: 'POST', body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

/** The browser downloads the file with the session cookie; the server names it in Chinese. */
export const reportFileUrl = (id: string, format: 'xlsx' | 'pdf') => `/api/v1/reports/reports/${encodeURIComponent(id)}/report.${format}`;
