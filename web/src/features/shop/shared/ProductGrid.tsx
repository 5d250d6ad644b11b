import { Col, Row } from 'antd';
import type { Product } from '../../../api/catalog.js';
import { ProductCard } from './ProductCard.js';

/** Two across on a phone, up to five on a wide screen. */
export function ProductGrid({ products, wide = false }: { products: Product[]; wide?: boolean }) {
  return (
    <Row gutter={[12, 12]}>
      {products.map((p) => (
        <Col key={p.id} xs={12} sm={8} md={wide ? 6 : 8} lg={wide ? 4 : 6} xl={wide ? 4 : 6} xxl={wide ? 4 : 6}>
          <ProductCard product={p} />
        </Col>
      ))}
    </Row>
  );
}
