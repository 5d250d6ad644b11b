import { useEffect, useMemo, useState } from 'react';
import type { User } from '../../../api/auth.js';
import { useSiteServices, useStationDayRecords, useStationDesk, useTownshipStations, type Desk, type RecordView } from '../../../api/station-phone.js';
import { todayInShanghai } from '../../../app/format.js';
import { chosenSiteKey, recallDesk, recallRecords, rememberDesk, rememberRecords } from './stationCache.js';
import { browserStore } from '../../../app/keptQueue.js';

/**
 * The site the operator records at (its own point; a township operator's station, the last one chosen), its desk
 * and today's records: the server's when it answers (kept on the device as they come), else the copy kept last time.
 */
export function useStationDeskData(user: User) {
  const store = useMemo(() => browserStore(), []);
  const township = user.scope.kind === 'township' ? user.scope.id : null;
  const stations = useTownshipStations(township);
  const [chosen, setChosen] = useState<string | null>(() => {
    try {
      return store?.getItem(chosenSiteKey(user.id)) ?? null;
    } catch {
      return null;
    }
  });
  const choices = stations.data?.map((s) => ({ id: s.id, name: s.name })) ?? [];
  const siteId = user.scope.kind === 'site' ? user.scope.id : (choices.find((c) => c.id === chosen)?.id ?? choices[0]?.id ?? chosen);
  const choose = (id: string) => {
    setChosen(id);
    try {
      store?.setItem(chosenSiteKey(user.id), id);
    } catch {
      // Storage refused: the choice lasts this visit.
    }
  };

  // Kept for opening offline, when the township's stations cannot be listed.
  useEffect(() => {
    if (township && siteId && siteId !== chosen) {
      try {
        store?.setItem(chosenSiteKey(user.id), siteId);
      } catch {
        // Storage refused.
      }
    }
  }, [store, user.id, township, siteId, chosen]);

  const day = todayInShanghai();
  const deskQuery = useStationDesk(siteId);
  const siteQuery = useSiteServices(siteId);
  const recordsQuery = useStationDayRecords(siteId, day);

  // The network's site services ride along with the kept desk, so the page offline offers the same buttons.
  const services = siteQuery.data;
  useEffect(() => {
    if (deskQuery.data) rememberDesk(store, user.id, { ...deskQuery.data, site: { ...deskQuery.data.site, services: services ?? deskQuery.data.site.services } }, new Date(deskQuery.dataUpdatedAt).toISOString());
  }, [store, user.id, deskQuery.data, deskQuery.dataUpdatedAt, services]);
  useEffect(() => {
    if (siteId && recordsQuery.data) rememberRecords(store, user.id, siteId, recordsQuery.data);
  }, [store, user.id, siteId, recordsQuery.data]);

  const recalled = useMemo(() => (siteId && !deskQuery.data ? recallDesk(store, user.id, siteId) : null), [store, user.id, siteId, deskQuery.data]);
  const desk: Desk | null = deskQuery.data ? { ...deskQuery.data, site: { ...deskQuery.data.site, services: services ?? recalled?.desk.site.services ?? deskQuery.data.site.services } } : (recalled?.desk ?? null);
  const keptRecords = useMemo(() => (siteId ? recallRecords(store, user.id, siteId) : []), [store, user.id, siteId, recordsQuery.data]);
  const records: RecordView[] = recordsQuery.data ?? keptRecords.filter((r) => r.day === day);

  return {
    siteId,
    choices,
    choose,
    day,
    desk,
    records,
    /** When the desk shown came from the server (ISO). */
    asOf: deskQuery.data ? new Date(deskQuery.dataUpdatedAt).toISOString() : (recalled?.at ?? null),
    remembered: !deskQuery.data && !!recalled,
    loading: (!!siteId && deskQuery.isPending && !recalled) || (!!township && stations.isPending && !siteId),
    error: deskQuery.error && !recalled ? deskQuery.error : stations.error && !siteId ? stations.error : null,
    refetch: () => {
      void deskQuery.refetch();
      void recordsQuery.refetch();
    },
  };
}
