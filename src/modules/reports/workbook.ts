import ExcelJS from 'exceljs';
import type { Chart } from './charts.js';
import type { ReportModel } from './content.js';
import { AWAITING, NO_DATA, OPEN_PERIOD } from './format.js';
import type { Unit } from './ports.js';

const MONEY = '#,##0.00';
const COUNT = '#,##0';
const PERCENT = '0.0%';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };

/** A figure as a cell: 元 (from fen) with two decimals, a percentage as a fraction, 待接入 as text. */
function cell(unit: Unit, value: number | null, status: 'live' | 'awaiting_source' = 'live'): { value: ExcelJS.CellValue; numFmt?: string } {
  if (value === null) return { value: status === 'live' ? NO_DATA : AWAITING };
  if (unit === 'fen') return { value: value / 100, numFmt: MONEY };
  if (unit === 'percent') return { value: value / 100, numFmt: PERCENT };
  return { value, numFmt: COUNT };
}
const pctCell = (pct: number | null): { value: ExcelJS.CellValue; numFmt?: string } => (pct === null ? { value: '—' } : { value: pct / 100, numFmt: '+0.0%;-0.0%;0.0%' });
const unitName = (unit: Unit) => ({ fen: '元', count: '个', person_times: '人次', percent: '%', households: '户' })[unit];

function put(row: ExcelJS.Row, col: number, c: { value: ExcelJS.CellValue; numFmt?: string }) {
  const target = row.getCell(col);
  target.value = c.value;
  if (c.numFmt) target.numFmt = c.numFmt;
}

function header(sheet: ExcelJS.Worksheet, values: string[]) {
  const row = sheet.addRow(values);
  row.font = { bold: true };
  row.eachCell((c) => (c.fill = HEADER_FILL));
  return row;
}

function addChart(book: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, chart: Chart, row: number) {
  const id = book.addImage({ buffer: Buffer.from(chart.png) as unknown as ExcelJS.Buffer, extension: 'png' });
  sheet.addImage(id, { tl: { col: 0, row }, ext: { width: 720, height: 360 } });
}

/**
 * The report as a workbook: 概要 (summary and the period's figures), 趋势 (13 months), 分项 (breakdowns), 图表, and
 * for a self-evaluation 绩效自评. Money in 元 with two decimals and percentages as number formats, so the figures
 * stay numbers a statistician can sum.
 */
export async function renderWorkbook(model: ReportModel, charts: Chart[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'CountyHub';
  book.created = new Date(model.generatedAt);
  book.title = model.title;

  const summary = book.addWorksheet('概要');
  summary.columns = [{ width: 16 }, { width: 24 }, { width: 18 }, { width: 18 }, { width: 10 }, { width: 18 }, { width: 10 }, { width: 34 }, { width: 8 }];
  summary.addRow([model.title]).font = { bold: true, size: 14 };
  summary.addRow([`报告期：${model.periodLabel}\u3000版本：第 ${model.version} 版\u3000生成时间：${model.generatedAt}${model.ongoing ? '\u3000本期尚未结束，数字截至生成时' : ''}`]);
  summary.addRow([]);
  summary.addRow(['情况概述']).font = { bold: true };
  for (const s of model.summary) summary.addRow([s]);
  summary.addRow([]);
  header(summary, ['板块', '指标', '本期', '上期', '环比', '去年同期', '同比', '目标', '单位']);
  for (const section of model.sections) {
    for (const f of section.figures) {
      const row = summary.addRow([section.title, f.name]);
      put(row, 3, cell(f.unit, f.value, f.status));
      put(row, 4, f.status === 'awaiting_source' ? { value: AWAITING } : cell(f.unit, f.previousPeriod));
      put(row, 5, model.ongoing ? { value: OPEN_PERIOD } : pctCell(f.momPct));
      put(row, 6, f.status === 'awaiting_source' ? { value: AWAITING } : cell(f.unit, f.previousYear));
      put(row, 7, model.ongoing ? { value: OPEN_PERIOD } : pctCell(f.yoyPct));
      row.getCell(8).value = f.target ? f.target.label : '';
      row.getCell(9).value = unitName(f.unit);
    }
  }

  const trend = book.addWorksheet('趋势');
  trend.columns = [{ width: 12 }, ...model.trend.lines.map(() => ({ width: 18 }))];
  header(trend, ['月份', ...model.trend.lines.map((l) => `${l.name}（${unitName(l.unit)}）`)]);
  model.trend.months.forEach((m, i) => {
    const row = trend.addRow([m]);
    model.trend.lines.forEach((l, j) => put(row, j + 2, cell(l.unit, l.values[i])));
  });
  const trendCharts = charts.filter((c) => c.key.endsWith('_trend'));
  trendCharts.forEach((c, i) => addChart(book, trend, c, model.trend.months.length + 2 + i * 20));

  const parts = book.addWorksheet('分项');
  parts.columns = [{ width: 30 }, { width: 18 }, { width: 10 }, { width: 10 }];
  for (const b of model.breakdowns) {
    parts.addRow([b.title]).font = { bold: true };
    header(parts, ['名称', `${b.indicatorName}（${unitName(b.unit)}）`, '占比', '同比']);
    for (const r of b.rows) {
      const row = parts.addRow([r.label]);
      put(row, 2, cell(b.unit, r.value));
      put(row, 3, r.share === null ? { value: '—' } : { value: r.share, numFmt: PERCENT });
      put(row, 4, model.ongoing ? { value: OPEN_PERIOD } : pctCell(r.yoyPct));
    }
    if (b.rows.length === 0) parts.addRow(['本期无数据']);
    parts.addRow([]);
  }

  if (model.evaluation) {
    const ev = book.addWorksheet('绩效自评');
    ev.columns = [{ width: 22 }, { width: 30 }, { width: 18 }, { width: 18 }, { width: 10 }, { width: 10 }, { width: 80 }];
    header(ev, ['指标', '目标', '目标值', '实际值', '完成率', '结论', '依据']);
    for (const r of model.evaluation) {
      const row = ev.addRow([r.name, r.targetLabel]);
      put(row, 3, r.targetValue === null ? { value: '—' } : cell(r.unit, r.targetValue));
      put(row, 4, cell(r.unit, r.actual, r.verdict === '待接入' && r.actual === null ? 'awaiting_source' : 'live'));
      put(row, 5, r.completionPct === null ? { value: '—' } : { value: r.completionPct / 100, numFmt: PERCENT });
      row.getCell(6).value = r.verdict;
      row.getCell(7).value = r.evidence;
    }
    const chart = charts.find((c) => c.key === 'evaluation');
    if (chart) addChart(book, ev, chart, model.evaluation.length + 2);
  }

  const pictures = book.addWorksheet('图表');
  charts.forEach((c, i) => {
    pictures.getCell(i * 20 + 1, 1).value = c.title;
    addChart(book, pictures, c, i * 20 + 1);
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
