import type { Seller, SellerChanges, SellerTag } from '../../../api/parties.js';
import { isMasked } from '../../../app/phone.js';

export interface SellerEditValues {
  contactName: string;
  /** Empty over a masked number: the stored one is kept. */
  contactPhone: string;
  address: string;
  tags: SellerTag[];
  description: string;
}

export const toEditValues = (seller: Seller): SellerEditValues => ({
  contactName: seller.contactName,
  contactPhone: isMasked(seller.contactPhone) ? '' : seller.contactPhone,
  address: seller.address,
  tags: [...seller.tags],
  description: seller.description,
});

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Only what changed, as the PATCH body; an unchanged form gives `{}`. */
export function toSellerChanges(seller: Seller, values: SellerEditValues): SellerChanges {
  const changes: SellerChanges = {};
  const contactName = values.contactName.trim();
  const phone = values.contactPhone.trim();
  const address = values.address.trim();
  const description = values.description.trim();
  if (contactName !== seller.contactName) changes.contactName = contactName;
  if (phone && phone !== seller.contactPhone) changes.contactPhone = phone;
  if (address !== seller.address) changes.address = address;
  if (!sameSet(values.tags, seller.tags)) changes.tags = [...values.tags];
  if (description !== seller.description) changes.description = description;
  return changes;
}
