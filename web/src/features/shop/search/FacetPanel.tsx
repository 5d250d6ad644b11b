import { useBrands, type Pavilion, type SearchResult } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { usePavilionName } from '../shared/productBadges.js';
import { usePlaceNames } from '../shared/usePlaceNames.js';
import { CategoryTreeFacet } from './CategoryTreeFacet.js';
import { FacetGroup } from './FacetGroup.js';
import { PriceFilter } from './PriceFilter.js';
import type { SearchParams } from './searchParams.js';

interface Props {
  facets: SearchResult['facets'] | undefined;
  params: SearchParams;
  onChange: (changes: SearchParams) => void;
}

/** Category, brand, pavilion, township (where it grows) and price, each value with its count among the results. */
export function FacetPanel({ facets, params, onChange }: Props) {
  const t = useT();
  const pavilion = usePavilionName();
  const places = usePlaceNames();
  const brands = useBrands();
  const brandName = (id: string) => brands.data?.find((b) => b.id === id)?.name ?? id;
  return (
    <>
      <FacetGroup testId="facet-pavilion" title={t('shop.filter.pavilion')} values={facets?.pavilion ?? []} selected={params.pavilion} label={(v) => pavilion(v.value as Pavilion)} onSelect={(pavilionValue) => onChange({ pavilion: pavilionValue })} />
      <CategoryTreeFacet title={t('shop.filter.category')} values={facets?.category ?? []} selected={params.categoryId} onSelect={(categoryId) => onChange({ categoryId })} />
      <FacetGroup testId="facet-brand" title={t('shop.filter.brand')} values={facets?.brand ?? []} selected={params.brandId} label={(v) => brandName(v.value)} onSelect={(brandId) => onChange({ brandId })} />
      <FacetGroup testId="facet-township" title={t('shop.filter.township')} values={facets?.township ?? []} selected={params.townshipCode} label={(v) => places.name(v.value) ?? v.label} onSelect={(townshipCode) => onChange({ townshipCode })} />
      <PriceFilter key={`${params.min ?? ''}-${params.max ?? ''}`} min={params.min} max={params.max} onApply={(range) => onChange(range)} />
    </>
  );
}
