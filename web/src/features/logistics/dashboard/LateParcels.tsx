import { Badge, Card, Empty, Tag, Typography, type TableColumnsType } from 'antd';
import { ResponsiveTable } from '../../../app/ui/ResponsiveTable.js';
import type { Parcel } from '../../../api/logistics.js';
import { useAlerts, useOverdue, type LogisticsAlert } from '../../../api/logistics-runs.js';
import { formatDateTime } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { carrierLabel, parcelStatusLabel } from '../runs/dispatchLabels.js';

export const LISTS = ['overdue', 'risk', 'alerts'] as const;
export type LateList = (typeof LISTS)[number];

const HOUR = 3_600_000;

/** Hours since county receipt, as of when the list was loaded: red past the promise, orange past 36 h. */
function Elapsed({ receivedAt, now, promiseHours }: { receivedAt: string | null; now: number; promiseHours: number }) {
  if (!receivedAt) return <>—</>;
  const hours = (now - new Date(receivedAt).getTime()) / HOUR;
  const color = hours > promiseHours ? '#cf1322' : hours > promiseHours * 0.75 ? '#d46b08' : undefined;
  return <span style={{ color, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>{hours.toFixed(1)} h</span>;
}

/** The columns of a late parcel, for rows that are parcels or hold one (an alert). */
function parcelColumns<T>(t: Translate, now: number, promiseHours: number, parcelOf: (row: T) => Parcel): TableColumnsType<T> {
  return [
    { title: t('logistics.runs.parcel.waybill'), key: 'waybillNo', width: 160, render: (_, r) => <span style={{ fontFamily: 'monospace' }}>{parcelOf(r).waybillNo ?? '—'}</span> },
    { title: t('logistics.runs.parcel.carrier'), key: 'carrier', width: 110, render: (_, r) => carrierLabel(t, parcelOf(r).carrier, parcelOf(r).carrierName) },
    { title: t('logistics.runs.parcel.recipient'), key: 'recipient', width: 90, render: (_, r) => parcelOf(r).recipientName },
    {
      title: t('logistics.promise.col.destination'),
      key: 'place',
      render: (_, r) => {
        const p = parcelOf(r);
        return (
          <>
            {[p.townshipName, p.villageName].filter(Boolean).join(' ') || '—'}
            {p.pointName && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {p.pointName}
              </Typography.Text>
            )}
          </>
        );
      },
    },
    { title: t('logistics.promise.col.received'), key: 'receivedAt', width: 170, render: (_, r) => formatDateTime(parcelOf(r).receivedAt) },
    { title: t('logistics.promise.col.elapsed'), key: 'elapsed', width: 100, align: 'right', render: (_, r) => <Elapsed receivedAt={parcelOf(r).receivedAt} now={now} promiseHours={promiseHours} /> },
    {
      title: t('logistics.runs.parcel.status'),
      key: 'status',
      width: 140,
      render: (_, r) => {
        const p = parcelOf(r);
        return (
          <>
            <Tag color={p.problem ? 'red' : undefined}>{parcelStatusLabel(t, p.status)}</Tag>
            {p.problem && (
              <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
                {p.problem}
              </Typography.Text>
            )}
          </>
        );
      },
    },
  ];
}

/** The overdue (48 h) or at-risk (36 h) parcels, oldest first, a page at a time. */
function OverdueTable({ atRisk, promiseHours }: { atRisk: boolean; promiseHours: number }) {
  const t = useT();
  const query = useOverdue(atRisk);
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <ResponsiveTable<Parcel>
        data-testid={atRisk ? 'risk-table' : 'overdue-table'}
        rowKey="id"
        size="middle"
        columns={parcelColumns<Parcel>(t, query.dataUpdatedAt, promiseHours, (p) => p)}
        dataSource={rows}
        loading={query.isFetching && !query.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 980 }}
        locale={{ emptyText: query.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(atRisk ? 'logistics.promise.riskEmpty' : 'logistics.promise.overdueEmpty')} /> }}
      />
      <LoadMore query={query} />
    </>
  );
}

/** Open alerts, newest first, a page at a time. */
function AlertsTable({ promiseHours }: { promiseHours: number }) {
  const t = useT();
  const alerts = useAlerts();
  const rows = alerts.data?.pages.flatMap((p) => p.items) ?? [];
  if (alerts.isError) return <LoadError error={alerts.error} onRetry={() => void alerts.refetch()} />;
  const columns: TableColumnsType<LogisticsAlert> = [
    { title: t('logistics.promise.col.raisedAt'), dataIndex: 'raisedAt', width: 170, render: (v: string) => formatDateTime(v) },
    ...parcelColumns<LogisticsAlert>(t, alerts.dataUpdatedAt, promiseHours, (a) => a.parcel),
  ];
  return (
    <>
      <ResponsiveTable<LogisticsAlert>
        data-testid="alerts-table"
        rowKey={(a) => a.parcel.id}
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={alerts.isFetching && !alerts.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 1140 }}
        locale={{ emptyText: alerts.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('logistics.promise.alertsEmpty')} /> }}
      />
      <LoadMore query={alerts} />
    </>
  );
}

/** 超时包裹 / 临近超时 / 未处理预警 in one card with tabs; the tab lives in the URL. */
export function LateParcels({ list, onList, counts, promiseHours }: { list: LateList; onList: (list: LateList) => void; counts: { overdue: number; atRisk: number }; promiseHours: number }) {
  const t = useT();
  const tab = (label: string, count: number | undefined, color: string) => (
    <span>
      {label} <Badge count={count ?? 0} showZero color={count ? color : '#d9d9d9'} overflowCount={9999} />
    </span>
  );
  return (
    <Card
      id="late-parcels"
      data-testid="late-parcels"
      tabList={[
        { key: 'overdue', label: tab(t('logistics.promise.list.overdue', { hours: promiseHours }), counts.overdue, '#ff4d4f') },
        { key: 'risk', label: tab(t('logistics.promise.list.risk'), counts.atRisk, '#fa8c16') },
        // Alerts are open for the parcels past 36 hours not yet at their point: the summary counts them all.
        { key: 'alerts', label: tab(t('logistics.promise.list.alerts'), counts.atRisk, '#fa8c16') },
      ]}
      activeTabKey={list}
      onTabChange={(key) => onList(key as LateList)}
    >
      {list === 'alerts' ? <AlertsTable promiseHours={promiseHours} /> : <OverdueTable key={list} atRisk={list === 'risk'} promiseHours={promiseHours} />}
    </Card>
  );
}
