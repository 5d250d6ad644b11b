import { useMemo } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll } from './http.js';
import { SITE_KINDS, SITE_SERVICES, SITE_STATUSES, type ApiBody, type ApiListItem, type ApiQuery, type ApiResponse, type ItemOf } from './generated/openapi.js';

export { SITE_KINDS, SITE_SERVICES, SITE_STATUSES };
export type SiteKind = (typeof SITE_KINDS)[number];
export type SiteStatus = (typeof SITE_STATUSES)[number];
export type SiteService = (typeof SITE_SERVICES)[number];

export type Division = ApiListItem<'GET /api/v1/network/divisions'>;
/** A site's operator; the phone is masked (138****5678) unless you are the operator. */
export type Operator = NonNullable<Site['operator']>;
/** An operator as sent: a phone left out keeps the stored number for the same person. */
export type OperatorInput = NonNullable<NewSite['operator']>;
export type Site = ApiListItem<'GET /api/v1/network/sites'>;
export type SiteDetail = ApiResponse<'GET /api/v1/network/sites/{id}'>;
export type StatusChange = ItemOf<SiteDetail['statusHistory']>;
export type SiteChanges = ApiBody<'PATCH /api/v1/network/sites/{id}'>;
/** The body of `POST /network/sites`: the kind fixes the division's level (county, township or village). */
export type NewSite = ApiBody<'POST /api/v1/network/sites'>;

/** The division level a site of each kind stands in (the server's SITE_KIND_LEVEL). */
export const SITE_KIND_LEVEL: Record<SiteKind, Division['level']> = {
  county_centre: 'county',
  county_warehouse: 'county',
  township_station: 'township',
  township_transfer: 'township',
  village_point: 'village',
  village_delivery: 'village',
};

export type SiteFilter = Omit<ApiQuery<'GET /api/v1/network/sites'>, 'limit' | 'cursor'>;

export type Coverage = ApiResponse<'GET /api/v1/network/coverage'>;
export type Progress = Coverage['villagePoints'];
/** covered / total, `share` rounded by the server half up to 0.1 % (0.974); shown with shareText, never rounded again. */
export type Covered = Coverage['villages'];
export type TownshipCoverage = ItemOf<Coverage['townships']>;
export type County = ApiResponse<'GET /api/v1/network/county'>;

export const networkKeys = {
  all: ['network'] as const,
  divisions: (level: Division['level'], parentCode?: string) => ['network', 'divisions', level, parentCode ?? null] as const,
  sites: (filter: SiteFilter) => ['network', 'sites', filter] as const,
  site: (id: string) => ['network', 'site', id] as const,
  coverage: ['network', 'coverage'] as const,
  county: ['network', 'county'] as const,
};

/** The county this platform serves; public, so the sign-in page can name it too. */
export function useCounty() {
  return useQuery({
    queryKey: networkKeys.county,
    queryFn: ({ signal }) => api<County>('/network/county', { signal }),
    staleTime: Infinity,
  });
}

/** Divisions in force today at one level (the county, its townships or its villages). */
export function useDivisions(level: Division['level'], enabled = true) {
  return useQuery({
    queryKey: networkKeys.divisions(level),
    // A county has a few hundred divisions: every page, following the cursor.
    queryFn: ({ signal }) => fetchAll<Division>('/network/divisions', { level }, signal),
    staleTime: 30 * 60_000,
    enabled,
  });
}

/** The villages and communities of one township, in force today; nothing is asked until a township is chosen. */
export function useVillages(townshipCode: string | undefined) {
  return useQuery({
    queryKey: networkKeys.divisions('village', townshipCode),
    queryFn: ({ signal }) => fetchAll<Division>('/network/divisions', { level: 'village', parentCode: townshipCode }, signal),
    staleTime: 30 * 60_000,
    enabled: !!townshipCode,
  });
}

/**
 * Names of the county's townships and villages in force today, by code, for showing a stored code as a place:
 * `place('530621110205')` → 乐红镇 乐红村. All villages are asked for once (a county has a few hundred).
 */
export function useDivisionNames() {
  const townships = useDivisions('township');
  const villages = useDivisions('village');
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const d of [...(townships.data ?? []), ...(villages.data ?? [])]) names.set(d.code, d.name);
    const place = (code: string | null | undefined): string | undefined => {
      if (!code) return undefined;
      const own = names.get(code);
      if (code.length !== 12) return own;
      const township = names.get(code.slice(0, 9));
      return own && township ? `${township} ${own}` : own;
    };
    return { name: (code: string) => names.get(code), place, pending: townships.isPending || villages.isPending };
  }, [townships.data, villages.data, townships.isPending, villages.isPending]);
}

/** Every site that matches: a county has a few hundred, so all pages are fetched and the table pages locally. */
export function useSites(filter: SiteFilter, enabled = true) {
  return useQuery({
    queryKey: networkKeys.sites(filter),
    queryFn: ({ signal }) => fetchAll<Site>('/network/sites', { ...filter }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSite(id: string) {
  return useQuery({
    queryKey: networkKeys.site(id),
    queryFn: ({ signal }) => api<SiteDetail>(`/network/sites/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useUpdateSite(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: SiteChanges) => api<Site>(`/network/sites/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: () => client.invalidateQueries({ queryKey: networkKeys.all }),
  });
}

/** Opens a site (county admin). One idempotency key per opened form, so a double click opens one site. */
export function useCreateSite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ site, idempotencyKey }: { site: NewSite; idempotencyKey: string }) => api<Site>('/network/sites', { method: 'POST', body: site, idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: networkKeys.all }),
  });
}

export function useCoverage() {
  return useQuery({
    queryKey: networkKeys.coverage,
    queryFn: ({ signal }) => api<Coverage>('/network/coverage', { signal }),
  });
}

/** An operating service point as anyone may see it (no operator, no personal data). */
export type ServicePoint = ApiListItem<'GET /api/v1/network/service-points'>;

/**
 * Operating village points (public), for a buyer choosing where to pay cash. A server without this list answers
 * an error, and the checkout then asks for the point's number instead.
 */
export function useServicePoints(enabled = true) {
  return useQuery({
    queryKey: ['network', 'service-points', 'village_point'] as const,
    queryFn: ({ signal }) => fetchAll<ServicePoint>('/network/service-points', { kind: 'village_point' }, signal),
    staleTime: 10 * 60_000,
    retry: false,
    enabled,
  });
}
