import { AppError } from '../../kernel/errors.js';

/**
 * Units of one SKU a buyer may hold in cash-on-delivery orders not yet shipped. Such an order reserves stock with
 * no money and no expiry, so without a cap one account could take a whole harvest off the shelf. A household or a
 * small shop buys less; a village point buying for many villagers pays in cash at the point (paid, or expired
 * after 30 minutes), which is not capped.
 */
export const COD_UNITS_PER_SKU = 50;

/**
 * Refuses a cash-on-delivery checkout that would take a buyer past the cap on a SKU, given the units the buyer
 * already holds in such orders (`held`, by SKU id), naming the first line that goes over.
 */
export function checkCodLimit(held: ReadonlyMap<string, number>, items: { skuId: string; quantity: number }[]): void {
  const total = new Map(held);
  for (const [index, item] of items.entries()) {
    total.set(item.skuId, (total.get(item.skuId) ?? 0) + item.quantity);
    if (total.get(item.skuId)! > COD_UNITS_PER_SKU) {
      const field = `body.items.${index}.quantity`;
      throw new AppError(409, 'COD_LIMIT', `${field}: at most ${COD_UNITS_PER_SKU} units of one product may wait in unshipped cash-on-delivery orders; pay online or in cash at a village point for more`, { field, limit: COD_UNITS_PER_SKU, skuId: item.skuId });
    }
  }
}
