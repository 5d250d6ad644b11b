import type { Kysely } from 'kysely';
import { AppError } from '../../kernel/errors.js';
import type { OrdersTables } from './orders.tables.js';

/**
 * Units of one SKU a buyer may hold in cash-on-delivery orders not yet shipped. Such an order reserves stock with
 * no money and no expiry, so without a cap one account could take a whole harvest off the shelf. A household or a
 * small shop buys less; a village point buying for many villagers pays in cash at the point (paid, or expired
 * after 30 minutes), which is not capped.
 */
export const COD_UNITS_PER_SKU = 50;

export async function checkCodLimit(db: Kysely<OrdersTables>, buyerUserId: string, items: { skuId: string; quantity: number }[]): Promise<void> {
  const held = await db
    .selectFrom('orders_orders as o')
    .innerJoin('orders_items as i', 'i.order_id', 'o.id')
    .select('i.sku_id')
    .select((eb) => eb.fn.sum<number>('i.quantity').as('qty'))
    .where('o.buyer_user_id', '=', buyerUserId)
    .where('o.payment_method', '=', 'cod')
    .where('o.status', '=', 'confirmed')
    .where('i.sku_id', 'in', [...new Set(items.map((i) => i.skuId))])
    .groupBy('i.sku_id')
    .execute();
  const total = new Map(held.map((r) => [r.sku_id, Number(r.qty)]));
  for (const [index, item] of items.entries()) {
    total.set(item.skuId, (total.get(item.skuId) ?? 0) + item.quantity);
    if (total.get(item.skuId)! > COD_UNITS_PER_SKU) {
      const field = `body.items.${index}.quantity`;
      throw new AppError(409, 'COD_LIMIT', `${field}: at most ${COD_UNITS_PER_SKU} units of one product may wait in unshipped cash-on-delivery orders; pay online or in cash at a village point for more`, { field, limit: COD_UNITS_PER_SKU, skuId: item.skuId });
    }
  }
}
