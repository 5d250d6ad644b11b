import { Flex } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { SERVICE_KINDS, useRecords, type RecordView } from '../../../api/stations.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../../app/ui/ResponsiveTable.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { isStationsCountyReader } from './access.js';
import { recordColumns, struck } from './columns.js';
import { KindSelect, PeriodPicker, SiteSelect, TownshipSelect, periodOf, typeLabel } from './common.js';
import { dayBookPath } from './DaysPage.js';

const KEYS = ['service', 'township', 'siteId', 'from', 'to'] as const;

/** 服务台账: every record of the sites one may read, newest first, by kind, township, site and dates, 50 at a time. */
export function RecordsPage() {
  const t = useT();
  const user = useUser();
  const countyWide = isStationsCountyReader(user);
  const [params, setParams] = useUrlParams(KEYS);
  const { from, to } = periodOf(params);
  const service = SERVICE_KINDS.find((k) => k === params.service);
  const records = useRecords({ service, township: params.township, siteId: params.siteId, from, to });
  const rows = (records.data?.pages ?? []).flatMap((p) => p.items);
  const isOperator = user.roles.includes('village_operator') && !countyWide && !user.roles.includes('township_operator');

  const columns: TableColumnsType<RecordView> = [
    {
      key: 'at',
      title: t('stations.console.col.time'),
      dataIndex: 'at',
      render: (at: string, row) => <span style={{ whiteSpace: 'nowrap', ...struck(row) }}>{formatDateTime(at).slice(0, 16)}</span>,
    },
    {
      key: 'site',
      title: t('stations.console.col.site'),
      dataIndex: 'siteName',
      render: (name: string, row) => <Link to={dayBookPath(row.siteId, row.day)}>{name}</Link>,
    },
    ...recordColumns(t),
  ];

  return (
    <>
      <PageHeader title={t('stations.console.records.title')} subtitle={t('stations.console.records.subtitle')} />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <KindSelect value={service} onChange={(next) => setParams({ ...params, service: next })} />
        {countyWide && <TownshipSelect value={params.township} onChange={(township) => setParams({ ...params, township, siteId: undefined })} />}
        {!isOperator && <SiteSelect township={params.township} value={params.siteId} onChange={(siteId) => setParams({ ...params, siteId })} />}
        <PeriodPicker from={from} to={to} onChange={(from, to) => setParams({ ...params, from, to })} testId="records-period" />
      </Flex>
      {records.isError ? (
        <LoadError error={records.error} onRetry={() => void records.refetch()} />
      ) : (
        <>
          <ResponsiveTable<RecordView>
            data-testid="stations-records"
            rowKey="id"
            size="middle"
            loading={records.isFetching && !records.isFetchingNextPage}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('stations.console.records.empty') }}
            cardTitle={(row) => <span style={struck(row)}>{`${formatDateTime(row.at).slice(5, 16)} ${typeLabel(t, row.type)}`}</span>}
            cardHides={['at', 'kind']}
          />
          <LoadMore query={records} />
        </>
      )}
    </>
  );
}
