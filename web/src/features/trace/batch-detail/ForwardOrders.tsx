import { Empty, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ORDER_STATUSES, type OrderStatus } from '../../../api/orders.js';
import type { GenealogyOrder } from '../../../api/trace-batches.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { carrierLabel } from '../../logistics/parcels/parcelLabels.js';
import { orderNo, OrderStatusTag } from '../../orders/shared/orderLabels.js';
import { mono, rowTestId } from '../batches/batchLabels.js';
import { statusText } from './statusText.js';

const isOrderStatus = (s: string): s is OrderStatus => (ORDER_STATUSES as readonly string[]).includes(s);

function orderColumns(t: Translate): TableColumnsType<GenealogyOrder> {
  return [
    { key: 'order', title: t('traceBatch.flow.order'), dataIndex: 'orderId', width: 150, render: (id: string) => <span style={mono}>{orderNo(id)}</span> },
    { key: 'batch', title: t('traceBatch.col.code'), dataIndex: 'batchCode', width: 180, render: (code: string) => <span style={mono}>{code}</span> },
    { key: 'quantity', title: t('traceBatch.flow.quantity'), dataIndex: 'quantity', width: 70, align: 'right' },
    { key: 'status', title: t('traceBatch.col.status'), dataIndex: 'status', width: 90, render: (s: string) => (isOrderStatus(s) ? <OrderStatusTag status={s} /> : s) },
    { key: 'paidAt', title: t('traceBatch.flow.paidAt'), dataIndex: 'paidAt', width: 170, render: (at: string | null) => formatDateTime(at) },
    {
      key: 'buyer',
      title: t('traceBatch.flow.buyer'),
      width: 140,
      render: (_: unknown, o) => (
        <Flex vertical>
          <span>{o.buyer}</span>
          {o.buyerPhone && (
            <Typography.Text type="secondary" style={{ fontSize: 12, ...mono }}>
              {o.buyerPhone}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'parcels',
      title: t('traceBatch.flow.parcels'),
      render: (_: unknown, o) =>
        o.parcels.length === 0 ? (
          <Typography.Text type="secondary">{t('traceBatch.flow.noParcel')}</Typography.Text>
        ) : (
          <Flex vertical>
            {o.parcels.map((p, i) => (
              <span key={i}>
                {p.carrier ? `${carrierLabel(t, p.carrier)} ` : ''}
                <span style={mono}>{p.waybillNo ?? '—'}</span> · {statusText(t, ['logistics.status', 'orderStatus'], p.status)}
              </span>
            ))}
          </Flex>
        ),
    },
  ];
}

/** Every order of the batch (and of what was made from it) with masked buyers and waybills. */
export function ForwardOrders({ orders }: { orders: GenealogyOrder[] }) {
  const t = useT();
  return (
    <Table
      size="small"
      rowKey="orderId"
      pagination={orders.length > 10 ? { pageSize: 10, size: 'small' } : false}
      dataSource={orders}
      columns={orderColumns(t)}
      scroll={{ x: 1000 }}
      onRow={() => rowTestId('genealogy-forward-order')}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('traceBatch.flow.noOrders')} /> }}
    />
  );
}
