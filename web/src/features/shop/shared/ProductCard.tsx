import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Photo, Product } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { Price } from './Price.js';
import { ProductArt } from './ProductArt.js';
import { BrandBadge, PavilionTags } from './productBadges.js';
import { SoldCount } from './SoldCount.js';

/** The list's copy of a photo is at most 400 px a side, in the large one's proportions. */
export const thumbSize = (photo: Photo) => {
  const scale = Math.min(1, 400 / Math.max(photo.width, photo.height, 1));
  return { width: Math.round(photo.width * scale), height: Math.round(photo.height * scale) };
};

/** A product in a grid: picture, name, brand and pavilions, lowest price and units sold, seller. */
export function ProductCard({ product }: { product: Product }) {
  const t = useT();
  const photo = product.photos[0];
  return (
    <Link to={`/shop/products/${product.id}`} data-testid="product-card" style={{ display: 'block', height: '100%' }}>
      <Card
        hoverable
        size="small"
        style={{ height: '100%', overflow: 'hidden' }}
        styles={{ body: { padding: 10 } }}
        cover={<ProductArt categoryId={product.categoryId} photo={photo?.thumbUrl} photoSize={photo && thumbSize(photo)} />}
      >
        <Flex vertical gap={6}>
          <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ margin: 0, minHeight: 44, lineHeight: '22px' }} data-testid="product-name">
            {product.name}
          </Typography.Paragraph>
          {(product.brand || product.pavilions.length > 0) && (
            <Flex wrap gap={3}>
              <BrandBadge brand={product.brand} compact />
              <PavilionTags pavilions={product.pavilions} compact />
            </Flex>
          )}
          <Flex justify="space-between" align="baseline" gap={4} wrap>
            <span data-testid="card-price" data-fen={product.minPriceFen ?? ''}>
              <Price fen={product.minPriceFen} suffix={product.skus.length > 1 ? t('shop.priceFrom') : undefined} />
            </span>
            <SoldCount units={product.unitsSold} />
          </Flex>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {product.sellerName}
          </Typography.Text>
        </Flex>
      </Card>
    </Link>
  );
}
