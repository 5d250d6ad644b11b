import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { onlineManager } from '@tanstack/react-query';
import type { ScanInput } from '../../../api/logistics.js';
import { isReachable, subscribeReachability } from '../../../api/reachability.js';
import { usePointScanBatch } from '../../../api/logistics-point.js';
import { isUnreachable, OfflineQueue, queueKey, type SyncOutcome } from './offlineQueue.js';

/** How often a non-empty queue is tried again while the browser says it is online (a flaky line drops silently). */
export const RETRY_MS = 30_000;

/** Online: the browser says so (its online/offline events) and the server answered the last request. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (notify) => {
      window.addEventListener('online', notify);
      window.addEventListener('offline', notify);
      const unsubscribe = subscribeReachability(notify);
      return () => {
        window.removeEventListener('online', notify);
        window.removeEventListener('offline', notify);
        unsubscribe();
      };
    },
    browserOnline,
  );
}

export const browserOnline = () => navigator.onLine && onlineManager.isOnline() && isReachable();

/**
 * The point's queue of scans on this device, synced on page load, when the connection returns and every 30 s
 * while scans wait. `run` makes an action: straight to the server when online, into the queue when offline or when
 * the call never got through; other failures (a wrong pick-up code) are thrown for the page to show.
 */
export function usePointQueue(userId: string) {
  const queue = useMemo(() => new OfflineQueue(queueKey(userId)), [userId]);
  const state = useSyncExternalStore(queue.subscribe, queue.snapshot);
  const online = useOnline();
  const batch = usePointScanBatch();
  const [syncing, setSyncing] = useState(false);
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null);
  const sendRef = useRef(batch.mutateAsync);
  useEffect(() => {
    sendRef.current = batch.mutateAsync;
  });

  const sync = useCallback(async (): Promise<SyncOutcome | null> => {
    if (!browserOnline() || queue.pending.length === 0) return null;
    setSyncing(true);
    try {
      const result = await queue.sync((scans) => sendRef.current(scans));
      if (result.state !== 'idle') setOutcome(result);
      return result;
    } finally {
      setSyncing(false);
    }
  }, [queue]);

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

  /**
   * One action of the point. Returns 'queued' when the scan was kept on the device, else what the server answered.
   * Scans still queued go first, so the server sees them in the order they were made.
   */
  const run = useCallback(
    async <T>(scan: ScanInput, label: string | undefined, direct: () => Promise<T>): Promise<{ queued: true } | { queued: false; value: T }> => {
      if (browserOnline() && queue.pending.length > 0) await sync();
      if (!browserOnline() || queue.pending.length > 0) {
        queue.add(scan, label);
        return { queued: true };
      }
      try {
        return { queued: false, value: await direct() };
      } catch (error) {
        if (!isUnreachable(error)) throw error;
        queue.add(scan, label);
        return { queued: true };
      }
    },
    [queue, sync],
  );

  return {
    pending: state.pending,
    rejected: state.rejected,
    conflicts: state.conflicts,
    online,
    syncing,
    outcome,
    clearOutcome: () => setOutcome(null),
    sync,
    run,
    discard: (eventId: string) => queue.discard(eventId),
    dismiss: (eventId: string) => queue.dismiss(eventId),
  };
}

export type PointQueue = ReturnType<typeof usePointQueue>;
