import { useMemo } from 'react';
import { Descriptions, Drawer, Grid, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useDivisionNames } from '../../../api/network.js';
import { useHouseholdLedger, useSellersById, type LedgerEntry } from '../../../api/parties.js';
import { formatFen, formatShareBp } from '../../../app/format.js';
import { orderNo } from '../../orders/shared/orderLabels.js';
import { useT, type Translate } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import type { NamedLedgerRow } from './useLedgerRows.js';

function periodText(t: Translate, from?: string, to?: string): string {
  if (from && to) return t('ledger.period.range', { from, to });
  if (from) return t('ledger.period.from', { from });
  if (to) return t('ledger.period.to', { to });
  return t('ledger.period.all');
}

/**
 * One household's entries over the ledger page's period, newest first: each credit on the day its order was paid
 * and each refund's reversal on its own day. The totals are the server's over every entry of the period, so they
 * are the figures of the household's row and bar.
 */
export function HouseholdLedgerDrawer({ row, from, to, onClose }: { row: NamedLedgerRow | null; from?: string; to?: string; onClose: () => void }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const names = useDivisionNames();
  const ledger = useHouseholdLedger(row?.key, from, to);
  const first = ledger.data?.pages[0];
  const entries = useMemo(() => (ledger.data?.pages ?? []).flatMap((p) => p.items), [ledger.data]);
  const sellers = useSellersById([...new Set(entries.map((e) => e.sellerId))]);

  const columns: TableColumnsType<LedgerEntry> = [
    {
      key: 'date',
      title: t('ledger.entry.date'),
      width: 120,
      render: (_: unknown, e) => (
        <>
          <span>{e.entryDate}</span>
          {e.kind === 'reversal' && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('ledger.entry.saleDate', { date: e.saleDate })}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      key: 'kind',
      title: t('ledger.entry.kind'),
      width: 100,
      render: (_: unknown, e) => (
        <Tag color={e.kind === 'credit' ? 'volcano' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="entry-kind">
          {t(`ledger.entry.kind.${e.kind}`)}
        </Tag>
      ),
    },
    {
      key: 'product',
      title: t('ledger.entry.product'),
      width: 200,
      render: (_: unknown, e) => (
        <>
          <span>{e.productName ?? t('partyNames.productGone')}</span>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {sellers.sellers.get(e.sellerId)?.name ?? t('partyNames.sellerUnknown')}
          </Typography.Text>
        </>
      ),
    },
    { key: 'sale', title: t('ledger.entry.sale'), dataIndex: 'saleFen', width: 110, align: 'right', render: (fen: number) => formatFen(fen) },
    { key: 'share', title: t('ledger.entry.share'), dataIndex: 'shareBp', width: 90, align: 'right', render: (bp: number) => formatShareBp(bp) },
    {
      key: 'credit',
      title: t('ledger.entry.credit'),
      width: 130,
      align: 'right',
      render: (_: unknown, e) => (
        <>
          <Typography.Text strong type={e.kind === 'reversal' ? 'secondary' : undefined} style={e.kind === 'credit' ? { color: '#d4380d' } : undefined} data-testid={e.kind === 'credit' ? 'entry-credit' : 'entry-reversal'}>
            {formatFen(e.creditFen)}
          </Typography.Text>
          {e.reversed && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('ledger.entry.reversed')}
            </Typography.Text>
          )}
        </>
      ),
    },
    { key: 'order', title: t('order.no'), dataIndex: 'orderId', width: 190, render: (id: string) => <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{orderNo(id)}</Typography.Text> },
  ];

  const h = row?.household;
  return (
    <Drawer title={t('ledger.household.title', { name: row?.name ?? '' })} open={!!row} onClose={onClose} size={screens.md ? 820 : '100%'}>
      {row && (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'no', label: t('household.field.no'), children: h ? <Link to={`/parties/households/${h.id}`}>{h.householdNo}</Link> : row.key },
              { key: 'village', label: t('household.field.village'), children: (h && names.place(h.villageCode)) ?? '—' },
              { key: 'period', label: t('ledger.household.period'), children: periodText(t, from, to) },
              {
                key: 'income',
                label: t('ledger.household.income'),
                children: (
                  <Typography.Text strong style={{ color: '#d4380d' }} data-testid="household-ledger-income">
                    {formatFen(first?.totalIncomeFen ?? row.incomeFen)}
                  </Typography.Text>
                ),
              },
              { key: 'sales', label: t('ledger.household.sales'), children: <span data-testid="household-ledger-sales">{formatFen(first?.totalSalesFen ?? row.salesFen)}</span> },
              { key: 'reversed', label: t('ledger.household.reversed'), children: formatFen(first?.totalReversedFen ?? row.reversedFen) },
            ]}
          />
          {ledger.isError ? (
            <LoadError error={ledger.error} onRetry={() => void ledger.refetch()} />
          ) : !ledger.data ? (
            <Skeleton active />
          ) : (
            <>
              <Table data-testid="ledger-entries" rowKey="id" size="small" columns={columns} dataSource={entries} pagination={false} scroll={{ x: 940 }} />
              <LoadMore query={ledger} />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
