import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page } from '../../kernel/http/paging.js';
import {
  HouseholdCreateBody,
  HouseholdQuery,
  HouseholdSchema,
  HouseholdUpdateBody,
  LinkCreateBody,
  LinkEndBody,
  LinkSchema,
  ReasonBody,
  ReviewBody,
  SellerApplyBody,
  SellerProfileSchema,
  SellerQuery,
  SellerSchema,
  SellerUpdateBody,
} from './parties.schema.js';
import type { HouseholdService } from './households.service.js';
import type { SellerService } from './sellers.service.js';
import type { LedgerService } from './ledger.service.js';
import { StringEnum } from '../../kernel/http/schema.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Ok = Type.Object({ ok: Type.Boolean() });

export function partiesRoutes(sellers: SellerService, households: HouseholdService, ledger: LedgerService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const s = { tags: ['parties'] };

    app.post('/parties/sellers', { schema: { ...s, summary: 'Apply to sell (merchant, village operator for a farmer, county admin)', body: SellerApplyBody, response: { 201: SellerSchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await sellers.apply(request.ctx, request.body)),
    );
    app.get('/parties/sellers', { schema: { ...s, summary: 'Sellers: all for the county office and regulators, your own otherwise', querystring: SellerQuery, response: { 200: Page(SellerSchema), ...errorResponses } } }, (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return sellers.list(request.ctx, filter, limit, cursor);
    });
    app.get('/parties/sellers/:id', { schema: { ...s, summary: 'One seller', params: IdParams, response: { 200: SellerSchema, ...errorResponses } } }, (request) => sellers.get(request.ctx, request.params.id));
    app.get('/parties/sellers/:id/profile', { config: { public: true }, schema: { ...s, summary: "An approved seller's public profile", params: IdParams, response: { 200: SellerProfileSchema, ...errorResponses } } }, (request) =>
      sellers.profile(request.params.id),
    );
    app.patch('/parties/sellers/:id', { schema: { ...s, summary: "Change a seller's contact, address, tags or description", params: IdParams, body: SellerUpdateBody, response: { 200: SellerSchema, ...errorResponses } } }, (request) =>
      sellers.update(request.ctx, request.params.id, request.body),
    );
    app.post('/parties/sellers/:id/review', { schema: { ...s, summary: 'Approve or reject an application (county admin)', params: IdParams, body: ReviewBody, response: { 200: SellerSchema, ...errorResponses } } }, (request) =>
      sellers.review(request.ctx, request.params.id, request.body.decision, request.body.reason),
    );
    app.post('/parties/sellers/:id/resubmit', { schema: { ...s, summary: 'Correct a rejected application and send it back for review (the applicant)', params: IdParams, body: SellerUpdateBody, response: { 200: SellerSchema, ...errorResponses } } }, (request) =>
      sellers.resubmit(request.ctx, request.params.id, request.body),
    );
    app.post('/parties/sellers/:id/suspend', { schema: { ...s, summary: "Suspend a seller; its products leave the shop (county admin)", params: IdParams, body: ReasonBody, response: { 200: SellerSchema, ...errorResponses } } }, (request) =>
      sellers.suspend(request.ctx, request.params.id, request.body.reason),
    );
    app.post('/parties/sellers/:id/reinstate', { schema: { ...s, summary: 'Lift a suspension (county admin)', params: IdParams, response: { 200: SellerSchema, ...errorResponses } } }, (request) =>
      sellers.reinstate(request.ctx, request.params.id),
    );
    app.get('/parties/sellers/:id/id-number', { schema: { ...s, summary: "A farmer seller's full ID number, for the account that manages it", params: IdParams, response: { 200: Type.Object({ idNumber: Type.Union([Type.String(), Type.Null()]) }), ...errorResponses } } }, async (request) => ({
      idNumber: await sellers.revealIdNumber(request.ctx, request.params.id),
    }));

    const h = { tags: ['parties'] };
    app.post('/parties/households', { schema: { ...h, summary: 'Register a poor household (county admin)', body: HouseholdCreateBody, response: { 201: HouseholdSchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await households.register(request.ctx, request.body)),
    );
    app.get('/parties/households', { schema: { ...h, summary: 'The poor-household register (county admin, regulator; a household sees itself)', querystring: HouseholdQuery, response: { 200: Page(HouseholdSchema), ...errorResponses } } }, (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return households.list(request.ctx, filter, limit, cursor);
    });
    app.get('/parties/households/:id', { schema: { ...h, summary: 'One household with the links in force', params: IdParams, response: { 200: Type.Intersect([HouseholdSchema, Type.Object({ links: Type.Array(LinkSchema) })]), ...errorResponses } } }, (request) =>
      households.get(request.ctx, request.params.id),
    );
    app.patch('/parties/households/:id', { schema: { ...h, summary: 'Change a household: members, status, account (county admin)', params: IdParams, body: HouseholdUpdateBody, response: { 200: HouseholdSchema, ...errorResponses } } }, (request) =>
      households.update(request.ctx, request.params.id, request.body),
    );
    app.post('/parties/households/:id/links', { schema: { ...h, summary: "Link a household to a seller or product with its share of each sale (county admin)", params: IdParams, body: LinkCreateBody, response: { 201: LinkSchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await households.link(request.ctx, request.params.id, request.body)),
    );
    const Summary = Type.Array(Type.Object({ key: Type.String(), salesFen: Type.Integer(), incomeFen: Type.Integer(), orders: Type.Integer() }));
    app.get('/parties/ledger', { schema: { ...h, summary: 'Poverty-alleviation ledger: sales and household income per household, village or township', querystring: Type.Object({ by: StringEnum(['household', 'village', 'township'] as const), from: Type.Optional(Type.String({ format: 'date' })), to: Type.Optional(Type.String({ format: 'date' })) }), response: { 200: Type.Object({ items: Summary }), ...errorResponses } } }, async (request) => ({
      items: await ledger.summary(request.ctx, request.query.by, request.query.from, request.query.to),
    }));
    app.get('/parties/households/:id/ledger', { schema: { ...h, summary: "A household's credits from sales", params: IdParams, response: { 200: Type.Object({ householdId: Type.String(), totalIncomeFen: Type.Integer(), totalSalesFen: Type.Integer(), entries: Type.Array(Type.Object({ orderId: Type.String(), productId: Type.String(), sellerId: Type.String(), saleFen: Type.Integer(), shareBp: Type.Integer(), creditFen: Type.Integer(), saleDate: Type.String(), reversed: Type.Boolean() })) }), ...errorResponses } } }, (request) =>
      ledger.ofHousehold(request.ctx, request.params.id),
    );
    app.post('/parties/household-links/:id/end', { schema: { ...h, summary: 'End a link on a date, keeping its history (county admin)', params: IdParams, body: LinkEndBody, response: { 200: Ok, ...errorResponses } } }, async (request) => {
      await households.endLink(request.ctx, request.params.id, request.body.validTo);
      return { ok: true };
    });
  };
}
