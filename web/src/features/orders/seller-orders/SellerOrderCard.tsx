import { Button, Card, Flex, Typography } from 'antd';
import type { Order } from '../../../api/orders.js';
import { formatDateTime, formatFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { OrderStatusTag, PaymentTag, shortOrderNo } from '../shared/orderLabels.js';
import { SellerName } from '../shared/SellerName.js';
import { SellerOrderActions } from './SellerOrderActions.js';

/** An order as a card on a phone: number (opens it), status, lines, total and payment, recipient, the seller's moves. */
export function SellerOrderCard({ order: o, open, place, showSeller }: { order: Order; open: (order: Order) => void; place: (code: string) => string | undefined; showSeller: boolean }) {
  const t = useT();
  return (
    <Card size="small" data-testid="seller-order-card">
      <Flex justify="space-between" align="center" gap={8}>
        <Button type="link" style={{ padding: 0, height: 'auto', fontFamily: 'monospace', fontSize: 16, fontWeight: 600 }} onClick={() => open(o)} data-testid="order-link">
          {shortOrderNo(o)}
        </Button>
        <OrderStatusTag status={o.status} />
      </Flex>
      {showSeller && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          <SellerName sellerId={o.sellerId} />
        </Typography.Text>
      )}
      {o.items.map((i) => (
        <Typography.Text key={i.skuId} ellipsis style={{ display: 'block', fontSize: 13, marginTop: 4 }}>
          {i.productName} · {i.spec} × {i.quantity}
        </Typography.Text>
      ))}
      <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 6 }}>
        <Typography.Text strong>{formatFen(o.totalFen)}</Typography.Text>
        <PaymentTag method={o.paymentMethod} />
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
        {o.shipTo.name} {o.shipTo.phone} · {place(o.shipTo.divisionCode) ?? ''} {o.shipTo.address}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {formatDateTime(o.createdAt)}
        {o.waybillNo && ` · ${o.carrier ? t(`carrier.${o.carrier}`) : ''} ${o.waybillNo}`}
      </Typography.Text>
      <Flex justify="flex-end" style={{ marginTop: 8 }}>
        <SellerOrderActions order={o} size="middle" />
      </Flex>
    </Card>
  );
}
