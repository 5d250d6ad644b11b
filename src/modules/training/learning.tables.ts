/** 远程学习 Remote learning: course materials, each learner's progress, completions and certificates. */

export const MATERIAL_KINDS = ['document', 'video'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];
export const MATERIAL_KIND_LABELS: Record<MaterialKind, string> = { document: '文档', video: '视频' };

/** What an upload is, by its first bytes (never by its name). */
export const MATERIAL_TYPES = ['application/pdf', 'video/mp4', 'video/webm'] as const;
export type MaterialType = (typeof MATERIAL_TYPES)[number];

/** `uploading` while the bytes are being stored; `ready` when they are all in; `hidden` once deleted with progress on it. */
export const MATERIAL_STATES = ['uploading', 'ready', 'hidden'] as const;
export type MaterialState = (typeof MATERIAL_STATES)[number];

export const COMPLETION_MODES = ['onsite', 'online'] as const;
export type CompletionMode = (typeof COMPLETION_MODES)[number];

export const CERTIFICATE_STATUSES = ['valid', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export interface MaterialRow {
  id: string;
  course_id: string;
  kind: MaterialKind;
  content_type: MaterialType;
  title: string;
  /** Order within the course (ascending; ties by id). */
  position: number;
  size_bytes: number;
  /** The file is kept in pieces of this many bytes (`training/materials/<id>/<n>.bin`), so a Range reads only its pieces. */
  chunk_bytes: number;
  chunks: number;
  /** A video's length in whole seconds (given by the uploader or read from the mp4 'mvhd' box); null for a document. */
  duration_seconds: number | null;
  /** A document's minimum reading time, from the first opening, before the learner may say it is read. */
  min_read_seconds: number;
  state: MaterialState;
  uploaded_by: string;
  created_at: string;
  updated_at: string;
  hidden_at: string | null;
}

/** One learner (a trainee record) on one material. */
export interface MaterialProgressRow {
  id: string;
  material_id: string;
  course_id: string;
  trainee_id: string;
  opened_at: string;
  /** The time of the last report the server took (the wall clock against which the next is credited). */
  last_report_at: string;
  /** Where the player was at the last report (video). */
  position_seconds: number;
  /** Seconds credited as watched: at most the wall time between reports, at most the video's length. */
  watched_seconds: number;
  done_at: string | null;
  updated_at: string;
}

/** A course completed by a trainee, once per trainee and course (the first basis wins). */
export interface CompletionRow {
  id: string;
  trainee_id: string;
  course_id: string;
  mode: CompletionMode;
  /** The onsite person-time it rests on (moved to another of the same course when that one is withdrawn); null online. */
  person_time_id: string | null;
  session_id: string | null;
  completed_at: string;
  revoked_at: string | null;
  revoke_reason: string | null;
}

export interface CertificateRow {
  id: string;
  completion_id: string;
  trainee_id: string;
  course_id: string;
  /** 培训证书编号: PX<county code>-<year>-<serial of six digits>. */
  number: string;
  /** The verify code in the QR (128 random bits, base64url). */
  verify_code: string;
  /** What the certificate states, fixed when it is issued. */
  holder_name: string;
  id_number_masked: string;
  course_title: string;
  track: string;
  level: string | null;
  hours_tenths: number;
  organiser_name: string | null;
  mode: CompletionMode;
  issued_on: string;
  issued_at: string;
  status: CertificateStatus;
  revoked_at: string | null;
  revoke_reason: string | null;
  /** Township and village of the holder when issued, and the organiser: who among the staff may see it. */
  township_code: string | null;
  village_code: string | null;
  organiser_id: string | null;
}

/** The last serial used per county and year (one row locked by an upsert, so two processes never take the same). */
export interface CertificateSerialRow {
  key: string;
  last: number;
}

/** Unknown verify codes per address (a keyed fingerprint of it), per hour, for the public verify page. */
export interface VerifyCounterRow {
  key: string;
  window_start: string;
  misses: number;
}

export interface LearningTables {
  training_materials: MaterialRow;
  training_material_progress: MaterialProgressRow;
  training_completions: CompletionRow;
  training_certificates: CertificateRow;
  training_certificate_serials: CertificateSerialRow;
  training_verify_counters: VerifyCounterRow;
}
