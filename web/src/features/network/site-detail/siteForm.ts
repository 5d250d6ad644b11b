import dayjs, { type Dayjs } from 'dayjs';
import { todayInShanghai } from '../../../app/format.js';
import type { SiteChanges, SiteDetail, SiteService, SiteStatus } from '../../../api/network.js';

export interface OperatorValues {
  name: string;
  phone: string;
  poorHousehold: boolean;
  disabled: boolean;
  partyMember: boolean;
}

export interface SiteFormValues {
  name: string;
  address: string;
  longitude: number | null;
  latitude: number | null;
  floorAreaM2: number | null;
  openingHours: string;
  services: SiteService[];
  status: SiteStatus;
  statusDate: Dayjs | null;
  statusNote: string;
  hasOperator: boolean;
  operator: OperatorValues;
}

/** A phone the server masked for us (138****5678): it cannot be sent back. */
export const isMasked = (phone: string | null | undefined) => !!phone && phone.includes('*');

export function toFormValues(site: SiteDetail): SiteFormValues {
  const op = site.operator;
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
    hasOperator: !!op,
    operator: {
      name: op?.name ?? '',
      phone: op && !isMasked(op.phone) ? (op.phone ?? '') : '',
      poorHousehold: op?.poorHousehold ?? false,
      disabled: op?.disabled ?? false,
      partyMember: op?.partyMember ?? false,
    },
  };
}

/** Whether the operator part of the form differs from the stored operator. */
export function operatorChanged(site: SiteDetail, values: Pick<SiteFormValues, 'hasOperator' | 'operator'>): boolean {
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
    if (!values.hasOperator) {
      changes.operator = null;
    } else {
      const v = values.operator;
      const operator: NonNullable<SiteChanges['operator']> = {
        // Keep the platform account the operator signs in with.
        userId: site.operator?.userId ?? null,
        name: v.name.trim(),
        // Left empty over a masked number: omitted, so the server keeps the stored one for the same person.
        phone: v.phone.trim() || (isMasked(site.operator?.phone) ? undefined : null),
        poorHousehold: v.poorHousehold,
        disabled: v.disabled,
        partyMember: v.partyMember,
      };
      changes.operator = operator;
    }
  }
  return changes;
}

/** `body.operator.phone` (the server's name for a bad field) → the form's path `['operator', 'phone']`. */
export function formPath(field: string | undefined): (string | number)[] | undefined {
  if (!field?.startsWith('body.')) return undefined;
  const parts = field.slice('body.'.length).split('.').filter(Boolean);
  return parts.length > 0 ? parts : undefined;
}
