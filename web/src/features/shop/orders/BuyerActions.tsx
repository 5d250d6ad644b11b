import { useState } from 'react';
import { App, Button, Flex } from 'antd';
import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { useOrderAction, type Order } from '../../../api/orders.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { OrderReasonModal, type ReasonKind } from '../../orders/shared/OrderReasonModal.js';
import { PayButton } from './PayButton.js';

const CANCELLABLE: Order['status'][] = ['pending_payment', 'confirmed', 'paid'];

/** What the buyer may do now: pay online, cancel before shipping, confirm receipt or ask to return once delivered. */
export function BuyerActions({ order }: { order: Order }) {
  const t = useT();
  const act = useOrderAction();
  const { message, modal } = App.useApp();
  const [asking, setAsking] = useState<ReasonKind | null>(null);

  const confirmReceipt = () =>
    modal.confirm({
      title: t('order.complete.title'),
      content: t('order.complete.body'),
      okText: t('order.complete.ok'),
      cancelText: t('common.cancel'),
      onOk: () =>
        act.mutateAsync({ id: order.id, action: 'complete' }).then(
          () => void message.success(t('order.complete.done')),
          (error: unknown) => void message.error(errorText(error, t)),
        ),
    });

  const may = { cancel: CANCELLABLE.includes(order.status), delivered: order.status === 'delivered' };
  if (!may.cancel && !may.delivered && !(order.status === 'pending_payment' && order.payUrl)) return null;
  return (
    <Flex gap={8} wrap justify="flex-end">
      {may.cancel && (
        <Button icon={<CloseOutlined />} onClick={() => setAsking('cancel')} data-testid="cancel-order">
          {t('order.cancel.button')}
        </Button>
      )}
      {may.delivered && (
        <Button icon={<RollbackOutlined />} onClick={() => setAsking('return')} data-testid="return-order">
          {t('order.return.button')}
        </Button>
      )}
      {may.delivered && (
        <Button type="primary" icon={<CheckOutlined />} onClick={confirmReceipt} data-testid="complete-order">
          {t('order.complete.button')}
        </Button>
      )}
      <PayButton order={order} />
      {asking && <OrderReasonModal order={order} kind={asking} open onClose={() => setAsking(null)} />}
    </Flex>
  );
}
