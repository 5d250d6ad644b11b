import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A page's filters as plain strings in the URL query; empty values are dropped.
 * The router renders a URL change as a transition, which can lag behind the user: a second filter picked before it
 * commits would spread the old values and bring a cleared filter back. flushSync commits the change at once.
 */
export function useUrlParams<K extends string>(keys: readonly K[]): [Partial<Record<K, string>>, (next: Partial<Record<K, string | undefined>>) => void] {
  const [params, setParams] = useSearchParams();
  const keyList = keys.join(',');
  const values = useMemo(() => {
    const out: Partial<Record<K, string>> = {};
    for (const key of keyList.split(',') as K[]) {
      const value = params.get(key)?.trim();
      if (value) out[key] = value;
    }
    return out;
  }, [params, keyList]);
  const set = useCallback(
    (next: Partial<Record<K, string | undefined>>) => {
      const out = new URLSearchParams();
      for (const [key, value] of Object.entries(next) as [K, string | undefined][]) {
        if (value?.trim()) out.set(key, value.trim());
      }
      setParams(out, { flushSync: true });
    },
    [setParams],
  );
  return [values, set];
}
