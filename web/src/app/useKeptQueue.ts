import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { KeptQueue } from './keptQueue.js';
import { browserOnline, useOnline } from './useOnline.js';

/** How often a non-empty queue is tried again while the browser says it is online (a flaky line drops silently). */
export const RETRY_MS = 30_000;

/**
 * A kept queue on screen: its lists, whether we are online, and `sync`, run on page load, when the connection comes
 * back and every RETRY_MS while something waits. `send` is the feature's sync of the whole queue (it may change from
 * render to render; the latest is used); its outcome is shown until cleared, unless there was nothing to send.
 */
export function useKeptQueue<Q, A, C, O extends { state: string }>(queue: KeptQueue<Q, A, C>, send: () => Promise<O>) {
  const state = useSyncExternalStore(queue.subscribe, queue.snapshot);
  const online = useOnline();
  const [syncing, setSyncing] = useState(false);
  const [outcome, setOutcome] = useState<O | null>(null);
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  });

  const sync = useCallback(async (): Promise<O | null> => {
    if (!browserOnline() || queue.pending.length === 0) return null;
    setSyncing(true);
    try {
      const result = await sendRef.current();
      if (result.state !== 'idle') setOutcome(result);
      return result;
    } finally {
      setSyncing(false);
    }
  }, [queue]);

  const waiting = state.pending.length > 0;
  useEffect(() => {
    if (online && waiting) void sync();
  }, [online, waiting, sync]);
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => void sync(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [waiting, sync]);

  return {
    pending: state.pending,
    setAside: state.setAside,
    conflicts: state.conflicts,
    online,
    syncing,
    outcome,
    setOutcome,
    clearOutcome: () => setOutcome(null),
    sync,
    discard: (id: string) => queue.discard(id),
    dismiss: (id: string) => queue.dismiss(id),
  };
}
