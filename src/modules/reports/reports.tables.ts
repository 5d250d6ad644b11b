import type { ReportKind } from './periods.js';

export type ReportStatus = 'queued' | 'running' | 'done' | 'failed';

/** One report of one period; regenerating makes the next version, the earlier ones are kept. */
export interface ReportRow {
  id: string;
  kind: ReportKind;
  period: string;
  version: number;
  /** 鲁甸县农村电子商务统计月报（2026年11月）: the files' names too. */
  title: string;
  status: ReportStatus;
  /** 0–100, with the step being worked on. */
  progress: number;
  step: string;
  /** Keys in the kernel file store, derived from the id and version; set when done. */
  xlsx_key: string | null;
  pdf_key: string | null;
  xlsx_bytes: number | null;
  pdf_bytes: number | null;
  /** The written summary (a few Chinese sentences from the figures). */
  summary: string | null;
  /** The stats fingerprint of the period the files were made from. */
  fingerprint: string | null;
  /** User id, or 'system' for the scheduled monthly report. */
  requested_by: string;
  requested_by_name: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  attempts: number;
  error: string | null;
}

export interface ReportsTables {
  reports_reports: ReportRow;
}
