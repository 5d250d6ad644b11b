import { useCountyName } from '../../../app/shell/useCountyName.js';

/** The county's name as the pavilions use it: 鲁甸县 → 鲁甸. */
export function useCountyShort(): string {
  const name = useCountyName() ?? '';
  return name.length > 2 ? name.replace(/(自治县|县|市|区|旗)$/, '') : name;
}
