import { useMemo } from 'react';
import { Alert, Card, Col, DatePicker, Empty, Flex, Row, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { TRACKS, useTrainingProgress, type Milestone, type TrainingProgress, type Track } from '../../api/training.js';
import { formatNumber } from '../../app/format.js';
import { useT, type Translate } from '../../app/locale/LocaleContext.js';
import { useUser } from '../../app/session.js';
import { LoadError } from '../../app/ui/LoadError.js';
import { PageHeader } from '../../app/ui/PageHeader.js';
import { useUrlParams } from '../../app/useUrlParams.js';
import { StatsChart, type StatsChartOption } from '../stats/StatsChart.js';
import { OrganiserFilter, TownshipFilter } from './filters.js';

const KEYS = ['from', 'to', 'township', 'organiser', 'track'] as const;
/** The plan's whole targets, when stats holds no milestones (the largest milestone of each indicator otherwise). */
const PLAN_TARGETS = { training_person_times: 3500, training_poor_person_times: 350 } as const;

const VERDICT_COLOURS: Record<Milestone['status'], string> = { met: 'success', reached: 'success', missed: 'error', on_track: 'processing', behind: 'warning', share: 'default' };

function gauge(value: number, target: number, colour: string, name: string, caption: string): StatsChartOption {
  const pct = target > 0 ? Math.round((value / target) * 1000) / 10 : 0;
  return {
    series: [
      {
        id: name,
        type: 'gauge',
        startAngle: 210,
        endAngle: -30,
        min: 0,
        max: 100,
        radius: '95%',
        center: ['50%', '58%'],
        progress: { show: true, width: 16, itemStyle: { color: colour } },
        axisLine: { lineStyle: { width: 16, color: [[1, '#f0f0f0']] } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        anchor: { show: false },
        title: { show: true, offsetCenter: [0, '38%'], fontSize: 14, color: '#595959' },
        detail: { valueAnimation: true, offsetCenter: [0, '0%'], fontSize: 28, fontWeight: 'bold', color: '#262626', formatter: `${formatNumber(value)}\n{sub|${pct}%}`, rich: { sub: { fontSize: 14, color: '#8c8c8c', padding: [6, 0, 0, 0] } } },
        data: [{ value: Math.min(pct, 100), name: caption }],
      },
    ],
  };
}

function monthOption(p: TrainingProgress, t: Translate, target: number, poorTarget: number): StatsChartOption {
  const months = p.byMonth.map((m) => m.month);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: months },
    yAxis: [{ type: 'value', max: (v: { max: number }) => Math.max(v.max, target) }],
    series: [
      { id: 'monthly', name: t('training.progress.monthly'), type: 'bar', data: p.byMonth.map((m) => m.personTimes), itemStyle: { color: '#91caff' } },
      {
        id: 'cumulative',
        name: t('training.progress.cumulative'),
        type: 'line',
        data: p.byMonth.map((m) => m.cumulativePersonTimes),
        itemStyle: { color: '#1677ff' },
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#cf1322' },
          label: { formatter: t('training.progress.targetLine', { target: formatNumber(target) }), position: 'insideEndTop' },
          data: [{ yAxis: target }],
        },
      },
      {
        id: 'cumulativePoor',
        name: t('training.progress.cumulativePoor'),
        type: 'line',
        data: p.byMonth.map((m) => m.cumulativePoor),
        itemStyle: { color: '#fa541c' },
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#fa8c16' },
          label: { formatter: t('training.progress.targetLine', { target: formatNumber(poorTarget) }), position: 'insideEndTop' },
          data: [{ yAxis: poorTarget }],
        },
      },
    ],
  };
}

function barsOption(rows: { name: string; personTimes: number; poor: number }[], t: Translate): StatsChartOption {
  const sorted = [...rows].sort((a, b) => a.personTimes - b.personTimes);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: sorted.map((r) => r.name), axisLabel: { interval: 0 } },
    series: [
      { id: 'all', name: t('training.progress.series.all'), type: 'bar', data: sorted.map((r) => r.personTimes), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right', formatter: (v: { value: unknown }) => formatNumber(Number(v.value)) } },
      { id: 'poor', name: t('training.progress.series.poor'), type: 'bar', data: sorted.map((r) => r.poor), itemStyle: { color: '#fa541c' } },
    ],
  };
}

function milestoneColumns(t: Translate): TableColumnsType<Milestone> {
  return [
    { key: 'label', title: t('training.progress.milestones'), dataIndex: 'label', width: 240 },
    { key: 'due', title: t('training.progress.milestone.due'), dataIndex: 'due', width: 110 },
    { key: 'target', title: t('training.progress.milestone.target'), dataIndex: 'target', width: 90, render: (v: number) => formatNumber(v) },
    { key: 'counted', title: t('training.progress.milestone.counted'), dataIndex: 'counted', width: 100, render: (v: number) => formatNumber(v) },
    {
      key: 'verdict',
      title: t('training.progress.milestone.verdict'),
      width: 230,
      render: (_: unknown, m) => (
        <Flex gap={6} wrap align="center">
          <Tag color={VERDICT_COLOURS[m.status]} style={{ marginInlineEnd: 0 }} data-testid="milestone-verdict">
            {t(`training.progress.verdict.${m.status}`)}
          </Tag>
          {m.projection !== null && <Typography.Text type="secondary">{t('training.progress.projectedTo', { count: formatNumber(m.projection) })}</Typography.Text>}
          {!!m.shortfall && m.shortfall > 0 && <Typography.Text type="danger">{t('training.progress.shortfall', { count: formatNumber(m.shortfall) })}</Typography.Text>}
        </Flex>
      ),
    },
  ];
}

