import { Badge, Tooltip } from 'antd';
import type { Product, ProductStatus } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';

const STATUS_BADGE: Record<ProductStatus, 'default' | 'success' | 'warning'> = { draft: 'default', listed: 'success', unlisted: 'warning' };

/** 草稿 / 已上架 / 已下架; a listed product whose seller may not sell (suspended) says it is not in the shop. */
export function ProductStatusBadge({ product }: { product: Pick<Product, 'status' | 'onSale'> }) {
  const t = useT();
  const badge = <Badge status={STATUS_BADGE[product.status]} text={t(`productStatus.${product.status}`)} data-testid="product-status" />;
  if (product.status !== 'listed' || product.onSale) return badge;
  return (
    <Tooltip title={t('products.notOnSaleHint')}>
      <Badge status="error" text={t('products.notOnSale')} />
    </Tooltip>
  );
}
