import type { Translate } from '../../../app/locale/LocaleContext.js';
import type { ChartOption } from '../../../app/ui/EChart.js';
import type { NamedLedgerRow } from './useLedgerRows.js';

const yuan = (fen: number) => Math.round(fen) / 100;

/** The groups with the most income: households' income as bars (yuan), the sales behind it as a line on its own axis. */
export function ledgerChartOption(rows: NamedLedgerRow[], t: Translate, compact: boolean, top = 15): ChartOption {
  const shown = rows.slice(0, top);
  const money = { valueFormatter: (v: unknown) => (typeof v === 'number' ? `¥${v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` : '—') };
  return {
    color: ['#fa541c', '#1677ff'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, itemWidth: 14, itemHeight: 10 },
    grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: { interval: 0, rotate: compact || shown.length > 6 ? 35 : 0, fontSize: 12 }, axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: t('ledger.chart.income'), axisLabel: { formatter: '¥{value}' }, splitLine: { lineStyle: { type: 'dashed' } } },
      { type: 'value', name: t('ledger.chart.sales'), axisLabel: { formatter: '¥{value}' }, splitLine: { show: false } },
    ],
    series: [
      { name: t('ledger.col.income'), type: 'bar', barMaxWidth: 28, tooltip: money, data: shown.map((r) => yuan(r.incomeFen)) },
      { name: t('ledger.col.sales'), type: 'line', yAxisIndex: 1, symbolSize: 7, tooltip: money, data: shown.map((r) => yuan(r.salesFen)) },
    ],
  };
}
