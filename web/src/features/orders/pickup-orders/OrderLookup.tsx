import { useState } from 'react';
import { Alert, Button, Card, Flex, Input } from 'antd';
import { ApiError } from '../../../api/http.js';
import { useOrder } from '../../../api/orders.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { OrderItems } from '../shared/OrderItems.js';
import { orderNo, OrderStatusTag, PaymentTag } from '../shared/orderLabels.js';
import { useConfirmCash } from './useConfirmCash.js';

/** What people read out (0MX1…, ord_0mx1…) as the order's id. */
export const orderIdOf = (typed: string) => {
  const text = typed.trim().toLowerCase();
  return text.startsWith('ord_') ? text : `ord_${text}`;
};

/** 按订单号查找: the buyer reads out the order number; the point opens it and takes the cash. */
export function OrderLookup() {
  const t = useT();
  const [id, setId] = useState<string>();
  const order = useOrder(id);
  const confirm = useConfirmCash();
  const o = order.data;
  return (
    <Card size="small" title={t('pickup.lookup.title')} style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        maxLength={64}
        enterButton={t('pickup.lookup.button')}
        placeholder={t('pickup.lookup.placeholder')}
        onSearch={(text) => setId(text.trim() ? orderIdOf(text) : undefined)}
        style={{ maxWidth: 420 }}
        data-testid="order-lookup"
      />
      {order.isError && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={order.error instanceof ApiError && order.error.status === 404 ? t('pickup.lookup.notFound') : errorText(order.error, t)}
        />
      )}
      {o && (
        <Card size="small" style={{ marginTop: 12, maxWidth: 520 }} data-testid="looked-up">
          <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
            <span style={{ fontFamily: 'monospace' }}>{orderNo(o.id)}</span>
            <Flex gap={6}>
              <PaymentTag method={o.paymentMethod} />
              <OrderStatusTag status={o.status} />
            </Flex>
          </Flex>
          <OrderItems order={o} />
          {o.paymentMethod === 'village_cash' && o.status === 'pending_payment' && (
            <Button type="primary" block style={{ marginTop: 12 }} onClick={() => confirm(o)} data-testid="confirm-cash">
              {t('pickup.confirm.button')}
            </Button>
          )}
        </Card>
      )}
    </Card>
  );
}
