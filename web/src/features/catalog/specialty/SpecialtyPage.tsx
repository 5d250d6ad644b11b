import { useMemo } from 'react';
import { App, Card, Empty, Flex, Input, Segmented, Switch, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useManagedProducts, useSetSpecialty, type Product } from '../../../api/catalog.js';
import { useAllSellers } from '../../../api/parties.js';
import { formatFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { useUrlParams } from '../../../app/useUrlParams.js';
import { BrandBadge, PavilionTags, usePavilionName } from '../../shop/shared/productBadges.js';
import { ProductStatusBadge } from '../shared/catalogLabels.js';
import { useCategoryOptions } from '../shared/useCategoryOptions.js';

const KEYS = ['q', 'show'] as const;

/** 特色馆 curation: search every product, and put it in or take it out of the county's specialty pavilion. */
export function SpecialtyPage() {
  const t = useT();
  const pavilion = usePavilionName();
  const [params, setParams] = useUrlParams(KEYS);
  const products = useManagedProducts();
  const setSpecialty = useSetSpecialty();
  const categories = useCategoryOptions();
  // A product's seller that may not sell now (suspended) has no name on the product: the register names it.
  const sellers = useAllSellers();
  const sellerName = (p: Product) => p.sellerName ?? sellers.data?.find((s) => s.id === p.sellerId)?.name ?? '—';
  const { message } = App.useApp();
  const inOnly = params.show === 'in';

  const rows = useMemo(() => {
    const q = params.q?.toLowerCase();
    return (products.data ?? []).filter((p) => (!inOnly || p.pavilions.includes('specialty')) && (!q || p.name.toLowerCase().includes(q) || (p.sellerName ?? '').toLowerCase().includes(q)));
  }, [products.data, params.q, inOnly]);
  const inCount = (products.data ?? []).filter((p) => p.pavilions.includes('specialty')).length;

  const toggle = (p: Product, inPavilion: boolean) =>
    setSpecialty.mutate(
      { productId: p.id, inPavilion },
      {
        onSuccess: () => void message.success(t(inPavilion ? 'specialty.added' : 'specialty.removed', { name: p.name, pavilion: pavilion('specialty') })),
        onError: (error) => void message.error(errorText(error, t)),
      },
    );

  const columns: TableColumnsType<Product> = [
    {
      key: 'name',
      title: t('product.field.name'),
      width: 260,
      render: (_: unknown, p) => (
        <Flex vertical gap={4} align="flex-start">
          <Typography.Text strong>{p.name}</Typography.Text>
          <Flex wrap gap={4}>
            <BrandBadge brand={p.brand} />
            <PavilionTags pavilions={p.pavilions} />
          </Flex>
        </Flex>
      ),
    },
    { key: 'seller', title: t('product.field.seller'), dataIndex: 'sellerName', width: 220, render: (_: string | null, p) => sellerName(p) },
    { key: 'category', title: t('product.field.category'), dataIndex: 'categoryId', width: 100, render: (id: string) => categories.name(id) },
    { key: 'price', title: t('specialty.col.price'), dataIndex: 'minPriceFen', width: 100, render: (fen: number | null) => formatFen(fen) },
    { key: 'status', title: t('sellers.col.status'), width: 110, render: (_: unknown, p) => <ProductStatusBadge product={p} /> },
    {
      key: 'in',
      title: pavilion('specialty'),
      fixed: 'right',
      width: 120,
      render: (_: unknown, p) => (
        <Switch
          checked={p.pavilions.includes('specialty')}
          loading={setSpecialty.isPending && setSpecialty.variables?.productId === p.id}
          onChange={(checked) => toggle(p, checked)}
          checkedChildren={t('specialty.in')}
          unCheckedChildren={t('specialty.out')}
          data-testid="specialty-switch"
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader title={pavilion('specialty')} subtitle={t('specialty.subtitle')} crumbs={[{ title: t('shell.menu.market') }, { title: t('shell.menu.specialty') }]} />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Segmented
            value={inOnly ? 'in' : 'all'}
            onChange={(v) => setParams({ ...params, show: v === 'in' ? 'in' : undefined })}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'in', label: t('specialty.inOnly', { count: inCount }) },
            ]}
          />
          <Input.Search key={params.q ?? ''} allowClear style={{ width: 280 }} maxLength={60} defaultValue={params.q} placeholder={t('products.filter.q')} onSearch={(q) => setParams({ ...params, q: q.trim() || undefined })} data-testid="specialty-search" />
        </Flex>
        {products.isError ? (
          <LoadError error={products.error} onRetry={() => void products.refetch()} />
        ) : (
          <Table
            data-testid="specialty-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={products.isFetching}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => t('common.total', { count: total }) }}
            scroll={{ x: 910 }}
            locale={{ emptyText: products.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('products.empty')} /> }}
          />
        )}
      </Card>
    </>
  );
}
