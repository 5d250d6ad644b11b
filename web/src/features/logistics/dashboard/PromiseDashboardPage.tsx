import { useMemo } from 'react';
import { Button, Card, Col, DatePicker, Empty, Flex, Grid, Progress, Row, Segmented, Skeleton, Tag, type TableColumnsType } from 'antd';
import { ResponsiveTable } from '../../../app/ui/ResponsiveTable.js';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { usePromise, type PromiseShare } from '../../../api/logistics-runs.js';
import { formatNumber, formatShare, todayInShanghai } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { EChart } from '../../../app/ui/EChart.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { carrierLabel } from '../runs/dispatchLabels.js';
import { LateParcels, LISTS, type LateList } from './LateParcels.js';
import { PromiseCards } from './PromiseCards.js';
import { carrierOption, dailyOption, GREEN, ON_TIME_TARGET, RED, townshipOption } from './promiseCharts.js';

const KEYS = ['from', 'to', 'list', 'by'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const GROUPS = ['township', 'route', 'carrier'] as const;
type Group = (typeof GROUPS)[number];

const validDate = (v: string | undefined) => (v && DATE.test(v) && dayjs(v).isValid() ? v : undefined);

/**
 * 48小时时效: of the parcels the county warehouse received in a period, the share that reached their village point
 * within 48 hours — overall, per township, route and carrier, day by day — and the parcels late or about to be.
 */
export function PromiseDashboardPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(KEYS);
  const from = validDate(params.from);
  const to = validDate(params.to);
  const list: LateList = (LISTS as readonly string[]).includes(params.list ?? '') ? (params.list as LateList) : 'overdue';
  const by: Group = (GROUPS as readonly string[]).includes(params.by ?? '') ? (params.by as Group) : 'township';
  const update = (next: Partial<Record<(typeof KEYS)[number], string | undefined>>) => {
    const merged = { from, to, list: list === 'overdue' ? undefined : list, by: by === 'township' ? undefined : by, ...next };
    setParams(merged);
  };

  const promise = usePromise(from, to);
  const data = promise.data;
  const screens = Grid.useBreakpoint();
  const compact = screens.md === false;

  // Carriers by the console's own names (in English too); townships and routes as the server names them.
  const carriers = useMemo(() => (data?.byCarrier ?? []).map((c) => ({ ...c, name: carrierLabel(t, c.key, c.name) })), [data, t]);
  const township = useMemo(() => (data ? townshipOption(data.byTownship, t, compact) : null), [data, t, compact]);
  const carrier = useMemo(() => (data ? carrierOption(carriers, t) : null), [data, carriers, t]);
  const daily = useMemo(() => (data ? dailyOption(data, t) : null), [data, t]);

  const today = todayInShanghai();
  const presets = [
    { label: t('logistics.promise.range.7'), value: [dayjs(today).subtract(6, 'day'), dayjs(today)] as [dayjs.Dayjs, dayjs.Dayjs] },
    { label: t('logistics.promise.range.30'), value: [dayjs(today).subtract(29, 'day'), dayjs(today)] as [dayjs.Dayjs, dayjs.Dayjs] },
    { label: t('logistics.promise.range.90'), value: [dayjs(today).subtract(89, 'day'), dayjs(today)] as [dayjs.Dayjs, dayjs.Dayjs] },
    { label: t('logistics.promise.range.month'), value: [dayjs(today).startOf('month'), dayjs(today)] as [dayjs.Dayjs, dayjs.Dayjs] },
  ];
  const shownFrom = from ?? data?.from;
  const shownTo = to ?? data?.to;

  const showList = (next: LateList) => {
    update({ list: next === 'overdue' ? undefined : next });
    requestAnimationFrame(() => document.getElementById('late-parcels')?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };

  const groupRows: PromiseShare[] = !data ? [] : by === 'township' ? data.byTownship : by === 'route' ? data.byRoute : carriers;
  const groupColumns: TableColumnsType<PromiseShare> = [
    { title: t(`logistics.promise.by.${by}`), dataIndex: 'name', render: (name: string, r) => (r.key ? name : <Tag>{t('logistics.promise.unassigned')}</Tag>) },
    { title: t('logistics.promise.col.arrived'), dataIndex: 'arrived', width: 110, align: 'right', sorter: (a, b) => a.arrived - b.arrived, render: (v: number) => formatNumber(v) },
    { title: t('logistics.promise.col.onTime'), dataIndex: 'onTime', width: 110, align: 'right', render: (v: number) => formatNumber(v) },
    {
      title: t('logistics.promise.share'),
      dataIndex: 'share',
      width: 260,
      sorter: (a, b) => (a.share ?? -1) - (b.share ?? -1),
      render: (share: number | null) =>
        share === null ? (
          '—'
        ) : (
          <Flex align="center" gap={8}>
            <Progress percent={share * 100} showInfo={false} size="small" strokeColor={share + 1e-9 >= ON_TIME_TARGET ? GREEN : RED} style={{ flex: 1, margin: 0 }} />
            <span style={{ width: 52, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{formatShare(share)}</span>
          </Flex>
        ),
    },
    {
      title: t('logistics.promise.averageHours'),
      dataIndex: 'averageHours',
      width: 130,
      align: 'right',
      sorter: (a, b) => (a.averageHours ?? -1) - (b.averageHours ?? -1),
      render: (v: number | null) => (v === null ? '—' : <span style={{ color: data && v > data.promiseHours ? '#cf1322' : undefined }}>{formatNumber(v, 1)} h</span>),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('logistics.promise.title')}
        subtitle={t('logistics.promise.subtitle', { hours: data?.promiseHours ?? 48 })}
        crumbs={[{ title: t('shell.menu.logistics') }, { title: t('logistics.promise.title') }]}
        extra={
          <Flex gap={8} wrap>
            <DatePicker.RangePicker
              data-testid="promise-range"
              allowClear={false}
              presets={presets}
              value={shownFrom && shownTo ? [dayjs(shownFrom), dayjs(shownTo)] : null}
              disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
              onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            />
            <Button icon={<ReloadOutlined />} loading={promise.isFetching} onClick={() => void promise.refetch()}>
              {t('common.refresh')}
            </Button>
          </Flex>
        }
      />
      {promise.isError ? (
        <LoadError error={promise.error} onRetry={() => void promise.refetch()} />
      ) : !data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <>
          <PromiseCards summary={data} onShowList={(l) => showList(l)} />
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} xl={14}>
              <Card title={t('logistics.promise.chart.townships')} size="small" style={{ height: '100%' }}>
                {data.byTownship.length === 0 ? <Empty description={t('logistics.promise.empty')} /> : <EChart option={township!} height={compact ? 300 : 340} testId="promise-townships-chart" />}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={t('logistics.promise.chart.carriers')} size="small" style={{ height: '100%' }}>
                {carriers.length === 0 ? <Empty description={t('logistics.promise.empty')} /> : <EChart option={carrier!} height={compact ? 300 : 340} testId="promise-carriers-chart" />}
              </Card>
            </Col>
          </Row>
          <Card title={t('logistics.promise.chart.daily')} size="small" style={{ marginBottom: 16 }}>
            {data.daily.length === 0 ? <Empty description={t('logistics.promise.empty')} /> : <EChart option={daily!} height={compact ? 260 : 300} testId="promise-daily-chart" />}
          </Card>
          <Card
            title={t('logistics.promise.table.title')}
            size="small"
            style={{ marginBottom: 16 }}
            extra={<Segmented<Group> size="small" value={by} onChange={(next) => update({ by: next === 'township' ? undefined : next })} options={GROUPS.map((g) => ({ value: g, label: t(`logistics.promise.by.${g}`) }))} data-testid="promise-by" />}
          >
            <ResponsiveTable<PromiseShare>
              data-testid="promise-table"
              rowKey={(r) => r.key || '-'}
              size="small"
              columns={groupColumns}
              dataSource={groupRows}
              pagination={false}
              scroll={{ x: 760 }}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('logistics.promise.empty')} /> }}
            />
          </Card>
          <LateParcels list={list} onList={(l) => update({ list: l === 'overdue' ? undefined : l })} counts={{ overdue: data.overdue, atRisk: data.atRisk }} promiseHours={data.promiseHours} />
        </>
      )}
    </>
  );
}
