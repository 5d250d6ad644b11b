/**
 * 代卖 consignment arithmetic, pure (no imports): what a villager is owed for units sold, which listed lots a sale
 * is taken from, how a refund takes credits back, and the share of a sale a poor household's ledger is credited.
 */

/** Integer division of a non-negative numerator rounded half up, exact for any size (BigInt). */
function divideHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

/**
 * What the villager is owed for `units` of a SKU of `netWeightG` sold from a lot offered at `priceFenPerKg`:
 * units × netWeightG × priceFenPerKg / 1000, rounded half up (one rounding per allocation, never per unit).
 */
export function creditFen(units: number, netWeightG: number, priceFenPerKg: number): number {
  if (units <= 0) return 0;
  return divideHalfUp(BigInt(units) * BigInt(netWeightG) * BigInt(priceFenPerKg), 1000n);
}

/** Whole units of a SKU's net weight that `weightG` grams make (what is left stays as the villager's stock). */
export function wholeUnits(weightG: number, netWeightG: number): number {
  return netWeightG > 0 ? Math.floor(weightG / netWeightG) : 0;
}

export interface ListedLot {
  id: string;
  /** Units listed and not yet sold. */
  remaining: number;
}

/**
 * Takes `quantity` units from the lots in the order given (the caller lists them oldest first: first in, first
 * out). Returns the units taken from each lot that gives any, and what no lot had (`unallocated`).
 */
export function allocateFifo(lots: ListedLot[], quantity: number): { taken: { id: string; units: number }[]; unallocated: number } {
  const taken: { id: string; units: number }[] = [];
  let left = Math.max(0, quantity);
  for (const lot of lots) {
    if (left === 0) break;
    const units = Math.min(left, Math.max(0, lot.remaining));
    if (units === 0) continue;
    taken.push({ id: lot.id, units });
    left -= units;
  }
  return { taken, unallocated: left };
}

export interface CreditStanding {
  /** What the sale credited (fen, positive). */
  creditFen: number;
  /** What earlier refunds already took back of it (fen, positive). */
  reversedFen: number;
}

/**
 * What a refund takes back of each credit an order made. A refund of the whole paid total (or more) takes back
 * everything not yet taken back. A partial refund takes back the same part of each credit as of the order:
 * credit × refundFen / paidTotalFen rounded half up, never more than what is left of that credit. (The shop
 * refunds orders whole today; the split is for a refund of part of an order.)
 */
export function refundSplit(credits: CreditStanding[], refundFen: number, paidTotalFen: number): number[] {
  const whole = paidTotalFen <= 0 || refundFen >= paidTotalFen;
  return credits.map((c) => {
    const left = Math.max(0, c.creditFen - c.reversedFen);
    if (whole) return left;
    if (refundFen <= 0) return 0;
    return Math.min(left, divideHalfUp(BigInt(c.creditFen) * BigInt(refundFen), BigInt(paidTotalFen)));
  });
}

export const FULL_SHARE_BP = 10_000;

/**
 * The share of each sale of a SKU that reaches the villager, in basis points: what one unit credits the villager
 * (netWeightG × priceFenPerKg / 1000) over the SKU's price, rounded half up, at least 1 and at most the whole sale.
 * A poor household's link to the listed product carries this share, so the ledger credits it what it earns.
 */
export function villagerShareBp(netWeightG: number, priceFenPerKg: number, skuPriceFen: number): number {
  if (skuPriceFen <= 0) return FULL_SHARE_BP;
  const bp = divideHalfUp(BigInt(netWeightG) * BigInt(priceFenPerKg) * BigInt(FULL_SHARE_BP), BigInt(skuPriceFen) * 1000n);
  return Math.min(FULL_SHARE_BP, Math.max(1, bp));
}
