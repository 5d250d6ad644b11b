import { useCallback, useMemo } from 'react';
import { MATCH_STATES, PARCEL_STATUSES, type MatchState, type ParcelFilter, type ParcelStatus } from '../../../api/logistics.js';
import { useUrlParams } from '../../../app/useUrlParams.js';

export type ParcelTab = 'all' | 'unmatched';

export interface ParcelsView {
  tab: ParcelTab;
  status?: ParcelStatus;
  match?: MatchState;
  carrier?: string;
  townshipCode?: string;
  waybillNo?: string;
  problem: boolean;
}

const KEYS = ['tab', 'status', 'match', 'carrier', 'township', 'waybill', 'problem'] as const;
const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined => ((list as readonly string[]).includes(value ?? '') ? (value as T) : undefined);

/** The list's tab and filters live in the URL, so a view can be bookmarked, shared and restored with Back. */
export function useParcelFilters(): [ParcelsView, (changes: Partial<ParcelsView>) => void] {
  const [params, setParams] = useUrlParams(KEYS);
  const view = useMemo<ParcelsView>(
    () => ({
      tab: params.tab === 'unmatched' ? 'unmatched' : 'all',
      status: oneOf(PARCEL_STATUSES, params.status),
      match: oneOf(MATCH_STATES, params.match),
      carrier: params.carrier && /^[a-z0-9_]{1,32}$/.test(params.carrier) ? params.carrier : undefined,
      townshipCode: /^\d{9}$/.test(params.township ?? '') ? params.township : undefined,
      waybillNo: params.waybill?.slice(0, 32),
      problem: params.problem === '1',
    }),
    [params],
  );
  const update = useCallback(
    (changes: Partial<ParcelsView>) => {
      const next = { ...view, ...changes };
      setParams({
        tab: next.tab === 'unmatched' ? 'unmatched' : undefined,
        status: next.status,
        match: next.match,
        carrier: next.carrier,
        township: next.townshipCode,
        waybill: next.waybillNo,
        problem: next.problem ? '1' : undefined,
      });
    },
    [view, setParams],
  );
  return [view, update];
}

/** What the list asks the server: the queue is every unmatched parcel (of a carrier, or one waybill). */
export function toFilter(view: ParcelsView, showTownship: boolean): ParcelFilter {
  if (view.tab === 'unmatched') return { match: 'unmatched', carrier: view.carrier, waybillNo: view.waybillNo };
  return {
    status: view.status,
    match: view.match,
    carrier: view.carrier,
    townshipCode: showTownship ? view.townshipCode : undefined,
    waybillNo: view.waybillNo,
    problem: view.problem || undefined,
  };
}
