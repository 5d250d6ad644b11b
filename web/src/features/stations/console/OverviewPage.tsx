import { useMemo } from 'react';
import { Button, Card, Descriptions, Empty, Flex, Grid, Segmented, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { SERVICE_KINDS, figuresXlsxUrl, useFigures, type FigureRow, type Figures } from '../../../api/stations.js';
import { formatNumber } from '../../../app/format.js';
import { useT, type Translate } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { EChart, type ChartOption } from '../../../app/ui/EChart.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../../app/ui/ResponsiveTable.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { isStationsCountyReader } from './access.js';
import { moneyColumn } from './columns.js';
import { KIND_COLOURS, Money, PeriodPicker, TownshipSelect, kindLabel, periodOf } from './common.js';

const KEYS = ['from', 'to', 'by', 'township', 'all'] as const;
/** At most this many bars: the busiest rows (a county has some seventy points). */
const CHART_ROWS = 20;

/** A row with anything to show: services, parcels or a day kept. */
const active = (r: FigureRow) => r.servicesTotal > 0 || r.parcelsIn > 0 || r.parcelsOut > 0 || r.daysClosed > 0;

function chartOption(figures: Figures, t: Translate): ChartOption {
  const rows = [...figures.rows]
    .filter((r) => r.servicesTotal > 0)
    .sort((a, b) => b.servicesTotal - a.servicesTotal)
    .slice(0, CHART_ROWS);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 48, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: SERVICE_KINDS.map((kind) => ({
      id: kind,
      name: kindLabel(t, kind),
      type: 'bar' as const,
      stack: 'services',
      barMaxWidth: 48,
      itemStyle: { color: KIND_COLOURS[kind] },
      data: rows.map((r) => r.services[kind]?.count ?? 0),
    })),
  };
}

