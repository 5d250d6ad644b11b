import dayjs from 'dayjs';
import type { PromiseShare, PromiseSummary } from '../../../api/logistics-runs.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import type { ChartOption } from '../../../app/ui/EChart.js';

/** The county's goal for the on-time share, drawn as a line on the charts. */
export const ON_TIME_TARGET = 0.9;

export const GREEN = '#52c41a';
export const RED = '#ff4d4f';
export const BLUE = '#1677ff';
const ORANGE = '#fa8c16';
const GREY = '#bfbfbf';

const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
const hours = (v: number | null) => (v === null ? '—' : `${v} h`);

function targetLine(t: Translate, horizontal = false) {
  return {
    symbol: 'none',
    silent: true,
    lineStyle: { type: 'dashed' as const, color: ORANGE, width: 1.5 },
    label: { formatter: t('logistics.promise.chart.target', { value: ON_TIME_TARGET * 100 }), position: 'insideEndTop' as const, color: ORANGE, fontSize: 11 },
    data: [horizontal ? { xAxis: ON_TIME_TARGET * 100 } : { yAxis: ON_TIME_TARGET * 100 }],
  };
}

/** Green at or above the target, red below, grey when nothing is decided yet. */
const barColor = (share: number | null) => (share === null ? GREY : share + 1e-9 >= ON_TIME_TARGET ? GREEN : RED);

function shareTooltip(rows: PromiseShare[], t: Translate) {
  return (params: unknown) => {
    const first = (Array.isArray(params) ? params[0] : params) as { dataIndex: number };
    const r = rows[first.dataIndex];
    if (!r) return '';
    return [
      `<b>${r.name}</b>`,
      `${t('logistics.promise.share')}: ${pct(r.share) ?? '—'}${r.share === null ? '' : '%'}`,
      t('logistics.promise.chart.counts', { arrived: r.arrived, onTime: r.onTime }),
      `${t('logistics.promise.averageHours')}: ${hours(r.averageHours)}`,
    ].join('<br/>');
  };
}

/** On-time share per township, against the target line. */
export function townshipOption(rows: PromiseShare[], t: Translate, compact: boolean): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: shareTooltip(rows, t) },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: compact || rows.length > 8 ? 35 : 0, fontSize: 12 }, axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { type: 'dashed' } } },
    series: [
      {
        name: t('logistics.promise.share'),
        type: 'bar',
        barMaxWidth: 36,
        data: rows.map((r) => ({ value: pct(r.share) ?? 0, itemStyle: { color: barColor(r.share), borderRadius: [3, 3, 0, 0] } })),
        label: { show: true, position: 'top', fontSize: 11, formatter: (p: { dataIndex: number }) => (rows[p.dataIndex]?.share === null ? '—' : `${pct(rows[p.dataIndex].share)}%`) },
        markLine: targetLine(t),
      },
    ],
  };
}

/** On-time share per carrier as horizontal bars, worst at the top, with the parcel count beside. */
export function carrierOption(rows: PromiseShare[], t: Translate): ChartOption {
  const sorted = [...rows].sort((a, b) => (b.share ?? -1) - (a.share ?? -1));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: shareTooltip(sorted, t) },
    grid: { left: 8, right: 56, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'category', data: sorted.map((r) => r.name), axisTick: { show: false } },
    series: [
      {
        name: t('logistics.promise.share'),
        type: 'bar',
        barMaxWidth: 18,
        data: sorted.map((r) => ({ value: pct(r.share) ?? 0, itemStyle: { color: barColor(r.share), borderRadius: [0, 3, 3, 0] } })),
        label: { show: true, position: 'right', fontSize: 11, formatter: (p: { dataIndex: number }) => (sorted[p.dataIndex]?.share === null ? '—' : `${pct(sorted[p.dataIndex].share)}%`) },
        markLine: targetLine(t, true),
      },
    ],
  };
}

/** Every day of the range, days without parcels as zero, so the trend has no gaps (at most a year is drawn). */
export function fillDays(summary: PromiseSummary): PromiseSummary['daily'] {
  const byDate = new Map(summary.daily.map((d) => [d.date, d]));
  const out: PromiseSummary['daily'] = [];
  let day = dayjs(summary.from);
  const last = dayjs(summary.to);
  for (let i = 0; i < 366 && !day.isAfter(last); i++, day = day.add(1, 'day')) {
    const date = day.format('YYYY-MM-DD');
    out.push(byDate.get(date) ?? { date, decided: 0, arrived: 0, onTime: 0, late: 0 });
  }
  return out.length > 0 ? out : summary.daily;
}

/** Per day of county receipt: arrived on time and late as stacked bars, and the on-time share of arrivals as a line. */
export function dailyOption(summary: PromiseSummary, t: Translate): ChartOption {
  const days = fillDays(summary);
  return {
    color: [GREEN, RED, BLUE],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, itemWidth: 14, itemHeight: 10 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: days.map((d) => d.date.slice(5)), axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: t('logistics.promise.chart.parcels'), minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
      { type: 'value', name: t('logistics.promise.chart.shareAxis'), min: 0, max: 100, interval: 25, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: t('logistics.promise.chart.onTime'), type: 'bar', stack: 'arrived', barMaxWidth: 22, data: days.map((d) => d.onTime) },
      { name: t('logistics.promise.chart.late'), type: 'bar', stack: 'arrived', barMaxWidth: 22, data: days.map((d) => d.arrived - d.onTime) },
      {
        name: t('logistics.promise.chart.dailyShare'),
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 6,
        connectNulls: true,
        lineStyle: { width: 2 },
        tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
        data: days.map((d) => (d.arrived ? Math.round((d.onTime / d.arrived) * 1000) / 10 : null)),
        markLine: targetLine(t),
      },
    ],
  };
}
