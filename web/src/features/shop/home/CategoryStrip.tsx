import { Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useCategories } from '../../../api/catalog.js';
import { ProductArt } from '../shared/ProductArt.js';

/** The top categories as round pictures, scrolling sideways on a phone. */
export function CategoryStrip() {
  const categories = useCategories();
  const top = (categories.data ?? []).filter((c) => !c.parentId);
  if (top.length === 0) return null;
  return (
    <Flex gap={14} style={{ overflowX: 'auto', padding: '16px 2px 4px' }}>
      {top.map((c) => (
        <Link key={c.id} to={`/shop/search?categoryId=${encodeURIComponent(c.id)}`} style={{ flex: 'none' }} data-testid="category-link">
          <Flex vertical align="center" gap={6} style={{ width: 64 }}>
            <ProductArt categoryId={c.id} style={{ width: 56, borderRadius: '50%', boxShadow: '0 1px 4px rgba(0,0,0,0.08)' }} />
            <Typography.Text style={{ fontSize: 12 }} ellipsis>
              {c.name}
            </Typography.Text>
          </Flex>
        </Link>
      ))}
    </Flex>
  );
}
