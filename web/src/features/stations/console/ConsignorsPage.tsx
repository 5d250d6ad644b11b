import { Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useConsignors, useStatement, type Consignor, type StatementLine } from '../../../api/stations.js';
import { formatDateTime, formatFen, formatGrams } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../../app/ui/ResponsiveTable.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { isStationsCountyReader } from './access.js';
import { CustomerCell, Money, SiteSelect } from './common.js';
import { PRINT_CSS } from './print.js';

const statementPath = (id: string) => `/stations/consignors/${encodeURIComponent(id)}`;

/** 代卖结算: the villagers who sell through the sites, with what sold and what the site owes them. */
export function ConsignorsPage() {
  const t = useT();
  const user = useUser();
  const [params, setParams] = useUrlParams(['siteId'] as const);
  const consignors = useConsignors(params.siteId);
  const rows = (consignors.data?.pages ?? []).flatMap((p) => p.items);
  const picksSite = isStationsCountyReader(user) || user.roles.includes('township_operator');

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
    { key: 'site', title: t('stations.console.col.site'), dataIndex: 'siteName' },
    { key: 'sold', title: t('stations.console.consignors.sold'), dataIndex: 'soldFen', align: 'right', render: (v: number | undefined) => <Money fen={v ?? null} /> },
    { key: 'paid', title: t('stations.console.consignors.paid'), dataIndex: 'paidFen', align: 'right', render: (v: number | undefined) => <Money fen={v ?? null} /> },
    {
      key: 'balance',
      title: t('stations.console.consignors.balance'),
      dataIndex: 'balanceFen',
      align: 'right',
      render: (v: number) => <Typography.Text strong={v > 0}>{formatFen(v)}</Typography.Text>,
    },
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
          <SiteSelect value={params.siteId} onChange={(siteId) => setParams({ siteId })} />
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

const KIND_COLOURS: Record<StatementLine['kind'], string> = { intake: 'blue', sale: 'green', refund: 'orange', payout: 'purple' };

/** A villager's consignment statement (对账单): every intake, sale, refund and payout with the running balance; printable. */
export function StatementPage() {
  const t = useT();
  const { id = '' } = useParams();
  const statement = useStatement(id);
  if (statement.isError) return <LoadError error={statement.error} onRetry={() => void statement.refetch()} />;
  const data = statement.data;
  const columns: TableColumnsType<StatementLine> = [
    { key: 'at', title: t('stations.console.col.time'), dataIndex: 'at', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v).slice(0, 16)}</span> },
    { key: 'kind', title: t('stations.console.col.type'), dataIndex: 'kind', render: (k: StatementLine['kind']) => <Tag color={KIND_COLOURS[k]}>{t(`stations.console.statement.kind.${k}`)}</Tag> },
    { key: 'summary', title: t('stations.console.col.summary'), dataIndex: 'summary' },
    { key: 'weight', title: t('stations.console.statement.weight'), dataIndex: 'weightG', align: 'right', render: (v: number | null | undefined) => (v ? formatGrams(v) : '—') },
    { key: 'credit', title: t('stations.console.statement.credit'), dataIndex: 'creditFen', align: 'right', render: (v: number) => (v ? formatFen(v) : '—') },
    { key: 'debit', title: t('stations.console.statement.debit'), dataIndex: 'debitFen', align: 'right', render: (v: number) => (v ? formatFen(v) : '—') },
    { key: 'balance', title: t('stations.console.statement.balance'), dataIndex: 'balanceFen', align: 'right', render: (v: number) => formatFen(v) },
  ];
  return (
    <>
      <style>{PRINT_CSS}</style>
      <PageHeader
        crumbs={[{ title: t('stations.console.consignors.title'), to: '/stations/consignors' }, { title: data?.consignor.name ?? '' }]}
        title={t('stations.console.statement.title', { name: data?.consignor.name ?? '' })}
        extra={
          <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="statement-print">
            {t('stations.console.print')}
          </Button>
        }
      />
      {data && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
            <Descriptions.Item label={t('stations.console.col.customer')}>
              <CustomerCell customer={data.consignor} />
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.console.col.site')}>{data.consignor.siteName}</Descriptions.Item>
            <Descriptions.Item label={t('stations.console.consignors.sold')}>
              <Money fen={data.soldFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.console.consignors.paid')}>
              <Money fen={data.paidFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.console.consignors.balance')}>
              <Typography.Text strong data-testid="statement-balance">
                {formatFen(data.balanceFen)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.console.statement.printedAtLabel')}>{formatDateTime(new Date().toISOString()).slice(0, 16)}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <ResponsiveTable<StatementLine>
        data-testid="statement-lines"
        rowKey={(row, i) => `${row.at}-${row.kind}-${i ?? 0}`}
        size="small"
        loading={statement.isPending}
        columns={columns}
        dataSource={data?.lines ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('stations.console.statement.empty') }}
        summary={() =>
          data && data.lines.length > 0 ? (
            <Table.Summary.Row style={{ fontWeight: 600 }}>
              <Table.Summary.Cell index={0} colSpan={4}>
                {t('stations.console.overview.total')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {formatFen(data.lines.reduce((s, l) => s + l.creditFen, 0))}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {formatFen(data.lines.reduce((s, l) => s + l.debitFen, 0))}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                {formatFen(data.balanceFen)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}
