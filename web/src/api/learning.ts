import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey, type Page } from './http.js';
import type { ApiBody, ApiListItem, ApiResponse } from './generated/openapi.js';

/**
 * The trainee's own side of 培训 (/learn…): my record, open sessions and enrolment, QR check-in, online courses with
 * my progress, my certificates. Every signed-in account may be a trainee.
 */

/** My record (whole, it is mine; null until made or claimed), my enrolments with present or not, my person-times. */
export type MyTraining = ApiResponse<'GET /api/v1/training/me'>;
export type MyTrainee = NonNullable<MyTraining['trainee']>;
export type MyEnrolment = MyTraining['enrolments'][number];
export type ProfileInput = ApiBody<'POST /api/v1/training/me'>;
/** A session open for enrolment, with whether I am on its list. */
export type OpenSession = ApiListItem<'GET /api/v1/training/sessions/open'>;
export type SessionCard = MyEnrolment['session'];
export type CheckinResult = ApiResponse<'POST /api/v1/training/checkins'>;
export type MyCourse = ApiListItem<'GET /api/v1/training/me/courses'>;
export type Material = MyCourse['materials'][number];
export type ProgressView = NonNullable<Material['progress']>;
export type ProgressAnswer = ApiResponse<'POST /api/v1/training/materials/{id}/progress'>;
export type Certificate = ApiListItem<'GET /api/v1/training/certificates'>;
export type Track = SessionCard['track'];
export type Level = NonNullable<SessionCard['level']>;

export const learnKeys = {
  all: ['learn'] as const,
  me: ['learn', 'me'] as const,
  open: ['learn', 'open'] as const,
  courses: ['learn', 'courses'] as const,
  certificates: ['learn', 'certificates'] as const,
};

/** My record (null until made or claimed), my enrolments and how many person-times I have. */
export function useMyTraining() {
  return useQuery({ queryKey: learnKeys.me, queryFn: ({ signal }) => api<MyTraining>('/training/me', { signal }) });
}

/** Makes my record, or claims the one a trainer entered with my ID number. */
export function useSaveProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileInput) => api<MyTraining>('/training/me', { method: 'POST', body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => client.invalidateQueries({ queryKey: learnKeys.all }),
  });
}

/**
 * A trainee's list a page at a time (the API's cursor; 加载更多 under it, see LoadMore), so nothing past the first
 * page is cut off silently. `pagedItems` gives every item of the pages loaded so far.
 */
function usePagedList<T>(queryKey: readonly string[], path: string, limit: number) {
  return useInfiniteQuery({
    queryKey: [...queryKey, limit],
    queryFn: ({ pageParam, signal }) => api<Page<T>>(path, { query: { limit, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const pagedItems = <T>(data: { pages: Page<T>[] }): T[] => data.pages.flatMap((p) => p.items);

/** Sessions open for enrolment, a page at a time. */
export function useOpenSessions(limit = 50) {
  return usePagedList<OpenSession>(learnKeys.open, '/training/sessions/open', limit);
}

export function useEnrol() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => api<unknown>(`/training/sessions/${encodeURIComponent(sessionId)}/enrol`, { method: 'POST', body: {}, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => client.invalidateQueries({ queryKey: learnKeys.all }),
  });
}

/** Checks in with the token of the session's QR code. */
export function useCheckin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { sessionId: string; token: string }) => api<CheckinResult>('/training/checkins', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: learnKeys.all }),
  });
}

/** Online courses with my progress in each material, a page at a time. */
export function useMyCourses(limit = 50) {
  return usePagedList<MyCourse>(learnKeys.courses, '/training/me/courses', limit);
}

/** Reports where I am in a video, or that I finished a material. */
export function useReportProgress() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ materialId, ...body }: { materialId: string; positionSeconds?: number; done?: boolean }) =>
      api<ProgressAnswer>(`/training/materials/${encodeURIComponent(materialId)}/progress`, { method: 'POST', body }),
    // A completed course is a person-time and a certificate too: my record and certificates change with it.
    onSuccess: (answer) => client.invalidateQueries({ queryKey: answer.courseCompleted ? learnKeys.all : learnKeys.courses }),
  });
}

/** My certificates, a page at a time. */
export function useMyCertificates(limit = 50) {
  return usePagedList<Certificate>(learnKeys.certificates, '/training/certificates', limit);
}

export const materialContentUrl = (id: string) => `/api/v1/training/materials/${encodeURIComponent(id)}/content`;
export const certificatePdfUrl = (id: string) => `/api/v1/training/certificates/${encodeURIComponent(id)}/pdf`;
