import { Steps } from 'antd';
import type { Order } from '../../../api/orders.js';
import { formatDateTime } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';

type Step = { key: string; title: string; at: string | null };

/**
 * Where the order stands: placed → paid → shipped → delivered → completed (cash on delivery is paid on delivery);
 * a cancelled, refunded or returned order ends in red after the last step it reached; a return asked for is the step in progress.
 */
export function OrderTimeline({ order, compact = false }: { order: Order; compact?: boolean }) {
  const t = useT();
  const cod = order.paymentMethod === 'cod';
  const paid: Step = { key: 'paid', title: t('timeline.paid'), at: order.paidAt };
  const steps: Step[] = [
    { key: 'placed', title: t('timeline.placed'), at: order.createdAt },
    ...(cod ? [] : [paid]),
    { key: 'shipped', title: t('timeline.shipped'), at: order.shippedAt },
    { key: 'delivered', title: cod ? t('timeline.deliveredPaid') : t('timeline.delivered'), at: order.deliveredAt },
    { key: 'completed', title: t('timeline.completed'), at: order.completedAt },
  ];
  const reached = steps.reduce((last, s, i) => (s.at ? i : last), 0);
  const ended = order.status === 'cancelled' || order.status === 'refunded' || order.status === 'returned';
  const returning = order.status === 'return_requested';
  const items = steps.slice(0, ended || returning ? reached + 1 : steps.length).map((s) => ({ title: s.title, content: s.at ? formatDateTime(s.at) : undefined }));
  if (ended || returning) items.push({ title: t(`orderStatus.${order.status}`), content: order.cancelledAt ? formatDateTime(order.cancelledAt) : undefined });
  return (
    <Steps
      data-testid="order-timeline"
      size="small"
      orientation={compact ? 'vertical' : 'horizontal'}
      current={ended || returning ? items.length - 1 : reached}
      status={ended ? 'error' : order.status === 'completed' ? 'finish' : 'process'}
      items={items}
    />
  );
}
