import { Card, Flex, Typography } from 'antd';
import type { Product } from '../../../api/catalog.js';
import type { Translate } from '../../../app/locale/LocaleContext.js';
import { ProductStatusBadge } from '../shared/catalogLabels.js';
import { ProductActions, type ProductTask } from './ProductActions.js';
import { ProductCerts, ProductTags, SkuLines } from './productColumns.js';

const THUMB = 64;

/** One product on a phone: photo, name and status, each SKU's price and stock, certificates, and every action. */
export function ProductCard({ product: p, t, category, showSeller, onTask }: { product: Product; t: Translate; category: (id: string) => string; showSeller: boolean; onTask: (task: ProductTask, product: Product) => void }) {
  const photo = p.photos[0];
  return (
    <Card size="small" data-testid="managed-product-card" styles={{ body: { padding: 12 } }}>
      <Flex gap={12} align="flex-start">
        {photo ? (
          <img src={photo.thumbUrl} alt="" width={THUMB} height={THUMB} loading="lazy" style={{ objectFit: 'cover', borderRadius: 6, flex: 'none' }} />
        ) : (
          <div style={{ width: THUMB, height: THUMB, borderRadius: 6, background: '#f5f5f5', flex: 'none' }} />
        )}
        <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Flex justify="space-between" align="flex-start" gap={8}>
            <Typography.Text strong data-testid="managed-product-name" style={{ fontSize: 15 }}>
              {p.name}
            </Typography.Text>
            <span style={{ flex: 'none' }}>
              <ProductStatusBadge product={p} />
            </span>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[category(p.categoryId), showSeller ? p.sellerName : null].filter(Boolean).join(' · ')}
          </Typography.Text>
          <ProductTags product={p} onTask={onTask} />
        </Flex>
      </Flex>
      <Flex vertical gap={2} style={{ marginTop: 8 }}>
        <SkuLines product={p} t={t} />
      </Flex>
      {p.certifications.length > 0 && (
        <div style={{ marginTop: 8 }}>
          <ProductCerts product={p} />
        </div>
      )}
      <div style={{ marginTop: 10 }}>
        <ProductActions product={p} onTask={onTask} spread />
      </div>
    </Card>
  );
}
