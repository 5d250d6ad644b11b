import { useMemo, useState } from 'react';
import { Card, Col, Grid, Row, Table, Tabs } from 'antd';
import type { TableColumnsType } from 'antd';
import { useBreakdown, type BreakdownRow, type Dim } from '../../../api/stats.js';
import { formatShare } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { StatsChart, type StatsChartOption } from '../StatsChart.js';
import { changeColor, fenToWan, formatChange, formatWan } from '../figureFormat.js';
import type { PeriodGrain } from '../period.js';

const DIMS = ['category', 'channel', 'platform', 'brand', 'pavilion'] as const satisfies readonly Dim[];
type BreakdownDim = (typeof DIMS)[number];
const COLORS = ['#1677ff', '#13c2c2', '#52c41a', '#faad14', '#722ed1', '#eb2f96', '#fa541c', '#2f54eb', '#a0d911', '#8c8c8c'];

function pieOption(rows: BreakdownRow[]): StatsChartOption {
  return {
    tooltip: { trigger: 'item', valueFormatter: (v) => String(v) },
    series: [
      {
        id: 'breakdown',
        type: 'pie',
        radius: ['38%', '66%'],
        label: { formatter: '{b}\n{d}%', fontSize: 12 },
        data: rows.slice(0, 10).map((r, i) => ({ name: r.label, value: Math.round(fenToWan(r.value) * 100) / 100, itemStyle: { color: COLORS[i % COLORS.length] } })),
      },
    ],
  };
}

function Breakdown({ dim, grain, period }: { dim: BreakdownDim; grain: PeriodGrain; period: string }) {
  const t = useT();
  const compact = Grid.useBreakpoint().md === false;
  const rows = useBreakdown({ indicator: 'online_retail_fen', grain, period, dim });
  const data = useMemo(() => rows.data?.items ?? [], [rows.data]);
  const option = useMemo(() => pieOption(data), [data]);
  const columns: TableColumnsType<BreakdownRow> = [
    { key: 'label', dataIndex: 'label', title: t('statsPage.col.item'), ellipsis: true },
    { key: 'value', title: t('statsPage.col.value'), align: 'right', render: (_: unknown, r) => formatWan(r.value) },
    { key: 'share', title: t('statsPage.col.share'), align: 'right', width: 80, render: (_: unknown, r) => formatShare(r.share) },
    { key: 'yoy', title: t('statsPage.col.yoy'), align: 'right', width: 90, render: (_: unknown, r) => <span style={{ color: changeColor(r.yoyPct) }}>{formatChange(r.yoyPct)}</span> },
  ];
  return (
    <Row gutter={[16, 16]} data-testid={`breakdown-${dim}`}>
      <Col xs={24} lg={10}>{data.length > 0 && <StatsChart option={option} height={compact ? 240 : 280} testId={`breakdown-${dim}-chart`} />}</Col>
      <Col xs={24} lg={14}>
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
