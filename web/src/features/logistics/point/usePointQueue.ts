import { useCallback, useMemo } from 'react';
import type { ScanInput } from '../../../api/logistics.js';
import { usePointScanBatch } from '../../../api/logistics-point.js';
import { isUnreachable } from '../../../app/keptQueue.js';
import { useKeptQueue } from '../../../app/useKeptQueue.js';
import { browserOnline } from '../../../app/useOnline.js';
import { OfflineQueue, queueKey } from './offlineQueue.js';

/**
 * The point's queue of scans on this device, synced on page load, when the connection returns and every 30 s
 * while scans wait (app/useKeptQueue.ts). `run` makes an action: straight to the server when online, into the queue
 * when offline or when the call never got through; other failures (a wrong pick-up code) are thrown for the page to show.
 */
export function usePointQueue(userId: string) {
  const queue = useMemo(() => new OfflineQueue(queueKey(userId)), [userId]);
  const batch = usePointScanBatch();
  const kept = useKeptQueue(queue, () => queue.sync(batch.mutateAsync));
  const { sync } = kept;

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

  return { ...kept, run };
}

export type PointQueue = ReturnType<typeof usePointQueue>;
