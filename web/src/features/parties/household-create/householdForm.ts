import type { HouseholdStatus, NewHousehold } from '../../../api/parties.js';
import { normalizeIdentifier } from '../../../app/identifiers.js';

/** The server's rule for a register number (建档立卡户编号). */
export const HOUSEHOLD_NO_PATTERN = /^[0-9A-Za-z-]{4,32}$/;

export interface HouseholdCreateValues {
  householdNo: string;
  townshipCode?: string;
  villageCode?: string;
  headName: string;
  headIdNumber: string;
  members: number | null;
  status: HouseholdStatus;
  liftedYear: number | null;
  userId: string | null;
}

export const emptyHousehold = (): HouseholdCreateValues => ({
  householdNo: '',
  townshipCode: undefined,
  villageCode: undefined,
  headName: '',
  headIdNumber: '',
  members: null,
  status: 'in_poverty',
  liftedYear: null,
  userId: null,
});

/** The POST body; the form's rules have made sure the village and members are there. */
export function toNewHousehold(values: HouseholdCreateValues): NewHousehold {
  return {
    householdNo: values.householdNo.trim(),
    villageCode: values.villageCode!,
    headName: values.headName.trim(),
    headIdNumber: normalizeIdentifier(values.headIdNumber),
    members: values.members!,
    status: values.status,
    ...(values.status === 'lifted' && { liftedYear: values.liftedYear }),
    ...(values.userId && { userId: values.userId }),
  };
}
