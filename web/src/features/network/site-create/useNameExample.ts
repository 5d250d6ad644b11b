import { SITE_KIND_LEVEL, useCounty, useDivisions, useVillages, type SiteKind } from '../../../api/network.js';
import { useT } from '../../../app/locale/LocaleContext.js';

/** "例如：兴隆村电商服务点": how sites of this kind are usually named, for the chosen place. */
export function useNameExample(kind: SiteKind | undefined, townshipCode: string | undefined, divisionCode: string | undefined): string | undefined {
  const t = useT();
  const level = kind ? SITE_KIND_LEVEL[kind] : undefined;
  const county = useCounty();
  const townships = useDivisions('township', level === 'township' || level === 'village');
  const villages = useVillages(level === 'village' ? townshipCode : undefined);
  if (!kind) return undefined;
  const divisions = level === 'village' ? villages.data : townships.data;
  const place = level === 'county' ? county.data?.name : divisions?.find((d) => d.code === divisionCode)?.name;
  return t('site.create.example', { name: t(`site.create.example.${kind}`, { place: place ?? t('site.create.somePlace') }) });
}
