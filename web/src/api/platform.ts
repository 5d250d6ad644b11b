import { useQuery } from '@tanstack/react-query';
import type { ApiResponse } from './generated/openapi.js';

/** What /api/health says of the deployment; `demo`: online payments are simulated by the built-in provider. */
export type PlatformInfo = ApiResponse<'GET /api/health'>;

/** The deployment's mode, read once per visit from the public health check. */
export function usePlatform() {
  return useQuery({
    queryKey: ['platform', 'health'],
    queryFn: async ({ signal }) => {
      const res = await fetch('/api/health', { signal, headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`health ${res.status}`);
      return (await res.json()) as PlatformInfo;
    },
    staleTime: Infinity,
  });
}
