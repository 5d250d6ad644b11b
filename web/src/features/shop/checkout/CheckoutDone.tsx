import { Alert, Button, Card, Flex, Result, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useOrder, type Order } from '../../../api/orders.js';
import { formatDateTime, formatFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { OrderStatusTag, shortOrderNo } from '../../orders/shared/orderLabels.js';
import { PickupPointName } from '../../orders/shared/PickupPointName.js';
import { SellerName } from '../../orders/shared/SellerName.js';
import { PayButton } from '../orders/PayButton.js';

/** One placed order with what the buyer does next: pay online, pay at the village point, or wait for delivery. */
function PlacedOrder({ placed }: { placed: Order }) {
  const t = useT();
  // The order as it is now (paid online meanwhile); the pay link is kept from the checkout answer.
  const fresh = useOrder(placed.id).data;
  const order = fresh ? { ...fresh, payUrl: fresh.payUrl ?? placed.payUrl } : placed;
  return (
    <Card size="small" data-testid="placed-order">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Link to={`/shop/orders/${order.id}`}>
          <Typography.Text strong>
            <SellerName sellerId={order.sellerId} />
          </Typography.Text>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontFamily: 'monospace', fontSize: 12 }}>
            {shortOrderNo(order)}
          </Typography.Text>
        </Link>
        <OrderStatusTag status={order.status} />
      </Flex>
      <Typography.Paragraph style={{ margin: '8px 0' }}>{t('checkout.done.amount', { amount: formatFen(order.totalFen) })}</Typography.Paragraph>
      {order.status === 'pending_payment' && order.paymentMethod === 'village_cash' && order.pickupSiteId && (
        <Alert
          type="info"
          showIcon
          title={
            <>
              {t('checkout.done.payAtPoint', { time: formatDateTime(order.expiresAt) })} <PickupPointName siteId={order.pickupSiteId} />
            </>
          }
        />
      )}
      {order.paymentMethod === 'cod' && <Alert type="info" showIcon title={t('checkout.done.cod')} />}
      <PayButton order={order} block />
    </Card>
  );
}

/** 订单已提交: one order a seller, each with its next step. */
export function CheckoutDone({ orders }: { orders: Order[] }) {
  const t = useT();
  return (
    <Result
      status="success"
      title={t('checkout.done.title', { count: orders.length })}
      subTitle={t('checkout.done.subtitle')}
      extra={
        <Flex vertical gap={12} style={{ maxWidth: 520, margin: '0 auto', textAlign: 'start' }}>
          {orders.map((o) => (
            <PlacedOrder key={o.id} placed={o} />
          ))}
          <Flex gap={8} justify="center">
            <Link to="/shop/orders">
              <Button type="primary" data-testid="to-my-orders">
                {t('shop.myOrders')}
              </Button>
            </Link>
            <Link to="/shop">
              <Button>{t('shop.backToShop')}</Button>
            </Link>
          </Flex>
        </Flex>
      }
    />
  );
}
