import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, type Page } from './http.js';
import { traceKey, useInvalidateTrace } from './trace-batches.js';
import { FINDING_CODES, RECALL_RESPONSES, type ApiBody, type ApiListItem, type ApiResponse, type ItemOf } from './generated/openapi.js';

export { FINDING_CODES, RECALL_RESPONSES };
export type RecallResponse = (typeof RECALL_RESPONSES)[number];
export type RecallStatus = RecallView['status'];
export type FindingCode = (typeof FINDING_CODES)[number];

/**
 * An entry in the regulator's queue (复核队列): a harvest refused because it broke a pre-harvest interval (kind
 * harvest), or a batch held from sale because a record entered later put its harvest in breach (kind hold).
 * `override` is a regulator's permission to harvest anyway; `heldBatches` (hold) the batch and those made from it.
 */
export type RefusalView = ApiListItem<'GET /api/v1/trace/refusals'>;
export type ReviewKind = RefusalView['kind'];
/** A pesticide applied too close to the harvest: applied on, its interval, the first day a harvest keeps it. */
export type IntervalBreach = ItemOf<RefusalView['breaches']>;
/** A rule a harvest broke, and the record that broke it. */
export type Finding = ItemOf<RefusalView['findings']>;
/** The regulator's decision: upheld (the refusal stands, the batch stays off sale) or released. */
export type ReviewDecision = NonNullable<RefusalView['decision']>;
export type DecisionOutcome = ReviewDecision['outcome'];
export type RecordOverride = NonNullable<RefusalView['override']>;

export type RecallView = ApiResponse<'GET /api/v1/trace/recalls/{id}'>;
/** A buyer's notice in a recall; the buyer's name is masked. */
export type RecallNoticeView = ItemOf<RecallView['notices']>;
/** A recall notice as its buyer sees it. */
export type MyRecallNotice = ApiListItem<'GET /api/v1/trace/recall-notices/mine'>;
/** A complaint left on the public scan page. */
export type ComplaintView = ApiListItem<'GET /api/v1/trace/complaints'>;

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
    mutationFn: ({ id, outcome, reason, idempotencyKey }: { id: string; idempotencyKey: string } & ApiBody<'POST /api/v1/trace/refusals/{id}/decision'>) =>
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
      api<ApiResponse<'POST /api/v1/trace/recall-notices/{id}/response'>>(`/trace/recall-notices/${encodeURIComponent(id)}/response`, { method: 'POST', body: { response, note } }),
    onSuccess: () => client.invalidateQueries({ queryKey: noticesKey }),
  });
}
