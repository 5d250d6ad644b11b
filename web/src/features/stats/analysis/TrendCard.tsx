import { useMemo, useState } from 'react';
import { Card, Grid, Select } from 'antd';
import { useSeries, type FigureValue, type Place, type SeriesPoint, type Unit } from '../../../api/stats.js';
import { useLocale } from '../../../app/locale/LocaleContext.js';
import { StatsChart, type StatsChartOption } from '../StatsChart.js';
import { fenToWan } from '../figureFormat.js';
import { axisLabel, periodsEnding, TREND_LENGTH, type PeriodGrain } from '../period.js';
import { headlineFigures } from './FigureCards.js';

function trendOption(points: SeriesPoint[], grain: PeriodGrain, unit: Unit, name: string, lang: 'zh' | 'en', compact: boolean): StatsChartOption {
  const shown = (v: number | null) => (v === null ? null : unit === 'fen' ? Math.round(fenToWan(v) * 100) / 100 : v);
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => axisLabel(grain, p.period, lang)), axisLabel: { fontSize: compact ? 10 : 12 } },
    yAxis: { type: 'value', axisLabel: { formatter: unit === 'percent' ? '{value}%' : '{value}' }, splitLine: { lineStyle: { type: 'dashed' } } },
    series: [
      unit === 'percent'
        ? { id: 'trend', name, type: 'line', smooth: true, data: points.map((p) => shown(p.value)), itemStyle: { color: '#1677ff' } }
        : { id: 'trend', name, type: 'bar', barMaxWidth: 24, data: points.map((p) => shown(p.value)), itemStyle: { color: '#1677ff', borderRadius: [3, 3, 0, 0] } },
    ],
  };
}

/** One indicator over two years of months (three of quarters, five years) for the place shown. */
export function TrendCard({ grain, period, place, figures }: { grain: PeriodGrain; period: string; place: Place; figures: FigureValue[] }) {
  const { t, lang } = useLocale();
  const compact = Grid.useBreakpoint().md === false;
  const choices = useMemo(() => headlineFigures(figures).filter((f) => f.status === 'live'), [figures]);
  const [indicator, setIndicator] = useState('online_retail_fen');
  const chosen = choices.find((f) => f.indicator === indicator) ?? choices[0];
  const periods = periodsEnding(grain, period, TREND_LENGTH[grain]);
  const series = useSeries({
    indicator: chosen?.indicator ?? indicator,
    grain,
    from: periods[0],
    to: periods[periods.length - 1],
    ...(place.village ? { dim: 'village' as const, dimValue: place.village } : place.township ? { dim: 'township' as const, dimValue: place.township } : {}),
  });
  const option = useMemo(
    () => trendOption(series.data?.points ?? [], grain, chosen?.unit ?? 'fen', chosen?.name ?? '', lang, compact),
    [series.data, grain, chosen?.unit, chosen?.name, lang, compact],
  );
  return (
    <Card
      title={t('statsPage.trend', { name: chosen?.name ?? '' }) + (chosen?.unit === 'fen' ? `（${t('statsPage.wan')}）` : '')}
      extra={
        <Select
          data-testid="stats-trend-indicator"
          aria-label={t('statsPage.trendIndicator')}
          value={chosen?.indicator}
          onChange={setIndicator}
          options={choices.map((f) => ({ value: f.indicator, label: f.name }))}
          style={{ width: compact ? 140 : 200 }}
          popupMatchSelectWidth={false}
        />
      }
      style={{ marginBottom: 16 }}
      loading={series.isPending}
    >
      <StatsChart option={option} height={compact ? 240 : 320} testId="stats-trend-chart" />
    </Card>
  );
}
