import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import { newSecret } from '../../kernel/ids.js';
import type { IdentityTables } from './identity.tables.js';

export const DEVICE_COOKIE = 'countyhub_device';
/** A browser stays known this long after its last sign-in (the cookie's Max-Age is renewed with each). */
export const DEVICE_MAX_AGE_SECONDS = 365 * 86400;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Device cookies (OWASP): a browser that has signed in to an account before is let past that account's limit,
 * so guesses from elsewhere cannot keep the owner out. Only the cookie's hash is stored, in the database, so
 * every process agrees. The value is replaced at every sign-in, so one learnt or planted earlier stops working.
 */
export class KnownDevices {
  constructor(
    private readonly db: Kysely<IdentityTables>,
    private readonly clock: Clock,
  ) {}

  private cutoff(): string {
    return new Date(this.clock.now().getTime() - DEVICE_MAX_AGE_SECONDS * 1000).toISOString();
  }

  /** Whether this cookie is from a browser the account with this user name signed in from within the year. */
  async trusts(cookie: string | undefined, username: string): Promise<boolean> {
    if (!cookie || cookie.length > 200) return false;
    const row = await this.db
      .selectFrom('identity_devices')
      .innerJoin('identity_users', 'identity_users.id', 'identity_devices.user_id')
      .select('identity_devices.id')
      .where('identity_devices.id', '=', sha256(cookie))
      .where('identity_users.username', '=', username)
      .where('identity_devices.last_used_at', '>', this.cutoff())
      .executeTakeFirst();
    return row !== undefined;
  }

  /** After a right password: a new cookie value for this browser, still known for the users it was known for. */
  async remember(cookie: string | undefined, userId: string): Promise<string> {
    const next = newSecret();
    const id = sha256(next);
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      if (cookie && cookie.length <= 200) {
        await trx.updateTable('identity_devices').set({ id }).where('id', '=', sha256(cookie)).where('last_used_at', '>', this.cutoff()).execute();
      }
      await trx
        .insertInto('identity_devices')
        .values({ id, user_id: userId, created_at: now, last_used_at: now })
        .onConflict((oc) => oc.columns(['id', 'user_id']).doUpdateSet({ last_used_at: now }))
        .execute();
    });
    return next;
  }

  async purge(): Promise<void> {
    await this.db.deleteFrom('identity_devices').where('last_used_at', '<=', this.cutoff()).execute();
  }
}
