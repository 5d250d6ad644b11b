import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page, PageQuery } from '../../kernel/http/paging.js';
import { READERS } from './access.js';
import { ConsignorView, ListingBody, ListingView, StatementView, type ConsignmentService } from './consignment.service.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });

/** 代卖 consignment: the consignors of a site with balances, one consignor's statement, listing a lot in the shop. */
export function consignmentRoutes(service: ConsignmentService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['stations'];
    app.get(
      '/stations/consignors',
      {
        config: { roles: [...READERS] },
        schema: { tags, summary: '代卖结算 The villagers who consigned produce at a site, with what they brought, sold, were paid and are owed (balance); a page at a time', querystring: Type.Object({ siteId: Id, ...PageQuery.properties }), response: { 200: Page(ConsignorView), ...errorResponses } },
      },
      async (request) => {
        const { siteId, limit = 50, cursor } = request.query;
        return service.consignors(request.ctx, siteId, limit, cursor);
      },
    );
    app.get(
      '/stations/consignors/:id/statement',
      {
        config: { roles: [...READERS] },
        schema: { tags, summary: '代卖对账单 One consignor’s statement, ready to print: its lots (weight, grade, price offered, what was listed and sold), every sale, refund and payout oldest first, the totals and the balance', params: Type.Object({ id: Id }), response: { 200: StatementView, ...errorResponses } },
      },
      async (request) => service.statement(request.ctx, request.params.id),
    );
    app.post(
      '/stations/consignments/:recordId/listing',
      {
        config: { roles: ['county_admin', 'village_operator', 'township_operator'] },
        schema: {
          tags,
          summary:
            '代卖上架 Moves whole units of a SKU’s net weight from a consignment lot (the site’s stock) into the shop’s stock held at stations. The site’s operator lists for a product whose seller its account manages (代卖 sellers it registered), the county office any. A villager of a registered poor household has its household linked to the product with its share of each sale (poverty-alleviation ledger). 409 STOCK_INSUFFICIENT (not that much left of the lot), SKU_INACTIVE, SHARES_EXCEED_WHOLE (the product’s households would share more than the whole sale)',
          params: Type.Object({ recordId: Id }),
          body: ListingBody,
          response: { 201: ListingView, ...errorResponses },
        },
      },
      async (request, reply) => reply.status(201).send(await service.list(request.ctx, request.params.recordId, request.body)),
    );
  };
}
