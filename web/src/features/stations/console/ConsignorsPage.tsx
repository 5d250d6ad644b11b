import { Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useConsignors, useStatement, type Consignor, type ConsignmentLot, type StatementEntry } from '../../../api/stations.js';
import { formatDateTime, formatFen, formatGrams } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../../app/ui/ResponsiveTable.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { isStationsCountyReader } from './access.js';
import { moneyColumn } from './columns.js';
import { CustomerCell, Money, SiteSelect, fenPerKg, useStationSites } from './common.js';
import { PRINT_CSS } from './print.js';

const STRUCK = { textDecoration: 'line-through', color: 'rgba(0,0,0,0.35)' } as const;

const statementPath = (id: string) => `/stations/consignors/${encodeURIComponent(id)}`;

/** 代卖结算: the villagers who consigned produce at a site, with what they brought, sold, were paid and are owed. */
export function ConsignorsPage() {
  const t = useT();
  const user = useUser();
  const [params, setParams] = useUrlParams(['siteId'] as const);
  const own = user.scope.kind === 'site' ? user.scope.id : undefined;
  const sites = useStationSites();
  // The API lists one site at a time: a point its own; the county and townships pick one (the first to start with).
  const siteId = params.siteId ?? own ?? sites.data[0]?.id;
  const consignors = useConsignors(siteId);
  const rows = (consignors.data?.pages ?? []).flatMap((p) => p.items);
  const picksSite = !own || isStationsCountyReader(user) || user.roles.includes('township_operator');

  const columns: TableColumnsType<Consignor> = [
    {
      key: 'name',
      title: t('stations.console.col.customer'),
      dataIndex: 'name',
      render: (_: string, row) => (
        <Link to={statementPath(row.id)}>
          <CustomerCell customer={row} />
        </Link>
      ),
    },
    { key: 'lots', title: t('stations.console.consignors.lots'), dataIndex: 'lots', align: 'right' },
    { key: 'received', title: t('stations.console.consignors.received'), dataIndex: 'receivedG', align: 'right', render: (v: number) => formatGrams(v) },
    moneyColumn<Consignor>(t, 'sold', 'stations.console.consignors.sold', 'creditedFen'),
    moneyColumn<Consignor>(t, 'paid', 'stations.console.consignors.paid', 'paidOutFen'),
    {
      key: 'balance',
      title: t('stations.console.consignors.balance'),
      dataIndex: 'balanceFen',
      align: 'right',
      render: (v: number) => <Typography.Text strong={v > 0}>{formatFen(v)}</Typography.Text>,
    },
    { key: 'last', title: t('stations.console.consignors.lastAt'), dataIndex: 'lastAt', render: (v: string) => formatDateTime(v).slice(0, 10) },
    {
      key: 'actions',
      title: '',
      render: (_: unknown, row) => (
        <Link to={statementPath(row.id)}>
          <Button size="small">{t('stations.console.consignors.statement')}</Button>
        </Link>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('stations.console.consignors.title')} subtitle={t('stations.console.consignors.subtitle')} />
      {picksSite && (
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SiteSelect value={siteId} onChange={(next) => setParams({ siteId: next })} width={240} />
        </Flex>
      )}
      {consignors.isError ? (
        <LoadError error={consignors.error} onRetry={() => void consignors.refetch()} />
      ) : (
        <>
          <ResponsiveTable<Consignor>
            data-testid="consignors"
            rowKey="id"
            size="middle"
            loading={consignors.isFetching && !consignors.isFetchingNextPage}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('stations.console.consignors.empty') }}
          />
          <LoadMore query={consignors} />
        </>
      )}
    </>
  );
}

const ENTRY_COLOURS: Record<StatementEntry['kind'], string> = { sale: 'green', refund: 'orange', payout: 'purple' };

