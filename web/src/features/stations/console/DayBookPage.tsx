import { Button, Card, Descriptions, Flex, Grid, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { useDayBook, type RecordView } from '../../../api/stations.js';
import { formatDateTime, formatFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../../app/ui/ResponsiveTable.js';
import { recordColumns, struck } from './columns.js';
import { Money, signedFen, typeLabel } from './common.js';
import { DayStatusTag } from './DaysPage.js';
import { PRINT_CSS } from './print.js';

/** The clock time (Beijing) of an ISO time: 09:41:05. */
export const clockOf = (iso: string) => formatDateTime(iso).slice(11);

/** Sums of the records a day counts (voided ones and the voids themselves reverse each other, so both are left out). */
export function dayTotals(records: RecordView[]) {
  const counted = records.filter((r) => !r.voided && r.type !== 'record.void');
  return {
    amountFen: counted.reduce((s, r) => s + r.amountFen, 0),
    feeFen: counted.reduce((s, r) => s + r.feeFen, 0),
    cashInFen: counted.reduce((s, r) => s + r.cashInFen, 0),
    cashOutFen: counted.reduce((s, r) => s + r.cashOutFen, 0),
  };
}

/** One site's day: the till at the top, then every record with time, kind, villager, amount, fee and cash. */
export function DayBookPage() {
  const t = useT();
  const { siteId = '', day = '' } = useParams();
  const book = useDayBook(siteId, day);
  const wide = Grid.useBreakpoint().md !== false;
  if (book.isError) return <LoadError error={book.error} onRetry={() => void book.refetch()} />;
  const data = book.data;
  const records = data?.records ?? [];
  const totals = dayTotals(records);

  const columns: TableColumnsType<RecordView> = [
    {
      key: 'time',
      title: t('stations.console.col.time'),
      dataIndex: 'at',
      render: (at: string, row) => <span style={{ whiteSpace: 'nowrap', ...struck(row) }}>{clockOf(at)}</span>,
    },
    ...recordColumns(t),
  ];

  const title = data ? t('stations.console.day.title', { site: data.siteName, day: data.day }) : day;
  return (
    <>
      <style>{PRINT_CSS}</style>
      <PageHeader
        crumbs={[{ title: t('stations.console.days.title'), to: '/stations/days' }, { title: data?.siteName ?? '' }, { title: day }]}
        title={
          <Flex gap={8} align="center" wrap>
            {title}
            {data && <DayStatusTag status={data.status} />}
          </Flex>
        }
        subtitle={t('stations.console.day.subtitle')}
        extra={
          <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('stations.console.print')}
          </Button>
        }
      />
      {data && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} data-testid="day-till">
            <Descriptions.Item label={t('stations.console.col.opening')}>
              <Money fen={data.openingCashFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.console.col.cashIn')}>
              <Money fen={data.cashInFen} testId="day-cash-in" />
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.console.col.cashOut')}>
              <Money fen={data.cashOutFen} testId="day-cash-out" />
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.console.col.expected')}>
              <Money fen={data.expectedCashFen} testId="day-expected" />
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.console.col.counted')}>
              <Money fen={data.countedCashFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.console.col.difference')}>
              <Money fen={data.differenceFen} alarm testId="day-difference" />
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.console.col.reason')}>{data.reason ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('stations.console.day.closedBy')}>
              {data.closedByName ? `${data.closedByName} · ${formatDateTime(data.closedAt)}` : '—'}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('stations.console.day.check', {
              opening: signedFen(data.openingCashFen),
              in: formatFen(data.cashInFen),
              out: formatFen(data.cashOutFen),
              expected: signedFen(data.expectedCashFen),
            })}
          </Typography.Text>
        </Card>
      )}
      <ResponsiveTable<RecordView>
        data-testid="day-records"
        rowKey="id"
        size="small"
        loading={book.isPending}
        columns={columns}
        dataSource={records}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowClassName={(row) => (row.voided ? 'record-voided' : '')}
        cardTitle={(row) => <span style={struck(row)}>{`${clockOf(row.at)} ${typeLabel(t, row.type)}`}</span>}
        cardHides={['time', 'kind']}
        locale={{ emptyText: t('stations.console.day.empty') }}
        summary={() =>
          records.length > 0 ? (
            <Table.Summary.Row style={{ fontWeight: 600 }}>
              <Table.Summary.Cell index={0} colSpan={4}>
                {t('stations.console.day.totals')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <Money fen={totals.amountFen} testId="book-total-amount" />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <Money fen={totals.feeFen} testId="book-total-fee" />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                <Money fen={totals.cashInFen} testId="book-total-in" />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                <Money fen={totals.cashOutFen} testId="book-total-out" />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={8} />
            </Table.Summary.Row>
          ) : null
        }
      />
      {!wide && records.length > 0 && (
        <Card size="small" title={t('stations.console.day.totals')} data-testid="book-totals-card">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('stations.console.col.amount')}>
              <Money fen={totals.amountFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.console.col.fee')}>
              <Money fen={totals.feeFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.console.col.cashIn')}>
              <Money fen={totals.cashInFen} />
            </Descriptions.Item>
            <Descriptions.Item label={t('stations.console.col.cashOut')}>
              <Money fen={totals.cashOutFen} />
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </>
  );
}
