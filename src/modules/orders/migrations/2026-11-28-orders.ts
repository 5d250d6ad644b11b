import type { ModuleMigration } from '../../../kernel/migrator.js';

export const ordersInit: ModuleMigration = {
  name: '2026-11-28-orders',
  async up(db) {
    await db.schema
      .createTable('orders_orders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('buyer_user_id', 'text', (c) => c.notNull())
      .addColumn('seller_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('payment_method', 'text', (c) => c.notNull())
      .addColumn('delivery', 'text', (c) => c.notNull())
      .addColumn('ship_to', 'text', (c) => c.notNull())
      .addColumn('pickup_site_id', 'text')
      .addColumn('items_fen', 'integer', (c) => c.notNull())
      .addColumn('delivery_fee_fen', 'integer', (c) => c.notNull())
      .addColumn('total_fen', 'integer', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('paid_at', 'text')
      .addColumn('shipped_at', 'text')
      .addColumn('carrier', 'text')
      .addColumn('waybill_no', 'text')
      .addColumn('delivered_at', 'text')
      .addColumn('completed_at', 'text')
      .addColumn('cancelled_at', 'text')
      .addColumn('cancel_reason', 'text')
      .addColumn('return_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('campaign_id', 'text')
      .execute();
    await db.schema.createIndex('orders_orders_campaign').on('orders_orders').columns(['campaign_id', 'status']).execute();
    await db.schema.createIndex('orders_orders_buyer').on('orders_orders').columns(['buyer_user_id', 'id']).execute();
    await db.schema.createIndex('orders_orders_seller').on('orders_orders').columns(['seller_id', 'status']).execute();
    await db.schema.createIndex('orders_orders_expiry').on('orders_orders').columns(['status', 'expires_at']).execute();
    await db.schema
      .createTable('orders_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('order_id', 'text', (c) => c.notNull().references('orders_orders.id'))
      .addColumn('sku_id', 'text', (c) => c.notNull())
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('product_name', 'text', (c) => c.notNull())
      .addColumn('spec', 'text', (c) => c.notNull())
      .addColumn('unit_price_fen', 'integer', (c) => c.notNull())
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('line_fen', 'integer', (c) => c.notNull())
      .addColumn('location', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('orders_items_order').on('orders_items').column('order_id').execute();
    await db.schema
      .createTable('orders_payments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('order_id', 'text', (c) => c.notNull().references('orders_orders.id'))
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('provider_ref', 'text', (c) => c.unique())
      .addColumn('amount_fen', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('settled_at', 'text')
      .execute();
    await db.schema.createIndex('orders_payments_order').on('orders_payments').column('order_id').execute();
    await db.schema
      .createTable('orders_campaigns')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seller_id', 'text', (c) => c.notNull())
      .addColumn('sku_id', 'text', (c) => c.notNull())
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('product_name', 'text', (c) => c.notNull())
      .addColumn('spec', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('price_fen', 'integer', (c) => c.notNull())
      .addColumn('target_qty', 'integer', (c) => c.notNull())
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('ship_date', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('settled_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('orders_campaigns_status').on('orders_campaigns').columns(['status', 'deadline']).execute();
    await db.schema
      .createTable('orders_delivery_fees')
      .addColumn('township_code', 'text', (c) => c.primaryKey())
      .addColumn('fee_fen', 'integer', (c) => c.notNull())
      .execute();
  },
  async down(db) {
    for (const table of ['orders_delivery_fees', 'orders_campaigns', 'orders_payments', 'orders_items', 'orders_orders']) await db.schema.dropTable(table).execute();
  },
};
