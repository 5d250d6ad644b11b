import dayjs, { type Dayjs } from 'dayjs';
import { todayInShanghai } from '../../../app/format.js';
import type { SiteChanges, SiteDetail, SiteStatus } from '../../../api/network.js';
import { isMasked } from '../../../app/phone.js';
import { toOperatorInput, toOperatorValues, type OperatorFormValues } from '../shared/operatorForm.js';
import type { SiteInfoValues } from '../shared/SiteInfoFields.js';

export interface SiteFormValues extends SiteInfoValues, OperatorFormValues {
  status: SiteStatus;
  statusDate: Dayjs | null;
  statusNote: string;
}

export function toFormValues(site: SiteDetail): SiteFormValues {
  return {
    name: site.name,
    address: site.address,
    longitude: site.longitude,
    latitude: site.latitude,
    floorAreaM2: site.floorAreaM2,
    openingHours: site.openingHours,
    services: [...site.services],
    status: site.status,
    statusDate: dayjs(todayInShanghai()),
    statusNote: '',
    ...toOperatorValues(site.operator),
  };
}

/** Whether the operator part of the form differs from the stored operator. */
export function operatorChanged(site: SiteDetail, values: OperatorFormValues): boolean {
  const op = site.operator;
  if (!values.hasOperator) return op !== null;
  if (!op) return true;
  const v = values.operator;
  const phone = v.phone.trim();
  const phoneChanged = isMasked(op.phone) ? phone !== '' : phone !== (op.phone ?? '');
  return v.name.trim() !== op.name || phoneChanged || v.poorHousehold !== op.poorHousehold || v.disabled !== op.disabled || v.partyMember !== op.partyMember;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Only what changed, as the PATCH body; an unchanged form gives `{}`. */
export function toChanges(site: SiteDetail, values: SiteFormValues, mayAppoint: boolean): SiteChanges {
  const changes: SiteChanges = {};
  const name = values.name.trim();
  const address = values.address.trim();
  const openingHours = (values.openingHours ?? '').trim();
  if (name !== site.name) changes.name = name;
  if (address !== site.address) changes.address = address;
  if ((values.longitude ?? null) !== site.longitude) changes.longitude = values.longitude ?? null;
  if ((values.latitude ?? null) !== site.latitude) changes.latitude = values.latitude ?? null;
  if ((values.floorAreaM2 ?? null) !== site.floorAreaM2) changes.floorAreaM2 = values.floorAreaM2 ?? null;
  if (openingHours !== site.openingHours) changes.openingHours = openingHours;
  if (!sameSet(values.services, site.services)) changes.services = [...values.services];
  if (values.status !== site.status) {
    changes.status = values.status;
    if (values.statusDate) changes.statusDate = values.statusDate.format('YYYY-MM-DD');
    if (values.statusNote?.trim()) changes.statusNote = values.statusNote.trim();
  }
  if (mayAppoint && operatorChanged(site, values)) {
    // Keeps the platform account the operator signs in with, and a masked phone left empty.
    changes.operator = values.hasOperator ? toOperatorInput(values.operator, site.operator) : null;
  }
  return changes;
}
