import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, type Page } from './http.js';
import type { ApiBody, ApiListItem, ApiQuery, ApiResponse } from './generated/openapi.js';

/*
 * 电商培训 (module training): the staff console's hooks. The types are the API's answers as the contract in issue 15
 * names them; F (the trainee's phone pages) keeps its own hooks in learning.ts.
 */

export const TRACKS = ['officials', 'sellers', 'station_staff'] as const;
export const LEVELS = ['basic', 'advanced', 'elite'] as const;
export const ORGANISER_KINDS = ['department', 'body', 'enterprise'] as const;
export const SESSION_STATUSES = ['planned', 'closed', 'cancelled'] as const;
export const TRAINEE_FLAGS = ['poor', 'disabled', 'partyMember', 'woman', 'youth'] as const;
export const OUTCOME_KINDS = ['seller', 'shop', 'point_operator', 'employed'] as const;
export const TALENT_STATUSES = ['nominated', 'supported', 'awarded', 'dropped'] as const;
export const SUPPORT_KINDS = ['funding', 'loan_interest', 'free_venue', 'award', 'other'] as const;

export type Track = (typeof TRACKS)[number];
export type Level = (typeof LEVELS)[number];
export type OrganiserKind = (typeof ORGANISER_KINDS)[number];
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export type TraineeFlag = (typeof TRAINEE_FLAGS)[number];
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
export type TalentStatus = (typeof TALENT_STATUSES)[number];
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** An organiser (培训组织单位) and its member accounts (trainers). */
export type Organiser = ApiListItem<'GET /api/v1/training/organisers'>;
export type NewOrganiser = ApiBody<'POST /api/v1/training/organisers'>;
export type Course = ApiListItem<'GET /api/v1/training/courses'>;
export type NewCourse = ApiBody<'POST /api/v1/training/courses'>;
export type Material = ApiListItem<'GET /api/v1/training/courses/{id}/materials'>;
/** A session; `placeName` is the site's name or the place as typed; `enrolled` / `present` are its counts. */
export type Session = ApiListItem<'GET /api/v1/training/sessions'>;
export type NewSession = ApiBody<'POST /api/v1/training/sessions'>;
export type SessionFilter = Omit<ApiQuery<'GET /api/v1/training/sessions'>, 'limit' | 'cursor'>;
/** A trainee, masked (ID number, phone) for everyone but its own account. */
export type Trainee = ApiListItem<'GET /api/v1/training/trainees'>;
export type TraineeFilter = Omit<ApiQuery<'GET /api/v1/training/trainees'>, 'limit' | 'cursor'>;
/** A trainee with its history: the sessions it was enrolled in (present or not) and its person-times (outcomes: useTraineeOutcomes). */
export type TraineeDetail = ApiResponse<'GET /api/v1/training/trainees/{id}'>;
export type TraineeDetails = NonNullable<ApiBody<'POST /api/v1/training/sessions/{id}/enrolments'>['trainee']>;
/** One line of a session's roster: the enrolment, the (masked) trainee, and whether they were present. */
export type RosterEntry = ApiListItem<'GET /api/v1/training/sessions/{id}/roster'>;
export type PersonTime = ApiResponse<'POST /api/v1/training/sessions/{id}/attendance'>['personTime'] & { title?: string };
export type ImportResult = ApiResponse<'POST /api/v1/training/sessions/{id}/roster/import'>;
export type RowProblem = ImportResult['badRows'][number];
export type CheckinCode = ApiResponse<'GET /api/v1/training/sessions/{id}/checkin-code'>;
export type Certificate = ApiListItem<'GET /api/v1/training/certificates'>;
export type FollowUpRow = ApiListItem<'GET /api/v1/training/follow-up'>;
export type Outcome = FollowUpRow['outcomes'][number];
export type NewOutcome = ApiBody<'POST /api/v1/training/trainees/{id}/outcomes'>;
export type Talent = ApiListItem<'GET /api/v1/training/talent'>;
export type NewTalent = ApiBody<'POST /api/v1/training/talent'>;
export type SupportRecord = Talent['support'][number];
export type NewSupport = ApiBody<'POST /api/v1/training/talent/{id}/support'>;
export type TrainingProgress = ApiResponse<'GET /api/v1/training/progress'>;
export type Milestone = TrainingProgress['milestones'][number];
export type ProgressFilter = ApiQuery<'GET /api/v1/training/progress'>;

