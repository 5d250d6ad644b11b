import type { TableColumnsType } from 'antd';
import { Button, Flex, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import type { LedgerGroup } from '../../../api/parties.js';
import { formatFen, formatNumber } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { HouseholdStatusBadge } from '../shared/partyLabels.js';
import type { NamedLedgerRow } from './useLedgerRows.js';

/** Name (a household opens its entries), where, income, the part refunds took back, the sales behind it, orders; in the server's order (most income first). */
export function ledgerColumns(t: Translate, by: LedgerGroup, open: (row: NamedLedgerRow) => void): TableColumnsType<NamedLedgerRow> {
  const name: TableColumnsType<NamedLedgerRow>[number] =
    by === 'household'
      ? {
          key: 'name',
          title: t('ledger.col.household'),
          width: 220,
          render: (_: unknown, r) => (
            <Flex vertical align="flex-start">
              <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => open(r)} data-testid="ledger-household">
                {r.name}
              </Button>
              {r.household && (
                <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }} data-testid="ledger-household-no">
                  {r.household.householdNo}
                </Typography.Text>
              )}
            </Flex>
          ),
        }
      : { key: 'name', title: t(by === 'township' ? 'ledger.col.township' : 'ledger.col.village'), dataIndex: 'name', width: 180 };
  return [
    name,
    ...(by === 'township' ? [] : [{ key: 'place', title: t(by === 'village' ? 'ledger.col.township' : 'ledger.col.village'), dataIndex: 'place', width: 180, render: (p: string | undefined) => p ?? '—' }]),
    ...(by === 'household' ? [{ key: 'status', title: t('households.col.status'), width: 110, render: (_: unknown, r: NamedLedgerRow) => (r.household ? <HouseholdStatusBadge status={r.household.status} /> : '—') }] : []),
    {
      key: 'income',
      title: t('ledger.col.income'),
      dataIndex: 'incomeFen',
      width: 140,
      align: 'right',
      render: (fen: number) => (
        <Typography.Text strong style={{ color: '#d4380d' }} data-testid="ledger-income">
          {formatFen(fen)}
        </Typography.Text>
      ),
    },
    {
      key: 'reversed',
      title: t('ledger.col.reversed'),
      dataIndex: 'reversedFen',
      width: 120,
      align: 'right',
      render: (fen: number) => (fen ? <Typography.Text type="secondary">{formatFen(fen)}</Typography.Text> : '—'),
    },
    {
      key: 'sales',
      title: (
        <Tooltip title={t('ledger.salesHint')}>
          {t('ledger.col.sales')} <QuestionCircleOutlined />
        </Tooltip>
      ),
      dataIndex: 'salesFen',
      width: 160,
      align: 'right',
      render: (fen: number) => formatFen(fen),
    },
    { key: 'orders', title: t('ledger.col.orders'), dataIndex: 'orders', width: 100, align: 'right', render: (n: number) => formatNumber(n) },
  ];
}
