import { Type } from 'typebox';
import { defineEvent } from '../../kernel/events/index.js';

/** The parts of the orders module's events traceability reads (see docs/architecture.md, "Event catalogue"). */
export const OrderStockCommitted = defineEvent({
  type: 'orders.stock-committed',
  version: 1,
  aggregate: 'order',
  description: '订单占用库存 Units were taken for an order’s buyer',
  payload: Type.Object({ orderId: Type.String(), lines: Type.Array(Type.Object({ skuId: Type.String(), quantity: Type.Integer() })) }),
});

export const OrderStockReleased = defineEvent({
  type: 'orders.stock-released',
  version: 1,
  aggregate: 'order',
  description: '订单释放库存 An unshipped order’s units go back',
  payload: Type.Object({ orderId: Type.String() }),
});
