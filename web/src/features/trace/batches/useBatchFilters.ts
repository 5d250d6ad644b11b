import { useCallback, useMemo } from 'react';
import { BATCH_STATUSES, TRACE_CROPS, type BatchFilter } from '../../../api/trace-batches.js';
import { useUrlParams } from '../../../app/useUrlParams.js';

const KEYS = ['q', 'crop', 'status', 'producer'] as const;
const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined => ((list as readonly string[]).includes(value ?? '') ? (value as T) : undefined);

/** The batch list's filters live in the URL, so a view can be bookmarked, shared and restored with Back. */
export function useBatchFilters(): [BatchFilter, (changes: Partial<BatchFilter>) => void] {
  const [params, setParams] = useUrlParams(KEYS);
  const filter = useMemo<BatchFilter>(
    () => ({
      q: params.q?.slice(0, 40),
      crop: oneOf(TRACE_CROPS, params.crop),
      status: oneOf(BATCH_STATUSES, params.status),
      producerId: params.producer?.slice(0, 64),
    }),
    [params],
  );
  const update = useCallback(
    (changes: Partial<BatchFilter>) => {
      const next = { ...filter, ...changes };
      setParams({ q: next.q, crop: next.crop, status: next.status, producer: next.producerId });
    },
    [filter, setParams],
  );
  return [filter, update];
}
