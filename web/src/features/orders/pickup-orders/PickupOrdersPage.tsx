import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Grid, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ApiError } from '../../../api/http.js';
import { useOrders } from '../../../api/orders.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { OrderLookup } from './OrderLookup.js';
import { PickupOrderCard } from './PickupOrderCard.js';
import { pickupColumns } from './pickupColumns.js';
import { useConfirmCash } from './useConfirmCash.js';
import { WalkInDrawer } from './WalkInDrawer.js';

const KEYS = ['tab'] as const;

/**
 * 代收订单: the orders whose buyers pay cash at this village point. Waiting ones first; 确认收款 once the cash is in
 * hand. An order is found by the number the buyer reads out or its QR code; 代下单 orders for a walk-in villager. On a
 * phone the list is cards.
 */
export function PickupOrdersPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(KEYS);
  const phone = !Grid.useBreakpoint().md;
  const [walkIn, setWalkIn] = useState(false);
  const waiting = params.tab !== 'all';
  const orders = useOrders({ as: 'pickup', status: waiting ? 'pending_payment' : undefined });
  const confirm = useConfirmCash();
  const columns = pickupColumns(t, confirm);
  const rows = orders.data?.pages.flatMap((p) => p.items) ?? [];
  // A server without the pickup list refuses it: the lookup by number still works.
  const noList = orders.error instanceof ApiError && (orders.error.status === 400 || orders.error.status === 403);

  return (
    <>
      <PageHeader
        title={t('pickup.title')}
        subtitle={t('pickup.subtitle')}
        crumbs={[{ title: t('shell.menu.network') }, { title: t('pickup.title') }]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setWalkIn(true)} data-testid="walk-in-open">
            {t('pickup.walkIn.button')}
          </Button>
        }
      />
      <WalkInDrawer open={walkIn} onClose={() => setWalkIn(false)} />
      <OrderLookup />
      {noList ? (
        <Alert type="info" showIcon title={t('pickup.noList')} />
      ) : (
        <Card
          tabList={[
            { key: 'waiting', label: t('pickup.tab.waiting') },
            { key: 'all', label: t('common.all') },
          ]}
          activeTabKey={waiting ? 'waiting' : 'all'}
          onTabChange={(key) => setParams({ tab: key === 'all' ? 'all' : undefined })}
        >
          {orders.isError ? (
            <LoadError error={orders.error} onRetry={() => void orders.refetch()} />
          ) : phone ? (
            <Flex vertical gap={8} data-testid="pickup-orders">
              {rows.length === 0 && !orders.isPending && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={waiting ? t('pickup.emptyWaiting') : t('pickup.empty')} />}
              {rows.map((o) => (
                <PickupOrderCard key={o.id} order={o} confirm={confirm} />
              ))}
              <LoadMore query={orders} />
            </Flex>
          ) : (
            <>
              <Table
                data-testid="pickup-orders"
                rowKey="id"
                size="middle"
                columns={columns}
                dataSource={rows}
                loading={orders.isFetching && !orders.isFetchingNextPage}
                pagination={false}
                scroll={{ x: 1000 }}
                locale={{ emptyText: orders.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={waiting ? t('pickup.emptyWaiting') : t('pickup.empty')} /> }}
              />
              <LoadMore query={orders} />
            </>
          )}
        </Card>
      )}
    </>
  );
}
