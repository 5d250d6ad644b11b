import type { NewSeller, SellerKind, SellerTag } from '../../../api/parties.js';
import { normalizeIdentifier } from '../../../app/identifiers.js';

export interface SellerApplyValues {
  kind?: SellerKind;
  name: string;
  /** For every kind but a farmer. */
  creditCode: string;
  /** For a farmer. */
  idNumber: string;
  townshipCode?: string;
  /** Optional: the township alone will do. */
  villageCode?: string;
  address: string;
  contactName: string;
  contactPhone: string;
  tags: SellerTag[];
  description: string;
  /** County admins may apply on behalf of another account. */
  ownerUserId?: string | null;
}

/** An empty application; a user who may apply for one kind only (a village operator: farmers) starts with it. */
export function emptyApplication(kinds: readonly SellerKind[]): SellerApplyValues {
  return {
    kind: kinds.length === 1 ? kinds[0] : undefined,
    name: '',
    creditCode: '',
    idNumber: '',
    townshipCode: undefined,
    villageCode: undefined,
    address: '',
    contactName: '',
    contactPhone: '',
    tags: [],
    description: '',
    ownerUserId: null,
  };
}

/** The POST body: the identifier the kind needs, and the village if chosen, else the township. */
export function toNewSeller(values: SellerApplyValues): NewSeller {
  const farmer = values.kind === 'farmer';
  const description = values.description.trim();
  return {
    kind: values.kind!,
    name: values.name.trim(),
    ...(farmer ? { idNumber: normalizeIdentifier(values.idNumber) } : { creditCode: normalizeIdentifier(values.creditCode) }),
    contactName: values.contactName.trim(),
    contactPhone: values.contactPhone.trim(),
    divisionCode: values.villageCode ?? values.townshipCode!,
    address: values.address.trim(),
    tags: [...values.tags],
    ...(description && { description }),
    ...(values.ownerUserId && { ownerUserId: values.ownerUserId }),
  };
}
