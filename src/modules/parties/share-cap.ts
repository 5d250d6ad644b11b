/**
 * The link cap: on no day may the households linked to one sale be credited more than the whole sale.
 *
 * A sale of product P of seller S credits every link of S that is seller-wide (product null) or names P and is in
 * force that day. So a new link adds to the links of the same seller that credit the same sales, on every day
 * both are in force: a seller-wide link meets every product's links (though two different products' links never
 * meet each other), a product link meets the seller-wide ones and those of its own product. Days are calendar
 * dates `YYYY-MM-DD`; a link is in force from `validFrom` up to, not including, `validTo` (null: open-ended).
 */
export interface ShareSpan {
  productId: string | null;
  shareBp: number;
  validFrom: string;
  validTo: string | null;
}

export const FULL_SHARE_BP = 10_000;

const inForce = (l: ShareSpan, day: string) => l.validFrom <= day && (l.validTo === null || l.validTo > day);
const overlaps = (a: ShareSpan, b: ShareSpan) => (a.validTo === null || b.validFrom < a.validTo) && (b.validTo === null || a.validFrom < b.validTo);

/**
 * The most already taken, over the days the new link covers, of the sales it would credit: `takenBp` and the
 * first day it is reached (`day`). The total only changes on a day some link starts, so those days (and the new
 * link's first) are the only ones to look at.
 */
export function peakTaken(existing: ShareSpan[], added: ShareSpan): { takenBp: number; day: string } {
  const meeting = existing.filter((l) => overlaps(l, added) && (l.productId === null || added.productId === null || l.productId === added.productId));
  // The groups of sales the new link credits: one product's (a product link), or each product's and the seller's
  // other products' (a seller-wide link).
  const products = added.productId !== null ? [added.productId] : [...new Set(meeting.flatMap((l) => (l.productId === null ? [] : [l.productId])))];
  const groups = products.length ? products : [null];
  const days = [...new Set([added.validFrom, ...meeting.map((l) => l.validFrom).filter((d) => inForce(added, d))])].sort();
  let best = { takenBp: 0, day: added.validFrom };
  for (const day of days) {
    for (const product of groups) {
      const taken = meeting.filter((l) => inForce(l, day) && (l.productId === null || l.productId === product)).reduce((n, l) => n + l.shareBp, 0);
      if (taken > best.takenBp) best = { takenBp: taken, day };
    }
  }
  return best;
}
