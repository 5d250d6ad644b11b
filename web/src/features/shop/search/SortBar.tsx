import type { ReactNode } from 'react';
import { Flex, theme } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useT } from '../../../app/locale/LocaleContext.js';
import type { Sort } from './searchParams.js';

/** 综合 · 销量 · 价格 ↑↓ · 新品: a row of choices; pressing 价格 again turns its direction. */
export function SortBar({ sort, onChange }: { sort: Sort; onChange: (sort: Sort) => void }) {
  const t = useT();
  const { token } = theme.useToken();
  const byPrice = sort === 'price_asc' || sort === 'price_desc';
  const choices: { key: string; label: string; sort: Sort; active: boolean; arrow?: ReactNode; title?: string }[] = [
    { key: 'relevance', label: t('shop.sort.relevance'), sort: 'relevance', active: sort === 'relevance' },
    { key: 'sales', label: t('shop.sort.sales'), sort: 'sales', active: sort === 'sales' },
    {
      key: 'price',
      label: t('shop.sort.price'),
      sort: sort === 'price_asc' ? 'price_desc' : 'price_asc',
      active: byPrice,
      arrow: sort === 'price_desc' ? <ArrowDownOutlined /> : <ArrowUpOutlined style={{ opacity: byPrice ? 1 : 0.45 }} />,
      title: byPrice ? t(`shop.sort.${sort}`) : t('shop.sort.price_asc'),
    },
    { key: 'newest', label: t('shop.sort.newest'), sort: 'newest', active: sort === 'newest' },
  ];
  return (
    <Flex role="radiogroup" aria-label={t('shop.sort.label')} style={{ background: '#fff', borderRadius: 8, border: `1px solid ${token.colorBorderSecondary}` }} data-testid="sort-bar">
      {choices.map((c) => (
        <button
          key={c.key}
          type="button"
          role="radio"
          aria-checked={c.active}
          title={c.title}
          onClick={() => onChange(c.sort)}
          data-testid={`sort-${c.key}`}
          data-sort={c.active ? sort : undefined}
          style={{
            flex: 1,
            minWidth: 0,
            height: 38,
            border: 0,
            background: 'transparent',
            cursor: 'pointer',
            fontSize: 14,
            fontWeight: c.active ? 600 : 400,
            color: c.active ? token.colorPrimary : token.colorText,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            gap: 2,
          }}
        >
          {c.label}
          {c.arrow && <span style={{ fontSize: 11 }}>{c.arrow}</span>}
        </button>
      ))}
    </Flex>
  );
}
