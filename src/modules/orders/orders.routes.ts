import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../kernel/errors.js';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page, PageQuery } from '../../kernel/http/paging.js';
import { StringEnum } from '../../kernel/http/schema.js';
import { BackBody, CampaignBody, CampaignQuery, CampaignSchema, CancelBody, CheckoutBody, FeesBody, OrderQuery, OrderSchema, ShipBody, WalkInBody } from './orders.schema.js';
import type { CampaignService } from './campaigns.service.js';
import { ORDER_STATUSES } from './orders.tables.js';
import type { OrdersService } from './orders.service.js';
import type { LocalPaymentProvider } from './payments.js';
import type { WalkInService } from './walk-in.service.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Fees = Page(Type.Object({ townshipCode: Type.String(), feeFen: Type.Integer() }));

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
  }
}

export function ordersRoutes(orders: OrdersService, campaigns: CampaignService, walkIns: WalkInService, localProvider: LocalPaymentProvider | null) {
  // Only the local provider is reachable here; without it (outside a demo) there is no online payment to call back.
  const online = localProvider !== null;
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['orders'];

    app.post('/orders/checkout', { schema: { tags, summary: 'Place the orders of a cart (one per seller), reserving stock; honours Idempotency-Key', body: CheckoutBody, response: { 201: Type.Object({ orders: Type.Array(OrderSchema) }), ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send({ orders: await orders.checkout(request.ctx, request.body) }),
    );
    app.post(
      '/orders/walk-in',
      { config: { roles: ['village_operator'] }, schema: { tags, summary: '代下单 A village point orders for a walk-in villager (cash at the point; the villager is texted the order number); honours Idempotency-Key', body: WalkInBody, response: { 201: Type.Object({ orders: Type.Array(OrderSchema) }), ...errorResponses } } },
      async (request, reply) => reply.status(201).send({ orders: await walkIns.place(request.ctx, request.body) }),
    );
    app.get('/orders', { schema: { tags, summary: 'Your purchases, your sellers\' sales, or every order; ?q= finds one by its number', querystring: OrderQuery, response: { 200: Page(OrderSchema), ...errorResponses } } }, (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return orders.list(request.ctx, filter, limit, cursor);
    });
    app.get('/orders/:id', { schema: { tags, summary: 'One order', params: IdParams, response: { 200: OrderSchema, ...errorResponses } } }, (request) => orders.get(request.ctx, request.params.id));
    app.post('/orders/:id/cash-received', { schema: { tags, summary: 'The village point took the cash (代收)', params: IdParams, response: { 200: OrderSchema, ...errorResponses } } }, (request) => orders.confirmCash(request.ctx, request.params.id));
    app.post('/orders/:id/ship', { schema: { tags, summary: 'The seller ships with a carrier and waybill number', params: IdParams, body: ShipBody, response: { 200: OrderSchema, ...errorResponses } } }, (request) =>
      orders.ship(request.ctx, request.params.id, request.body.carrier, request.body.waybillNo),
    );
    app.post('/orders/:id/deliver', { schema: { tags, summary: 'Delivered (cash on delivery is paid here)', params: IdParams, response: { 200: OrderSchema, ...errorResponses } } }, (request) => orders.deliver(request.ctx, request.params.id));
    app.post('/orders/:id/complete', { schema: { tags, summary: 'The buyer confirms receipt', params: IdParams, response: { 200: OrderSchema, ...errorResponses } } }, (request) => orders.complete(request.ctx, request.params.id));
    app.post('/orders/:id/cancel', { schema: { tags, summary: 'Cancel before shipping; a paid order is refunded', params: IdParams, body: CancelBody, response: { 200: OrderSchema, ...errorResponses } } }, (request) =>
      orders.cancel(request.ctx, request.params.id, request.body.reason),
    );
    app.post('/orders/:id/return', { schema: { tags, summary: 'The buyer asks to return a delivered order', params: IdParams, body: CancelBody, response: { 200: OrderSchema, ...errorResponses } } }, (request) =>
      orders.requestReturn(request.ctx, request.params.id, request.body.reason),
    );
    app.post('/orders/:id/return/accept', { schema: { tags, summary: 'The seller accepts the return: refunded', params: IdParams, response: { 200: OrderSchema, ...errorResponses } } }, (request) => orders.acceptReturn(request.ctx, request.params.id));
    app.post('/orders/:id/return/refuse', { schema: { tags, summary: 'The seller refuses the return, saying why', params: IdParams, body: CancelBody, response: { 200: OrderSchema, ...errorResponses } } }, (request) =>
      orders.refuseReturn(request.ctx, request.params.id, request.body.reason),
    );
    app.get('/orders/campaigns', { config: { public: true }, schema: { tags, summary: 'Presale campaigns with their progress, soonest deadline first (public)', querystring: CampaignQuery, response: { 200: Page(CampaignSchema), ...errorResponses } } }, (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return campaigns.list(filter, limit, cursor);
    });
    app.get('/orders/campaigns/:id', { config: { public: true }, schema: { tags, summary: 'One presale campaign (public)', params: IdParams, response: { 200: CampaignSchema, ...errorResponses } } }, (request) => campaigns.get(request.params.id));
    app.post('/orders/campaigns', { schema: { tags, summary: 'Open a presale for a coming harvest (the seller)', body: CampaignBody, response: { 201: CampaignSchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await campaigns.create(request.ctx, request.body)),
    );
    app.post('/orders/campaigns/:id/back', { schema: { tags, summary: 'Back a presale: an order paid up front', params: IdParams, body: BackBody, response: { 201: OrderSchema, ...errorResponses } } }, async (request, reply) => {
      const { quantity, ...input } = request.body;
      return reply.status(201).send(await campaigns.back(request.ctx, request.params.id, quantity, input));
    });
    app.get('/orders/delivery-fees', { config: { public: true }, schema: { tags, summary: 'Same-town delivery fee per township, and the parcel fee last (public)', querystring: PageQuery, response: { 200: Fees, ...errorResponses } } }, (request) =>
      orders.fees(request.query.limit ?? 50, request.query.cursor),
    );
    app.put('/orders/delivery-fees', { schema: { tags, summary: 'Set delivery fees (county admin); answers the first page of fees', body: FeesBody, response: { 200: Fees, ...errorResponses } } }, async (request) => {
      await orders.setFees(request.ctx, request.body.fees);
      return orders.fees(50);
    });

    // The provider's callback is checked against its signature over the exact bytes sent, so keep them.
    if (online) await app.register(async (callbacks) => {
      callbacks.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
        request.rawBody = body as string;
        try {
          done(null, JSON.parse(body as string));
        } catch {
          done(new AppError(400, 'BAD_BODY', 'body is not JSON'), undefined);
        }
      });
      callbacks.post(
        '/payments/callback/local',
        { config: { public: true }, schema: { tags, summary: 'Signed payment callback of the local provider', headers: Type.Object({ 'x-payment-signature': Type.Optional(Type.String()) }), response: { 200: Type.Object({ orderId: Type.String(), status: StringEnum(ORDER_STATUSES) }), ...errorResponses } } },
        (request) => orders.paymentCallback(request.rawBody ?? '', request.headers['x-payment-signature'] as string | undefined),
      );
    });

    if (localProvider) {
      // The local provider's own "pay" button: it pays at once and calls back, signed, like a real provider.
      app.post(
        '/payments/local/:ref/pay',
        { schema: { tags, summary: 'Pay through the local provider (stands in for an online payment service)', params: Type.Object({ ref: Type.String({ maxLength: 64 }) }), querystring: Type.Object({ order: Type.String({ maxLength: 64 }) }), response: { 200: Type.Object({ orderId: Type.String(), status: StringEnum(ORDER_STATUSES) }), ...errorResponses } } },
        async (request) => {
          const order = await orders.get(request.ctx, request.query.order);
          if (order.buyerUserId !== request.ctx.principal?.userId) throw new AppError(404, 'NOT_FOUND', 'Order not found'); // only its buyer pays
          const body = JSON.stringify({ providerRef: request.params.ref, orderId: order.id, amountFen: order.totalFen, status: 'succeeded' });
          return orders.paymentCallback(body, localProvider.sign(body));
        },
      );
    }
  };
}
