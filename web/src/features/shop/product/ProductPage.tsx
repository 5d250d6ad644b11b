import { Button, Card, Col, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/http.js';
import { useProduct } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { SoldCount } from '../shared/SoldCount.js';
import { BrandBadge, CertBadges, PavilionTags } from '../shared/productBadges.js';
import { BuyBox } from './BuyBox.js';
import { CertificationList } from './CertificationList.js';
import { PhotoGallery } from './PhotoGallery.js';
import { SellerBlock } from './SellerBlock.js';

/** One product on sale: picture, name, badges, specifications and quantity, seller, certificates, description. */
export function ProductPage() {
  const { id = '' } = useParams();
  const t = useT();
  const product = useProduct(id);

  if (product.isError) {
    if (product.error instanceof ApiError && product.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('shop.product.goneTitle')}
          subTitle={t('shop.product.gone')}
          extra={
            <Link to="/shop">
              <Button type="primary">{t('shop.backToShop')}</Button>
            </Link>
          }
        />
      );
    }
    return <LoadError error={product.error} onRetry={() => void product.refetch()} />;
  }
  if (!product.data) return <Skeleton active paragraph={{ rows: 10 }} />;

  const p = product.data;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={10}>
        <Card styles={{ body: { padding: 0 } }} style={{ overflow: 'hidden' }}>
          <PhotoGallery product={p}>
            {p.brand && (
              <div style={{ position: 'absolute', top: 10, left: 10 }}>
                <BrandBadge brand={p.brand} />
              </div>
            )}
          </PhotoGallery>
        </Card>
      </Col>
      <Col xs={24} md={14}>
        <Card>
          <Flex vertical gap={10}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="product-title">
              {p.name}
            </Typography.Title>
            {p.subtitle && <Typography.Text type="secondary">{p.subtitle}</Typography.Text>}
            <SoldCount units={p.unitsSold} />
            <Flex wrap gap={6}>
              <BrandBadge brand={p.brand} />
              <PavilionTags pavilions={p.pavilions} />
              <CertBadges certifications={p.certifications} />
            </Flex>
            <BuyBox product={p} />
          </Flex>
        </Card>
      </Col>
      <Col xs={24} md={10}>
        <Flex vertical gap={16}>
          <SellerBlock product={p} />
          <CertificationList certifications={p.certifications} />
        </Flex>
      </Col>
      <Col xs={24} md={14}>
        <Card size="small" title={t('shop.product.description')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.description || t('shop.product.noDescription')}</Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}
