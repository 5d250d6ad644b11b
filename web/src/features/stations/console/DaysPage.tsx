import { DatePicker, Flex, Select, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { DAY_STATUSES, useDays, type DayStatus, type DayView } from '../../../api/stations.js';
import { formatNumber } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../../app/ui/ResponsiveTable.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { isStationsCountyReader } from './access.js';
import { moneyColumn } from './columns.js';
import { SiteSelect, TownshipSelect, monthRange, thisMonth } from './common.js';

const KEYS = ['township', 'siteId', 'month', 'status'] as const;

export const dayBookPath = (siteId: string, day: string) => `/stations/days/${encodeURIComponent(siteId)}/${day}`;

export function DayStatusTag({ status }: { status: DayStatus }) {
  const t = useT();
  return <Tag color={status === 'closed' ? 'default' : 'processing'}>{t(`stations.console.dayStatus.${status}`)}</Tag>;
}

/** 日结账本: each site's days with the till from opening to counted cash; a difference in red with its reason. */
export function DaysPage() {
  const t = useT();
  const user = useUser();
  const navigate = useNavigate();
  const countyWide = isStationsCountyReader(user);
  const [params, setParams] = useUrlParams(KEYS);
  const month = params.month ?? thisMonth();
  const status = DAY_STATUSES.find((s) => s === params.status);
  const days = useDays({ ...monthRange(month), township: params.township, siteId: params.siteId, status });
  const rows = (days.data?.pages ?? []).flatMap((p) => p.items);
  const isOperator = user.roles.includes('village_operator') && !countyWide && !user.roles.includes('township_operator');

  const columns: TableColumnsType<DayView> = [
    { key: 'day', title: t('stations.console.col.day'), dataIndex: 'day', render: (day: string) => <span style={{ whiteSpace: 'nowrap' }}>{day}</span> },
    { key: 'site', title: t('stations.console.col.site'), dataIndex: 'siteName' },
    { key: 'township', title: t('stations.console.col.township'), dataIndex: 'townshipName', render: (v: string | null) => v ?? '—' },
    { key: 'status', title: t('stations.console.col.status'), dataIndex: 'status', render: (s: DayStatus) => <DayStatusTag status={s} /> },
    { key: 'services', title: t('stations.console.col.services'), dataIndex: 'services', align: 'right', render: (v: number) => formatNumber(v) },
    moneyColumn<DayView>(t, 'opening', 'stations.console.col.opening', 'openingCashFen'),
    moneyColumn<DayView>(t, 'in', 'stations.console.col.cashIn', 'cashInFen'),
    moneyColumn<DayView>(t, 'out', 'stations.console.col.cashOut', 'cashOutFen'),
    moneyColumn<DayView>(t, 'expected', 'stations.console.col.expected', 'expectedCashFen'),
    moneyColumn<DayView>(t, 'counted', 'stations.console.col.counted', 'countedCashFen'),
    moneyColumn<DayView>(t, 'difference', 'stations.console.col.difference', 'differenceFen', { testId: 'day-difference' }),
    {
      key: 'reason',
      title: t('stations.console.col.reason'),
      dataIndex: 'reason',
      render: (v: string | null) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : <Typography.Text type="secondary">—</Typography.Text>),
    },
  ];

  return (
    <>
      <PageHeader title={t('stations.console.days.title')} subtitle={t('stations.console.days.subtitle')} />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          disabledDate={(d) => d.format('YYYY-MM') > thisMonth()}
          onChange={(d) => d && setParams({ ...params, month: d.format('YYYY-MM') })}
          data-testid="days-month"
        />
        {countyWide && <TownshipSelect value={params.township} onChange={(township) => setParams({ ...params, township, siteId: undefined })} />}
        {!isOperator && <SiteSelect township={params.township} value={params.siteId} onChange={(siteId) => setParams({ ...params, siteId })} />}
        <Select
          allowClear
          placeholder={t('stations.console.filter.status')}
          value={status}
          onChange={(next?: string) => setParams({ ...params, status: next })}
          options={DAY_STATUSES.map((s) => ({ value: s, label: t(`stations.console.dayStatus.${s}`) }))}
          style={{ width: 130 }}
          data-testid="days-status"
        />
      </Flex>
      {days.isError ? (
        <LoadError error={days.error} onRetry={() => void days.refetch()} />
      ) : (
        <>
          <ResponsiveTable<DayView>
            data-testid="stations-days"
            rowKey={(row) => `${row.siteId}/${row.day}`}
            size="middle"
            loading={days.isFetching && !days.isFetchingNextPage}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            onRow={(row) => ({ onClick: () => navigate(dayBookPath(row.siteId, row.day)), style: { cursor: 'pointer' } })}
            locale={{ emptyText: t('stations.console.days.empty') }}
            cardTitle={(row) => `${row.day} · ${row.siteName}`}
            cardHides={['day', 'site']}
          />
          <LoadMore query={days} />
        </>
      )}
    </>
  );
}
