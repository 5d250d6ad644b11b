import { Card, Flex, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Order } from '../../../api/orders.js';
import { formatDateTime, formatFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { OrderStatusTag, shortOrderNo } from '../../orders/shared/orderLabels.js';
import { SellerName } from '../../orders/shared/SellerName.js';
import { BuyerActions } from './BuyerActions.js';

/** An order in "my orders": seller and status, its lines, the total, and what the buyer may do. */
export function OrderCard({ order }: { order: Order }) {
  const t = useT();
  const count = order.items.reduce((n, i) => n + i.quantity, 0);
  return (
    <Card size="small" data-testid="my-order">
      <Link to={`/shop/orders/${order.id}`} style={{ color: 'inherit' }}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text strong ellipsis>
            <SellerName sellerId={order.sellerId} /> <RightOutlined style={{ fontSize: 11 }} />
          </Typography.Text>
          <OrderStatusTag status={order.status} />
        </Flex>
        <Flex vertical gap={2} style={{ margin: '8px 0' }}>
          {order.items.map((i) => (
            <Typography.Text key={i.skuId} ellipsis style={{ fontSize: 13 }}>
              {i.productName} · {i.spec} × {i.quantity}
            </Typography.Text>
          ))}
        </Flex>
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <span data-testid="my-order-no">
              {t('order.no')} {shortOrderNo(order)}
            </span>{' '}
            · {formatDateTime(order.createdAt)}
          </Typography.Text>
          <Typography.Text>{t('order.sumLine', { count, amount: formatFen(order.totalFen) })}</Typography.Text>
        </Flex>
      </Link>
      <div style={{ marginTop: 8 }}>
        <BuyerActions order={order} />
      </div>
    </Card>
  );
}
