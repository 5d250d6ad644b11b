import { useSyncExternalStore } from 'react';
import { onlineManager } from '@tanstack/react-query';
import { isReachable, subscribeReachability } from '../api/reachability.js';

/** Online: the browser says so (its online/offline events) and the server answered the last request. */
export const browserOnline = () => navigator.onLine && onlineManager.isOnline() && isReachable();

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
