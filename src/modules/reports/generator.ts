import type { Clock } from '../../kernel/clock.js';
import type { FileStore } from '../../kernel/files.js';
import { offloaded } from '../../kernel/offload.js';
import { gatherReport } from './content.js';
import { grainOf } from './periods.js';
import type { ReportsPorts } from './ports.js';
import type { ReportsRepository } from './reports.repository.js';
import { fileKey } from './reports.service.js';

const renderer = offloaded<typeof import('./render.js')>(new URL('./render.js', import.meta.url));

/**
 * The `reports.generate` job's work for one report. Every step is guarded by the row's state: a row already done
 * or failed is left alone; a run cut short (its process killed) is claimed again after its lease and starts over
 * from the figures, writing the same two keys (id + version), so a report always ends with exactly one pair of
 * files; the row is marked done, with both keys, in one transaction only after both files are stored.
 */
export class ReportGenerator {
  constructor(
    private readonly repo: ReportsRepository,
    private readonly ports: ReportsPorts,
    private readonly files: FileStore,
    private readonly clock: Clock,
  ) {}

  async run(reportId: string, attempt: number, lastAttempt: boolean): Promise<{ reportId: string; outcome: string; pages?: number }> {
    const row = await this.repo.get(reportId);
    if (!row) return { reportId, outcome: 'missing' };
    if (row.status === 'done' || row.status === 'failed') return { reportId, outcome: `already ${row.status}` };
    if (!(await this.repo.start(reportId, this.clock.now().toISOString()))) return { reportId, outcome: 'not startable' };
    try {
      const progress = (pct: number, step: string) => this.repo.progress(reportId, pct, step);
      const county = await this.ports.county.county();
      const fingerprint = await this.ports.figures.fingerprint(grainOf(row.kind), row.period);
      const model = await gatherReport(this.ports.figures, { kind: row.kind, period: row.period, version: Number(row.version), county: county.name, now: this.clock.now() }, progress);
      await progress(40, '绘制图表');
      const charts = await renderer('renderCharts', model);
      await progress(60, '生成 Excel 表格');
      const xlsx = await renderer('renderWorkbook', model, charts);
      await this.files.put(fileKey(row, 'xlsx'), xlsx);
      await progress(80, '生成 PDF 文件');
      const pdf = await renderer('renderPdf', model, charts);
      await this.files.put(fileKey(row, 'pdf'), pdf);
      await progress(95, '保存');
      const finished = await this.repo.finish(reportId, {
        xlsx_key: fileKey(row, 'xlsx'),
        pdf_key: fileKey(row, 'pdf'),
        xlsx_bytes: xlsx.length,
        pdf_bytes: pdf.length,
        summary: model.summary.join(''),
        fingerprint,
        finished_at: this.clock.now().toISOString(),
      });
      return { reportId, outcome: finished ? 'done' : 'not running any more' };
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      if (lastAttempt) await this.repo.fail(reportId, `生成失败 Generation failed: ${text}`.slice(0, 2000), this.clock.now().toISOString());
      else await this.repo.noteError(reportId, `第 ${attempt} 次尝试失败，将重试 Attempt ${attempt} failed: ${text}`.slice(0, 2000));
      throw err;
    }
  }
}
