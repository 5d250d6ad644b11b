import { useEffect, useMemo } from 'react';
import { useParcels, type Parcel, type ParcelStatus } from '../../../api/logistics.js';
import { useWaitingParcels } from '../../../api/logistics-point.js';
import { formatDateTime, todayInShanghai } from '../../../app/format.js';
import { browserStore } from '../../../app/keptQueue.js';
import { expectedStatus, listKey, pendingFor, recallList, rememberList, type QueuedScan } from './offlineQueue.js';

/** A parcel with what the device knows on top of the server: its queued scans and the status they will give it. */
export interface PointParcel {
  parcel: Parcel;
  pending: QueuedScan[];
  status: ParcelStatus;
}

export interface ListView {
  items: Parcel[];
  /** When the server last gave this list (ISO); null before the first answer. */
  at: string | null;
  /** Shown from the copy kept on the device, the server not having answered this time. */
  remembered: boolean;
  loading: boolean;
  error: unknown;
}

interface InfiniteLike {
  data?: { pages: { items: Parcel[] }[] };
  dataUpdatedAt: number;
  isPending: boolean;
  error: unknown;
}

/** The server's list when it has one (kept on the device as it comes), else the copy kept last time. */
function useRemembered(userId: string, name: string, items: Parcel[] | undefined, updatedAt: number, isPending: boolean, error: unknown): ListView {
  const store = useMemo(() => browserStore(), []);
  const key = listKey(userId, name);
  useEffect(() => {
    if (items && updatedAt) rememberList(store, key, items, new Date(updatedAt).toISOString());
  }, [store, key, items, updatedAt]);
  const recalled = useMemo(() => (items ? null : recallList(store, key)), [store, key, items]);
  if (items) return { items, at: updatedAt ? new Date(updatedAt).toISOString() : null, remembered: false, loading: false, error };
  return { items: recalled?.items ?? [], at: recalled?.at ?? null, remembered: !!recalled, loading: isPending && !error, error };
}

function useList(userId: string, name: string, query: InfiniteLike): ListView {
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items), [query.data]);
  return useRemembered(userId, name, items, query.dataUpdatedAt, query.isPending, query.error);
}

const ON_THE_WAY: ParcelStatus[] = ['loaded', 'arrived_township'];
const AT_POINT: ParcelStatus[] = ['arrived_village', 'notified'];

/** Later news of the same parcel wins when two lists hold it for a moment (a scan moved it between fetches). */
function merge(lists: Parcel[][]): Parcel[] {
  const byId = new Map<string, Parcel>();
  for (const p of lists.flat()) {
    const have = byId.get(p.id);
    if (!have || (p.lastEventAt ?? '') > (have.lastEventAt ?? '')) byId.set(p.id, p);
  }
  return [...byId.values()];
}

const withQueue = (parcels: Parcel[], pending: readonly QueuedScan[]): PointParcel[] =>
  parcels.map((parcel) => {
    const mine = pendingFor(pending, parcel);
    return { parcel, pending: mine, status: expectedStatus(parcel.status, mine) };
  });

const byArrival = (a: PointParcel, b: PointParcel) => (b.parcel.arrivedAt ?? b.parcel.lastEventAt ?? '').localeCompare(a.parcel.arrivedAt ?? a.parcel.lastEventAt ?? '');

/**
 * Everything the point's page lists, each parcel once, placed by the status its queued scans will give it:
 * on the way, at the point, handled today, waiting too long, and the produce sent up.
 */
export function usePointLists(userId: string, pending: readonly QueuedScan[]) {
  const queries = [
    useParcels({ direction: 'down', status: 'loaded' }),
    useParcels({ direction: 'down', status: 'arrived_township' }),
    useParcels({ direction: 'down', status: 'arrived_village' }),
    useParcels({ direction: 'down', status: 'notified' }),
  ];
  const loaded = useList(userId, 'loaded', queries[0]);
  const township = useList(userId, 'arrived_township', queries[1]);
  const arrived = useList(userId, 'arrived_village', queries[2]);
  const notified = useList(userId, 'notified', queries[3]);
  // Only the newest page of what was collected: the page shows today's.
  const collected = useList(userId, 'picked_up', useParcels({ direction: 'down', status: 'picked_up' }));
  const upQuery = useParcels({ direction: 'up' });
  const up = useList(userId, 'up', upQuery);
  const waitingQuery = useWaitingParcels(3);
  const waiting = useRemembered(userId, 'waiting', waitingQuery.data, waitingQuery.dataUpdatedAt, waitingQuery.isPending, waitingQuery.error);

  const down = [loaded, township, arrived, notified, collected];
  const today = todayInShanghai();
  const all = useMemo(
    () => withQueue(merge([loaded.items, township.items, arrived.items, notified.items, collected.items]), pending),
    [pending, loaded.items, township.items, arrived.items, notified.items, collected.items],
  );

  return {
    transit: all.filter((p) => ON_THE_WAY.includes(p.status)).sort(byArrival),
    atPoint: all.filter((p) => AT_POINT.includes(p.status)).sort(byArrival),
    handled: all
      .filter((p) => (p.status === 'picked_up' && (p.pending.length > 0 || formatDateTime(p.parcel.pickedUpAt).startsWith(today))) || (p.status === 'returned' && p.pending.length > 0))
      .sort((a, b) => (b.parcel.pickedUpAt ?? '').localeCompare(a.parcel.pickedUpAt ?? '')),
    /** Every incoming parcel the page knows, to find a scanned waybill. */
    known: all,
    waiting: withQueue(waiting.items, pending),
    up: withQueue(up.items, pending),
    views: { down, waiting, up },
    upQuery,
    /** More pages of the incoming lists (a point with more than 50 parcels in one state). */
    moreDown: {
      hasNextPage: queries.some((q) => q.hasNextPage),
      isFetchingNextPage: queries.some((q) => q.isFetchingNextPage),
      fetchNextPage: () => Promise.all(queries.filter((q) => q.hasNextPage).map((q) => q.fetchNextPage())),
    },
  };
}
