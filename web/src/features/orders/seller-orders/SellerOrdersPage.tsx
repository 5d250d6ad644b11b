import { useMemo, useState } from 'react';
import { Card, Empty, Flex, Grid, Segmented, Table } from 'antd';
import { ORDER_STATUSES, useOrders, type Order, type OrderStatus } from '../../../api/orders.js';
import { useDivisionNames } from '../../../api/network.js';
import { useApprovedSellers } from '../../../api/parties.js';
import { isCountyAdmin } from '../../../app/access.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { OrderDrawer } from '../shared/OrderDrawer.js';
import { SellerOrderActions } from './SellerOrderActions.js';
import { SellerOrderCard } from './SellerOrderCard.js';
import { sellerOrderColumns } from './sellerOrderColumns.js';

const ALL = 'all';
const KEYS = ['status', 'scope'] as const;
const oneOf = (value: string | undefined) => ((ORDER_STATUSES as readonly string[]).includes(value ?? '') ? (value as OrderStatus) : undefined);

/**
 * 订单管理: the orders of the sellers one manages, by status, to ship (carrier and waybill) and record as delivered.
 * The county office may switch to every order in the county. On a phone the orders are cards.
 */
export function SellerOrdersPage() {
  const t = useT();
  const user = useUser();
  const county = isCountyAdmin(user);
  const [params, setParams] = useUrlParams(KEYS);
  const status = oneOf(params.status);
  const all = county && params.scope === 'county';
  const orders = useOrders({ as: all ? 'county' : 'seller', status });
  const names = useDivisionNames();
  const [openId, setOpenId] = useState<string | null>(null);
  const rows = orders.data?.pages.flatMap((p) => p.items) ?? [];
  const opened = rows.find((o) => o.id === openId) ?? null;
  // A merchant with one seller needs no seller column; the county office and village points (for farmers) do.
  const sellers = useApprovedSellers();
  const showSeller = all || (sellers.data?.length ?? 0) > 1;
  const phone = !Grid.useBreakpoint().md;
  const columns = useMemo(() => sellerOrderColumns(t, (o: Order) => setOpenId(o.id), names.place, showSeller), [t, names, showSeller]);

  return (
    <>
      <PageHeader
        title={t('sellerOrders.title')}
        subtitle={t('sellerOrders.subtitle')}
        crumbs={[{ title: t('shell.menu.sales') }, { title: t('sellerOrders.title') }]}
        extra={
          county && (
            <Segmented
              value={all ? 'county' : 'mine'}
              onChange={(v) => setParams({ status, scope: v === 'county' ? 'county' : undefined })}
              options={[
                { value: 'mine', label: t('sellerOrders.scope.mine') },
                { value: 'county', label: t('sellerOrders.scope.county') },
              ]}
            />
          )
        }
      />
      <Card
        data-testid="order-tabs"
        tabList={[{ key: ALL, label: t('common.all') }, ...(['paid', 'confirmed', 'pending_payment', 'shipped', 'delivered', 'return_requested', 'completed', 'returned', 'cancelled', 'refunded'] as const).map((s) => ({ key: s, label: t(`orderStatus.${s}`) }))]}
        activeTabKey={status ?? ALL}
        onTabChange={(key) => setParams({ ...params, status: key === ALL ? undefined : key })}
      >
        {orders.isError ? (
          <LoadError error={orders.error} onRetry={() => void orders.refetch()} />
        ) : phone ? (
          <Flex vertical gap={8} data-testid="seller-orders">
            {rows.length === 0 && !orders.isPending && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sellerOrders.empty')} />}
            {rows.map((o) => (
              <SellerOrderCard key={o.id} order={o} open={(x) => setOpenId(x.id)} place={names.place} showSeller={showSeller} />
            ))}
            <LoadMore query={orders} />
          </Flex>
        ) : (
          <>
            <Table
              data-testid="seller-orders"
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={rows}
              loading={orders.isFetching && !orders.isFetchingNextPage}
              pagination={false}
              scroll={{ x: showSeller ? 1320 : 1140 }}
              locale={{ emptyText: orders.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sellerOrders.empty')} /> }}
            />
            <LoadMore query={orders} />
          </>
        )}
      </Card>
      <OrderDrawer order={opened} onClose={() => setOpenId(null)} actions={opened && <SellerOrderActions order={opened} size="middle" />} />
    </>
  );
}
