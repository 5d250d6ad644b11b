import { randomInt } from 'node:crypto';
import type { ModuleMigration } from '../../../kernel/migrator.js';

// Frozen with this migration (the live rule is short-number.ts): 7 random digits, the first not 0, and a Damm check digit.
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];
const shortNo = () => {
  const body = String(randomInt(1_000_000, 10_000_000));
  let interim = 0;
  for (const c of body) interim = DAMM[interim][Number(c)];
  return `${body}${interim}`;
};

/**
 * Every order gets a short number a villager reads out (8 digits, unique, random); orders placed before get one here.
 * A cash order at a village point keeps the opening hours its payment window was reckoned from (and whether they
 * were assumed for want of readable ones), and an order a point placed for a walk-in villager is marked so.
 */
export const ordersShortNo: ModuleMigration = {
  name: '2026-12-07-orders-short-no',
  async up(db) {
    await db.schema.alterTable('orders_orders').addColumn('short_no', 'text').execute();
    await db.schema.alterTable('orders_orders').addColumn('walk_in', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('orders_orders').addColumn('pickup_hours', 'text').execute();
    await db.schema.alterTable('orders_orders').addColumn('pickup_hours_assumed', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    const rows = (await db.selectFrom('orders_orders').select('id').orderBy('id').execute()) as { id: string }[];
    const taken = new Set<string>();
    for (const { id } of rows) {
      let no = shortNo();
      while (taken.has(no)) no = shortNo();
      taken.add(no);
      await db.updateTable('orders_orders').set({ short_no: no }).where('id', '=', id).execute();
    }
    await db.schema.createIndex('orders_orders_short_no').on('orders_orders').column('short_no').unique().execute();
  },
  async down(db) {
    await db.schema.dropIndex('orders_orders_short_no').execute();
    for (const column of ['pickup_hours_assumed', 'pickup_hours', 'walk_in', 'short_no']) await db.schema.alterTable('orders_orders').dropColumn(column).execute();
  },
};
