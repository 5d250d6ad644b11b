import { Flex, Tag, Typography } from 'antd';
import type { FacetValue } from '../../../api/catalog.js';

interface Props {
  title: string;
  values: FacetValue[];
  selected?: string;
  label?: (value: FacetValue) => string;
  onSelect: (value: string | undefined) => void;
  testId: string;
}

/** One facet: its values with how many products each has; choosing the chosen one again clears it. */
export function FacetGroup({ title, values, selected, label, onSelect, testId }: Props) {
  if (values.length === 0) return null;
  return (
    <div style={{ marginBottom: 16 }} data-testid={testId}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        {title}
      </Typography.Text>
      <Flex wrap gap={6}>
        {values.map((v) => (
          <Tag.CheckableTag
            key={v.value}
            checked={selected === v.value}
            onChange={(checked) => onSelect(checked ? v.value : undefined)}
            style={{ border: '1px solid #d9d9d9', marginInlineEnd: 0, padding: '2px 10px' }}
            data-testid="facet-value"
          >
            {label ? label(v) : v.label}
            <span style={{ opacity: 0.6, marginInlineStart: 4 }}>{v.count}</span>
          </Tag.CheckableTag>
        ))}
      </Flex>
    </div>
  );
}
