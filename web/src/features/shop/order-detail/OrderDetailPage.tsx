import { Button, Card, Flex, Result, Skeleton } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/http.js';
import { useOrder } from '../../../api/orders.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { OrderFacts } from '../../orders/shared/OrderFacts.js';
import { OrderItems } from '../../orders/shared/OrderItems.js';
import { OrderStatusTag } from '../../orders/shared/orderLabels.js';
import { OrderTimeline } from '../../orders/shared/OrderTimeline.js';
import { BuyerActions } from '../orders/BuyerActions.js';
import { PickupQr } from './PickupQr.js';
import { usePlaceNames } from '../shared/usePlaceNames.js';

/** One of my orders: where it stands, what it holds, where it goes, and what I may do. */
export function OrderDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const order = useOrder(id);
  const places = usePlaceNames();

  if (order.isError) {
    if (order.error instanceof ApiError && order.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('order.notFoundTitle')}
          subTitle={t('order.notFound')}
          extra={
            <Link to="/shop/orders">
              <Button type="primary">{t('shop.myOrders')}</Button>
            </Link>
          }
        />
      );
    }
    return <LoadError error={order.error} onRetry={() => void order.refetch()} />;
  }
  if (!order.data) return <Skeleton active paragraph={{ rows: 10 }} />;

  const o = order.data;
  return (
    <>
      <PageHeader
        crumbs={[{ title: t('shop.myOrders'), to: '/shop/orders' }, { title: t('order.detail') }]}
        title={
          <Flex align="center" gap={8}>
            {t('order.detail')} <OrderStatusTag status={o.status} />
          </Flex>
        }
      />
      <Flex vertical gap={12}>
        <PickupQr order={o} />
        <Card size="small">
          <div style={{ overflowX: 'auto' }}>
            <OrderTimeline order={o} />
          </div>
        </Card>
        <Card size="small" title={t('order.section.items')}>
          <OrderItems order={o} linkProducts />
        </Card>
        <Card size="small" title={t('order.section.facts')}>
          <OrderFacts order={o} place={places.place} />
        </Card>
        <BuyerActions order={o} />
      </Flex>
    </>
  );
}