const PAGE_SIZE = 50;

export const trainingKeys = {
  all: ['training'] as const,
  organisers: () => ['training', 'organisers'] as const,
  courses: () => ['training', 'courses'] as const,
  course: (id: string) => ['training', 'course', id] as const,
  materials: (id: string) => ['training', 'materials', id] as const,
  sessions: (filter: SessionFilter) => ['training', 'sessions', filter] as const,
  session: (id: string) => ['training', 'session', id] as const,
  roster: (id: string) => ['training', 'roster', id] as const,
  checkinCode: (id: string) => ['training', 'checkin-code', id] as const,
  trainees: (filter: TraineeFilter) => ['training', 'trainees', filter] as const,
  trainee: (id: string) => ['training', 'trainee', id] as const,
  certificates: (filter: Record<string, string | undefined>) => ['training', 'certificates', filter] as const,
  progress: (filter: ProgressFilter) => ['training', 'progress', filter] as const,
  followUp: (filter: Record<string, string | undefined>) => ['training', 'follow-up', filter] as const,
  talent: () => ['training', 'talent'] as const,
};

const enc = encodeURIComponent;
const invalidate = (client: ReturnType<typeof useQueryClient>) => client.invalidateQueries({ queryKey: trainingKeys.all });

/* ---------- organisers ---------- */

/** The trainer accounts (培训讲师) the county office picks from: the users list is the county office's. */
export function useTrainerAccounts(enabled: boolean) {
  return useQuery({
    queryKey: ['training', 'trainer-accounts'],
    queryFn: ({ signal }) => fetchAll<{ id: string; displayName: string; username: string }>('/identity/users', { role: 'trainer' }, signal),
    enabled,
    staleTime: 60_000,
  });
}

export function useOrganisers(enabled = true) {
  return useQuery({ queryKey: trainingKeys.organisers(), queryFn: ({ signal }) => fetchAll<Organiser>('/training/organisers', {}, signal), enabled, staleTime: 60_000 });
}

export function useSaveOrganiser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, organiser, idempotencyKey }: { id?: string; organiser: NewOrganiser; idempotencyKey: string }) =>
      id
        ? api<Organiser>(`/training/organisers/${enc(id)}`, { method: 'PATCH', body: organiser })
        : api<Organiser>('/training/organisers', { method: 'POST', body: organiser, idempotencyKey }),
    onSuccess: () => invalidate(client),
  });
}

/* ---------- courses and materials ---------- */

export function useCourses(enabled = true) {
  return useQuery({ queryKey: trainingKeys.courses(), queryFn: ({ signal }) => fetchAll<Course>('/training/courses', {}, signal), enabled, staleTime: 60_000 });
}

export function useCourse(id: string | undefined) {
  return useQuery({
    queryKey: trainingKeys.course(id ?? ''),
    queryFn: ({ signal }) => api<Course & { materials?: Material[] }>(`/training/courses/${enc(id!)}`, { signal }),
    enabled: !!id,
  });
}

export function useSaveCourse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, course, idempotencyKey }: { id?: string; course: NewCourse; idempotencyKey: string }) =>
      id ? api<Course>(`/training/courses/${enc(id)}`, { method: 'PATCH', body: course }) : api<Course>('/training/courses', { method: 'POST', body: course, idempotencyKey }),
    onSuccess: () => invalidate(client),
  });
}

/** A course's materials in order (the ones ready to learn from). */
export function useMaterials(courseId: string | undefined) {
  return useQuery({
    queryKey: trainingKeys.materials(courseId ?? ''),
    queryFn: ({ signal }) => fetchAll<Material>(`/training/courses/${enc(courseId!)}/materials`, {}, signal),
    enabled: !!courseId,
  });
}

