import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page, PageQuery } from '../../kernel/http/paging.js';
import { AddressCreateBody, AddressSchema, AddressUpdateBody } from './addresses.schema.js';
import type { AddressBook } from './addresses.service.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** 我的地址: every signed-in user's own address book (any role may buy in the shop). */
export function addressRoutes(book: AddressBook) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['identity'];

    app.get(
      '/me/addresses',
      { schema: { tags, summary: '我的地址 Your address book, the default first', querystring: PageQuery, response: { 200: Page(AddressSchema), ...errorResponses } } },
      (request) => book.list(request.ctx, request.query.limit ?? 50, request.query.cursor),
    );

    app.post(
      '/me/addresses',
      { schema: { tags, summary: '添加地址 Add an address (the first is the default)', body: AddressCreateBody, response: { 201: AddressSchema, ...errorResponses } } },
      async (request, reply) => reply.status(201).send(await book.create(request.ctx, request.body)),
    );

    app.patch(
      '/me/addresses/:id',
      { schema: { tags, summary: '修改地址 Change one of your addresses', params: IdParams, body: AddressUpdateBody, response: { 200: AddressSchema, ...errorResponses } } },
      (request) => book.update(request.ctx, request.params.id, request.body),
    );

    app.delete(
      '/me/addresses/:id',
      { schema: { tags, summary: '删除地址 Delete one of your addresses (a default passes to another)', params: IdParams, response: { 200: Type.Object({ ok: Type.Boolean() }), ...errorResponses } } },
      async (request) => {
        await book.remove(request.ctx, request.params.id);
        return { ok: true };
      },
    );

    app.post(
      '/me/addresses/:id/default',
      { schema: { tags, summary: '设为默认 Make one of your addresses the default', params: IdParams, response: { 200: AddressSchema, ...errorResponses } } },
      (request) => book.makeDefault(request.ctx, request.params.id),
    );
  };
}
