import type { LearningTables } from './learning.tables.js';
import type { FollowUpTables } from './follow-up.tables.js';

/** 培训 Training: organisers, courses, trainees, sessions, enrolments, person-times and roster imports. */

/** The plan's three tracks: officials and company heads, would-be sellers, station staff. */
export const TRACKS = ['officials', 'sellers', 'station_staff'] as const;
export type Track = (typeof TRACKS)[number];
export const TRACK_LABELS: Record<Track, string> = { officials: '干部和企业负责人', sellers: '电商创业', station_staff: '站点人员' };

/** Levels of the sellers' track (basic, advanced, elite); other tracks have none. */
export const LEVELS = ['basic', 'advanced', 'elite'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = { basic: '基础', advanced: '进阶', elite: '精英' };

/** Who organises training: a county department, a third-party training body, a leading e-commerce enterprise. */
export const ORGANISER_KINDS = ['department', 'body', 'enterprise'] as const;
export type OrganiserKind = (typeof ORGANISER_KINDS)[number];

export const SESSION_STATUSES = ['planned', 'closed', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const PERSON_TIME_MODES = ['onsite', 'online'] as const;
export type PersonTimeMode = (typeof PERSON_TIME_MODES)[number];

/** How a trainee came onto a session's list. */
export const ENROLMENT_SOURCES = ['operator', 'self', 'roster', 'checkin'] as const;
export type EnrolmentSource = (typeof ENROLMENT_SOURCES)[number];

/** How a person-time was taken: a QR scan, a trainer's tick, an online course completed. */
export const COUNT_METHODS = ['qr', 'tick', 'online'] as const;
export type CountMethod = (typeof COUNT_METHODS)[number];

export interface OrganiserRow {
  id: string;
  name: string;
  kind: OrganiserKind;
  contact_name: string;
  notes: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface OrganiserMemberRow {
  organiser_id: string;
  user_id: string;
  created_at: string;
}

export interface CourseRow {
  id: string;
  title: string;
  track: Track;
  level: Level | null;
  summary: string;
  /** Class hours, in tenths of an hour (a 1.5-hour course is 15). */
  hours_tenths: number;
  online: number;
  organiser_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface TraineeRow {
  id: string;
  name: string;
  /** The ID number sealed with the data key; its keyed fingerprint finds the same person across rosters. */
  id_number_sealed: string;
  id_fingerprint: string;
  id_number_masked: string;
  phone_sealed: string | null;
  phone_masked: string | null;
  /** Birth date from the ID number (YYYY-MM-DD) and sex (the 17th digit: even is a woman). */
  birth_date: string;
  township_code: string | null;
  village_code: string | null;
  poor: number;
  disabled: number;
  party_member: number;
  /** As the roster said, else from the ID number (the 17th digit even is a woman). */
  woman: number;
  /** Null when the roster left it blank: derived from the birth date on each session's date (18–35). */
  youth: number | null;
  user_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface SessionRow {
  id: string;
  title: string;
  course_id: string | null;
  track: Track;
  level: Level | null;
  organiser_id: string;
  trainer_user_id: string | null;
  trainer_name: string;
  /** A network site (its name shown, its township taken), or free text with a township code. */
  site_id: string | null;
  place_text: string;
  township_code: string;
  village_code: string | null;
  capacity: number;
  enrolled: number;
  starts_at: string;
  ends_at: string;
  status: SessionStatus;
  /** The key of the check-in QR tokens (base64url, never shown). */
  checkin_secret: string;
  notes: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
}

export interface EnrolmentRow {
  id: string;
  session_id: string;
  trainee_id: string;
  source: EnrolmentSource;
  enrolled_by: string;
  created_at: string;
}

export interface PersonTimeRow {
  id: string;
  trainee_id: string;
  /** Null for an online completion. */
  session_id: string | null;
  course_id: string | null;
  mode: PersonTimeMode;
  method: CountMethod;
  track: Track;
  level: Level | null;
  organiser_id: string | null;
  township_code: string | null;
  village_code: string | null;
  poor: number;
  woman: number;
  counted_at: string;
  counted_by: string;
  created_at: string;
}

/** A person-time taken back (a mistaken tick), kept so the count is reproducible from the records. */
export interface PersonTimeWithdrawalRow {
  id: string;
  person_time_id: string;
  trainee_id: string;
  session_id: string | null;
  reason: string;
  withdrawn_by: string;
  withdrawn_at: string;
  /** The withdrawn row as JSON. */
  row: string;
}

export interface RosterImportRow {
  id: string;
  session_id: string;
  mode: 'all' | 'valid';
  file_name: string;
  rows_total: number;
  rows_imported: number;
  rows_bad: number;
  /** JSON: [{ row, column, message }]. */
  problems: string;
  imported_by: string;
  created_at: string;
}

/** A wrong check-in code from an account (kept in the database: several processes count the same misses). */
export interface CheckinMissRow {
  id: string;
  user_id: string;
  missed_at: string;
}

/** A valid code scanned before the account had a trainee record; honoured for 10 minutes once it has one. */
export interface CheckinPendingRow {
  user_id: string;
  session_id: string;
  /** SHA-256 of the code, hex. */
  token_hash: string;
  scanned_at: string;
}

export interface TrainingTables {
  training_organisers: OrganiserRow;
  training_organiser_members: OrganiserMemberRow;
  training_courses: CourseRow;
  training_trainees: TraineeRow;
  training_sessions: SessionRow;
  training_enrolments: EnrolmentRow;
  training_person_times: PersonTimeRow;
  training_person_time_withdrawals: PersonTimeWithdrawalRow;
  training_roster_imports: RosterImportRow;
  training_checkin_misses: CheckinMissRow;
  training_checkin_pending: CheckinPendingRow;
}

/** Every table of the module: the core's, learning's (B) and follow-up's (C), so one Kysely covers all. */
export type TrainingDatabase = TrainingTables & LearningTables & FollowUpTables;
