import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { sendRecords, stationPhoneKeys, type RecordInput, type RecordView } from '../../../api/station-phone.js';
import { browserOnline, useOnline } from '../../logistics/point/usePointQueue.js';
import { rememberRecords } from './stationCache.js';
import { browserStore, queueKey, StationQueue, type Conflict, type SyncOutcome, type TillCash } from './stationQueue.js';

/** How often a non-empty queue is tried again while the browser says it is online (a flaky line drops silently). */
export const RETRY_MS = 30_000;

/** What became of one record made at the till. */
export type Made = { state: 'queued' } | { state: 'stored'; record: RecordView | null } | { state: 'refused'; conflict: Conflict };

/**
 * The station's queue of records on this device, synced on page load, when the connection returns and every 30 s
 * while records wait. `make` keeps a record on the phone first and, online, sends the queue at once: the record is
 * never lost between the tap and the server's answer.
 */
export function useStationQueue(userId: string) {
  const store = useMemo(() => browserStore(), []);
  const queue = useMemo(() => new StationQueue(queueKey(userId), store), [userId, store]);
  const state = useSyncExternalStore(queue.subscribe, queue.snapshot);
  const online = useOnline();
  const client = useQueryClient();
  const [syncing, setSyncing] = useState(false);
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null);

  const sync = useCallback(async (): Promise<SyncOutcome | null> => {
    if (!browserOnline() || queue.pending.length === 0) return null;
    setSyncing(true);
    try {
      const result = await queue.sync(sendRecords);
      if (result.state !== 'idle') setOutcome(result);
      const bySite = new Map<string, RecordView[]>();
      for (const r of result.records) bySite.set(r.siteId, [...(bySite.get(r.siteId) ?? []), r]);
      for (const [siteId, records] of bySite) rememberRecords(store, userId, siteId, records);
      if (result.sent > 0) void client.invalidateQueries({ queryKey: stationPhoneKeys.all });
      return result;
    } finally {
      setSyncing(false);
    }
  }, [queue, store, userId, client]);

  // On page load, when the connection comes back, and every RETRY_MS while something waits.
  const waiting = state.pending.length > 0;
  useEffect(() => {
    if (online && waiting) void sync();
  }, [online, waiting, sync]);
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => void sync(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [waiting, sync]);

  /** One record made at the till: kept on the phone (throws when the device is full), then sent when online. */
  const make = useCallback(
    async (siteId: string, record: RecordInput, label: string, cash: TillCash): Promise<Made> => {
      queue.add(siteId, record, label, cash);
      const result = await sync();
      // A sync of just this record is told by the page's own message; the banner reports syncs of what waited.
      if (result && result.sent === 1 && [...result.records, ...result.conflicts].every((r) => r.clientId === record.clientId)) setOutcome(null);
      const conflict = result?.conflicts.find((c) => c.clientId === record.clientId);
      if (conflict) return { state: 'refused', conflict };
      if (queue.find(record.clientId) || !result) return { state: 'queued' };
      const setAside = result.setAside.find((s) => s.clientId === record.clientId);
      if (setAside) return { state: 'refused', conflict: { ...setAside, code: 'INVALID', message: setAside.reason, settledAt: setAside.rejectedAt } };
      return { state: 'stored', record: result.records.find((r) => r.clientId === record.clientId) ?? null };
    },
    [queue, sync],
  );

  return {
    queue,
    pending: state.pending,
    setAside: state.setAside,
    conflicts: state.conflicts,
    online,
    syncing,
    outcome,
    clearOutcome: () => setOutcome(null),
    sync,
    make,
    discard: (clientId: string) => queue.discard(clientId),
    dismiss: (clientId: string) => queue.dismiss(clientId),
  };
}

export type StationQueueApi = ReturnType<typeof useStationQueue>;
