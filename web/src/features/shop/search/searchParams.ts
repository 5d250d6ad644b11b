import { PAVILIONS, type Pavilion, type SearchFilter } from '../../../api/catalog.js';
import { yuanToFen } from '../../../app/format.js';

/** The search page's state in its URL, so a result can be shared and reloaded. Prices are in yuan there. */
export const SEARCH_KEYS = ['q', 'categoryId', 'brandId', 'pavilion', 'townshipCode', 'min', 'max', 'sort'] as const;
export type SearchParams = Partial<Record<(typeof SEARCH_KEYS)[number], string>>;

const yuan = (text: string | undefined) => {
  const value = text === undefined ? NaN : Number(text);
  return Number.isFinite(value) && value >= 0 ? yuanToFen(value) : undefined;
};

/** How results may be ordered (综合, 销量, 价格 ↑ ↓, 新品); 综合 is the API's default. */
export const SORTS = ['relevance', 'sales', 'price_asc', 'price_desc', 'newest'] as const satisfies readonly NonNullable<SearchFilter['sort']>[];
export type Sort = (typeof SORTS)[number];
export const sortOf = (params: SearchParams): Sort => ((SORTS as readonly string[]).includes(params.sort ?? '') ? (params.sort as Sort) : 'relevance');

/** The API's filter from the URL; values it would refuse are left out. */
export function toFilter(params: SearchParams): SearchFilter {
  return {
    q: params.q?.slice(0, 60),
    categoryId: params.categoryId,
    brandId: params.brandId,
    pavilion: (PAVILIONS as readonly string[]).includes(params.pavilion ?? '') ? (params.pavilion as Pavilion) : undefined,
    townshipCode: /^\d{9}$/.test(params.townshipCode ?? '') ? params.townshipCode : undefined,
    minPriceFen: yuan(params.min),
    maxPriceFen: yuan(params.max),
    sort: sortOf(params) === 'relevance' ? undefined : sortOf(params),
  };
}

/** Whether anything narrows the results: the words and the order do not count. */
export const hasFilters = (params: SearchParams) => SEARCH_KEYS.some((k) => k !== 'q' && k !== 'sort' && !!params[k]);
