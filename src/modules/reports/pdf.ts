import PDFDocument from 'pdfkit';
import { chineseFonts } from '../../kernel/cjk-fonts.js';
import type { Chart } from './charts.js';
import type { ReportModel } from './content.js';
import { formatPct, formatValue, OPEN_PERIOD } from './format.js';

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const WIDTH = PAGE.width - MARGIN * 2;
const BOTTOM = PAGE.height - MARGIN - 16;

type Doc = PDFKit.PDFDocument;

const shanghaiTime = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

function ensure(doc: Doc, height: number) {
  if (doc.y + height > BOTTOM) doc.addPage();
}

function heading(doc: Doc, text: string) {
  ensure(doc, 40);
  doc.moveDown(0.6).font('cn-bold').fontSize(13).fillColor('#000').text(text, MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.3);
}

/** A table with a bold header row, repeated on each new page; columns as fractions of the width. */
function table(doc: Doc, columns: { title: string; width: number; align?: 'left' | 'right' | 'center' }[], rows: { cells: string[]; bold?: boolean; shade?: boolean }[]) {
  const widths = columns.map((c) => c.width * WIDTH);
  const draw = (cells: string[], bold: boolean, shade: boolean) => {
    doc.font(bold ? 'cn-bold' : 'cn').fontSize(8.5);
    const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: widths[i] - 6 }))) + 6;
    if (doc.y + height > BOTTOM) {
      doc.addPage();
      drawHeader();
      doc.font(bold ? 'cn-bold' : 'cn').fontSize(8.5);
    }
    const top = doc.y;
    if (shade) doc.rect(MARGIN, top, WIDTH, height).fill('#eef5ff');
    let x = MARGIN;
    cells.forEach((text, i) => {
      doc.fillColor('#000').text(text, x + 3, top + 3, { width: widths[i] - 6, align: columns[i].align ?? 'left' });
      x += widths[i];
    });
    doc.moveTo(MARGIN, top + height).lineTo(MARGIN + WIDTH, top + height).lineWidth(0.4).strokeColor('#c8c8c8').stroke();
    doc.y = top + height;
  };
  const drawHeader = () => draw(columns.map((c) => c.title), true, true);
  drawHeader();
  for (const r of rows) draw(r.cells, r.bold ?? false, r.shade ?? false);
  doc.x = MARGIN;
}

function image(doc: Doc, chart: Chart) {
  const height = WIDTH / 2;
  ensure(doc, height + 8);
  doc.image(Buffer.from(chart.png), MARGIN, doc.y, { width: WIDTH, height });
  doc.y += height + 8;
}

/**
 * The report as an A4 PDF in Noto Sans SC: title and written summary, the period's figures with 环比/同比 and targets,
 * 13-month trends, breakdowns (charts and tables), and for a self-evaluation the targets judged one by one.
 */
