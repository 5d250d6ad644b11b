import { Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../app/locale/LocaleContext.js';

/** Words in Chinese (花椒, 鲁甸核桃): a search over everything on sale, or within the filters given. */
export function SearchBar({ q, onSearch, size = 'large' }: { q?: string; onSearch?: (q: string | undefined) => void; size?: 'middle' | 'large' }) {
  const t = useT();
  const navigate = useNavigate();
  const run = (text: string) => {
    const next = text.trim() || undefined;
    if (onSearch) onSearch(next);
    else void navigate(next ? `/shop/search?q=${encodeURIComponent(next)}` : '/shop/search');
  };
  return (
    <Input.Search
      key={q ?? ''}
      size={size}
      defaultValue={q}
      maxLength={60}
      allowClear
      enterButton={<SearchOutlined aria-label={t('common.search')} />}
      placeholder={t('shop.searchPlaceholder')}
      onSearch={run}
      data-testid="shop-search"
    />
  );
}
