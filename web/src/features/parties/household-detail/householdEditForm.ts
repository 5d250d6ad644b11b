import type { Household, HouseholdChanges, HouseholdStatus } from '../../../api/parties.js';

export interface HouseholdEditValues {
  headName: string;
  members: number | null;
  status: HouseholdStatus;
  liftedYear: number | null;
  userId: string | null;
}

export const toEditValues = (h: Household): HouseholdEditValues => ({ headName: h.headName, members: h.members, status: h.status, liftedYear: h.liftedYear, userId: h.userId });

/** Only what changed, as the PATCH body; a household back in poverty loses its year. */
export function toHouseholdChanges(h: Household, values: HouseholdEditValues): HouseholdChanges {
  const changes: HouseholdChanges = {};
  const headName = values.headName.trim();
  if (headName !== h.headName) changes.headName = headName;
  if (values.members !== null && values.members !== h.members) changes.members = values.members;
  if (values.status !== h.status) changes.status = values.status;
  const liftedYear = values.status === 'lifted' ? values.liftedYear : null;
  if (liftedYear !== h.liftedYear) changes.liftedYear = liftedYear;
  if ((values.userId ?? null) !== h.userId) changes.userId = values.userId ?? null;
  return changes;
}