/** 站点服务概况: a period's figures per point or per township, a stacked chart of the services and the workbook. */
export function OverviewPage() {
  const t = useT();
  const user = useUser();
  const countyWide = isStationsCountyReader(user);
  const [params, setParams] = useUrlParams(KEYS);
  const { from, to } = periodOf(params);
  // The county reads its townships first (a dozen bars), a township its points; a township's name opens its points.
  const by = countyWide && (params.by === 'township' || (!params.by && !params.township)) ? 'township' : 'site';
  const query = { from, to, groupBy: by, township: params.township } as const;
  const figures = useFigures(query);
  const wide = Grid.useBreakpoint().md !== false;
  const option = useMemo(() => (figures.data ? chartOption(figures.data, t) : null), [figures.data, t]);
  const showAll = params.all === '1' || by === 'township';
  const rows = useMemo(() => {
    const all = figures.data?.rows ?? [];
    return [...(showAll ? all : all.filter(active))].sort((a, b) => b.servicesTotal - a.servicesTotal || a.name.localeCompare(b.name, 'zh-CN'));
  }, [figures.data, showAll]);
  const hidden = (figures.data?.rows.length ?? 0) - rows.length;

  const columns: TableColumnsType<FigureRow> = [
    {
      key: 'name',
      title: by === 'site' ? t('stations.console.col.site') : t('stations.console.col.township'),
      dataIndex: 'name',
      render: (name: string, row) =>
        by === 'site' ? (
          <Link to={`/stations/days?siteId=${encodeURIComponent(row.key)}&month=${from.slice(0, 7)}`}>{name}</Link>
        ) : (
          <a onClick={() => setParams({ from: params.from, to: params.to, by: 'site', township: row.key })} data-testid="township-link">
            {name}
          </a>
        ),
    },
    { key: 'services', title: t('stations.console.col.services'), dataIndex: 'servicesTotal', align: 'right', render: (v: number) => formatNumber(v) },
    moneyColumn<FigureRow>(t, 'amount', 'stations.console.col.amount', 'amountFen'),
    moneyColumn<FigureRow>(t, 'fee', 'stations.console.col.fee', 'feeFen'),
    { key: 'parcelsIn', title: t('stations.console.col.parcelsIn'), dataIndex: 'parcelsIn', align: 'right', render: (v: number) => formatNumber(v) },
    { key: 'parcelsOut', title: t('stations.console.col.parcelsOut'), dataIndex: 'parcelsOut', align: 'right', render: (v: number) => formatNumber(v) },
    { key: 'people', title: t('stations.console.col.people'), dataIndex: 'peopleServed', align: 'right', render: (v: number) => formatNumber(v) },
    { key: 'poor', title: t('stations.console.col.poor'), dataIndex: 'poorServed', align: 'right', render: (v: number) => formatNumber(v) },
    { key: 'daysClosed', title: t('stations.console.col.daysClosed'), dataIndex: 'daysClosed', align: 'right', render: (v: number) => formatNumber(v) },
    {
      key: 'daysDiff',
      title: t('stations.console.col.daysDiff'),
      dataIndex: 'daysWithDifference',
      align: 'right',
      render: (v: number) => <Typography.Text type={v > 0 ? 'danger' : undefined}>{formatNumber(v)}</Typography.Text>,
    },
  ];

  const total = figures.data?.total;
  const summary = () =>
    total ? (
      <Table.Summary.Row style={{ fontWeight: 600 }} data-testid="stations-figures-total">
        <Table.Summary.Cell index={0}>{t('stations.console.overview.total')}</Table.Summary.Cell>
        <Table.Summary.Cell index={1} align="right">
          <span data-testid="total-services">{formatNumber(total.servicesTotal)}</span>
        </Table.Summary.Cell>
        <Table.Summary.Cell index={2} align="right">
          <Money fen={total.amountFen} testId="total-amount" />
        </Table.Summary.Cell>
        <Table.Summary.Cell index={3} align="right">
          <Money fen={total.feeFen} testId="total-fee" />
        </Table.Summary.Cell>
        <Table.Summary.Cell index={4} align="right">{formatNumber(total.parcelsIn)}</Table.Summary.Cell>
        <Table.Summary.Cell index={5} align="right">{formatNumber(total.parcelsOut)}</Table.Summary.Cell>
        <Table.Summary.Cell index={6} align="right">{formatNumber(total.peopleServed)}</Table.Summary.Cell>
        <Table.Summary.Cell index={7} align="right">{formatNumber(total.poorServed)}</Table.Summary.Cell>
        <Table.Summary.Cell index={8} align="right">{formatNumber(total.daysClosed)}</Table.Summary.Cell>
        <Table.Summary.Cell index={9} align="right">{formatNumber(total.daysWithDifference)}</Table.Summary.Cell>
      </Table.Summary.Row>
    ) : null;

  return (
    <>
      <PageHeader
        title={t('stations.console.overview.title')}
        subtitle={t('stations.console.overview.subtitle')}
        extra={
          <Button icon={<FileExcelOutlined />} href={figuresXlsxUrl({ from, to, township: params.township })} download data-testid="stations-export">
            {t('stations.console.export')}
          </Button>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }} align="center">
        <PeriodPicker from={from} to={to} onChange={(from, to) => setParams({ ...params, from, to })} testId="stations-period" />
        {countyWide && <TownshipSelect value={params.township} onChange={(township) => setParams({ ...params, township })} />}
        {countyWide && (
          <Segmented
            value={by}
            onChange={(value) => setParams({ ...params, by: value })}
            options={[
              { value: 'site', label: t('stations.console.overview.bySite') },
              { value: 'township', label: t('stations.console.overview.byTownship') },
            ]}
            data-testid="stations-by"
          />
        )}
      </Flex>
      {figures.isError ? (
        <LoadError error={figures.error} onRetry={() => void figures.refetch()} />
      ) : (
        <>
          <Card size="small" title={by === 'site' ? t('stations.console.overview.chartSites', { count: CHART_ROWS }) : t('stations.console.overview.chart')} style={{ marginBottom: 16 }}>
            {figures.data && !figures.data.rows.some((r) => r.servicesTotal > 0) ? (
              <Empty description={t('stations.console.overview.empty')} />
            ) : (
              option && <EChart option={option} height={320} testId="stations-chart" />
            )}
          </Card>
          <ResponsiveTable<FigureRow>
            data-testid="stations-figures"
            rowKey="key"
            size="middle"
            loading={figures.isFetching}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            summary={summary}
            locale={{ emptyText: t('stations.console.overview.empty') }}
          />
          {!wide && total && (
            <Card size="small" title={t('stations.console.overview.total')} style={{ marginTop: 4 }} data-testid="stations-total-card">
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('stations.console.col.services')}>{formatNumber(total.servicesTotal)}</Descriptions.Item>
                <Descriptions.Item label={t('stations.console.col.amount')}>
                  <Money fen={total.amountFen} />
                </Descriptions.Item>
                <Descriptions.Item label={t('stations.console.col.fee')}>
                  <Money fen={total.feeFen} />
                </Descriptions.Item>
                <Descriptions.Item label={t('stations.console.col.people')}>{formatNumber(total.peopleServed)}</Descriptions.Item>
                <Descriptions.Item label={t('stations.console.col.poor')}>{formatNumber(total.poorServed)}</Descriptions.Item>
                <Descriptions.Item label={t('stations.console.col.daysDiff')}>{formatNumber(total.daysWithDifference)}</Descriptions.Item>
              </Descriptions>
            </Card>
          )}
          {by === 'site' && (hidden > 0 || params.all === '1') && (
            <Flex justify="center" style={{ marginTop: 12 }}>
              <Button type="link" onClick={() => setParams({ ...params, all: params.all === '1' ? undefined : '1' })} data-testid="stations-show-all">
                {params.all === '1' ? t('stations.console.overview.hideIdle') : t('stations.console.overview.showIdle', { count: hidden })}
              </Button>
            </Flex>
          )}
        </>
      )}
    </>
  );
}
