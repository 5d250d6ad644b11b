import { Button, Card, Flex, Tag, Typography } from 'antd';
import type { Order } from '../../../api/orders.js';
import { formatDateTime, formatFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { OrderStatusTag, shortOrderNo } from '../shared/orderLabels.js';

/** An order to collect cash for, as a card on a phone: number, payer, what, how much and by when, 确认收款. */
export function PickupOrderCard({ order: o, confirm }: { order: Order; confirm: (order: Order) => void }) {
  const t = useT();
  return (
    <Card size="small" data-testid="pickup-order-card">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 16 }} data-testid="pickup-order-no">
          {shortOrderNo(o)}
        </Typography.Text>
        <Flex gap={4}>
          {o.walkIn && <Tag color="purple">{t('pickup.walkIn.tag')}</Tag>}
          <OrderStatusTag status={o.status} />
        </Flex>
      </Flex>
      <Typography.Text style={{ display: 'block', marginTop: 4 }}>
        {o.shipTo.name} <Typography.Text type="secondary">{o.shipTo.phone}</Typography.Text>
      </Typography.Text>
      {o.items.map((i) => (
        <Typography.Text key={i.skuId} type="secondary" ellipsis style={{ display: 'block', fontSize: 13 }}>
          {i.productName} · {i.spec} × {i.quantity}
        </Typography.Text>
      ))}
      <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 8 }}>
        <Flex vertical>
          <Typography.Text strong style={{ color: '#e4393c' }}>
            {formatFen(o.totalFen)}
          </Typography.Text>
          {o.status === 'pending_payment' && o.expiresAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('pickup.col.payBy')} {formatDateTime(o.expiresAt)}
            </Typography.Text>
          )}
        </Flex>
        {o.status === 'pending_payment' && (
          <Button type="primary" onClick={() => confirm(o)} data-testid="confirm-cash">
            {t('pickup.confirm.button')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
