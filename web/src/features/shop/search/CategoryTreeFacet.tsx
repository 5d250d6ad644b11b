import { Flex, Tag, Typography } from 'antd';
import type { CategoryFacetValue } from '../../../api/catalog.js';
import { categoryTree, type CategoryNode } from '../shared/categoryTree.js';

type CategoryFacet = CategoryFacetValue;

interface Props {
  title: string;
  values: CategoryFacet[];
  selected?: string;
  onSelect: (value: string | undefined) => void;
}

/** 品类 as a tree: each top category with its count, and under it its own categories, indented. */
export function CategoryTreeFacet({ title, values, selected, onSelect }: Props) {
  if (values.length === 0) return null;
  const tree = categoryTree(values.map((v) => ({ ...v, id: v.value })));
  const tag = (node: CategoryNode<CategoryFacet & { id: string }>) => (
    <Tag.CheckableTag
      key={node.category.id}
      checked={selected === node.category.id}
      onChange={(checked) => onSelect(checked ? node.category.id : undefined)}
      style={{ border: '1px solid #d9d9d9', marginInlineEnd: 0, padding: '2px 10px' }}
      data-testid="facet-value"
    >
      {node.category.label}
      <span style={{ opacity: 0.6, marginInlineStart: 4 }}>{node.category.count}</span>
    </Tag.CheckableTag>
  );
  return (
    <div style={{ marginBottom: 16 }} data-testid="facet-category">
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        {title}
      </Typography.Text>
      <Flex vertical gap={8}>
        {tree.map((top) => (
          <div key={top.category.id}>
            {tag(top)}
            {top.children.length > 0 && (
              <Flex wrap gap={6} style={{ margin: '6px 0 0 14px', paddingInlineStart: 10, borderInlineStart: '2px solid #f0f0f0' }} data-testid="facet-children">
                {top.children.map(tag)}
              </Flex>
            )}
          </div>
        ))}
      </Flex>
    </div>
  );
}
