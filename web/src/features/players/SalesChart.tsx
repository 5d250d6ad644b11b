import { Empty } from 'antd';
import type { MonthFigures } from '../../api/players.js';
import { useT } from '../../app/locale/LocaleContext.js';
import { EChart, type ChartOption } from '../../app/ui/EChart.js';

const yuan = (fen: number) => Math.round(fen) / 100;
const money = { valueFormatter: (v: unknown) => (typeof v === 'number' ? `¥${v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` : '—') };

/** A player's monthly sales as bars and the produce in them as a line, month by month. */
export function SalesChart({ months }: { months: MonthFigures[] }) {
  const t = useT();
  if (months.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('player.detail.chartEmpty')} />;
  const option: ChartOption = {
    color: ['#1677ff', '#52c41a'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemWidth: 14, itemHeight: 10 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.month), axisLabel: { fontSize: 11 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => (v >= 10_000 ? `${v / 10_000}万` : String(v)) }, splitLine: { lineStyle: { type: 'dashed' } } },
    series: [
      { name: t('player.detail.chartSales'), type: 'bar', barMaxWidth: 22, tooltip: money, data: months.map((m) => yuan(m.salesFen)) },
      { name: t('player.detail.chartProduce'), type: 'line', symbolSize: 5, tooltip: money, data: months.map((m) => yuan(m.produceFen)) },
    ],
  };
  // The months drawn, for whoever cannot read the canvas (browser tests, screen readers' summaries).
  return (
    <div data-testid="player-sales" data-months={months.map((m) => m.month).join(',')}>
      <EChart option={option} height={320} testId="player-sales-chart" />
    </div>
  );
}
