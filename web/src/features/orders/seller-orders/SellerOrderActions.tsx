import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { useOrderAction, type Order } from '../../../api/orders.js';
import { formatFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { OrderReasonModal, type ReasonKind } from '../shared/OrderReasonModal.js';
import { ShipModal } from './ShipModal.js';

/** The seller's moves: ship a paid (or cash-on-delivery) order, record delivery, cancel before shipping, answer a return. */
export function SellerOrderActions({ order, size = 'small' }: { order: Order; size?: 'small' | 'middle' }) {
  const t = useT();
  const act = useOrderAction();
  const { message, modal } = App.useApp();
  const [shipping, setShipping] = useState(false);
  const [asking, setAsking] = useState<ReasonKind | null>(null);
  const mayShip = order.status === 'paid' || order.status === 'confirmed';
  const mayDeliver = order.status === 'shipped';
  const mayCancel = order.status === 'pending_payment' || order.status === 'confirmed' || order.status === 'paid';
  const returnAsked = order.status === 'return_requested';

  const acceptReturn = () =>
    modal.confirm({
      title: t('order.accept.title'),
      content: t('order.accept.body', { amount: formatFen(order.totalFen), reason: order.returnReason ?? '—' }),
      okText: t('order.accept.ok'),
      cancelText: t('common.cancel'),
      onOk: () =>
        act.mutateAsync({ id: order.id, action: 'return/accept' }).then(
          () => void message.success(t('order.accept.done')),
          (error: unknown) => void message.error(errorText(error, t)),
        ),
    });

  const deliver = () =>
    modal.confirm({
      title: t('deliver.title'),
      content: order.paymentMethod === 'cod' ? t('deliver.codBody', { amount: formatFen(order.totalFen) }) : t('deliver.body'),
      okText: t('deliver.ok'),
      cancelText: t('common.cancel'),
      onOk: () =>
        act.mutateAsync({ id: order.id, action: 'deliver' }).then(
          () => void message.success(t('deliver.done')),
          (error: unknown) => void message.error(errorText(error, t)),
        ),
    });

  if (!mayShip && !mayDeliver && !mayCancel && !returnAsked) return null;
  return (
    <>
      <Space size={4} wrap>
        {mayShip && (
          <Button type="primary" size={size} onClick={() => setShipping(true)} data-testid="ship-order">
            {t('ship.button')}
          </Button>
        )}
        {mayDeliver && (
          <Button size={size} onClick={deliver} data-testid="deliver-order">
            {t('deliver.button')}
          </Button>
        )}
        {returnAsked && (
          <Button type="primary" size={size} onClick={acceptReturn} data-testid="accept-return">
            {t('order.accept.button')}
          </Button>
        )}
        {returnAsked && (
          <Button size={size} onClick={() => setAsking('refuse')} data-testid="refuse-return">
            {t('order.refuse.button')}
          </Button>
        )}
        {mayCancel && (
          <Button size={size} danger type="text" onClick={() => setAsking('cancel')}>
            {t('order.cancel.button')}
          </Button>
        )}
      </Space>
      {mayShip && shipping && <ShipModal order={order} onClose={() => setShipping(false)} />}
      {asking && <OrderReasonModal order={order} kind={asking} open onClose={() => setAsking(null)} />}
    </>
  );
}
