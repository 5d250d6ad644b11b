import dayjs, { type Dayjs } from 'dayjs';
import type { LinkRole, NewLink } from '../../../api/parties.js';
import { todayInShanghai } from '../../../app/format.js';

export interface LinkFormValues {
  sellerId?: string;
  /** One of the seller's own products, or none for all of them. */
  productId?: string;
  role: LinkRole;
  /** The share as people say it, in per cent (60 = 60 %); sent in basis points. */
  sharePercent: number | null;
  validFrom: Dayjs | null;
}

export const emptyLink = (): LinkFormValues => ({ sellerId: undefined, productId: undefined, role: 'grower', sharePercent: null, validFrom: dayjs(todayInShanghai()) });

/** 60 % → 6000 basis points; the input allows two decimals, so 12.34 % is 1234 exactly. */
export const percentToBp = (percent: number) => Math.round(percent * 100);

export function toNewLink(values: LinkFormValues): NewLink {
  const productId = values.productId?.trim();
  return {
    sellerId: values.sellerId!,
    productId: productId || null,
    role: values.role,
    shareBp: percentToBp(values.sharePercent!),
    ...(values.validFrom && { validFrom: values.validFrom.format('YYYY-MM-DD') }),
  };
}
