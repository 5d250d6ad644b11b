import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './http.js';
import { traceKey, useInvalidateTrace, type BatchView, type TraceCrop } from './trace-batches.js';

export const RECALL_RESPONSES = ['returned', 'destroyed', 'refund_requested', 'not_consumed', 'consumed'] as const;
export type RecallResponse = (typeof RECALL_RESPONSES)[number];
export type RecallStatus = 'open' | 'closed';

export interface RecordOverride {
  by: string;
  reason: string;
  at: string;
}

/** A pesticide applied too close to the harvest: applied on, its interval, the first day a harvest keeps it. */
export interface IntervalBreach {
  recordId: string;
  productName: string;
  appliedOn: string;
  intervalDays: number;
  earliestOn: string;
}

/** A harvest the platform refused because it broke a pre-harvest interval. */
export interface RefusalView {
  id: string;
  plotId: string;
  plotName: string;
  producerName: string;
  crop: TraceCrop;
  place: string;
  occurredOn: string;
  quantity: number;
  unit: string;
  breaches: IntervalBreach[];
  attemptedBy: string;
  attemptedAt: string;
  /** A regulator's permission to harvest anyway. */
  override: RecordOverride | null;
  /** The batch made once it was permitted. */
  batchId: string | null;
}

export interface RecallNoticeView {
  id: string;
  orderId: string;
  batchCode: string;
  /** Masked. */
  buyer: string;
  buyerPhone: string | null;
  notifiedAt: string | null;
  response: RecallResponse | null;
  responseNote: string | null;
  respondedAt: string | null;
}

export interface RecallView {
  id: string;
  reason: string;
  status: RecallStatus;
  openedBy: string;
  openedAt: string;
  closedAt: string | null;
  batches: { id: string; code: string; productName: string | null; frozen: number }[];
  counts: { orders: number; buyers: number; notified: number; responded: number; frozen: number };
  notices: RecallNoticeView[];
}

/** A recall notice as its buyer sees it. */
export interface MyRecallNotice {
  id: string;
  recallId: string;
  orderId: string;
  productName: string | null;
  batchCode: string;
  reason: string;
  notifiedAt: string | null;
  response: RecallResponse | null;
  respondedAt: string | null;
}

/** A complaint left on the public scan page. */
export interface ComplaintView {
  id: string;
  batchId: string;
  batchCode: string;
  serial: string | null;
  text: string;
  phone: string | null;
  createdAt: string;
}

const recallPath = (id: string) => `/trace/recalls/${encodeURIComponent(id)}`;

export function useRefusals(pending: boolean) {
  return useQuery({
    queryKey: [...traceKey, 'refusals', pending],
    queryFn: ({ signal }) => api<{ items: RefusalView[] }>('/trace/refusals', { query: { pending: pending || undefined }, signal }).then((r) => r.items),
  });
}

/** 准予采收: the regulator lets a refused harvest through, with the reason on record; the batch is made. */
export function useOverrideRefusal() {
  const invalidate = useInvalidateTrace();
  return useMutation({
    mutationFn: ({ id, reason, idempotencyKey }: { id: string; reason: string; idempotencyKey: string }) =>
      api<{ record: unknown; batch: BatchView }>(`/trace/refusals/${encodeURIComponent(id)}/override`, { method: 'POST', body: { reason }, idempotencyKey }),
    // Also after a failure: someone else may have decided meanwhile.
    onSettled: invalidate,
  });
}

export function useRecalls() {
  return useQuery({ queryKey: [...traceKey, 'recalls'], queryFn: ({ signal }) => api<{ items: RecallView[] }>('/trace/recalls', { signal }).then((r) => r.items) });
}

export function useRecall(id: string | undefined) {
  return useQuery({ queryKey: [...traceKey, 'recall', id], queryFn: ({ signal }) => api<RecallView>(recallPath(id!), { signal }), enabled: !!id });
}

export function useOpenRecall() {
  const invalidate = useInvalidateTrace();
  return useMutation({
    mutationFn: ({ batchIds, reason, idempotencyKey }: { batchIds: string[]; reason: string; idempotencyKey: string }) =>
      api<RecallView>('/trace/recalls', { method: 'POST', body: { batchIds, reason }, idempotencyKey }),
    onSuccess: invalidate,
  });
}

export function useCloseRecall() {
  const invalidate = useInvalidateTrace();
  return useMutation({
    mutationFn: (id: string) => api<RecallView>(`${recallPath(id)}/close`, { method: 'POST' }),
    onSettled: invalidate,
  });
}

export const recallReportUrl = (id: string) => `/api/v1${recallPath(id)}/report.xlsx`;

export function useComplaints(enabled = true) {
  return useQuery({
    queryKey: [...traceKey, 'complaints'],
    queryFn: ({ signal }) => api<{ items: ComplaintView[] }>('/trace/complaints', { signal }).then((r) => r.items),
    enabled,
  });
}

const noticesKey = [...traceKey, 'my-recall-notices'] as const;

/** The signed-in buyer's recall notices; a role without any gets an empty list. */
export function useMyRecallNotices(enabled = true) {
  return useQuery({
    queryKey: noticesKey,
    queryFn: ({ signal }) => api<{ items: MyRecallNotice[] }>('/trace/recall-notices/mine', { signal }).then((r) => r.items),
    enabled,
  });
}

export function useRespondToNotice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, response, note }: { id: string; response: RecallResponse; note?: string }) =>
      api<unknown>(`/trace/recall-notices/${encodeURIComponent(id)}/response`, { method: 'POST', body: { response, note } }),
    onSuccess: () => client.invalidateQueries({ queryKey: noticesKey }),
  });
}