export function renderPdf(model: ReportModel, charts: Chart[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: MARGIN, bottom: MARGIN - 20, left: MARGIN, right: MARGIN }, bufferPages: true, info: { Title: model.title, Author: model.county, Producer: 'CountyHub', Subject: model.periodLabel } });
  const fonts = chineseFonts();
  doc.registerFont('cn', fonts.regular);
  doc.registerFont('cn-bold', fonts.bold);
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('cn-bold').fontSize(18).fillColor('#000').text(model.title, MARGIN, MARGIN + 10, { width: WIDTH, align: 'center' });
  doc.moveDown(0.4).font('cn').fontSize(9).fillColor('#555').text(`报告期 ${model.periodLabel}\u3000第 ${model.version} 版\u3000生成于 ${shanghaiTime(model.generatedAt)}（北京时间）${model.ongoing ? '\u3000本期尚未结束，数字截至生成时' : ''}\u3000数据来源：县域电商综合服务平台统计模块`, { width: WIDTH, align: 'center' });
  let n = 0;
  const section = (title: string) => heading(doc, `${'一二三四五六七八九十'[n++]}、${title}`);

  section('情况概述');
  doc.font('cn').fontSize(10.5).fillColor('#000');
  for (const s of model.summary) doc.text(`\u3000\u3000${s}`, MARGIN, doc.y, { width: WIDTH, lineGap: 3 });

  if (model.evaluation) {
    section('绩效目标自评');
    const met = model.evaluation.filter((r) => r.verdict === '达标').length;
    const missed = model.evaluation.filter((r) => r.verdict === '未达标').length;
    const waiting = model.evaluation.filter((r) => r.verdict === '待接入').length;
    doc.font('cn').fontSize(10.5).text(`\u3000\u3000对照实施方案的 ${model.evaluation.length} 项绩效目标：达标 ${met} 项，未达标 ${missed} 项，待接入 ${waiting} 项。`, MARGIN, doc.y, { width: WIDTH, lineGap: 3 });
    doc.moveDown(0.3);
    table(
      doc,
      [
        { title: '指标', width: 0.16 },
        { title: '目标', width: 0.18 },
        { title: '目标值', width: 0.13, align: 'right' },
        { title: '实际值', width: 0.13, align: 'right' },
        { title: '完成率', width: 0.08, align: 'right' },
        { title: '结论', width: 0.07, align: 'center' },
        { title: '依据', width: 0.25 },
      ],
      model.evaluation.map((r) => ({
        cells: [r.name, r.targetLabel, r.targetValue === null ? '—' : formatValue(r.unit, r.targetValue), formatValue(r.unit, r.actual), r.completionPct === null ? '—' : `${r.completionPct.toFixed(1)}%`, r.verdict, r.evidence],
      })),
    );
    const chart = charts.find((c) => c.key === 'evaluation');
    if (chart) {
      doc.moveDown(0.5);
      image(doc, chart);
    }
  }

  section('主要指标');
  const rows: { cells: string[]; bold?: boolean; shade?: boolean }[] = [];
  for (const s of model.sections) {
    if (s.figures.length === 0) continue;
    rows.push({ cells: [s.title, '', '', '', '', ''], bold: true });
    for (const f of s.figures) {
      const awaiting = f.status === 'awaiting_source';
      const change = (pct: number | null) => (awaiting ? '—' : model.ongoing ? OPEN_PERIOD : formatPct(pct));
      rows.push({
        cells: [f.name, formatValue(f.unit, f.value, f.status), awaiting ? '—' : formatValue(f.unit, f.previousPeriod, 'live'), change(f.momPct), change(f.yoyPct), f.target?.label ?? ''],
      });
    }
  }
  table(
    doc,
    [
      { title: '指标', width: 0.22 },
      { title: '本期', width: 0.18, align: 'right' },
      { title: '上期', width: 0.16, align: 'right' },
      { title: '环比', width: 0.09, align: 'right' },
      { title: '同比', width: 0.09, align: 'right' },
      { title: '目标', width: 0.26 },
    ],
    rows,
  );

  const trendCharts = charts.filter((c) => c.key.endsWith('_trend'));
  if (trendCharts.length > 0) {
    doc.addPage();
    section('近13个月趋势');
    for (const c of trendCharts) image(doc, c);
  }

  if (model.breakdowns.length > 0) {
    doc.addPage();
    section('分项情况');
    for (const b of model.breakdowns) {
      ensure(doc, 60);
      doc.font('cn-bold').fontSize(10.5).fillColor('#000').text(b.title, MARGIN, doc.y, { width: WIDTH });
      doc.moveDown(0.2);
      const chart = charts.find((c) => c.key === `breakdown_${b.indicator}_${b.dim}`);
      if (chart) image(doc, chart);
      const top = b.rows.slice(0, 12);
      if (top.length === 0) {
        doc.font('cn').fontSize(9).text('本期无数据。', MARGIN, doc.y);
      } else {
        table(
          doc,
          [
            { title: '名称', width: 0.4 },
            { title: b.indicatorName, width: 0.3, align: 'right' },
            { title: '占比', width: 0.15, align: 'right' },
            { title: '同比', width: 0.15, align: 'right' },
          ],
          top.map((r) => ({ cells: [r.label, formatValue(b.unit, r.value), r.share === null ? '—' : `${(r.share * 100).toFixed(1)}%`, model.ongoing ? OPEN_PERIOD : formatPct(r.yoyPct)] })),
        );
      }
      doc.moveDown(0.8);
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // The footer sits in the bottom margin: without this pdfkit would start a page for it.
    doc.page.margins.bottom = 0;
    doc.font('cn').fontSize(8).fillColor('#888').text(`${model.title}\u3000第 ${i + 1} 页 / 共 ${range.count} 页`, MARGIN, PAGE.height - MARGIN + 10, { width: WIDTH, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