/** 培训进度: person-times and poor person-times against 3 500 / 350 and the plan's dates, and where they came from. */
export function ProgressPage() {
  const t = useT();
  const user = useUser();
  const [params, setParams] = useUrlParams(KEYS);
  const track = (TRACKS as readonly string[]).includes(params.track ?? '') ? (params.track as Track) : undefined;
  const progress = useTrainingProgress({ from: params.from, to: params.to, township: params.township, organiser: params.organiser, track });
  const p = progress.data;
  const targetOf = (indicator: keyof typeof PLAN_TARGETS) => Math.max(0, ...(p?.milestones ?? []).filter((m) => m.indicator === indicator).map((m) => m.target)) || PLAN_TARGETS[indicator];
  const target = targetOf('training_person_times');
  const poorTarget = targetOf('training_poor_person_times');
  const mcols = useMemo(() => milestoneColumns(t), [t]);
  // Behind (the projection falls short) and missed (past due, short) both warn.
  const behind = (p?.milestones ?? []).filter((m) => m.status === 'behind' || m.status === 'missed');
  const ownTownship = user.scope.kind === 'township' && !user.roles.includes('county_admin') && !user.roles.includes('regulator');

  return (
    <>
      <PageHeader title={t('training.progress.title')} subtitle={t('training.progress.subtitle')} crumbs={[{ title: t('shell.menu.training') }, { title: t('training.progress.title') }]} />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={[params.from ? dayjs(params.from) : null, params.to ? dayjs(params.to) : null]}
          onChange={(range) => setParams({ ...params, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          data-testid="progress-range"
        />
        {!ownTownship && (
          <TownshipFilter value={params.township} onChange={(township) => setParams({ ...params, township })} />
        )}
        <OrganiserFilter value={params.organiser} onChange={(organiser) => setParams({ ...params, organiser })} width={180} />
        <Select
          allowClear
          placeholder={t('training.sessions.trackAll')}
          value={track}
          onChange={(value?: string) => setParams({ ...params, track: value })}
          options={TRACKS.map((k) => ({ value: k, label: t(`track.${k}`) }))}
          style={{ width: 170 }}
        />
      </Flex>
      {progress.isError ? (
        <LoadError error={progress.error} onRetry={() => void progress.refetch()} />
      ) : !p ? (
        <Card loading />
      ) : (
        <Flex vertical gap={16}>
          {behind.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="progress-behind"
              title={behind.map((m) => t(m.status === 'missed' ? 'training.progress.missed' : 'training.progress.behind', { label: m.label, shortfall: formatNumber(m.shortfall ?? 0) })).join('；')}
            />
          )}
          {!p.whole && <Alert type="info" showIcon title={t('training.progress.shareNote')} />}
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <Card title={t('training.progress.personTimes')} extra={<Typography.Text type="secondary">{formatNumber(p.cumulative.personTimes)} / {formatNumber(target)}</Typography.Text>}>
                <div data-testid="progress-person-times" data-value={p.cumulative.personTimes}>
                  <StatsChart option={gauge(p.cumulative.personTimes, target, '#1677ff', 'all', t('training.progress.target', { target: formatNumber(target) }))} height={240} testId="progress-gauge" />
                </div>
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card title={t('training.progress.poor')} extra={<Typography.Text type="secondary">{formatNumber(p.cumulative.poor)} / {formatNumber(poorTarget)}</Typography.Text>}>
                <div data-testid="progress-poor" data-value={p.cumulative.poor}>
                  <StatsChart option={gauge(p.cumulative.poor, poorTarget, '#fa541c', 'poor', t('training.progress.target', { target: formatNumber(poorTarget) }))} height={240} testId="progress-poor-gauge" />
                </div>
              </Card>
            </Col>
          </Row>
          <Typography.Text type="secondary">
            {t('training.progress.trainees', { count: formatNumber(p.cumulative.trainees), women: formatNumber(p.cumulative.women) })}
            {' · '}
            {t('training.progress.pace', { days: p.pace.days, count: formatNumber(p.pace.personTimes) })}
          </Typography.Text>
          {p.milestones.length > 0 && (
            <Card title={t('training.progress.milestones')}>
              <Table<Milestone> data-testid="progress-milestones" rowKey="id" size="small" columns={mcols} dataSource={p.milestones} pagination={false} scroll={{ x: 760 }} />
            </Card>
          )}
          <Card title={t('training.progress.byMonth')}>
            {p.byMonth.length ? <StatsChart option={monthOption(p, t, target, poorTarget)} height={340} testId="progress-month-chart" /> : <Empty description={t('training.progress.empty')} />}
          </Card>
          <Row gutter={[16, 16]}>
            {(
              [
                ['byTrack', p.byTrack],
                ['byTownship', p.byTownship],
                ['byOrganiser', p.byOrganiser],
              ] as const
            ).map(([key, rows]) => (
              <Col xs={24} lg={key === 'byTrack' ? 24 : 12} key={key}>
                <Card title={t(`training.progress.${key}`)}>
                  {rows.length ? <StatsChart option={barsOption(rows, t)} height={Math.max(180, 40 + rows.length * 34)} testId={`progress-${key}`} /> : <Empty description={t('training.progress.empty')} />}
                </Card>
              </Col>
            ))}
          </Row>
        </Flex>
      )}
    </>
  );
}
