import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { SITE_KINDS, SITE_STATUSES, type SiteFilter, type SiteKind, type SiteStatus } from '../../../api/network.js';

export interface SitesView extends SiteFilter {
  page: number;
  pageSize: number;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined => (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
const positive = (value: string | null, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** The list's filters and page live in the URL, so a view can be bookmarked, shared and restored with Back. */
export function useSiteFilters(): [SitesView, (changes: Partial<SitesView>) => void] {
  const [params, setParams] = useSearchParams();
  const view = useMemo<SitesView>(
    () => ({
      townshipCode: /^\d{9}$/.test(params.get('township') ?? '') ? params.get('township')! : undefined,
      kind: oneOf<SiteKind>(SITE_KINDS, params.get('kind')),
      status: oneOf<SiteStatus>(SITE_STATUSES, params.get('status')),
      q: params.get('q')?.trim() || undefined,
      page: positive(params.get('page'), 1),
      pageSize: positive(params.get('size'), 20),
    }),
    [params],
  );

  const update = useCallback(
    (changes: Partial<SitesView>) => {
      const next = { ...view, ...changes };
      // A new filter starts again at page 1.
      if (!('page' in changes)) next.page = 1;
      const out = new URLSearchParams();
      if (next.townshipCode) out.set('township', next.townshipCode);
      if (next.kind) out.set('kind', next.kind);
      if (next.status) out.set('status', next.status);
      if (next.q) out.set('q', next.q);
      if (next.page > 1) out.set('page', String(next.page));
      if (next.pageSize !== 20) out.set('size', String(next.pageSize));
      // At once, so the next change spreads this view and not the one before (see useUrlParams).
      setParams(out, { flushSync: true });
    },
    [view, setParams],
  );
  return [view, update];
}
