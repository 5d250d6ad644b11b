import type { TableColumnsType } from 'antd';
import { Flex, Space, Typography } from 'antd';
import type { Product } from '../../../api/catalog.js';
import { formatFen } from '../../../app/format.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { BrandBadge, CertBadges, PavilionTags } from '../../shop/shared/productBadges.js';
import { ProductStatusBadge } from '../shared/catalogLabels.js';
import { MissingPhotoTag } from './MissingPhotoTag.js';
import { ProductActions, type ProductTask } from './ProductActions.js';

/** Product with its badges, category, seller, each SKU's price and what is left, certificates, status, actions. */
/** Each SKU: spec and unit, price, and what is left (red when none). */
export function SkuLines({ product, t }: { product: Product; t: Translate }) {
  return product.skus.map((s) => (
    <Flex key={s.id} justify="space-between" gap={8} style={{ fontSize: 13 }} data-testid="managed-sku">
      <span>
        {s.spec} / {s.unit} · {formatFen(s.priceFen)}
      </span>
      <Typography.Text type={s.available > 0 ? 'secondary' : 'danger'} style={{ fontSize: 13, whiteSpace: 'nowrap' }}>
        {t('products.availableShort', { count: s.available })}
      </Typography.Text>
    </Flex>
  ));
}

export function ProductCerts({ product }: { product: Product }) {
  return product.certifications.length ? (
    <Flex wrap gap={4}>
      <CertBadges certifications={product.certifications} />
    </Flex>
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );
}

/** `sellerName`: the seller by id, for a product whose seller may not sell now (the product then carries no name). */
export function productColumns(t: Translate, category: (id: string) => string, onTask: (task: ProductTask, product: Product) => void, showSeller: boolean, sellerName: (id: string) => string | undefined = () => undefined): TableColumnsType<Product> {
  return [
    {
      key: 'name',
      title: t('product.field.name'),
      fixed: 'left',
      width: 240,
      render: (_: unknown, p) => (
        <Flex vertical gap={4} align="flex-start">
          <Typography.Text strong data-testid="managed-product-name">
            {p.name}
          </Typography.Text>
          <ProductTags product={p} onTask={onTask} />
        </Flex>
      ),
    },
    { key: 'category', title: t('product.field.category'), dataIndex: 'categoryId', width: 100, render: (id: string) => category(id) },
    ...(showSeller ? [{ key: 'seller', title: t('product.field.seller'), dataIndex: 'sellerName', width: 200, render: (name: string | null, p: Product) => name ?? sellerName(p.sellerId) ?? '—' }] : []),
    {
      key: 'skus',
      title: t('products.col.skus'),
      width: 260,
      render: (_: unknown, p) => (
        <Flex vertical gap={2}>
          <SkuLines product={p} t={t} />
        </Flex>
      ),
    },
    { key: 'certs', title: t('products.col.certs'), width: 160, render: (_: unknown, p) => <ProductCerts product={p} /> },
    { key: 'status', title: t('sellers.col.status'), width: 110, render: (_: unknown, p) => <ProductStatusBadge product={p} /> },
    {
      key: 'actions',
      title: t('link.col.actions'),
      fixed: 'right',
      width: 200,
      render: (_: unknown, p) => (
        <Space>
          <ProductActions product={p} onTask={onTask} />
        </Space>
      ),
    },
  ];
}

/** A product's tags in the list and on its phone card: photo missing (opens its photos), brand, pavilions. */
export function ProductTags({ product, onTask }: { product: Product; onTask: (task: ProductTask, product: Product) => void }) {
  return (
    <Flex wrap gap={4}>
      <MissingPhotoTag product={product} onClick={() => onTask('photos', product)} />
      <BrandBadge brand={product.brand} />
      <PavilionTags pavilions={product.pavilions} />
    </Flex>
  );
}
