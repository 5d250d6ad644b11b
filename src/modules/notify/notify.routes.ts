import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page, PageQuery } from '../../kernel/http/paging.js';
import type { OutboxService } from './outbox.service.js';

const Message = Type.Object({ id: Type.String(), phone: Type.String({ description: 'masked' }), template: Type.String(), body: Type.String({ description: 'the text with its pick-up code masked' }), ref: Type.String(), createdAt: Type.String() });

/** The local SMS outbox, for the county admin (phones and pick-up codes masked). */
export function notifyRoutes(outbox: OutboxService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const querystring = Type.Object({ ...PageQuery.properties, phone: Type.Optional(Type.String({ pattern: '^1\\d{10}$' })), ref: Type.Optional(Type.String({ maxLength: 64 })) });
    app.get('/notify/outbox', { schema: { tags: ['notify'], summary: 'Text messages kept by the local SMS outbox (county admin; phones and pick-up codes masked)', querystring, response: { 200: Page(Message), ...errorResponses } } }, (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return outbox.list(request.ctx, filter, limit, cursor);
    });
  };
}
