import { defineModule } from '../../kernel/module.js';
import { notifyInit } from './migrations/2026-12-02-notify.js';
import { NotifyRepository } from './notify.repository.js';
import { notifyRoutes } from './notify.routes.js';
import { OutboxService } from './outbox.service.js';
import { LocalSmsOutbox } from './sms.js';
export type { SmsSender, SmsMessage } from './sms.js';
export type { OutboxMessage } from './outbox.service.js';
export { LocalSmsOutbox } from './sms.js';

/** Messages to people: SMS through an adapter; the local one keeps every message in an outbox. */
export const notifyModule = defineModule({
  name: 'notify',
  tablePrefix: 'notify_',
  summary: '短信通知 Messages to people: SMS through an adapter; the local one keeps every message in an outbox',
  migrations: [notifyInit],
  requires: {},
  publishes: [],
  build(kernel) {
    const repo = new NotifyRepository(kernel.db);
    const sms = new LocalSmsOutbox(repo, kernel.sealer, kernel.clock);
    const outbox = new OutboxService(repo, kernel.sealer);
    return { provides: { sms, outbox }, routes: notifyRoutes(outbox) };
  },
});
