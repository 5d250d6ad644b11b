import type { ReactNode } from 'react';
import { Card, Drawer, Flex, Grid } from 'antd';
import type { Order } from '../../../api/orders.js';
import { useDivisionNames } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { OrderFacts } from './OrderFacts.js';
import { OrderItems } from './OrderItems.js';
import { OrderStatusTag } from './orderLabels.js';
import { OrderTimeline } from './OrderTimeline.js';

/** One order in a drawer beside a list: where it stands, what it holds, where it goes; the caller's actions below. */
export function OrderDrawer({ order, onClose, actions }: { order: Order | null; onClose: () => void; actions?: ReactNode }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const names = useDivisionNames();
  return (
    <Drawer
      title={
        <Flex align="center" gap={8}>
          {t('order.detail')} {order && <OrderStatusTag status={order.status} />}
        </Flex>
      }
      open={!!order}
      onClose={onClose}
      size={screens.md ? 560 : '100%'}
      footer={actions}
    >
      {order && (
        <Flex vertical gap={12}>
          <OrderTimeline order={order} compact />
          <Card size="small" title={t('order.section.items')}>
            <OrderItems order={order} />
          </Card>
          <Card size="small" title={t('order.section.facts')}>
            <OrderFacts order={order} place={names.place} />
          </Card>
        </Flex>
      )}
    </Drawer>
  );
}
