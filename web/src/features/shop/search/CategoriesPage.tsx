import { useState } from 'react';
import { Card, Empty, Flex, Skeleton, Typography, theme } from 'antd';
import { Link } from 'react-router-dom';
import { useCategories, useProductSearch, type Category } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { categoryTree, type CategoryNode } from '../shared/categoryTree.js';
import { ProductArt } from '../shared/ProductArt.js';
import { SearchBar } from '../shared/SearchBar.js';

const EVERYTHING = {};

/** 分类: the top categories down the side, the chosen one's own categories as pictures with how many are on sale. */
export function CategoriesPage() {
  const t = useT();
  const { token } = theme.useToken();
  const categories = useCategories();
  // One result is enough: the facets count every category's products on sale, its children's included.
  const counts = useProductSearch(EVERYTHING, 1);
  const [chosen, setChosen] = useState<string>();

  if (categories.isError) return <LoadError error={categories.error} onRetry={() => void categories.refetch()} />;
  if (!categories.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const tree = categoryTree(categories.data);
  if (tree.length === 0) return <Empty description={t('shop.categories.empty')} />;
  const countOf = new Map((counts.data?.pages[0]?.facets.category ?? []).map((f) => [f.value, f.count]));
  const top = tree.find((n) => n.category.id === chosen) ?? tree[0];

  const tile = (node: CategoryNode<Category>, label: string) => (
    <Link key={`${node.category.id}-${label}`} to={`/shop/search?categoryId=${encodeURIComponent(node.category.id)}`} data-testid="category-tile" style={{ width: 92 }}>
      <Flex vertical align="center" gap={6}>
        <ProductArt categoryId={node.category.id} style={{ width: 72, borderRadius: 12 }} />
        <Typography.Text style={{ fontSize: 13, maxWidth: 92, textAlign: 'center' }} ellipsis>
          {label}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 11 }}>
          {t('shop.categories.count', { count: countOf.get(node.category.id) ?? 0 })}
        </Typography.Text>
      </Flex>
    </Link>
  );

  return (
    <>
      <SearchBar size="middle" />
      <Card style={{ marginTop: 12 }} styles={{ body: { padding: 0 } }}>
        <Flex style={{ minHeight: 360 }}>
          <nav aria-label={t('shop.categories.title')} style={{ flex: 'none', width: 96, background: '#fafafa', borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }} data-testid="category-rail">
            {tree.map((node) => {
              const active = node === top;
              return (
                <button
                  key={node.category.id}
                  type="button"
                  aria-current={active ? 'true' : undefined}
                  onClick={() => setChosen(node.category.id)}
                  data-testid="category-top"
                  style={{
                    display: 'block',
                    width: '100%',
                    padding: '14px 8px',
                    border: 0,
                    borderInlineStart: `3px solid ${active ? token.colorPrimary : 'transparent'}`,
                    background: active ? '#fff' : 'transparent',
                    color: active ? token.colorPrimary : token.colorText,
                    fontWeight: active ? 600 : 400,
                    fontSize: 14,
                    cursor: 'pointer',
                  }}
                >
                  {node.category.name}
                </button>
              );
            })}
          </nav>
          <div style={{ flex: 1, minWidth: 0, padding: 16 }}>
            <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="category-heading">
              {top.category.name}
            </Typography.Title>
            <Flex wrap gap={16}>
              {tile(top, t('shop.categories.all', { name: top.category.name }))}
              {top.children.map((child) => tile(child, child.category.name))}
            </Flex>
            {top.children.some((c) => c.children.length > 0) &&
              top.children
                .filter((c) => c.children.length > 0)
                .map((c) => (
                  <div key={c.category.id} style={{ marginTop: 20 }}>
                    <Typography.Text strong>{c.category.name}</Typography.Text>
                    <Flex wrap gap={16} style={{ marginTop: 10 }}>
                      {c.children.map((grandchild) => tile(grandchild, grandchild.category.name))}
                    </Flex>
                  </div>
                ))}
          </div>
        </Flex>
      </Card>
    </>
  );
}
