import { defineJob, type JobDef } from '../../kernel/jobs/index.js';
import type { ReportGenerator } from './generator.js';
import { GENERATE_JOB, type ReportsService } from './reports.service.js';

const ATTEMPTS = 3;

/** The report generator (one-off, queued with each request) and last month's report made on its own. */
export function reportJobs(generator: ReportGenerator, service: ReportsService): JobDef[] {
  return [
    defineJob({
      name: GENERATE_JOB,
      title: '生成统计报表 Make a report’s workbook and PDF',
      maxAttempts: ATTEMPTS,
      backoffMs: 15_000,
      leaseMs: 5 * 60_000,
      run: ({ payload, attempt }) => generator.run(String((payload as { reportId?: unknown } | null)?.reportId ?? ''), attempt, attempt >= ATTEMPTS),
    }),
    defineJob({
      name: 'reports.monthly',
      title: '每月自动生成上月统计月报 Last month’s report, made early each month',
      every: 60 * 60_000,
      run: ({ now }) => service.scheduleLastMonth(now),
    }),
  ];
}
