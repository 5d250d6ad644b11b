import type { TableColumnsType } from 'antd';
import { Button, Flex, Tag, Typography } from 'antd';
import type { Order } from '../../../api/orders.js';
import { formatDateTime, formatFen } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { OrderStatusTag, shortOrderNo } from '../shared/orderLabels.js';

/** Number, who pays, what, how much and by when, status, and 确认收款 while it waits for the cash. */
export function pickupColumns(t: Translate, confirm: (order: Order) => void): TableColumnsType<Order> {
  return [
    {
      key: 'no',
      title: t('order.no'),
      width: 130,
      render: (_: unknown, o) => (
        <Flex vertical gap={2} align="flex-start">
          <Typography.Text strong style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }} data-testid="pickup-order-no">
            {shortOrderNo(o)}
          </Typography.Text>
          {o.walkIn && <Tag color="purple">{t('pickup.walkIn.tag')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'payer',
      title: t('pickup.col.payer'),
      width: 150,
      render: (_: unknown, o) => (
        <Flex vertical>
          <span>{o.shipTo.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.shipTo.phone}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'items',
      title: t('order.section.items'),
      width: 220,
      render: (_: unknown, o) => (
        <Flex vertical>
          {o.items.map((i) => (
            <Typography.Text key={i.skuId} ellipsis style={{ fontSize: 13, maxWidth: 210 }}>
              {i.productName} · {i.spec} × {i.quantity}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    { key: 'amount', title: t('pickup.col.amount'), width: 110, render: (_: unknown, o) => <Typography.Text strong>{formatFen(o.totalFen)}</Typography.Text> },
    { key: 'before', title: t('pickup.col.payBy'), width: 160, render: (_: unknown, o) => (o.status === 'pending_payment' ? formatDateTime(o.expiresAt) : '—') },
    { key: 'status', title: t('sellers.col.status'), width: 100, render: (_: unknown, o) => <OrderStatusTag status={o.status} /> },
    {
      key: 'actions',
      title: t('link.col.actions'),
      fixed: 'right',
      width: 110,
      render: (_: unknown, o) =>
        o.status === 'pending_payment' && (
          <Button type="primary" size="small" onClick={() => confirm(o)} data-testid="confirm-cash">
            {t('pickup.confirm.button')}
          </Button>
        ),
    },
  ];
}
