import { useCounty } from '../../api/network.js';

/** The county this deployment serves, from the server (so another county needs no code change). */
export function useCountyName(): string | undefined {
  return useCounty().data?.name;
}