/** A villager's consignment statement (对账单): the lots brought in, every sale, refund and payout, the totals and what is owed; printable. */
export function StatementPage() {
  const t = useT();
  const { id = '' } = useParams();
  const statement = useStatement(id);
  if (statement.isError) return <LoadError error={statement.error} onRetry={() => void statement.refetch()} />;
  const data = statement.data;
  const lotColumns: TableColumnsType<ConsignmentLot> = [
    { key: 'day', title: t('stations.console.col.day'), dataIndex: 'day', render: (v: string, row) => <span style={row.voided ? STRUCK : undefined}>{v}</span> },
    { key: 'produce', title: t('stations.console.statement.produce'), dataIndex: 'produceName', render: (v: string, row) => <span style={row.voided ? STRUCK : undefined}>{`${v} · ${row.gradeName}`}</span> },
    { key: 'weight', title: t('stations.console.statement.weight'), dataIndex: 'weightG', align: 'right', render: (v: number) => formatGrams(v) },
    { key: 'price', title: t('stations.console.statement.price'), dataIndex: 'priceFenPerKg', align: 'right', render: (v: number) => fenPerKg(v) },
    { key: 'listed', title: t('stations.console.statement.listed'), dataIndex: 'listedG', align: 'right', render: (v: number, row) => (row.voided ? t('stations.console.voided') : formatGrams(v)) },
  ];
  const entryColumns: TableColumnsType<StatementEntry> = [
    { key: 'at', title: t('stations.console.col.time'), dataIndex: 'at', render: (v: string, row) => <span style={{ whiteSpace: 'nowrap', ...(row.voided ? STRUCK : {}) }}>{formatDateTime(v).slice(0, 16)}</span> },
    { key: 'kind', title: t('stations.console.col.type'), dataIndex: 'kindName', render: (v: string, row) => <Tag color={ENTRY_COLOURS[row.kind]}>{v}</Tag> },
    { key: 'product', title: t('stations.console.col.summary'), dataIndex: 'productName', render: (v: string | null, row) => (v ? `${v}${row.units ? ` × ${row.units}` : ''}` : '—') },
    { key: 'amount', title: t('stations.console.col.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number, row) => <span style={row.voided ? STRUCK : undefined}>{v > 0 ? `+${formatFen(v)}` : formatFen(v)}</span> },
  ];
  const totals = data?.totals;
  return (
    <>
      <style>{PRINT_CSS}</style>
      <PageHeader
        crumbs={[{ title: t('stations.console.consignors.title'), to: '/stations/consignors' }, { title: data?.consignor.name ?? '' }]}
        title={t('stations.console.statement.title', { name: data?.consignor.name ?? '' })}
        subtitle={data ? `${data.site.townshipName} · ${data.site.name}` : undefined}
        extra={
          <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="statement-print">
            {t('stations.console.print')}
          </Button>
        }
      />
      {data && totals && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
            <Descriptions.Item label={t('stations.console.col.customer')}>
              <CustomerCell customer={data.consignor} />
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.console.consignors.received')}>{formatGrams(totals.receivedG)}</Descriptions.Item>
            <Descriptions.Item label={t('stations.console.statement.listed')}>{formatGrams(totals.listedG)}</Descriptions.Item>
            <Descriptions.Item label={t('stations.console.statement.unitsSold')}>{totals.unitsSold}</Descriptions.Item>
            <Descriptions.Item label={t('stations.console.consignors.sold')}>
              <Money fen={totals.salesFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.console.statement.kind.refund')}>
              <Money fen={totals.refundedFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.console.consignors.paid')}>
              <Money fen={totals.paidOutFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.console.consignors.balance')}>
              <Typography.Text strong data-testid="statement-balance">
                {formatFen(totals.balanceFen)}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('stations.console.statement.printedAtLabel')} {formatDateTime(data.printedAt).slice(0, 16)}
          </Typography.Text>
        </Card>
      )}
      <Typography.Title level={5}>{t('stations.console.statement.lots')}</Typography.Title>
      <ResponsiveTable<ConsignmentLot>
        data-testid="statement-lots"
        rowKey="recordId"
        size="small"
        loading={statement.isPending}
        columns={lotColumns}
        dataSource={data?.lots ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('stations.console.statement.empty') }}
        style={{ marginBottom: 16 }}
      />
      <Typography.Title level={5}>{t('stations.console.statement.entries')}</Typography.Title>
      <ResponsiveTable<StatementEntry>
        data-testid="statement-entries"
        rowKey="id"
        size="small"
        loading={statement.isPending}
        columns={entryColumns}
        dataSource={data?.entries ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('stations.console.statement.empty') }}
        summary={() =>
          totals && (data?.entries.length ?? 0) > 0 ? (
            <Table.Summary.Row style={{ fontWeight: 600 }}>
              <Table.Summary.Cell index={0} colSpan={3}>
                {t('stations.console.consignors.balance')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {formatFen(totals.balanceFen)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}
