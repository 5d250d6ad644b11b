import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey, type Page } from './http.js';

/**
 * The trainee's own side of 培训 (/learn…): my record, open sessions and enrolment, QR check-in, online courses with
 * my progress, my certificates. Every signed-in account may be a trainee.
 */

export type Track = 'officials' | 'sellers' | 'station_staff';
export type Level = 'basic' | 'advanced' | 'elite';

/** My trainee record as I see it: my ID number and phone whole (everyone else sees masks). */
export interface MyTrainee {
  id: string;
  name: string;
  idNumber: string;
  phone: string | null;
  townshipCode: string | null;
  townshipName: string | null;
  villageCode: string | null;
  villageName: string | null;
  poor: boolean;
  disabled: boolean;
  partyMember: boolean;
  woman: boolean;
  youth: boolean;
}

/** A session as a trainee sees it: what, when, where, by whom. */
export interface SessionCard {
  id: string;
  title: string;
  track: Track;
  level: Level | null;
  organiserName: string | null;
  trainerName: string | null;
  placeName: string;
  townshipName: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  enrolled: number;
  status: 'planned' | 'closed' | 'cancelled';
}

export interface MyEnrolment {
  session: SessionCard;
  present: boolean;
  checkedInAt: string | null;
}

export interface MyTraining {
  trainee: MyTrainee | null;
  enrolments: MyEnrolment[];
  personTimes: number;
}

export interface ProfileInput {
  name: string;
  idNumber: string;
  townshipCode: string;
  villageCode: string;
  poor: boolean;
  disabled: boolean;
  partyMember: boolean;
}

export interface CheckinResult {
  session: SessionCard;
  checkedInAt: string;
  /** False when this trainee was already counted present (a second scan). */
  counted: boolean;
}

export interface MaterialProgress {
  id: string;
  title: string;
  kind: 'document' | 'video';
  durationSeconds: number | null;
  minSeconds: number | null;
  positionSeconds: number;
  openedAt: string | null;
  done: boolean;
}

export interface MyCourse {
  id: string;
  title: string;
  track: Track;
  level: Level | null;
  summary: string;
  hours: number;
  materials: MaterialProgress[];
  completed: boolean;
  certificateId: string | null;
}

export interface Certificate {
  id: string;
  number: string;
  courseTitle: string;
  traineeName: string;
  issuedAt: string;
  verifyUrl: string;
  revoked: boolean;
}

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
    mutationFn: (body: ProfileInput) => api<MyTrainee>('/training/me', { method: 'POST', body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => client.invalidateQueries({ queryKey: learnKeys.all }),
  });
}

/** Sessions open for enrolment (the first page: a trainee looks at the next few weeks). */
export function useOpenSessions() {
  return useQuery({ queryKey: learnKeys.open, queryFn: ({ signal }) => api<Page<SessionCard>>('/training/sessions/open', { query: { limit: 50 }, signal }) });
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

/** Online courses with my progress in each material. */
export function useMyCourses() {
  return useQuery({ queryKey: learnKeys.courses, queryFn: ({ signal }) => api<{ items: MyCourse[] }>('/training/me/courses', { signal }) });
}

/** Reports where I am in a video, or that I finished a material. */
export function useReportProgress() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ materialId, ...body }: { materialId: string; positionSeconds?: number; done?: boolean }) =>
      api<MaterialProgress & { courseCompleted?: boolean }>(`/training/materials/${encodeURIComponent(materialId)}/progress`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: learnKeys.courses }),
  });
}

export function useMyCertificates() {
  return useQuery({ queryKey: learnKeys.certificates, queryFn: ({ signal }) => api<Page<Certificate>>('/training/certificates', { query: { limit: 50 }, signal }) });
}

export const materialContentUrl = (id: string) => `/api/v1/training/materials/${encodeURIComponent(id)}/content`;
export const certificatePdfUrl = (id: string) => `/api/v1/training/certificates/${encodeURIComponent(id)}/pdf`;
