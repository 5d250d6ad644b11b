import type { Translate } from '../../../app/locale/LocaleContext.js';
import type { StatsChartOption } from '../StatsChart.js';
import { fenToWan } from '../figureFormat.js';
import { axisLabel } from '../period.js';
import type { Gauge, Ranked, ScreenModel, TownshipFlow } from './screenModel.js';

export const SCREEN = {
  bg: '#040d21',
  panel: 'rgba(10, 35, 80, 0.55)',
  border: 'rgba(64, 158, 255, 0.35)',
  text: '#d6e4ff',
  dim: '#7f97c4',
  cyan: '#36cfc9',
  blue: '#4096ff',
  gold: '#ffc53d',
  orange: '#ff9c6e',
  green: '#73d13d',
  purple: '#b37feb',
};

const AXIS = { axisLine: { lineStyle: { color: '#2b4a7a' } }, axisLabel: { color: SCREEN.dim, fontSize: 14 }, splitLine: { lineStyle: { color: 'rgba(64,158,255,0.12)' } } };
const wan2 = (fen: number | null) => (fen === null ? null : Math.round(fenToWan(fen) * 100) / 100);

/** Sales on this platform and on others over 24 months, stacked, with the plan's target line. */
export function trendOption(m: ScreenModel, t: Translate, lang: 'zh' | 'en'): StatsChartOption {
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)} ${t('screen.wan')}`) },
    legend: { top: 0, right: 8, textStyle: { color: SCREEN.text, fontSize: 14 }, itemWidth: 14, itemHeight: 10 },
    grid: { left: 8, right: 16, top: 36, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: m.trend.periods.map((p) => axisLabel('month', p, lang)), ...AXIS, axisLabel: { ...AXIS.axisLabel, fontSize: 12 } },
    yAxis: { type: 'value', ...AXIS },
    series: [
      { id: 'platform', name: t('screen.platform'), type: 'bar', stack: 'sales', barMaxWidth: 14, itemStyle: { color: SCREEN.cyan }, data: m.trend.platformFen.map(wan2) },
      { id: 'external', name: t('screen.external'), type: 'bar', stack: 'sales', barMaxWidth: 14, itemStyle: { color: SCREEN.blue }, data: m.trend.externalFen.map(wan2) },
      {
        id: 'target',
        name: t('screen.target'),
        type: 'line',
        symbol: 'none',
        connectNulls: true,
        lineStyle: { type: 'dashed', color: SCREEN.gold, width: 2 },
        itemStyle: { color: SCREEN.gold },
        data: m.trend.targetFen.map(wan2),
      },
    ],
  };
}

/** A ranking as horizontal bars, the largest on top. */
export function rankingOption(rows: Ranked[], color: string, t: Translate, unit: 'fen' | 'count' = 'fen'): StatsChartOption {
  const top = rows.slice(0, 10).reverse();
  const shown = (v: number) => (unit === 'fen' ? wan2(v) : v);
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (unit === 'fen' ? `${String(v)} ${t('screen.wan')}` : String(v)) },
    grid: { left: 8, right: 56, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      data: top.map((r) => r.label),
      axisLine: { show: false },
      axisTick: { show: false },
      // interval 0: every product named, even when ten rows leave each one little height.
      axisLabel: { color: SCREEN.text, fontSize: 12, width: 150, overflow: 'truncate', interval: 0 },
    },
    series: [
      {
        id: 'value',
        type: 'bar',
        barMaxWidth: 12,
        itemStyle: { color, borderRadius: [0, 6, 6, 0] },
        label: { show: true, position: 'right', color: SCREEN.text, fontSize: 12, formatter: (p) => String(p.value) },
        data: top.map((r) => shown(r.value)),
      },
    ],
  };
}

/** The pavilions' sales as a ring. */
export function pavilionOption(rows: Ranked[], t: Translate): StatsChartOption {
  const colors = [SCREEN.gold, SCREEN.orange, SCREEN.cyan, SCREEN.purple];
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'item', valueFormatter: (v) => `${String(v)} ${t('screen.wan')}` },
    legend: { bottom: 0, textStyle: { color: SCREEN.text, fontSize: 14 } },
    series: [
      {
        id: 'pavilions',
        type: 'pie',
        radius: ['40%', '72%'],
        center: ['50%', '45%'],
        label: { position: 'inside', color: '#0b1a33', fontSize: 15, fontWeight: 'bold', formatter: '{c}' },
        data: rows.map((r, i) => ({ name: r.label, value: wan2(r.value) ?? 0, itemStyle: { color: colors[i % colors.length] } })),
      },
    ],
  };
}

/** A coverage share against its target as a gauge. */
export function gaugeOption(gauge: Gauge, color: string): StatsChartOption {
  const pct = gauge.pct ?? 0;
  return {
    backgroundColor: 'transparent',
    series: [
      {
        id: gauge.key,
        type: 'gauge',
        startAngle: 220,
        endAngle: -40,
        min: 0,
        max: 100,
        radius: '92%',
        center: ['50%', '56%'],
        progress: { show: true, width: 12, itemStyle: { color } },
        axisLine: { lineStyle: { width: 12, color: [[1, 'rgba(64,158,255,0.18)']] } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        anchor: { show: false },
        title: { show: false },
        detail: { valueAnimation: true, offsetCenter: [0, '4%'], fontSize: 18, fontWeight: 'bold', color: SCREEN.text, formatter: gauge.pct === null ? '—' : '{value}%' },
        data: [{ value: pct }],
      },
    ],
  };
}

/**
 * Training since the programme began against its target as a small ring: the share of the target done (the ring
 * stops full at 100 %, the figure says how far past it).
 */
export function trainingGaugeOption(key: string, total: number, target: number, color: string): StatsChartOption {
  const pct = Math.round((total * 1000) / target) / 10;
  return {
    backgroundColor: 'transparent',
    series: [
      {
        id: `training-${key}`,
        type: 'gauge',
        startAngle: 90,
        endAngle: -270,
        min: 0,
        max: 100,
        radius: '88%',
        center: ['50%', '50%'],
        progress: { show: true, width: 8, itemStyle: { color } },
        axisLine: { lineStyle: { width: 8, color: [[1, 'rgba(64,158,255,0.18)']] } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        anchor: { show: false },
        title: { show: false },
        detail: { valueAnimation: false, offsetCenter: [0, 0], fontSize: 13, fontWeight: 'bold', color: SCREEN.text, formatter: () => `${pct}%` },
        data: [{ value: Math.min(100, pct) }],
      },
    ],
  };
}

/**
 * The county as a schematic network (no map file works offline): the county centre in the middle, the townships on
 * a ring sized by their points, a line to each with this month's parcels down and up.
 */
export function networkOption(m: ScreenModel, t: Translate): StatsChartOption {
  const towns = m.townships;
  const maxPoints = Math.max(1, ...towns.map((r) => r.points));
  const maxFlow = Math.max(1, ...towns.map((r) => Math.max(r.down, r.up)));
  const centre = m.level === 'county' ? t('screen.countyCentre') : t('screen.townshipCentre');
  const width = (n: number) => 1 + (5 * n) / maxFlow;
  const node = (r: TownshipFlow, i: number) => {
    const angle = (2 * Math.PI * i) / Math.max(1, towns.length) - Math.PI / 2;
    return {
      id: r.code,
      name: r.name,
      // An ellipse a little wider than tall: the graph keeps its aspect and the names beside the outer circles fit.
      x: 500 + 290 * Math.cos(angle),
      y: 300 + 250 * Math.sin(angle),
      symbolSize: 22 + (30 * Math.sqrt(r.points)) / Math.sqrt(maxPoints),
      value: r.points,
      itemStyle: { color: SCREEN.blue, borderColor: '#91caff', borderWidth: 2, shadowBlur: 12, shadowColor: SCREEN.blue },
      label: {
        show: true,
        position: (Math.cos(angle) >= 0 ? 'right' : 'left') as 'right' | 'left',
        color: SCREEN.text,
        fontSize: 15,
        formatter: `{n|${r.name}}\n{d|↓${r.down}} {u|↑${r.up}}`,
        rich: { n: { fontSize: 16, fontWeight: 'bold' as const, color: SCREEN.text }, d: { color: SCREEN.cyan, fontSize: 14 }, u: { color: SCREEN.gold, fontSize: 14 } },
      },
    };
  };
  return {
    backgroundColor: 'transparent',
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { dataType, dataIndex } = p as { dataType?: string; dataIndex: number };
        const r = dataType === 'node' ? towns[dataIndex - 1] : undefined;
        return r ? `${r.name}<br/>${t('screen.points', { n: r.points })}<br/>${t('screen.down')} ${r.down} · ${t('screen.up')} ${r.up}` : dataType === 'node' ? centre : '';
      },
    },
    series: [
      {
        id: 'network',
        type: 'graph',
        layout: 'none',
        roam: false,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        data: [
          {
            id: 'county',
            name: centre,
            x: 500,
            y: 300,
            symbolSize: 70,
            itemStyle: { color: SCREEN.gold, shadowBlur: 24, shadowColor: SCREEN.gold },
            label: { show: true, position: 'bottom', color: SCREEN.gold, fontSize: 16, fontWeight: 'bold' },
          },
          ...towns.map(node),
        ],
        links: towns.flatMap((r) => [
          { source: 'county', target: r.code, lineStyle: { color: SCREEN.cyan, width: width(r.down), curveness: 0.12, opacity: r.down > 0 ? 0.9 : 0.25 } },
          { source: r.code, target: 'county', lineStyle: { color: SCREEN.gold, width: width(r.up), curveness: 0.12, opacity: r.up > 0 ? 0.9 : 0.25 } },
        ]),
      },
    ],
  };
}

/** Each township's sales this month. */
export function townshipSalesOption(m: ScreenModel, t: Translate): StatsChartOption {
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)} ${t('screen.wan')}` },
    grid: { left: 8, right: 8, top: 16, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: m.townships.map((r) => r.name), ...AXIS, axisLabel: { ...AXIS.axisLabel, interval: 0, fontSize: 13, rotate: m.townships.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', ...AXIS },
    series: [
      {
        id: 'sales',
        name: t('screen.sales'),
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: SCREEN.cyan, borderRadius: [4, 4, 0, 0] },
        label: { show: true, position: 'top', color: SCREEN.text, fontSize: 12 },
        data: m.townships.map((r) => wan2(r.salesFen)),
      },
    ],
  };
}
