import type { Kysely } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import type { CatalogTables } from './catalog.tables.js';

interface PaidOrder {
  orderId: string;
  paidAt: string;
  lines: { productId: string; quantity: number }[];
}

/**
 * Units sold per product (已售), kept from the orders module's events in the order's own transaction. Each paid
 * order leaves one row per product, written once (a repeated event changes nothing); a refund marks its rows; and a
 * product's count is always recounted from its rows, never added to, so running an event again cannot drift it.
 */
export class SalesCounter {
  constructor(private readonly db: AnyKysely) {}

  async paid(anyTrx: AnyKysely, order: PaidOrder): Promise<void> {
    const trx = anyTrx as Kysely<CatalogTables>;
    const units = new Map<string, number>();
    for (const line of order.lines) units.set(line.productId, (units.get(line.productId) ?? 0) + line.quantity);
    if (units.size === 0) return;
    await trx
      .insertInto('catalog_sale_lines')
      .values([...units].map(([product_id, quantity]) => ({ order_id: order.orderId, product_id, quantity, paid_at: order.paidAt, refunded: 0 })))
      .onConflict((oc) => oc.columns(['order_id', 'product_id']).doNothing())
      .execute();
    await recount(trx, [...units.keys()]);
  }

  async refunded(anyTrx: AnyKysely, orderId: string): Promise<void> {
    const trx = anyTrx as Kysely<CatalogTables>;
    const lines = await trx.selectFrom('catalog_sale_lines').select('product_id').where('order_id', '=', orderId).execute();
    if (lines.length === 0) return;
    await trx.updateTable('catalog_sale_lines').set({ refunded: 1 }).where('order_id', '=', orderId).execute();
    await recount(trx, lines.map((l) => l.product_id));
  }

  /** Recounts every product from its sale lines: what a repair after a bad upgrade would run. */
  async rebuild(): Promise<void> {
    await (this.db as Kysely<CatalogTables>).transaction().execute(async (trx) => {
      const products = await trx.selectFrom('catalog_sale_lines').select('product_id').distinct().execute();
      await trx.deleteFrom('catalog_sales').execute();
      await recount(trx, products.map((p) => p.product_id));
    });
  }
}

async function recount(trx: Kysely<CatalogTables>, productIds: string[]): Promise<void> {
  const ids = [...new Set(productIds)].sort();
  const sums = await trx
    .selectFrom('catalog_sale_lines')
    .select(['product_id', (eb) => eb.fn.sum<number | string>('quantity').as('units')])
    .where('product_id', 'in', ids)
    .where('refunded', '=', 0)
    .groupBy('product_id')
    .execute();
  const units = new Map(sums.map((s) => [s.product_id, Number(s.units)]));
  for (const id of ids) {
    const units_sold = units.get(id) ?? 0;
    await trx
      .insertInto('catalog_sales')
      .values({ product_id: id, units_sold })
      .onConflict((oc) => oc.column('product_id').doUpdateSet({ units_sold }))
      .execute();
  }
}
