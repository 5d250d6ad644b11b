import type { Kysely } from 'kysely';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import type { AnyKysely } from '../../kernel/db.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import type { Sealer } from '../../kernel/sealed.js';
import { maskSmsBody } from './mask-body.js';
import type { NotifyTables } from './notify.tables.js';

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
  private readonly db: Kysely<NotifyTables>;
  constructor(
    db: AnyKysely,
    private readonly sealer: Sealer,
  ) {
    this.db = db as Kysely<NotifyTables>;
  }

  async list(ctx: RequestContext, filter: { phone?: string; ref?: string }, limit: number, cursor?: string): Promise<PageResult<OutboxMessage>> {
    requireRole(ctx, 'county_admin');
    const after = decodeCursor(cursor);
    let query = this.db.selectFrom('notify_sms_outbox').selectAll().orderBy('id', 'desc').limit(limit + 1);
    if (filter.phone) query = query.where('phone_print', '=', this.sealer.fingerprint(filter.phone));
    if (filter.ref) query = query.where('ref', '=', filter.ref);
    if (after) query = query.where('id', '<', after);
    const page = toPage(await query.execute(), limit, (r) => r.id);
    return { ...page, items: page.items.map((r) => ({ id: r.id, phone: r.phone_masked, template: r.template, body: maskSmsBody(r.template, r.body), ref: r.ref, createdAt: r.created_at })) };
  }

  /** Every message sent to a phone, newest first, in full (for the owner of the phone and for tests). */
  async sentTo(phone: string): Promise<OutboxMessage[]> {
    const rows = await this.db.selectFrom('notify_sms_outbox').selectAll().where('phone_print', '=', this.sealer.fingerprint(phone)).orderBy('id', 'desc').execute();
    return rows.map((r) => ({ id: r.id, phone: this.sealer.open(r.phone), template: r.template, body: r.body, ref: r.ref, createdAt: r.created_at }));
  }
}
