import { requireRole, type RequestContext } from '../../kernel/context.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import type { Sealer } from '../../kernel/sealed.js';
import { maskSmsBody } from './mask-body.js';
import type { NotifyRepository } from './notify.repository.js';

export interface OutboxMessage {
  id: string;
  phone: string;
  template: string;
  body: string;
  ref: string;
  createdAt: string;
}

/**
 * Reads the local outbox: the county office checks what went out (phones and pick-up codes masked: only the
 * recipient's phone shows the code); tests read what a phone received.
 */
export class OutboxService {
  constructor(
    private readonly repo: NotifyRepository,
    private readonly sealer: Sealer,
  ) {}

  async list(ctx: RequestContext, filter: { phone?: string; ref?: string }, limit: number, cursor?: string): Promise<PageResult<OutboxMessage>> {
    requireRole(ctx, 'county_admin');
    const after = decodeCursor(cursor);
    const rows = await this.repo.listSms({ phonePrint: filter.phone ? this.sealer.fingerprint(filter.phone) : undefined, ref: filter.ref, beforeId: after }, limit + 1);
    const page = toPage(rows, limit, (r) => r.id);
    return { ...page, items: page.items.map((r) => ({ id: r.id, phone: r.phone_masked, template: r.template, body: maskSmsBody(r.template, r.body), ref: r.ref, createdAt: r.created_at })) };
  }

  /** Every message sent to a phone, newest first, in full (for the owner of the phone and for tests). */
  async sentTo(phone: string): Promise<OutboxMessage[]> {
    const rows = await this.repo.smsTo(this.sealer.fingerprint(phone));
    return rows.map((r) => ({ id: r.id, phone: this.sealer.open(r.phone), template: r.template, body: r.body, ref: r.ref, createdAt: r.created_at }));
  }
}
