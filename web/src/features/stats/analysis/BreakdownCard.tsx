import { useMemo, useState } from 'react';
import { Card, Col, Grid, Row, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useBreakdown, type BreakdownRow, type Dim } from '../../../api/stats.js';
import { formatShare } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { StatsChart, type StatsChartOption } from '../StatsChart.js';
import { changeColor, formatChange, formatWan } from '../figureFormat.js';
import type { PeriodGrain } from '../period.js';

const DIMS = ['category', 'channel', 'platform', 'brand', 'pavilion'] as const satisfies readonly Dim[];
type BreakdownDim = (typeof DIMS)[number];
/** Other platforms report a month's total only: these parts hold this platform's sales alone. */
const PLATFORM_ONLY: readonly BreakdownDim[] = ['category', 'brand', 'pavilion'];
const COLORS = ['#1677ff', '#13c2c2', '#52c41a', '#faad14', '#722ed1', '#eb2f96', '#fa541c', '#2f54eb', '#a0d911', '#8c8c8c'];

function pieOption(rows: BreakdownRow[]): StatsChartOption {
  return {
    // Values in fen, so the ring's percentages are the table's; the tooltip shows 万元.
    tooltip: { trigger: 'item', valueFormatter: (v) => formatWan(Number(v)) },
    series: [
      {
        id: 'breakdown',
        type: 'pie',
        radius: ['38%', '66%'],
        label: { formatter: '{b}\n{d}%', fontSize: 12 },
        data: rows.slice(0, 10).map((r, i) => ({ name: r.label, value: r.value, itemStyle: { color: COLORS[i % COLORS.length] } })),
      },
    ],
  };
}

function Breakdown({ dim, grain, period }: { dim: BreakdownDim; grain: PeriodGrain; period: string }) {
  const t = useT();
  const compact = Grid.useBreakpoint().md === false;
  const rows = useBreakdown({ indicator: 'online_retail_fen', grain, period, dim });
  const data = useMemo(() => rows.data?.items ?? [], [rows.data]);
  // Shares of the parts listed (they add up to 100 %, as the ring does); for category, brand and pavilion the parts
  // are this platform's sales only, a sliver of the county's figure.
  const total = useMemo(() => data.reduce((sum, r) => sum + r.value, 0), [data]);
  const option = useMemo(() => pieOption(data), [data]);
  const columns: TableColumnsType<BreakdownRow> = [
    { key: 'label', dataIndex: 'label', title: t('statsPage.col.item'), ellipsis: true },
    { key: 'value', title: t('statsPage.col.value'), align: 'right', render: (_: unknown, r) => formatWan(r.value) },
    { key: 'share', title: t('statsPage.col.share'), align: 'right', width: 80, render: (_: unknown, r) => formatShare(total > 0 ? r.value / total : null) },
    { key: 'yoy', title: t('statsPage.col.yoy'), align: 'right', width: 90, render: (_: unknown, r) => <span style={{ color: changeColor(r.yoyPct) }}>{formatChange(r.yoyPct)}</span> },
  ];
  return (
    <Row gutter={[16, 16]} data-testid={`breakdown-${dim}`}>
      <Col xs={24} lg={10}>{data.length > 0 && <StatsChart option={option} height={compact ? 240 : 280} testId={`breakdown-${dim}-chart`} />}</Col>
      <Col xs={24} lg={14}>
        {PLATFORM_ONLY.includes(dim) && <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('statsPage.platformOnly')}</Typography.Paragraph>}
        <Table<BreakdownRow> size="small" rowKey="key" columns={columns} dataSource={data} loading={rows.isPending} pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }} />
      </Col>
    </Row>
  );
}

/** The county's online retail by category, channel, platform, brand and pavilion: a ring and its table. */
export function BreakdownCard({ grain, period }: { grain: PeriodGrain; period: string }) {
  const t = useT();
  const [dim, setDim] = useState<BreakdownDim>('category');
  return (
    <Card title={t('statsPage.breakdowns')} style={{ marginBottom: 16 }} styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={dim}
        onChange={(k) => setDim(k as BreakdownDim)}
        items={DIMS.map((d) => ({ key: d, label: t(`statsPage.dim.${d}`), children: d === dim ? <Breakdown dim={d} grain={grain} period={period} /> : null }))}
      />
    </Card>
  );
}
