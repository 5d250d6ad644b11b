import { Button, Flex, Tag } from 'antd';
import { useBrands, useCategories, type Pavilion } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { usePavilionName } from '../shared/productBadges.js';
import { usePlaceNames } from '../shared/usePlaceNames.js';
import { hasFilters, type SearchParams } from './searchParams.js';

/** The filters in force as closable tags, and one button to clear them all (the words stay). */
export function ActiveFilters({ params, onChange }: { params: SearchParams; onChange: (changes: SearchParams, replace?: boolean) => void }) {
  const t = useT();
  const pavilion = usePavilionName();
  const places = usePlaceNames();
  const categories = useCategories();
  const brands = useBrands();
  if (!hasFilters(params)) return null;
  const price = params.min || params.max ? `${params.min ? `¥${params.min}` : ''} – ${params.max ? `¥${params.max}` : ''}` : undefined;
  const tags: { key: keyof SearchParams | 'price'; text: string | undefined }[] = [
    { key: 'pavilion', text: params.pavilion && pavilion(params.pavilion as Pavilion) },
    { key: 'categoryId', text: params.categoryId && (categories.data?.find((c) => c.id === params.categoryId)?.name ?? params.categoryId) },
    { key: 'brandId', text: params.brandId && (brands.data?.find((b) => b.id === params.brandId)?.name ?? params.brandId) },
    { key: 'townshipCode', text: params.townshipCode && (places.name(params.townshipCode) ?? params.townshipCode) },
    { key: 'price', text: price },
  ];
  return (
    <Flex wrap gap={6} align="center" style={{ marginBottom: 12 }} data-testid="active-filters">
      {tags
        .filter((tag) => tag.text)
        .map((tag) => (
          <Tag key={tag.key} closable color="blue" style={{ marginInlineEnd: 0 }} onClose={() => onChange(tag.key === 'price' ? { min: undefined, max: undefined } : { [tag.key]: undefined })}>
            {tag.text}
          </Tag>
        ))}
      <Button type="link" size="small" onClick={() => onChange({ q: params.q, sort: params.sort }, true)}>
        {t('shop.filter.clear')}
      </Button>
    </Flex>
  );
}
