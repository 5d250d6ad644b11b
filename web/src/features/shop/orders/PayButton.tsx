import { App, Button } from 'antd';
import { WalletOutlined } from '@ant-design/icons';
import { usePayOnline, type Order } from '../../../api/orders.js';
import { formatFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';

/** 去支付: an online order awaiting payment goes to the payment provider (the local one confirms at once). */
export function PayButton({ order, block = false }: { order: Order; block?: boolean }) {
  const t = useT();
  const pay = usePayOnline();
  const { message } = App.useApp();
  if (order.status !== 'pending_payment' || order.paymentMethod !== 'online' || !order.payUrl) return null;
  return (
    <Button
      type="primary"
      danger
      block={block}
      icon={<WalletOutlined />}
      loading={pay.isPending}
      onClick={() =>
        pay.mutate(order.payUrl!, {
          onSuccess: () => void message.success(t('order.paid')),
          onError: (error) => void message.error(errorText(error, t)),
        })
      }
      data-testid="pay-order"
    >
      {t('order.pay', { amount: formatFen(order.totalFen) })}
    </Button>
  );
}
