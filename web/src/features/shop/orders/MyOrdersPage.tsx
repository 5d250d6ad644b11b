import { Card, Empty, Flex, Segmented, Skeleton } from 'antd';
import { useOrders, type OrderStatus } from '../../../api/orders.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { OrderCard } from './OrderCard.js';
import { RecallNotices } from './RecallNotices.js';

const TABS = ['all', 'pending_payment', 'paid', 'shipped', 'delivered', 'completed'] as const;
const KEYS = ['status'] as const;

/** 我的订单: the buyer's orders, newest first, by status. */
export function MyOrdersPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(KEYS);
  const tab = (TABS as readonly string[]).includes(params.status ?? '') ? (params.status as (typeof TABS)[number]) : 'all';
  const orders = useOrders({ as: 'buyer', status: tab === 'all' ? undefined : (tab as OrderStatus) });
  const list = orders.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('shop.myOrders')} />
      <RecallNotices />
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented
          value={tab}
          onChange={(next) => setParams({ status: next === 'all' ? undefined : next })}
          options={TABS.map((s) => ({ value: s, label: s === 'all' ? t('common.all') : t(`orderStatus.${s}`) }))}
          data-testid="order-tabs"
        />
      </div>
      {orders.isError ? (
        <LoadError error={orders.error} onRetry={() => void orders.refetch()} />
      ) : !orders.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : list.length === 0 ? (
        <Card>
          <Empty description={t('shop.orders.empty')} />
        </Card>
      ) : (
        <Flex vertical gap={12}>
          {list.map((o) => (
            <OrderCard key={o.id} order={o} />
          ))}
          <LoadMore query={orders} />
        </Flex>
      )}
    </>
  );
}