/** Uploads a PDF or a video (mp4/webm) as a course's material. */
export function useUploadMaterial(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, title, durationSeconds }: { file: File; title: string; durationSeconds?: number }) => {
      const body = new FormData();
      body.append('file', file);
      return api<Material>(`/training/courses/${enc(courseId)}/materials`, { method: 'POST', query: { title, durationSeconds }, body });
    },
    onSuccess: () => invalidate(client),
  });
}

export function useDeleteMaterial() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/training/materials/${enc(id)}`, { method: 'DELETE' }),
    onSettled: () => invalidate(client),
  });
}

export const materialUrl = (id: string) => `/api/v1/training/materials/${enc(id)}/content`;

/* ---------- sessions ---------- */

export function useSessions(filter: SessionFilter) {
  return useInfiniteQuery({
    queryKey: trainingKeys.sessions(filter),
    queryFn: ({ pageParam, signal }) => api<Page<Session>>('/training/sessions', { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** One session with its counts (present, enrolled); `refetchMs` polls it (the projector's live count). */
export function useSession(id: string, refetchMs?: number) {
  return useQuery({ queryKey: trainingKeys.session(id), queryFn: ({ signal }) => api<Session>(`/training/sessions/${enc(id)}`, { signal }), refetchInterval: refetchMs, refetchIntervalInBackground: !!refetchMs });
}

export function useSaveSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, session, idempotencyKey }: { id?: string; session: NewSession; idempotencyKey: string }) =>
      id
        ? api<Session>(`/training/sessions/${enc(id)}`, { method: 'PATCH', body: session })
        : api<Session>('/training/sessions', { method: 'POST', body: session, idempotencyKey }),
    onSuccess: () => invalidate(client),
  });
}

export function useSessionAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: 'cancel' | 'close'; reason?: string }) =>
      api<Session>(`/training/sessions/${enc(id)}/${action}`, { method: 'POST', body: action === 'cancel' ? { reason } : {} }),
    onSettled: () => invalidate(client),
  });
}

/** The whole roster of a session as the caller may see it (a village point: its own villagers). */
export function useRoster(id: string) {
  return useQuery({
    queryKey: trainingKeys.roster(id),
    queryFn: ({ signal }) => fetchAll<RosterEntry>(`/training/sessions/${enc(id)}/roster`, {}, signal),
  });
}

export function useEnrol(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: { traineeId: string } | { trainee: TraineeDetails }; idempotencyKey: string }) =>
      api<RosterEntry>(`/training/sessions/${enc(sessionId)}/enrolments`, { method: 'POST', body, idempotencyKey }),
    onSuccess: () => invalidate(client),
  });
}

export function useTick(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ traineeId, present, reason }: { traineeId: string; present: boolean; reason?: string }) =>
      present
        ? api<unknown>(`/training/sessions/${enc(sessionId)}/attendance`, { method: 'POST', body: { traineeId } })
        : api<unknown>(`/training/sessions/${enc(sessionId)}/attendance/${enc(traineeId)}`, { method: 'DELETE', query: { reason } }),
    onSettled: () => invalidate(client),
  });
}

/** Sends a roster workbook; mode all refuses the whole file on one bad row (400 IMPORT_ROWS_INVALID, details.rows). */
export function useImportRoster(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mode }: { file: File; mode: 'all' | 'valid' }) => {
      const body = new FormData();
      body.append('file', file);
      return api<ImportResult>(`/training/sessions/${enc(sessionId)}/roster/import`, { method: 'POST', query: { mode }, body });
    },
    onSuccess: () => invalidate(client),
  });
}

export const ROSTER_TEMPLATE_URL = '/api/v1/training/roster-template.xlsx';

/** The projector's QR: asks again shortly after each code expires (the server rotates it every 30 s). */
export function useCheckinCode(sessionId: string) {
  return useQuery({
    queryKey: trainingKeys.checkinCode(sessionId),
    queryFn: ({ signal }) => api<CheckinCode>(`/training/sessions/${enc(sessionId)}/checkin-code`, { signal }),
    refetchInterval: (query) => {
      const expires = query.state.data ? Date.parse(query.state.data.expiresAt) : NaN;
      return Number.isNaN(expires) ? 30_000 : Math.min(30_000, Math.max(1_000, expires - Date.now() + 300));
    },
    refetchIntervalInBackground: true,
    retry: 1,
  });
}

/* ---------- trainees ---------- */

export function useTrainees(filter: TraineeFilter) {
  return useInfiniteQuery({
    queryKey: trainingKeys.trainees(filter),
    queryFn: ({ pageParam, signal }) => api<Page<Trainee>>('/training/trainees', { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useTrainee(id: string) {
  return useQuery({ queryKey: trainingKeys.trainee(id), queryFn: ({ signal }) => api<TraineeDetail>(`/training/trainees/${enc(id)}`, { signal }) });
}

export function useUpdateTrainee(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<TraineeDetails>) => api<Trainee>(`/training/trainees/${enc(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: () => invalidate(client),
  });
}

