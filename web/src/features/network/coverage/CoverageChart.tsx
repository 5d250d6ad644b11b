import { useMemo } from 'react';
import { Card, Grid } from 'antd';
import type { Coverage } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { EChart } from '../../../app/ui/EChart.js';
import { coverageChartOption } from './coverageChartOption.js';

export function CoverageChart({ coverage }: { coverage: Coverage }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const compact = screens.md === false;
  const option = useMemo(() => coverageChartOption(coverage, t, compact), [coverage, t, compact]);
  return (
    <Card title={t('coverage.chart.title')} style={{ marginBottom: 16 }}>
      <EChart option={option} height={compact ? 320 : 380} testId="coverage-chart" />
    </Card>
  );
}
