import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page, PageQuery } from '../../kernel/http/paging.js';
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
import type { LedgerExport } from './ledger-export.js';
import { LEDGER_KINDS } from './parties.tables.js';
import { Nullable, StringEnum } from '../../kernel/http/schema.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Ok = Type.Object({ ok: Type.Boolean() });

export function partiesRoutes(sellers: SellerService, households: HouseholdService, ledger: LedgerService, ledgerExport: LedgerExport) {
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
    app.get('/parties/sellers/:id/id-number', { schema: { ...s, summary: "A farmer seller's full ID number, for the account that manages it (audited)", params: IdParams, response: { 200: Type.Object({ idNumber: Type.Union([Type.String(), Type.Null()]) }), ...errorResponses } } }, async (request, reply) => {
      const idNumber = await sellers.revealIdNumber(request.ctx, request.params.id);
      return reply.header('cache-control', 'no-store').send({ idNumber });
    });

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
    app.get('/parties/households/:id/id-number', { schema: { ...h, summary: "The head's full ID number, for the household's own account (audited)", params: IdParams, response: { 200: Type.Object({ idNumber: Type.String() }), ...errorResponses } } }, async (request, reply) => {
      const idNumber = await households.revealHeadIdNumber(request.ctx, request.params.id);
      return reply.header('cache-control', 'no-store').send({ idNumber });
    });
    app.patch('/parties/households/:id', { schema: { ...h, summary: 'Change a household: members, status, account (county admin)', params: IdParams, body: HouseholdUpdateBody, response: { 200: HouseholdSchema, ...errorResponses } } }, (request) =>
      households.update(request.ctx, request.params.id, request.body),
    );
    app.post('/parties/households/:id/links', { schema: { ...h, summary: "Link a household to a seller or product with its share of each sale (county admin)", params: IdParams, body: LinkCreateBody, response: { 201: LinkSchema, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await households.link(request.ctx, request.params.id, request.body)),
    );
    const Period = { from: Type.Optional(Type.String({ format: 'date', description: 'first entry date (Asia/Shanghai), inclusive' })), to: Type.Optional(Type.String({ format: 'date', description: 'last entry date, inclusive' })) };
    const By = StringEnum(['household', 'village', 'township'] as const);
    const Group = Type.Object({ key: Type.String(), salesFen: Type.Integer(), incomeFen: Type.Integer(), reversedFen: Type.Integer({ description: 'income taken back by refunds in the period (≤ 0), included in incomeFen' }), orders: Type.Integer({ description: 'orders credited in the period' }) });
    const Totals = Type.Object({ salesFen: Type.Integer(), incomeFen: Type.Integer(), reversedFen: Type.Integer(), remainderE4: Type.Integer({ description: 'what rounding each credit down left, in 1/10 000 fen' }), orders: Type.Integer(), groups: Type.Integer() });
    app.get('/parties/ledger', { schema: { ...h, summary: 'Poverty-alleviation ledger: sales and household income per household, village or township over a period of entry dates, most income first (county admin, regulator)', querystring: Type.Object({ by: By, ...Period, ...PageQuery.properties }, { additionalProperties: false }), response: { 200: Type.Object({ items: Type.Array(Group), nextCursor: Nullable(Type.String()), totals: Totals }), ...errorResponses } } }, (request) => {
      const { by, from, to, limit = 50, cursor } = request.query;
      return ledger.summary(request.ctx, by, { from, to }, limit, cursor);
    });
    app.get('/parties/ledger/export.xlsx', { schema: { ...h, summary: 'The ledger over a period as an Excel workbook for auditors: totals, every entry, every sale line with its rounding remainder (county admin, regulator)', querystring: Type.Object({ by: Type.Optional(By), ...Period }, { additionalProperties: false }) } }, async (request, reply) => {
      const file = await ledgerExport.workbook(request.ctx, request.query.by ?? 'township', { from: request.query.from, to: request.query.to });
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.body);
    });
    const Entry = Type.Object({
      id: Type.String(),
      kind: StringEnum(LEDGER_KINDS),
      orderId: Type.String(),
      lineNo: Type.Integer(),
      productId: Type.String(),
      productName: Nullable(Type.String({ description: "the catalogue's name; null if the product is gone" })),
      sellerId: Type.String(),
      saleFen: Type.Integer(),
      shareBp: Type.Integer(),
      creditFen: Type.Integer(),
      saleDate: Type.String(),
      entryDate: Type.String({ description: 'the day the entry counts in: the payment for a credit, the refund for a reversal' }),
      reversesId: Nullable(Type.String()),
      reversed: Type.Boolean({ description: 'a credit that a later reversal took back' }),
    });
    app.get('/parties/households/:id/ledger', { schema: { ...h, summary: "A household's totals over a period and its entries, newest first", params: IdParams, querystring: Type.Object({ ...Period, ...PageQuery.properties }, { additionalProperties: false }), response: { 200: Type.Object({ householdId: Type.String(), totalIncomeFen: Type.Integer(), totalSalesFen: Type.Integer(), totalReversedFen: Type.Integer(), orders: Type.Integer(), items: Type.Array(Entry), nextCursor: Nullable(Type.String()) }), ...errorResponses } } }, (request) => {
      const { from, to, limit = 50, cursor } = request.query;
      return ledger.ofHousehold(request.ctx, request.params.id, { from, to }, limit, cursor);
    });
    app.post('/parties/household-links/:id/end', { schema: { ...h, summary: 'End a link on a date, keeping its history (county admin)', params: IdParams, body: LinkEndBody, response: { 200: Ok, ...errorResponses } } }, async (request) => {
      await households.endLink(request.ctx, request.params.id, request.body.validTo);
      return { ok: true };
    });
  };
}
