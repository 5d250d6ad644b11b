import { useMemo } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll } from './http.js';

export const SITE_KINDS = ['county_centre', 'township_station', 'village_point', 'county_warehouse', 'township_transfer', 'village_delivery'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];
export const SITE_STATUSES = ['planned', 'building', 'operating', 'suspended', 'closed'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];
export const SITE_SERVICES = ['buy_for', 'sell_for', 'parcels', 'bill_payment', 'tickets', 'cash', 'farm_inputs', 'produce_collection', 'training'] as const;
export type SiteService = (typeof SITE_SERVICES)[number];

export interface Division {
  code: string;
  name: string;
  level: 'county' | 'township' | 'village';
  kind: string;
  parentCode: string | null;
  population: number | null;
  isPoorVillage: boolean;
  /** A township counted as poor (贫困乡镇). */
  isPoorTownship: boolean;
  isDemo: boolean;
  validFrom: string;
  validTo: string | null;
}

export interface Operator {
  userId: string | null;
  name: string;
  /** Masked (138****5678) unless you are the operator. */
  phone: string | null;
  poorHousehold: boolean;
  disabled: boolean;
  partyMember: boolean;
}

/** An operator as sent: a phone left out keeps the stored number for the same person. */
export type OperatorInput = Omit<Operator, 'phone'> & { phone?: string | null };

export interface Site {
  id: string;
  name: string;
  kind: SiteKind;
  divisionCode: string;
  divisionName: string | null;
  townshipCode: string | null;
  townshipName: string | null;
  address: string;
  longitude: number | null;
  latitude: number | null;
  floorAreaM2: number | null;
  openingHours: string;
  status: SiteStatus;
  statusSince: string;
  services: SiteService[];
  operator: Operator | null;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface StatusChange {
  status: SiteStatus;
  effectiveDate: string;
  note: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

export type SiteDetail = Site & { statusHistory: StatusChange[] };

export interface SiteChanges {
  name?: string;
  address?: string;
  longitude?: number | null;
  latitude?: number | null;
  floorAreaM2?: number | null;
  openingHours?: string;
  services?: SiteService[];
  operator?: OperatorInput | null;
  status?: SiteStatus;
  statusDate?: string;
  statusNote?: string;
}

/** The body of `POST /network/sites`: the kind fixes the division's level (county, township or village). */
export interface NewSite {
  name: string;
  kind: SiteKind;
  divisionCode: string;
  address: string;
  longitude?: number | null;
  latitude?: number | null;
  floorAreaM2?: number | null;
  openingHours?: string;
  services?: SiteService[];
  operator?: OperatorInput | null;
  status?: SiteStatus;
  statusDate?: string;
}

/** The division level a site of each kind stands in (the server's SITE_KIND_LEVEL). */
export const SITE_KIND_LEVEL: Record<SiteKind, Division['level']> = {
  county_centre: 'county',
  county_warehouse: 'county',
  township_station: 'township',
  township_transfer: 'township',
  village_point: 'village',
  village_delivery: 'village',
};

export interface SiteFilter {
  townshipCode?: string;
  kind?: SiteKind;
  status?: SiteStatus;
  q?: string;
}

export interface Progress {
  operating: number;
  total: number;
  target: number | null;
}

export interface Covered {
  total: number;
  covered: number;
  /** covered / total, rounded by the server half up to 0.1 % (0.974); shown with shareText, never rounded again. */
  share: number | null;
  target: number | null;
  /** Whether the target is reached, decided by the server on the counts; null without a target. */
  met: boolean | null;
}

export interface TownshipCoverage {
  code: string;
  name: string;
  isPoor: boolean;
  stationStatus: SiteStatus | null;
  transferStatus: SiteStatus | null;
  villagePoints: Progress;
  villages: Covered;
  poorVillages: Covered;
  otherVillages: Covered;
  logisticsReached: boolean;
  villagePointsWithLogistics: number;
}

export interface Coverage {
  county: { code: string; name: string };
  scope: { kind: 'county' | 'township'; code: string };
  asOf: string;
  townshipStations: Progress;
  villagePoints: Progress;
  villages: Covered;
  poorVillages: Covered;
  otherVillages: Covered;
  /** Poor townships (贫困乡镇) with an operating station, against the plan's 100 %. */
  poorTownships: Covered;
  logistics: { townships: Covered; villagePoints: Covered };
  townships: TownshipCoverage[];
}

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
    queryFn: ({ signal }) => api<{ code: string; name: string }>('/network/county', { signal }),
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
export interface ServicePoint {
  id: string;
  name: string;
  kind: SiteKind;
  divisionCode: string;
  divisionName: string | null;
  townshipCode: string | null;
  townshipName: string | null;
  address: string;
  openingHours: string;
  services: string[];
}

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
