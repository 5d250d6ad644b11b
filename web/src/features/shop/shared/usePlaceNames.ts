import { useMemo } from 'react';
import { useMe } from '../../../api/auth.js';
import { useDivisions, useServicePoints } from '../../../api/network.js';

/**
 * Names of the county's townships and villages by code, for shoppers too: signed in, the division lists; signed
 * out (divisions need a sign-in), the public list of service points, which names the townships and villages that
 * have one. A code with no known name stays undefined.
 */
export function usePlaceNames() {
  const signedIn = !!useMe().data;
  const townships = useDivisions('township', signedIn);
  const villages = useDivisions('village', signedIn);
  const points = useServicePoints();
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const p of points.data ?? []) {
      if (p.townshipCode && p.townshipName) names.set(p.townshipCode, p.townshipName);
      if (p.divisionName) names.set(p.divisionCode, p.divisionName);
    }
    for (const d of [...(townships.data ?? []), ...(villages.data ?? [])]) names.set(d.code, d.name);
    const name = (code: string | null | undefined) => (code ? names.get(code) : undefined);
    /** 乐红镇 乐红村 for a village, 乐红镇 for a township. */
    const place = (code: string | null | undefined): string | undefined => {
      if (!code) return undefined;
      const own = names.get(code);
      if (code.length !== 12) return own;
      const township = names.get(code.slice(0, 9));
      return own && township ? `${township} ${own}` : (own ?? township);
    };
    return { name, place };
  }, [townships.data, villages.data, points.data]);
}
