import type { ModuleMigration } from '../../../kernel/migrator.js';

/**
 * Settlement resumes: a decided campaign (succeeded/failed) keeps `settled_at` empty until every backing it closes is
 * cancelled or refunded. Campaigns an earlier settlement left half-done (marked failed, backers still paid) are
 * reopened for settlement here, so the next run refunds them.
 */
export const ordersSettlement: ModuleMigration = {
  name: '2026-12-06-orders-settlement',
  async up(db) {
    await db
      .updateTable('orders_campaigns')
      .set({ settled_at: null })
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'failed'), eb.exists(eb.selectFrom('orders_orders as o').select('o.id').whereRef('o.campaign_id', '=', 'orders_campaigns.id').where('o.status', 'in', ['pending_payment', 'paid']))]),
          eb.and([eb('status', '=', 'succeeded'), eb.exists(eb.selectFrom('orders_orders as o').select('o.id').whereRef('o.campaign_id', '=', 'orders_campaigns.id').where('o.status', '=', 'pending_payment'))]),
        ]),
      )
      .execute();
    await db.schema.createIndex('orders_campaigns_settling').on('orders_campaigns').columns(['settled_at', 'status']).execute();
    await db.schema.createIndex('orders_campaigns_deadline').on('orders_campaigns').columns(['deadline', 'id']).execute();
    // A pending online payment whose order was cancelled before it was paid is cancelled, not left pending.
    await db
      .updateTable('orders_payments')
      .set({ status: 'cancelled' })
      .where('status', '=', 'pending')
      .where((eb) => eb.exists(eb.selectFrom('orders_orders as o').select('o.id').whereRef('o.id', '=', 'orders_payments.order_id').where('o.status', 'in', ['cancelled', 'refunded'])))
      .execute();
  },
  async down(db) {
    await db.schema.dropIndex('orders_campaigns_deadline').execute();
    await db.schema.dropIndex('orders_campaigns_settling').execute();
  },
};
