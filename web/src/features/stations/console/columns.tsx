import { Typography } from 'antd';
import type { TableColumnType, TableColumnsType } from 'antd';
import type { RecordView } from '../../../api/stations.js';
import { formatFen } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import type { MessageKey } from '../../../app/locale/messages.js';
import { CustomerCell, Money, TypeTag } from './common.js';

/** Fields of a row that hold fen. */
type FenField<T> = { [K in keyof T]: T[K] extends number | null ? K : never }[keyof T] & string;

/** A right-aligned money column: yuan from fen, below zero in red; `alarm` signs and reds any non-zero value. */
export function moneyColumn<T>(t: Translate, key: string, title: MessageKey, field: FenField<T>, alarm?: { testId: string }): TableColumnType<T> {
  return {
    key,
    title: t(title),
    dataIndex: field,
    align: 'right',
    render: (fen: number | null) => <Money fen={fen} alarm={!!alarm} testId={alarm?.testId} />,
  };
}

/** A voided record and what it moved are struck through (the void itself reverses it). */
export const struck = (row: RecordView) => (row.voided ? { textDecoration: 'line-through', color: 'rgba(0,0,0,0.35)' } : undefined);

/** A record's money: nothing is a dash, a voided record's amount is struck. */
function recordMoney(t: Translate, key: string, title: MessageKey, field: FenField<RecordView>): TableColumnType<RecordView> {
  return { key, title: t(title), dataIndex: field, align: 'right', render: (fen: number, row) => <span style={struck(row)}>{fen ? formatFen(fen) : '—'}</span> };
}

/** What the ledger and a day's book show of every record after its time (and site): type, summary, villager, money, operator. */
export function recordColumns(t: Translate): TableColumnsType<RecordView> {
  return [
    { key: 'kind', title: t('stations.console.col.type'), dataIndex: 'type', render: (type: string, row) => <TypeTag type={type} kind={row.service} /> },
    {
      key: 'summary',
      title: t('stations.console.col.summary'),
      dataIndex: 'summary',
      render: (summary: string, row) => (
        <div style={{ maxWidth: 360 }}>
          <span style={struck(row)}>{summary}</span>
          {row.voided && (
            <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="void-reason">
              {t('stations.console.voided')}
              {row.voidReason ? ` · ${row.voidReason}` : ''}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { key: 'customer', title: t('stations.console.col.customer'), dataIndex: 'customer', render: (c: RecordView['customer']) => <CustomerCell customer={c} /> },
    recordMoney(t, 'amount', 'stations.console.col.amount', 'amountFen'),
    recordMoney(t, 'fee', 'stations.console.col.fee', 'feeFen'),
    recordMoney(t, 'in', 'stations.console.col.cashIn', 'cashInFen'),
    recordMoney(t, 'out', 'stations.console.col.cashOut', 'cashOutFen'),
    { key: 'operator', title: t('stations.console.col.operator'), dataIndex: 'recordedByName' },
  ];
}
