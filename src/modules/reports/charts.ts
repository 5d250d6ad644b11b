import * as echarts from 'echarts';
import sharp from 'sharp';
import type { ReportModel } from './content.js';

/** Charts are drawn 800×400 (CSS px) and rasterised at twice that, sharp on paper and in a spreadsheet. */
export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;
const FONT = 'Noto Sans SC, sans-serif';
const COLORS = ['#1677ff', '#52c41a', '#fa8c16', '#722ed1', '#13c2c2', '#eb2f96', '#faad14', '#2f54eb'];

export interface Chart {
  key: string;
  title: string;
  png: Buffer;
}

const wan = (fen: number | null) => (fen === null ? null : Math.round(fen / 100) / 10_000);
const monthLabel = (m: string) => `${m.slice(2, 4)}/${m.slice(5, 7)}`;

/** An ECharts option rendered on the server to SVG (no DOM), then to PNG with sharp. */
async function render(option: echarts.EChartsCoreOption): Promise<Buffer> {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    chart.setOption({ animation: false, color: COLORS, backgroundColor: '#ffffff', textStyle: { fontFamily: FONT }, ...option });
    const svg = chart.renderToSVGString();
    return await sharp(Buffer.from(svg), { density: 144 }).png().toBuffer();
  } finally {
    chart.dispose();
  }
}

const title = (text: string) => ({ text, left: 'center', top: 8, textStyle: { fontSize: 16, fontWeight: 'bold', fontFamily: FONT } });

/** The report's charts: trends, breakdowns and (a self-evaluation) target completion. */
export async function renderCharts(model: ReportModel): Promise<Chart[]> {
  const charts: Chart[] = [];
  const months = model.trend.months.map(monthLabel);
  const money = model.trend.lines.filter((l) => l.unit === 'fen');
  if (money.length > 0) {
    const t = '近13个月网络销售额（万元）';
    charts.push({
      key: 'sales_trend',
      title: t,
      png: await render({
        title: title(t),
        legend: { bottom: 4 },
        grid: { left: 70, right: 30, top: 50, bottom: 60 },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', name: '万元' },
        series: money.map((l) => ({ type: 'line', name: l.name, data: l.values.map(wan), connectNulls: false, symbolSize: 6 })),
      }),
    });
  }
  const down = model.trend.lines.find((l) => l.indicator === 'parcels_down');
  const up = model.trend.lines.find((l) => l.indicator === 'parcels_up');
  const share = model.trend.lines.find((l) => l.indicator === 'on_time_share');
  if (down || up) {
    const t = '近13个月包裹量与48小时送达率';
    charts.push({
      key: 'parcels_trend',
      title: t,
      png: await render({
        title: title(t),
        legend: { bottom: 4 },
        grid: { left: 70, right: 70, top: 50, bottom: 60 },
        xAxis: { type: 'category', data: months },
        yAxis: [{ type: 'value', name: '件' }, { type: 'value', name: '%', min: 0, max: 100 }],
        series: [
          ...[down, up].filter((l) => !!l).map((l) => ({ type: 'bar', name: l.name, data: l.values })),
          ...(share ? [{ type: 'line', name: share.name, yAxisIndex: 1, data: share.values }] : []),
        ],
      }),
    });
  }
  for (const b of model.breakdowns) {
    const rows = b.rows.filter((r) => r.value !== 0).slice(0, 12);
    if (rows.length === 0) continue;
    const unit = b.unit === 'fen' ? '（万元）' : '';
    const values = rows.map((r) => (b.unit === 'fen' ? wan(r.value) : r.value));
    const t = `${b.title}${unit}`;
    const pie = b.dim === 'source' || b.dim === 'channel' || b.dim === 'pavilion';
    charts.push({
      key: `breakdown_${b.indicator}_${b.dim}`,
      title: t,
      png: await render(
        pie
          ? { title: title(t), legend: { bottom: 4 }, series: [{ type: 'pie', radius: ['35%', '62%'], center: ['50%', '52%'], label: { formatter: '{b}\n{d}%' }, data: rows.map((r, i) => ({ name: r.label, value: values[i] })) }] }
          : {
              title: title(t),
              grid: { left: 110, right: 40, top: 50, bottom: 30 },
              xAxis: { type: 'value' },
              yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
              series: [{ type: 'bar', data: values, label: { show: true, position: 'right' } }],
            },
      ),
    });
  }
  if (model.evaluation && model.evaluation.length > 0) {
    const rows = model.evaluation;
    const t = '绩效目标完成情况（%）';
    charts.push({
      key: 'evaluation',
      title: t,
      png: await render({
        title: title(t),
        grid: { left: 150, right: 60, top: 50, bottom: 30 },
        xAxis: { type: 'value', max: (v: { max: number }) => Math.max(120, Math.ceil(v.max / 10) * 10) },
        yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name) },
        series: [
          {
            type: 'bar',
            data: rows.map((r) => ({ value: r.completionPct ?? 0, itemStyle: { color: r.verdict === '达标' ? '#52c41a' : r.verdict === '未达标' ? '#fa541c' : '#bfbfbf' } })),
            label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => (rows[p.dataIndex].completionPct === null ? '待接入' : `${rows[p.dataIndex].completionPct}%`) },
            markLine: { symbol: 'none', data: [{ xAxis: 100 }], lineStyle: { color: '#999', type: 'dashed' }, label: { formatter: '100%', position: 'end' } },
          },
        ],
      }),
    });
  }
  return charts;
}
