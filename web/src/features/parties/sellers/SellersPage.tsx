import { useMemo, useState } from 'react';
import { Button, Card, Empty, Flex, Grid, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useDivisionNames } from '../../../api/network.js';
import { SELLER_KINDS, SELLER_STATUSES, useSellers, type SellerKind, type SellerStatus } from '../../../api/parties.js';
import { mayApplySeller, maySeeAllSellers } from '../../../app/access.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { SellerApplyDrawer } from '../seller-apply/SellerApplyDrawer.js';
import { SellerCard } from './SellerCard.js';
import { sellerColumns } from './sellerColumns.js';
import { SellerFilters } from './SellerFilters.js';

const KEYS = ['status', 'kind', 'q'] as const;
const ALL = 'all';
const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined => (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/**
 * Sellers by status (tabs), kind and name. The county office and regulators see every seller; merchants and
 * village operators their own applications, and apply here.
 */
export function SellersPage() {
  const t = useT();
  const user = useUser();
  const [params, setParams] = useUrlParams(KEYS);
  const status = oneOf<SellerStatus>(SELLER_STATUSES, params.status);
  const kind = oneOf<SellerKind>(SELLER_KINDS, params.kind);
  const sellers = useSellers({ status, kind, q: params.q });
  const names = useDivisionNames();
  const columns = useMemo(() => sellerColumns(t, names.place), [t, names]);
  const rows = sellers.data?.pages.flatMap((p) => p.items) ?? [];
  const all = maySeeAllSellers(user);
  const mayApply = mayApplySeller(user);
  const [applying, setApplying] = useState(false);
  const filtered = !!(status || kind || params.q);
  // On a phone the table shows only the names: one card per seller instead.
  const phone = !Grid.useBreakpoint().md;

  const applyButton = mayApply && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)} data-testid="apply-seller">
      {t('seller.apply.button')}
    </Button>
  );
  const empty = sellers.isPending ? (
    ' '
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={all || filtered ? t('sellers.empty') : t('sellers.emptyOwn')} />
  );

  return (
    <>
      <PageHeader
        title={t('sellers.title')}
        subtitle={all ? t('sellers.subtitle') : t('sellers.subtitleOwn')}
        crumbs={[{ title: t('shell.menu.parties') }, { title: t('sellers.title') }]}
        extra={applyButton}
      />
      <Card
        data-testid="seller-tabs"
        tabList={[{ key: ALL, label: t('common.all') }, ...SELLER_STATUSES.map((s) => ({ key: s, label: t(`sellerStatus.${s}`) }))]}
        activeTabKey={status ?? ALL}
        onTabChange={(key) => setParams({ ...params, status: key === ALL ? undefined : key })}
      >
        <SellerFilters kind={kind} q={params.q} onChange={(next) => setParams({ status, ...next })} />
        {sellers.isError ? (
          <LoadError error={sellers.error} onRetry={() => void sellers.refetch()} />
        ) : (
          <>
            {phone ? (
              <Flex vertical gap={10} data-testid="sellers-cards">
                {rows.length === 0 ? empty : rows.map((s) => <SellerCard key={s.id} seller={s} place={names.place} />)}
              </Flex>
            ) : (
            <Table
              data-testid="sellers-table"
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={rows}
              loading={sellers.isFetching && !sellers.isFetchingNextPage}
              pagination={false}
              scroll={{ x: 1270 }}
              locale={{ emptyText: empty }}
            />
            )}
            <LoadMore query={sellers} />
          </>
        )}
      </Card>
      {mayApply && <SellerApplyDrawer open={applying} onClose={() => setApplying(false)} />}
    </>
  );
}
