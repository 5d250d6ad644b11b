import { useChineseFontsForSvg } from '../../kernel/cjk-fonts.js';
import { defineModule } from '../../kernel/module.js';
import { ReportGenerator } from './generator.js';
import { reportJobs } from './jobs.js';
import { reportsInit } from './migrations/2026-12-07-reports.js';
import type { ReportsPorts } from './ports.js';
import { ReportsRepository } from './reports.repository.js';
import { reportsRoutes } from './reports.routes.js';
import { ReportsService } from './reports.service.js';

export type { ReportFigures, CountyName, FigureValue as ReportFigureValue } from './ports.js';
export type { ReportView } from './reports.service.js';
export { REPORT_KINDS, type ReportKind } from './periods.js';

/**
 * 统计报表: monthly, quarterly and annual reports and the programme's performance self-evaluation, as xlsx and PDF
 * with charts and a written summary, made by a job from the statistics door and kept (every version) in the file store.
 */
export const reportsModule = defineModule({
  name: 'reports',
  tablePrefix: 'reports_',
  summary: '统计报表 Monthly, quarterly and annual reports and the performance self-evaluation, as xlsx and PDF made by a job',
  migrations: [reportsInit],
  requires: {
    figures: 'the figures of a period, 13-month series, breakdowns, the indicator catalogue and the plan’s targets (stats)',
    county: 'the county’s name for the reports’ titles (network)',
  },
  publishes: [],
  build(kernel, ports: ReportsPorts) {
    // Charts are rasterised by sharp on the offload threads: fontconfig must know the Chinese font before any does.
    useChineseFontsForSvg();
    const repo = new ReportsRepository(kernel.db);
    const service = new ReportsService(repo, ports.county, kernel.files, kernel.clock);
    const generator = new ReportGenerator(repo, ports, kernel.files, kernel.clock);
    return { provides: { service }, routes: reportsRoutes(service), jobs: reportJobs(generator, service) };
  },
});
