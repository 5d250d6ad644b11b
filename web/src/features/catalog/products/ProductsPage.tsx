import { useMemo, useState } from 'react';
import { Button, Card, Empty, Flex, Grid, Input, List, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PRODUCT_STATUSES, useManagedProducts, type Product, type ProductStatus } from '../../../api/catalog.js';
import { useApprovedSellers } from '../../../api/parties.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { useCategoryOptions } from '../shared/useCategoryOptions.js';
import { CertificationModal } from './CertificationModal.js';
import { PhotosModal } from './PhotosModal.js';
import { ProductCard } from './ProductCard.js';
import type { ProductTask } from './ProductActions.js';
import { productColumns } from './productColumns.js';
import { ProductDrawer } from './ProductDrawer.js';
import { StockModal } from './StockModal.js';

const ALL = 'all';
const KEYS = ['status', 'sellerId', 'q'] as const;

/**
 * 商品管理: the products of the sellers one manages (every product for the county office), by status, with each SKU's
 * price and what is left; add, edit, list / unlist, count stock, certify, add photos.
 */
export function ProductsPage() {
  const t = useT();
  const [params, setParams] = useUrlParams(KEYS);
  const status = (PRODUCT_STATUSES as readonly string[]).includes(params.status ?? '') ? (params.status as ProductStatus) : undefined;
  const sellers = useApprovedSellers();
  const sellerList = sellers.data ?? [];
  const products = useManagedProducts(params.sellerId);
  const categories = useCategoryOptions();
  const [task, setTask] = useState<{ task: ProductTask; product: Product | null } | null>(null);
  const onTask = (next: ProductTask, product: Product | null) => setTask({ task: next, product });
  const close = () => setTask(null);

  const rows = useMemo(() => {
    const q = params.q?.toLowerCase();
    return (products.data ?? []).filter((p) => (!status || p.status === status) && (!q || p.name.toLowerCase().includes(q) || (p.sellerName ?? '').toLowerCase().includes(q)));
  }, [products.data, status, params.q]);
  const showSeller = sellerList.length !== 1;
  const columns = useMemo(() => productColumns(t, categories.name, onTask, showSeller, (id) => sellerList.find((s) => s.id === id)?.name), [t, categories, showSeller, sellerList]);
  // On a phone a table cuts off price, stock and actions: one card per product instead.
  const phone = !Grid.useBreakpoint().md;
  const empty = products.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={sellerList.length === 0 && !sellers.isPending ? t('products.noSeller') : t('products.empty')} />;
  const counts = useMemo(() => {
    const c: Record<string, number> = { [ALL]: products.data?.length ?? 0 };
    for (const p of products.data ?? []) c[p.status] = (c[p.status] ?? 0) + 1;
    return c;
  }, [products.data]);

  return (
    <>
      <PageHeader
        title={t('products.title')}
        subtitle={t('products.subtitle')}
        crumbs={[{ title: t('shell.menu.sales') }, { title: t('products.title') }]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} disabled={sellerList.length === 0} onClick={() => onTask('edit', null)} data-testid="create-product">
            {t('products.create.button')}
          </Button>
        }
      />
      <Card
        tabList={[{ key: ALL, label: `${t('common.all')} ${counts[ALL]}` }, ...PRODUCT_STATUSES.map((s) => ({ key: s, label: `${t(`productStatus.${s}`)} ${counts[s] ?? 0}` }))]}
        activeTabKey={status ?? ALL}
        onTabChange={(key) => setParams({ ...params, status: key === ALL ? undefined : key })}
      >
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          {showSeller && (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: phone ? '100%' : 280 }}
              placeholder={t('products.filter.seller')}
              value={params.sellerId}
              loading={sellers.isPending}
              onChange={(sellerId?: string) => setParams({ ...params, sellerId })}
              options={sellerList.map((s) => ({ value: s.id, label: s.name }))}
            />
          )}
          <Input.Search key={params.q ?? ''} allowClear style={{ width: phone ? '100%' : 260 }} maxLength={60} defaultValue={params.q} placeholder={t('products.filter.q')} onSearch={(q) => setParams({ ...params, q: q.trim() || undefined })} />
        </Flex>
        {products.isError ? (
          <LoadError error={products.error} onRetry={() => void products.refetch()} />
        ) : phone ? (
          <List
            data-testid="products-cards"
            dataSource={rows}
            loading={products.isFetching}
            grid={{ gutter: 12, column: 1 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small', align: 'center' }}
            locale={{ emptyText: empty }}
            renderItem={(p) => (
              <List.Item style={{ marginBottom: 12 }}>
                <ProductCard product={p} t={t} category={categories.name} showSeller={showSeller} onTask={onTask} />
              </List.Item>
            )}
          />
        ) : (
          <Table
            data-testid="products-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={products.isFetching}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => t('common.total', { count: total }) }}
            scroll={{ x: showSeller ? 1270 : 1070 }}
            locale={{ emptyText: empty }}
          />
        )}
      </Card>
      <ProductDrawer product={task?.task === 'edit' ? task.product : null} sellers={sellerList} open={task?.task === 'edit'} onClose={close} />
      <StockModal product={task?.task === 'stock' ? task.product : null} open={task?.task === 'stock'} onClose={close} />
      {task?.product && task.task === 'cert' && <CertificationModal product={task.product} open onClose={close} />}
      {task?.product && task.task === 'photos' && <PhotosModal product={(products.data ?? []).find((p) => p.id === task.product!.id) ?? task.product} open onClose={close} />}
    </>
  );
}
