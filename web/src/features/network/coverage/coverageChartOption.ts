import type { Coverage } from '../../../api/network.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import type { ChartOption } from '../../../app/ui/EChart.js';
import { sharePercent, targetText } from './share.js';

const BLUE = '#1677ff';
const BLUE_LIGHT = '#d6e4ff';
const ORANGE = '#fa8c16';
const ORANGE_LIGHT = '#ffe7ba';
const RED = '#f5222d';
const CYAN = '#13c2c2';

const pct = sharePercent;

/**
 * Per township: villages covered / not covered and poor villages covered / not covered as stacked bars (so the
 * stack height is the total), with the poor and other coverage rates as lines on a % axis against the targets.
 */
export function coverageChartOption(coverage: Coverage, t: Translate, compact: boolean): ChartOption {
  const rows = coverage.townships;
  const poorTarget = coverage.poorVillages.target;
  const otherTarget = coverage.otherVillages.target;
  const percentTooltip = { valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '—') };
  const targetLine = (value: number | null, label: string, color: string) =>
    value === null
      ? undefined
      : {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed' as const, color, width: 1.5 },
          label: { formatter: label, position: 'insideEndTop' as const, color, fontSize: 11 },
          data: [{ yAxis: value * 100 }],
        };

  return {
    color: [BLUE, BLUE_LIGHT, ORANGE, ORANGE_LIGHT, RED, CYAN],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', top: 0, itemWidth: 14, itemHeight: 10 },
    grid: { left: 8, right: 8, top: compact ? 60 : 48, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      axisLabel: { interval: 0, rotate: compact ? 40 : 0, fontSize: 12 },
      axisTick: { alignWithLabel: true },
    },
    yAxis: [
      { type: 'value', name: t('coverage.chart.count'), minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
      { type: 'value', name: t('coverage.chart.share'), min: 0, max: 100, interval: 25, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: t('coverage.chart.villagesCovered'), type: 'bar', stack: 'villages', barMaxWidth: 22, data: rows.map((r) => r.villages.covered) },
      { name: t('coverage.chart.villagesUncovered'), type: 'bar', stack: 'villages', barMaxWidth: 22, data: rows.map((r) => r.villages.total - r.villages.covered) },
      { name: t('coverage.chart.poorCovered'), type: 'bar', stack: 'poor', barMaxWidth: 22, data: rows.map((r) => r.poorVillages.covered) },
      { name: t('coverage.chart.poorUncovered'), type: 'bar', stack: 'poor', barMaxWidth: 22, data: rows.map((r) => r.poorVillages.total - r.poorVillages.covered) },
      {
        name: t('coverage.chart.poorShare'),
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 7,
        lineStyle: { width: 2 },
        tooltip: percentTooltip,
        data: rows.map((r) => pct(r.poorVillages.share)),
        markLine: targetLine(poorTarget, t('coverage.chart.poorTarget', { value: poorTarget === null ? '' : targetText(poorTarget) }), RED),
      },
      {
        name: t('coverage.chart.otherShare'),
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 7,
        lineStyle: { width: 2 },
        tooltip: percentTooltip,
        data: rows.map((r) => pct(r.otherVillages.share)),
        markLine: targetLine(otherTarget, t('coverage.chart.otherTarget', { value: otherTarget === null ? '' : targetText(otherTarget) }), CYAN),
      },
    ],
  };
}
