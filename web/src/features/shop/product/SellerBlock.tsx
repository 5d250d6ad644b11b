import { Alert, Card, Descriptions } from 'antd';
import { HeartOutlined } from '@ant-design/icons';
import type { Product } from '../../../api/catalog.js';
import { useSellerProfile } from '../../../api/parties.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { usePlaceNames } from '../shared/usePlaceNames.js';

/** Who sells it and where it grows; for the poverty pavilion, that each sale credits registered poor households. */
export function SellerBlock({ product }: { product: Product }) {
  const t = useT();
  const places = usePlaceNames();
  const profile = useSellerProfile(product.sellerId);
  return (
    <Card size="small" title={t('shop.product.seller')}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'seller', label: t('shop.product.sellerName'), children: <span data-testid="product-seller">{product.sellerName ?? profile.data?.name ?? '—'}</span> },
          ...(profile.data ? [{ key: 'kind', label: t('shop.product.sellerKind'), children: t(`sellerKind.${profile.data.kind}`) }] : []),
          { key: 'origin', label: t('shop.product.origin'), children: places.place(product.originCode) ?? product.originCode },
        ]}
      />
      {product.pavilions.includes('poverty') && (
        <Alert type="warning" showIcon icon={<HeartOutlined />} style={{ marginTop: 8 }} title={t('shop.product.povertyNote')} data-testid="poverty-note" />
      )}
    </Card>
  );
}
