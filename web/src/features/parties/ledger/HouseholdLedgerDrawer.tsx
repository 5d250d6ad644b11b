import { useMemo } from 'react';
import { Descriptions, Drawer, Grid, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useManagedProducts } from '../../../api/catalog.js';
import { useDivisionNames } from '../../../api/network.js';
import { useHouseholdLedger, useSellersById, type LedgerEntry } from '../../../api/parties.js';
import { formatFen, formatShareBp } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import type { NamedLedgerRow } from './useLedgerRows.js';

/** One household's credits sale by sale: when, which order and product, the sale, its share and what it earned. */
export function HouseholdLedgerDrawer({ row, onClose }: { row: NamedLedgerRow | null; onClose: () => void }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const names = useDivisionNames();
  const ledger = useHouseholdLedger(row?.key);
  const entries = ledger.data?.entries ?? [];
  const sellers = useSellersById([...new Set(entries.map((e) => e.sellerId))]);
  const products = useManagedProducts(undefined, !!row);
  const productName = useMemo(() => new Map((products.data ?? []).map((p) => [p.id, p.name])), [products.data]);

  const columns: TableColumnsType<LedgerEntry> = [
    { key: 'date', title: t('ledger.entry.date'), dataIndex: 'saleDate', width: 110 },
    {
      key: 'product',
      title: t('ledger.entry.product'),
      width: 200,
      render: (_: unknown, e) => (
        <>
          <span>{productName.get(e.productId) ?? e.productId}</span>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {sellers.sellers.get(e.sellerId)?.name ?? e.sellerId}
          </Typography.Text>
        </>
      ),
    },
    { key: 'sale', title: t('ledger.entry.sale'), dataIndex: 'saleFen', width: 110, align: 'right', render: (fen: number) => formatFen(fen) },
    { key: 'share', title: t('ledger.entry.share'), dataIndex: 'shareBp', width: 90, align: 'right', render: (bp: number) => formatShareBp(bp) },
    {
      key: 'credit',
      title: t('ledger.entry.credit'),
      width: 120,
      align: 'right',
      render: (_: unknown, e) =>
        e.reversed ? (
          <Tag color="default" style={{ marginInlineEnd: 0 }}>
            <s>{formatFen(e.creditFen)}</s> {t('ledger.entry.reversed')}
          </Tag>
        ) : (
          <Typography.Text strong style={{ color: '#d4380d' }} data-testid="entry-credit">
            {formatFen(e.creditFen)}
          </Typography.Text>
        ),
    },
    { key: 'order', title: t('order.no'), dataIndex: 'orderId', width: 190, render: (id: string) => <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{id}</Typography.Text> },
  ];

  const h = row?.household;
  return (
    <Drawer title={t('ledger.household.title', { name: row?.name ?? '' })} open={!!row} onClose={onClose} size={screens.md ? 760 : '100%'}>
      {row && (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'no', label: t('household.field.no'), children: h ? <Link to={`/parties/households/${h.id}`}>{h.householdNo}</Link> : row.key },
              { key: 'village', label: t('household.field.village'), children: (h && names.place(h.villageCode)) ?? '—' },
              { key: 'income', label: t('ledger.household.income'), children: <Typography.Text strong style={{ color: '#d4380d' }}>{formatFen(ledger.data?.totalIncomeFen ?? row.incomeFen)}</Typography.Text> },
              { key: 'sales', label: t('ledger.household.sales'), children: formatFen(ledger.data?.totalSalesFen ?? row.salesFen) },
            ]}
          />
          {ledger.isError ? (
            <LoadError error={ledger.error} onRetry={() => void ledger.refetch()} />
          ) : !ledger.data ? (
            <Skeleton active />
          ) : (
            <Table data-testid="ledger-entries" rowKey={(e) => `${e.orderId}-${e.productId}-${e.saleDate}`} size="small" columns={columns} dataSource={entries} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 820 }} />
          )}
        </>
      )}
    </Drawer>
  );
}
