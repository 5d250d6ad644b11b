import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, type Page } from './http.js';

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

export interface Organiser {
  id: string;
  name: string;
  kind: OrganiserKind;
  contactName: string;
  notes: string;
  active: boolean;
  memberUserIds: string[];
  createdAt: string;
  updatedAt: string;
}
export interface NewOrganiser {
  name: string;
  kind: OrganiserKind;
  contactName?: string;
  notes?: string;
  memberUserIds?: string[];
}

export interface Course {
  id: string;
  title: string;
  track: Track;
  level: Level | null;
  summary: string;
  /** Class hours, one decimal. */
  hours: number;
  online: boolean;
  organiserId: string | null;
  organiserName: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface NewCourse {
  title: string;
  track: Track;
  level: Level | null;
  summary: string;
  hours: number;
  online: boolean;
  organiserId?: string | null;
}

export interface Material {
  id: string;
  courseId: string;
  kind: 'document' | 'video';
  contentType: string;
  title: string;
  position: number;
  sizeBytes: number;
  durationSeconds: number | null;
  minReadSeconds: number;
  createdAt: string;
}

export interface Session {
  id: string;
  title: string;
  courseId: string | null;
  courseTitle: string | null;
  track: Track;
  level: Level | null;
  organiserId: string;
  organiserName: string;
  trainerUserId: string | null;
  trainerName: string;
  siteId: string | null;
  /** The site's name, or the place as typed. */
  placeName: string;
  townshipCode: string;
  townshipName: string;
  villageCode: string | null;
  villageName: string | null;
  capacity: number;
  enrolled: number;
  present: number;
  startsAt: string;
  endsAt: string;
  status: SessionStatus;
  notes: string;
  closedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface NewSession {
  title: string;
  courseId: string | null;
  track: Track;
  level: Level | null;
  organiserId: string;
  trainerUserId: string | null;
  trainerName: string;
  siteId: string | null;
  placeText?: string;
  townshipCode: string | null;
  capacity: number;
  startsAt: string;
  endsAt: string;
  notes?: string;
}
export interface SessionFilter {
  from?: string;
  to?: string;
  track?: Track;
  township?: string;
  organiser?: string;
  status?: SessionStatus;
}

export interface Trainee {
  id: string;
  name: string;
  /** Masked for everyone but the trainee's own account. */
  idNumber: string;
  phone: string | null;
  masked: boolean;
  townshipCode: string | null;
  townshipName: string | null;
  villageCode: string | null;
  villageName: string | null;
  poor: boolean;
  disabled: boolean;
  partyMember: boolean;
  woman: boolean;
  youth: boolean;
  /** The trainee has an account of their own. */
  claimed: boolean;
  createdAt: string;
  updatedAt: string;
}

/** One line of a session's roster: the enrolment, the (masked) trainee, and whether they were present. */
export interface RosterEntry {
  enrolmentId: string;
  source: 'operator' | 'self' | 'roster' | 'checkin';
  enrolledAt: string;
  present: boolean;
  personTimeId: string | null;
  countedAt: string | null;
  method: string | null;
  trainee: Trainee;
}

export interface TraineeDetails {
  name: string;
  idNumber: string;
  phone?: string | null;
  townshipCode?: string | null;
  villageCode: string;
  poor?: boolean;
  disabled?: boolean;
  partyMember?: boolean;
  woman?: boolean | null;
  youth?: boolean | null;
}
export interface TraineeFilter {
  /** A name (part of it) or a whole ID number. */
  q?: string;
  township?: string;
  village?: string;
  poor?: boolean;
}
export interface PersonTime {
  id: string;
  traineeId: string;
  sessionId: string | null;
  courseId: string | null;
  mode: 'onsite' | 'online';
  method: string;
  track: Track;
  level: Level | null;
  countedAt: string;
  title?: string;
}
/** A trainee as GET /training/trainees/{id} answers; history and outcomes when the server gives them. */
export type TraineeDetail = Trainee & { personTimes?: PersonTime[]; outcomes?: Outcome[] };

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}
export interface ImportResult {
  importId: string;
  mode: 'all' | 'valid';
  rows: number;
  imported: number;
  traineesCreated: number;
  traineesUpdated: number;
  enrolled: number;
  alreadyEnrolled: number;
  badRows: RowProblem[];
}

export interface CheckinCode {
  url: string;
  token: string;
  expiresAt: string;
  validFrom: string;
  validTo: string;
}

export interface Certificate {
  id: string;
  /** 证书编号 PX<county>-<year>-<serial>. */
  number: string;
  traineeId: string;
  holderName: string;
  idNumberMasked: string;
  courseId: string;
  courseTitle: string;
  track: Track;
  trackName: string;
  level: Level | null;
  levelName: string | null;
  hoursTenths: number;
  organiserName: string | null;
  mode: 'onsite' | 'online';
  issuedOn: string;
  status: 'valid' | 'revoked';
  revokedAt: string | null;
  revokeReason: string | null;
  verifyUrl: string;
}

export interface Outcome {
  id: string;
  traineeId: string;
  kind: OutcomeKind;
  /** 本平台卖家 / 站外开店 / 站点经营 / 电商企业就业 */
  kindName: string;
  /** The seller, 主体 · 店铺, the site or the firm. */
  name: string;
  playerId: string | null;
  shopId: string | null;
  source: string;
  beganAt: string | null;
  note: string;
  recordedAt: string;
  salesSinceFen: number | null;
  salesMonths: number | null;
}
export interface FollowUpRow {
  traineeId: string;
  name: string;
  idNumber: string;
  townshipCode: string | null;
  townshipName: string | null;
  villageCode: string | null;
  villageName: string | null;
  poor: boolean;
  firstTrainedAt: string;
  personTimes: number;
  outcomes: Outcome[];
  salesSinceFen: number;
}
export interface NewOutcome {
  kind: 'shop' | 'employed';
  playerId?: string;
  shopId?: string;
  firmName?: string;
  note?: string;
}

export interface SupportRecord {
  id: string;
  kind: SupportKind;
  kindName: string;
  amountFen: number;
  givenOn: string;
  note: string;
}
export interface NewSupport {
  kind: SupportKind;
  amountFen: number;
  givenOn: string;
  note?: string;
}
export interface Talent {
  id: string;
  kind: 'person' | 'team';
  /** The trainee's name, or the team's. */
  name: string;
  members: { traineeId: string; name: string; idNumber: string; villageName: string | null; poor: boolean }[];
  townshipCode: string;
  townshipName: string;
  reason: string;
  status: TalentStatus;
  statusName: string;
  statusNote: string;
  support: SupportRecord[];
  supportFen: number;
  createdAt: string;
}
export interface NewTalent {
  kind: 'person' | 'team';
  traineeId?: string;
  teamName?: string;
  members?: string[];
  reason: string;
}

interface Counts {
  personTimes: number;
  poor: number;
}
interface Totals extends Counts {
  women: number;
  trainees: number;
}
/** A milestone of the plan (from stats' targets): counted by its due date once past, projected before it. */
export interface Milestone {
  id: string;
  indicator: 'training_person_times' | 'training_poor_person_times';
  label: string;
  target: number;
  due: string;
  counted: number;
  /** 'share' when the answer is a part of the county (a township, organiser or track). */
  status: 'met' | 'missed' | 'reached' | 'on_track' | 'behind' | 'share';
  verdict: string | null;
  daysLeft: number;
  projection: number | null;
  behind: boolean | null;
  shortfall: number | null;
}
export interface TrainingProgress {
  today: string;
  from: string | null;
  to: string | null;
  whole: boolean;
  totals: Totals;
  cumulative: Totals;
  byTrack: (Counts & { track: Track; name: string })[];
  byTownship: (Counts & { townshipCode: string | null; name: string })[];
  byOrganiser: (Counts & { organiserId: string | null; name: string })[];
  byMonth: (Counts & { month: string; cumulativePersonTimes: number; cumulativePoor: number })[];
  pace: Counts & { days: number; method: string };
  milestones: Milestone[];
}
export interface ProgressFilter {
  from?: string;
  to?: string;
  township?: string;
  organiser?: string;
  track?: Track;
}

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

export function useSession(id: string) {
  return useQuery({ queryKey: trainingKeys.session(id), queryFn: ({ signal }) => api<Session>(`/training/sessions/${enc(id)}`, { signal }) });
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

/** The whole roster of a session (a session holds at most a few hundred); `refetchMs` polls it (the QR page's count). */
export function useRoster(id: string, refetchMs?: number) {
  return useQuery({
    queryKey: trainingKeys.roster(id),
    queryFn: ({ signal }) => fetchAll<RosterEntry>(`/training/sessions/${enc(id)}/roster`, {}, signal),
    refetchInterval: refetchMs,
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
