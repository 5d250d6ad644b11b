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

/** A consumer complained from a trace code's scan page: once per complaint. */
export const ComplaintFiled = defineEvent({
  type: 'trace.complaint-filed',
  version: 1,
  aggregate: 'complaint',
  description: '消费者投诉 A consumer complained from a trace code’s scan page: when, about which product and seller, and the township the batch comes from',
  payload: Type.Object({
    complaintId: Type.String(),
    filedAt: Type.String(),
    productId: Type.Union([Type.String(), Type.Null()]),
    sellerId: Type.Union([Type.String(), Type.Null()]),
    townshipCode: Type.Union([Type.String(), Type.Null()]),
  }),
});

export const TRACE_EVENTS = [ComplaintFiled];
