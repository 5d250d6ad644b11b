import type { TableColumnsType } from 'antd';
import { Button, Flex, Typography } from 'antd';
import type { Order } from '../../../api/orders.js';
import { formatDateTime, formatFen } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { OrderStatusTag, PaymentTag, shortOrderNo } from '../shared/orderLabels.js';
import { SellerName } from '../shared/SellerName.js';
import { SellerOrderActions } from './SellerOrderActions.js';

/** Number (opens the order), status and waybill, lines, total and payment, recipient, placed, seller, the seller's actions. */
export function sellerOrderColumns(t: Translate, open: (order: Order) => void, place: (code: string) => string | undefined, showSeller: boolean): TableColumnsType<Order> {
  return [
    {
      key: 'no',
      title: t('order.no'),
      fixed: 'left',
      width: 170,
      render: (_: unknown, o) => (
        <Button type="link" size="small" style={{ paddingInline: 0, fontFamily: 'monospace', fontSize: 12, height: 'auto', whiteSpace: 'normal', wordBreak: 'break-all', textAlign: 'start' }} onClick={() => open(o)} data-testid="order-link">
          {shortOrderNo(o)}
        </Button>
      ),
    },
    {
      key: 'status',
      title: t('sellers.col.status'),
      width: 120,
      render: (_: unknown, o) => (
        <Flex vertical gap={2} align="flex-start">
          <OrderStatusTag status={o.status} />
          {o.waybillNo && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.carrier && t(`carrier.${o.carrier}`)} {o.waybillNo}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'items',
      title: t('order.section.items'),
      width: 200,
      render: (_: unknown, o) => (
        <Flex vertical>
          {o.items.map((i) => (
            <Typography.Text key={i.skuId} ellipsis style={{ fontSize: 13, maxWidth: 190 }}>
              {i.productName} · {i.spec} × {i.quantity}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    {
      key: 'total',
      title: t('order.total'),
      width: 120,
      render: (_: unknown, o) => (
        <Flex vertical gap={2} align="flex-start">
          <span>{formatFen(o.totalFen)}</span>
          <PaymentTag method={o.paymentMethod} />
        </Flex>
      ),
    },
    {
      key: 'shipTo',
      title: t('order.shipTo'),
      width: 200,
      render: (_: unknown, o) => (
        <Flex vertical>
          <span>
            {o.shipTo.name} {o.shipTo.phone}
          </span>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 190 }}>
            {place(o.shipTo.divisionCode) ?? ''} {o.shipTo.address}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'createdAt', title: t('order.createdAt'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
    ...(showSeller ? [{ key: 'seller', title: t('order.seller'), width: 180, render: (_: unknown, o: Order) => <SellerName sellerId={o.sellerId} /> }] : []),
    { key: 'actions', title: t('link.col.actions'), fixed: 'right', width: 170, render: (_: unknown, o) => <SellerOrderActions order={o} /> },
  ];
}
