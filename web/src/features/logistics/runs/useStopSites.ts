import { useMemo } from 'react';
import { useSites, type Site, type SiteKind } from '../../../api/network.js';

/** The sites a route may stop at: township transfer stations, village delivery points and village service points. */
export const STOP_KINDS = ['township_transfer', 'village_delivery', 'village_point'] as const satisfies readonly SiteKind[];

/** Every possible stop (not closed), by township then kind; and a lookup by id. */
export function useStopSites(enabled = true) {
  const transfers = useSites({ kind: 'township_transfer' }, enabled);
  const deliveries = useSites({ kind: 'village_delivery' }, enabled);
  const points = useSites({ kind: 'village_point' }, enabled);
  return useMemo(() => {
    const all: Site[] = [...(transfers.data ?? []), ...(deliveries.data ?? []), ...(points.data ?? [])].filter((s) => s.status !== 'closed');
    const rank = (s: Site) => STOP_KINDS.indexOf(s.kind as (typeof STOP_KINDS)[number]);
    all.sort((a, b) => (a.townshipCode ?? '').localeCompare(b.townshipCode ?? '') || rank(a) - rank(b) || a.divisionCode.localeCompare(b.divisionCode));
    return {
      sites: all,
      byId: new Map(all.map((s) => [s.id, s])),
      pending: transfers.isPending || deliveries.isPending || points.isPending,
      error: transfers.error ?? deliveries.error ?? points.error,
    };
  }, [transfers.data, deliveries.data, points.data, transfers.isPending, deliveries.isPending, points.isPending, transfers.error, deliveries.error, points.error]);
}
