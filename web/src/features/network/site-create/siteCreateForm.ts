import dayjs, { type Dayjs } from 'dayjs';
import { todayInShanghai } from '../../../app/format.js';
import type { Division, NewSite, SiteKind, SiteStatus } from '../../../api/network.js';
import { toOperatorInput, toOperatorValues, type OperatorFormValues } from '../shared/operatorForm.js';
import type { SiteInfoValues } from '../shared/SiteInfoFields.js';

export interface SiteCreateValues extends SiteInfoValues, OperatorFormValues {
  kind?: SiteKind;
  /** Only for village kinds: the township whose villages the village list shows. */
  townshipCode?: string;
  divisionCode?: string;
  status: SiteStatus;
  statusDate: Dayjs | null;
}

export function emptySite(): SiteCreateValues {
  return {
    name: '',
    address: '',
    longitude: null,
    latitude: null,
    floorAreaM2: null,
    openingHours: '',
    services: [],
    status: 'planned',
    statusDate: dayjs(todayInShanghai()),
    ...toOperatorValues(null),
  };
}

type Place = Pick<SiteCreateValues, 'townshipCode' | 'divisionCode'>;

/**
 * Where the form stands after the kind moved to another level: the county for county kinds; a township kept
 * when going between township and village kinds (its village chosen again); nothing otherwise.
 */
export function placeFor(level: Division['level'], current: Place, countyCode: string | undefined): Place {
  const township = current.townshipCode ?? (current.divisionCode?.length === 9 ? current.divisionCode : undefined);
  if (level === 'county') return { townshipCode: undefined, divisionCode: countyCode };
  if (level === 'township') return { townshipCode: undefined, divisionCode: township };
  return { townshipCode: township, divisionCode: current.divisionCode?.length === 12 ? current.divisionCode : undefined };
}

/** The POST body; the form's rules have made sure kind and division are there. */
export function toNewSite(values: SiteCreateValues): NewSite {
  return {
    name: values.name.trim(),
    kind: values.kind!,
    divisionCode: values.divisionCode!,
    address: values.address.trim(),
    longitude: values.longitude ?? null,
    latitude: values.latitude ?? null,
    floorAreaM2: values.floorAreaM2 ?? null,
    openingHours: (values.openingHours ?? '').trim(),
    services: [...(values.services ?? [])],
    status: values.status,
    ...(values.statusDate && { statusDate: values.statusDate.format('YYYY-MM-DD') }),
    ...(values.hasOperator && { operator: toOperatorInput(values.operator) }),
  };
}