/* ---------- certificates ---------- */

export function useCertificates(filter: { traineeId?: string; courseId?: string }, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.certificates(filter),
    queryFn: ({ signal }) => fetchAll<Certificate>('/training/certificates', { scope: 'managed', ...filter }, signal),
    enabled,
  });
}

export const certificatePdfUrl = (id: string) => `/api/v1/training/certificates/${enc(id)}/pdf`;

/* ---------- progress, follow-up, talent ---------- */

export function useTrainingProgress(filter: ProgressFilter) {
  return useQuery({
    queryKey: trainingKeys.progress(filter),
    queryFn: ({ signal }) => api<TrainingProgress>('/training/progress', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFollowUp(filter: { township?: string; outcome?: string; q?: string }) {
  return useInfiniteQuery({
    queryKey: trainingKeys.followUp(filter),
    queryFn: ({ pageParam, signal }) => api<Page<FollowUpRow>>('/training/follow-up', { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/**
 * One trainee's outcomes (the trainee page), from the follow-up list filtered by the trainee: empty when it was
 * never counted or is out of the reader's sight. Only for the follow-up's readers (`enabled`).
 */
export function useTraineeOutcomes(traineeId: string, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.followUp({ trainee: traineeId }),
    queryFn: async ({ signal }) => (await api<Page<FollowUpRow>>('/training/follow-up', { query: { trainee: traineeId, limit: 1 }, signal })).items[0] ?? null,
    enabled: enabled && traineeId !== '',
  });
}

export function useRecordOutcome(traineeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ outcome, idempotencyKey }: { outcome: NewOutcome; idempotencyKey: string }) =>
      api<Outcome>(`/training/trainees/${enc(traineeId)}/outcomes`, { method: 'POST', body: outcome, idempotencyKey }),
    onSuccess: () => invalidate(client),
  });
}

export function useTalent(enabled = true) {
  return useQuery({ queryKey: trainingKeys.talent(), queryFn: ({ signal }) => fetchAll<Talent>('/training/talent', {}, signal), enabled });
}

export function useNominate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ talent, idempotencyKey }: { talent: NewTalent; idempotencyKey: string }) => api<Talent>('/training/talent', { method: 'POST', body: talent, idempotencyKey }),
    onSuccess: () => invalidate(client),
  });
}

export function useUpdateTalent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: { status?: TalentStatus; statusNote?: string; reason?: string } }) => api<Talent>(`/training/talent/${enc(id)}`, { method: 'PATCH', body: changes }),
    onSettled: () => invalidate(client),
  });
}

export function useAddSupport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, support, idempotencyKey }: { id: string; support: NewSupport; idempotencyKey: string }) =>
      api<SupportRecord>(`/training/talent/${enc(id)}/support`, { method: 'POST', body: support, idempotencyKey }),
    onSuccess: () => invalidate(client),
  });
}
