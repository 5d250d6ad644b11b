import { App } from 'antd';
import { useOrderAction, type Order } from '../../../api/orders.js';
import { formatFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { shortOrderNo } from '../shared/orderLabels.js';

/** 确认收款: asks once, with the amount and who pays, then records the cash; the order is paid and the seller ships. */
export function useConfirmCash() {
  const t = useT();
  const act = useOrderAction();
  const { message, modal } = App.useApp();
  return (order: Order) =>
    modal.confirm({
      title: t('pickup.confirm.title', { amount: formatFen(order.totalFen) }),
      content: t('pickup.confirm.body', { no: shortOrderNo(order), name: order.shipTo.name }),
      okText: t('pickup.confirm.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'confirm-cash-ok' },
      onOk: () =>
        act.mutateAsync({ id: order.id, action: 'cash-received' }).then(
          () => void message.success(t('pickup.confirm.done')),
          (error: unknown) => void message.error(errorText(error, t)),
        ),
    });
}
