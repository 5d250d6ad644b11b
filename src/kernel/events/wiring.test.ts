import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { defineEvent, inline, subscriber } from './define.js';
import { checkEventWiring } from './wiring.js';

const Paid = defineEvent({
  type: 'orders.paid',
  version: 1,
  aggregate: 'order',
  description: '订单已付款 An order was paid',
  payload: Type.Object({ orderId: Type.String({ description: '订单 Order' }), amountFen: Type.Integer(), note: Type.Optional(Type.String()), lines: Type.Array(Type.Object({ skuId: Type.String() })) }),
});

/** A consumer's own copy of the event, with the given payload. */
const wanted = (payload: Parameters<typeof Type.Object>[0], version = 1) => defineEvent({ type: 'orders.paid', version, aggregate: 'order', description: '订单已付款 An order was paid', payload: Type.Object(payload) });
const noop = async () => undefined;

describe('checkEventWiring', () => {
  it('accepts a consumer that reads fewer fields, annotated differently', () => {
    const narrow = wanted({ orderId: Type.String(), lines: Type.Array(Type.Object({ skuId: Type.String() })), note: Type.Optional(Type.String()) });
    expect(() => checkEventWiring([Paid], [subscriber('stats.sales', [narrow], noop), inline(narrow, noop)])).not.toThrow();
  });

  it('refuses a subscription to an event or a version nobody publishes, naming each', () => {
    const shipped = defineEvent({ type: 'orders.shipped', version: 1, aggregate: 'order', description: '订单已发货 An order was shipped', payload: Type.Object({ orderId: Type.String() }) });
    expect(() => checkEventWiring([Paid], [subscriber('stats.sales', [shipped, wanted({ orderId: Type.String() }, 2)], noop)])).toThrow(
      'Event wiring:\n- subscriber stats.sales listens to orders.shipped@v1, which nobody publishes\n- subscriber stats.sales listens to orders.paid@v2, which nobody publishes',
    );
  });

  it('refuses a payload field the publisher lacks, types differently, or may leave out', () => {
    const greedy = wanted({ orderId: Type.String(), buyerId: Type.String(), amountFen: Type.String(), note: Type.String() });
    expect(() => checkEventWiring([Paid], [inline(greedy, noop)])).toThrow(
      [
        'Event wiring:',
        '- an inline handler on orders.paid@v1: it reads "buyerId", which the publisher does not send',
        '- an inline handler on orders.paid@v1: "amountFen" is {"type":"string"} for it but {"type":"integer"} for the publisher',
        '- an inline handler on orders.paid@v1: it requires "note", which the publisher may leave out',
      ].join('\n'),
    );
  });

  it('compares nested schemas whole', () => {
    const nested = wanted({ lines: Type.Array(Type.Object({ skuId: Type.Integer() })) });
    expect(() => checkEventWiring([Paid], [subscriber('stats.sales', [nested], noop)])).toThrow(/"lines" is .* for it but .* for the publisher/);
  });

  it('refuses one event published with two payload schemas', () => {
    expect(() => checkEventWiring([Paid, wanted({ orderId: Type.String() })], [])).toThrow('orders.paid@v1 is published with two different payload schemas');
  });
});

describe('defining events and subscribers', () => {
  it('refuses names that do not say their module', () => {
    expect(() => defineEvent({ type: 'paid', version: 1, aggregate: 'order', description: '已付款 Paid', payload: Type.Object({}) })).toThrow("Event type must look like 'module.fact': paid");
    expect(() => defineEvent({ type: 'orders.paid', version: 0, aggregate: 'order', description: '已付款 Paid', payload: Type.Object({}) })).toThrow('version must be a whole number from 1');
    expect(() => subscriber('sales', [Paid], noop)).toThrow("Subscriber name must look like 'module.purpose': sales");
    expect(() => subscriber('stats.sales', [], noop)).toThrow('Subscriber stats.sales listens to no event');
  });
});

describe('a subscriber of several events', () => {
  it('gets a union its handler tells apart by type (checked by the compiler)', async () => {
    const Refunded = defineEvent({ type: 'orders.refunded', version: 1, aggregate: 'order', description: '订单已退款 Refunded', payload: Type.Object({ orderId: Type.String() }) });
    const amounts: number[] = [];
    const sales = subscriber('stats.sales', [Paid, Refunded], async (event) => {
      if (event.type === 'orders.paid') amounts.push(event.payload.amountFen);
      // @ts-expect-error a refund carries no amount
      else amounts.push(event.payload.amountFen);
    });
    await sales.handler({ seq: 1, type: 'orders.paid', version: 1, aggregateId: 'ord_1', payload: { orderId: 'ord_1', amountFen: 5, lines: [] }, occurredAt: '2026-12-06T02:00:00.000Z' }, undefined as never);
    expect(amounts).toEqual([5]);
  });
});
