import { Card, Col, Row, Skeleton, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useBrands } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { SectionTitle } from './SectionTitle.js';

const COLORS = ['#237804', '#ad4e00', '#0958d9', '#531dab', '#c41d7f'];

/** The regional public brands (区域公共品牌); each opens the products that carry it. */
export function BrandStrip() {
  const t = useT();
  const brands = useBrands();
  if (brands.isError || (brands.data && brands.data.length === 0)) return null;
  return (
    <>
      <SectionTitle title={t('shop.home.brands')} />
      {!brands.data ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <Row gutter={[12, 12]}>
          {brands.data.map((b, i) => (
            <Col key={b.id} xs={24} sm={12} md={8}>
              <Link to={`/shop/search?brandId=${encodeURIComponent(b.id)}`} data-testid="brand-card">
                <Card hoverable size="small" style={{ height: '100%', borderInlineStart: `4px solid ${COLORS[i % COLORS.length]}` }}>
                  <Typography.Text strong style={{ fontSize: 16, color: COLORS[i % COLORS.length] }}>
                    {b.name}
                  </Typography.Text>
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0', fontSize: 13 }}>
                    {b.description || t('shop.home.brandFallback')}
                  </Typography.Paragraph>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
