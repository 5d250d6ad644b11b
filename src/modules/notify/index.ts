import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../kernel/http/errors.js';
import { Page, PageQuery } from '../../kernel/http/paging.js';
import { defineModule, type ModuleDeps } from '../../kernel/module.js';
import type { Sealer } from '../../kernel/sealed.js';
import { notifyInit } from './migrations/2026-12-02-notify.js';
import { NotifyRepository } from './notify.repository.js';
import { OutboxService } from './outbox.service.js';
import { LocalSmsOutbox, type SmsSender } from './sms.js';

export type { SmsSender, SmsMessage } from './sms.js';
export type { OutboxMessage } from './outbox.service.js';
export { LocalSmsOutbox } from './sms.js';

const Message = Type.Object({ id: Type.String(), phone: Type.String({ description: 'masked' }), template: Type.String(), body: Type.String({ description: 'the text with its pick-up code masked' }), ref: Type.String(), createdAt: Type.String() });

/** Messages to people: SMS through an adapter; the local one keeps every message in an outbox. */
export function notifyModule(deps: ModuleDeps & { sealer: Sealer; sms?: SmsSender }) {
  const repo = new NotifyRepository(deps.db);
  const sms = deps.sms ?? new LocalSmsOutbox(repo, deps.sealer, deps.clock);
  const outbox = new OutboxService(repo, deps.sealer);
  const routes = async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const querystring = Type.Object({ ...PageQuery.properties, phone: Type.Optional(Type.String({ pattern: '^1\\d{10}$' })), ref: Type.Optional(Type.String({ maxLength: 64 })) });
    app.get('/notify/outbox', { schema: { tags: ['notify'], summary: 'Text messages kept by the local SMS outbox (county admin; phones and pick-up codes masked)', querystring, response: { 200: Page(Message), ...errorResponses } } }, (request) => {
      const { limit = 50, cursor, ...filter } = request.query;
      return outbox.list(request.ctx, filter, limit, cursor);
    });
  };
  return defineModule({ name: 'notify', migrations: [notifyInit], sms, outbox, routes });
}
