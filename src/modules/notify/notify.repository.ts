import type { Kysely } from 'kysely';
import type { AnyKysely } from '../../kernel/db.js';
import type { NotifyTables, SmsOutboxRow } from './notify.tables.js';

export interface OutboxFilter {
  /** The phone's fingerprint (phones are stored sealed). */
  phonePrint?: string;
  ref?: string;
  /** Newest first: only messages with an id below this one. */
  beforeId?: string;
}

/** Data access for the local SMS outbox (`notify_sms_outbox`): messages written in the sender's transaction, read back newest first. */
export class NotifyRepository {
  private readonly db: Kysely<NotifyTables>;
  constructor(db: AnyKysely) {
    this.db = db as Kysely<NotifyTables>;
  }

  /** Keeps a message, inside the transaction of what it announces. */
  async insertSms(trx: AnyKysely, row: SmsOutboxRow): Promise<void> {
    await (trx as Kysely<NotifyTables>).insertInto('notify_sms_outbox').values(row).execute();
  }

  /** A page of messages, newest first (one more than `limit`, to tell whether another page follows). */
  listSms(filter: OutboxFilter, limit: number): Promise<SmsOutboxRow[]> {
    let query = this.db.selectFrom('notify_sms_outbox').selectAll().orderBy('id', 'desc').limit(limit);
    if (filter.phonePrint) query = query.where('phone_print', '=', filter.phonePrint);
    if (filter.ref) query = query.where('ref', '=', filter.ref);
    if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
    return query.execute();
  }

  /** Every message to the phone with this fingerprint, newest first. */
  smsTo(phonePrint: string): Promise<SmsOutboxRow[]> {
    return this.db.selectFrom('notify_sms_outbox').selectAll().where('phone_print', '=', phonePrint).orderBy('id', 'desc').execute();
  }
}
