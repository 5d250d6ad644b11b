import { Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Order } from '../../../api/orders.js';
import { formatFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';

/** The lines of an order with their prices, then the items, delivery and total. */
export function OrderItems({ order, linkProducts = false }: { order: Order; linkProducts?: boolean }) {
  const t = useT();
  return (
    <Flex vertical gap={8}>
      {order.items.map((i) => (
        <Flex key={i.skuId} justify="space-between" gap={12} data-testid="order-item">
          <div style={{ minWidth: 0 }}>
            {linkProducts ? <Link to={`/shop/products/${i.productId}`}>{i.productName}</Link> : <Typography.Text>{i.productName}</Typography.Text>}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {i.spec} · {formatFen(i.unitPriceFen)} × {i.quantity}
            </Typography.Text>
          </div>
          <Typography.Text style={{ whiteSpace: 'nowrap' }}>{formatFen(i.lineFen)}</Typography.Text>
        </Flex>
      ))}
      <Flex vertical gap={2} style={{ borderTop: '1px dashed #e5e5e5', paddingTop: 8 }}>
        <Flex justify="space-between">
          <Typography.Text type="secondary">{t('order.itemsFen')}</Typography.Text>
          <Typography.Text>{formatFen(order.itemsFen)}</Typography.Text>
        </Flex>
        <Flex justify="space-between">
          <Typography.Text type="secondary">{t('order.deliveryFee', { kind: t(`delivery.${order.delivery}`) })}</Typography.Text>
          <Typography.Text>{formatFen(order.deliveryFeeFen)}</Typography.Text>
        </Flex>
        <Flex justify="space-between">
          <Typography.Text strong>{t('order.total')}</Typography.Text>
          <Typography.Text strong style={{ color: '#e4393c' }} data-testid="order-total">
            {formatFen(order.totalFen)}
          </Typography.Text>
        </Flex>
      </Flex>
    </Flex>
  );
}
