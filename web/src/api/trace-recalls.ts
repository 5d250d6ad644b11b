import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, type Page } from './http.js';
import { traceKey, useInvalidateTrace, type TraceCrop } from './trace-batches.js';

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

export const FINDING_CODES = ['INTERVAL_NOT_KEPT', 'MAX_USES_EXCEEDED', 'LAB_TEST_FAILED'] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** A rule a harvest broke, and the record that broke it. */
export interface Finding {
  code: FindingCode;
  recordId: string;
  occurredOn: string;
  text: string;
}

export type ReviewKind = 'harvest' | 'hold';
export type DecisionOutcome = 'upheld' | 'released';

/** The regulator's decision: upheld (the refusal stands, the batch stays off sale) or released. */
export interface ReviewDecision {
  outcome: DecisionOutcome;
  by: string;
  reason: string;
  at: string;
}

/**
 * An entry in the regulator's queue (复核队列): a harvest refused because it broke a pre-harvest interval (kind
 * harvest), or a batch held from sale because a record entered later put its harvest in breach (kind hold).
 */
export interface RefusalView {
  id: string;
  kind: ReviewKind;
  plotId: string;
  plotName: string;
  producerName: string;
  crop: TraceCrop;
  place: string;
  /** The harvest day. */
  occurredOn: string;
  quantity: number;
  unit: string;
  breaches: IntervalBreach[];
  findings: Finding[];
  /** Who tried the harvest, or who recorded what put it in breach. */
  attemptedBy: string;
  attemptedAt: string;
  decision: ReviewDecision | null;
  /** A regulator's permission to harvest anyway (a released harvest refusal). */
  override: RecordOverride | null;
  /** harvest: the batch made once released; hold: the harvest batch held. */
  batchId: string | null;
  /** hold: the harvest batch and every batch made from it, and whether each is still held. */
  heldBatches: { id: string; code: string; held: boolean }[];
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

/** The regulator's queue, newest first, a page at a time (see LoadMore); `pending` leaves out what is decided. */
export function useRefusals(pending: boolean, limit = 50) {
  return useInfiniteQuery({
    queryKey: [...traceKey, 'refusals', pending, limit],
    queryFn: ({ pageParam, signal }) => api<Page<RefusalView>>('/trace/refusals', { query: { pending: pending || undefined, limit, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** 维持 / 放行: the regulator's decision on an entry of the queue, with the reason on record. */
export function useDecideReview() {
  const invalidate = useInvalidateTrace();
  return useMutation({
    mutationFn: ({ id, outcome, reason, idempotencyKey }: { id: string; outcome: 'uphold' | 'release'; reason: string; idempotencyKey: string }) =>
      api<RefusalView>(`/trace/refusals/${encodeURIComponent(id)}/decision`, { method: 'POST', body: { outcome, reason }, idempotencyKey }),
    // Also after a failure: someone else may have decided meanwhile.
    onSettled: invalidate,
  });
}

/** Recalls, newest first, a page at a time (see LoadMore). */
export function useRecalls(limit = 50) {
  return useInfiniteQuery({
    queryKey: [...traceKey, 'recalls', limit],
    queryFn: ({ pageParam, signal }) => api<Page<RecallView>>('/trace/recalls', { query: { limit, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
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

/** Complaints from the public scan page, newest first, a page at a time (see LoadMore). */
export function useComplaints(enabled = true, limit = 50) {
  return useInfiniteQuery({
    queryKey: [...traceKey, 'complaints', limit],
    queryFn: ({ pageParam, signal }) => api<Page<ComplaintView>>('/trace/complaints', { query: { limit, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

const noticesKey = [...traceKey, 'my-recall-notices'] as const;

/** The signed-in buyer's recall notices; a role without any gets an empty list. */
export function useMyRecallNotices(enabled = true) {
  return useQuery({
    queryKey: noticesKey,
    // Every page: unanswered notices are shown first, wherever they fall.
    queryFn: ({ signal }) => fetchAll<MyRecallNotice>('/trace/recall-notices/mine', {}, signal),
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
