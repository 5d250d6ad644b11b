import type { Clock } from '../../kernel/clock.js';
import { requireRole, type RequestContext, type Role } from '../../kernel/context.js';
import { AppError, conflict, notFound } from '../../kernel/errors.js';
import type { FileStore } from '../../kernel/files.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { newId } from '../../kernel/ids.js';
import { enqueueJob } from '../../kernel/jobs/index.js';
import { checkReportPeriod, KIND_NAMES, periodLabel, reportTitle, shanghaiMonth, shiftMonth, type ReportKind } from './periods.js';
import type { CountyName } from './ports.js';
import type { ReportsRepository } from './reports.repository.js';
import type { ReportRow, ReportStatus } from './reports.tables.js';

export const GENERATE_JOB = 'reports.generate';
/** Who reads and downloads reports (county-level figures): the county office, regulators, township operators. */
export const REPORT_READERS: Role[] = ['county_admin', 'regulator', 'township_operator'];
export const REPORT_MAKERS: Role[] = ['county_admin'];
const SYSTEM_NAME = '系统（每月自动生成）';
const SCHEDULED_DELAY_MS = 10 * 60_000;

export interface ReportView {
  id: string;
  kind: ReportKind;
  kindName: string;
  period: string;
  periodLabel: string;
  title: string;
  version: number;
  status: ReportStatus;
  progress: number;
  step: string;
  summary: string | null;
  files: { xlsxBytes: number | null; pdfBytes: number | null };
  requestedByName: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

export const FORMATS = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;
export type ReportFormat = keyof typeof FORMATS;

/** The files of a report: under a key made of its id and version, so a rerun writes the same pair again. */
export const fileKey = (row: Pick<ReportRow, 'id' | 'version'>, format: ReportFormat) => `reports/${row.id}-v${row.version}.${format}`;

function view(row: ReportRow): ReportView {
  return {
    id: row.id,
    kind: row.kind,
    kindName: KIND_NAMES[row.kind],
    period: row.period,
    periodLabel: periodLabel(row.kind, row.period),
    title: row.title,
    version: Number(row.version),
    status: row.status,
    progress: Number(row.progress),
    step: row.step,
    summary: row.summary,
    files: { xlsxBytes: row.xlsx_bytes === null ? null : Number(row.xlsx_bytes), pdfBytes: row.pdf_bytes === null ? null : Number(row.pdf_bytes) },
    requestedByName: row.requested_by_name,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: row.status === 'failed' ? row.error : null,
  };
}

/** Reports asked for, listed and downloaded; the work itself is the `reports.generate` job (generator.ts). */
export class ReportsService {
  constructor(
    private readonly repo: ReportsRepository,
    private readonly county: CountyName,
    private readonly files: FileStore,
    private readonly clock: Clock,
  ) {}

  /** A new version of a report of the period, queued for the job; 202 with the row. */
  async request(ctx: RequestContext, input: { kind: ReportKind; period: string }): Promise<ReportView> {
    const principal = requireRole(ctx, ...REPORT_MAKERS);
    const now = this.clock.now();
    checkReportPeriod(input.kind, input.period, now);
    const row = await this.queue(input.kind, input.period, principal.userId === 'system' ? SYSTEM_NAME : principal.displayName || principal.username, principal.userId, 'any');
    if (!row) throw conflict('REPORT_BUSY', '同一报告期正有报告在生成，请稍候再试 Another version of this report is being made');
    return view(row);
  }

  /**
   * Inserts the next version and enqueues its job in one transaction. `first-only`: only when the period has no
   * report yet (the scheduled monthly report, so that it is made once whatever the number of processes).
   */
  private async queue(kind: ReportKind, period: string, byName: string, byId: string, mode: 'any' | 'first-only'): Promise<ReportRow | null> {
    const county = await this.county.county();
    for (let tries = 0; tries < 3; tries++) {
      const row = await this.repo.transaction(async (trx) => {
        const last = await this.repo.lastVersion(trx, kind, period);
        if (mode === 'first-only' && last > 0) return 'exists' as const;
        const now = this.clock.now().toISOString();
        const row: ReportRow = {
          id: newId('rpt'),
          kind,
          period,
          version: last + 1,
          title: reportTitle(county.name, kind, period),
          status: 'queued',
          progress: 0,
          step: '排队等待',
          xlsx_key: null,
          pdf_key: null,
          xlsx_bytes: null,
          pdf_bytes: null,
          summary: null,
          fingerprint: null,
          requested_by: byId,
          requested_by_name: byName,
          created_at: now,
          started_at: null,
          finished_at: null,
          attempts: 0,
          error: null,
        };
        if (!(await this.repo.insert(trx, row))) return null;
        // The scheduled report waits a few minutes: it is made by whichever process ticks then, not in the burst of
        // jobs every process runs when it starts (nor in a test's tick).
        const runAt = mode === 'first-only' ? new Date(this.clock.now().getTime() + SCHEDULED_DELAY_MS) : undefined;
        await enqueueJob(trx, this.clock, GENERATE_JOB, { reportId: row.id }, { key: row.id, runAt });
        return row;
      });
      if (row === 'exists') return null;
      if (row) return row;
    }
    return null;
  }

  /** Last month's report, made once early each month by the scheduled job (no-op when the month has one). */
  async scheduleLastMonth(now: Date): Promise<{ period: string; queued: boolean }> {
    const period = shiftMonth(shanghaiMonth(now), -1);
    if (await this.repo.anyOf('month', period)) return { period, queued: false };
    const row = await this.queue('month', period, SYSTEM_NAME, 'system', 'first-only');
    return { period, queued: !!row };
  }

  async list(ctx: RequestContext, filter: { kind?: ReportKind }, limit: number, cursor?: string): Promise<PageResult<ReportView>> {
    requireRole(ctx, ...REPORT_READERS);
    const rows = await this.repo.list({ kind: filter.kind, beforeId: decodeCursor(cursor) }, limit + 1);
    const page = toPage(rows, limit, (r) => r.id);
    return { items: page.items.map(view), nextCursor: page.nextCursor };
  }

  async get(ctx: RequestContext, id: string): Promise<ReportView> {
    requireRole(ctx, ...REPORT_READERS);
    const row = await this.repo.get(id);
    if (!row) throw notFound('Report');
    return view(row);
  }

  /** A done report's file, named after its title; 409 REPORT_NOT_READY before. */
  async download(ctx: RequestContext, id: string, format: ReportFormat): Promise<{ body: Buffer; fileName: string; asciiName: string; type: string }> {
    requireRole(ctx, ...REPORT_READERS);
    const row = await this.repo.get(id);
    if (!row) throw notFound('Report');
    const key = format === 'xlsx' ? row.xlsx_key : row.pdf_key;
    if (row.status !== 'done' || !key) throw conflict('REPORT_NOT_READY', `报告尚未生成完成（${row.step}） The report is not ready yet`, { status: row.status, progress: Number(row.progress) });
    const body = await this.files.get(key);
    if (!body) throw new AppError(410, 'REPORT_FILE_GONE', '报告文件已不存在，请重新生成 The report file is gone; generate the report again');
    return { body, fileName: `${row.title}第${row.version}版.${format}`, asciiName: `report-${row.kind}-${row.period}-v${row.version}.${format}`, type: FORMATS[format] };
  }
}
