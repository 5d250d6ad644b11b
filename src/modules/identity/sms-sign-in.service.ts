import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../kernel/audit.js';
import type { Clock } from '../../kernel/clock.js';
import type { RequestContext } from '../../kernel/context.js';
import { AppError, invalidField } from '../../kernel/errors.js';
import { newId, newSecret } from '../../kernel/ids.js';
import { maskPhone } from '../../kernel/mask.js';
import type { Sealer } from '../../kernel/sealed.js';
import { addressGroup } from './address-group.js';
import type { IdentityService } from './identity.service.js';
import type { UserRow } from './identity.tables.js';
import { hashPassword } from './passwords.js';
import type { SignInSms } from './ports.js';
import { SignInGuard } from './sign-in-guard.js';
import { SMS_CODE_LIMITS, SmsWindows, type Taken, type Window } from './sms-limits.js';
import type { SmsSignInTables } from './sms-sign-in.tables.js';

const SHOPPER_ROLES = JSON.stringify(['consumer']);
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function checkPhone(phone: string): void {
  if (!/^1\d{10}$/.test(phone)) throw invalidField('body.phone', 'must be an 11-digit mobile number');
}

/** One answer for every code that cannot be used: never sent, expired, used, or voided by wrong tries. */
const noLiveCode = () => invalidField('body.code', 'this code has expired or was already used; ask for a new one', 'SMS_CODE_EXPIRED');

/**
 * Shoppers sign in, and sign up on first use, with a phone and a 6-digit code sent to it by text message. Nothing
 * answered tells whether a phone has an account: a code goes out (or is refused by a limit) the same way for every
 * number, and the account is found or made only after the right code proves the phone is the caller's.
 * A phone reaches only a shopper's account (roles exactly `consumer`): staff accounts keep their passwords, so a
 * stolen phone cannot open a county admin's console.
 */
export class SmsSignIn {
  private readonly db: Kysely<SmsSignInTables>;
  private readonly windows: SmsWindows;
  private readonly guard: SignInGuard;

  constructor(
    private readonly accounts: IdentityService,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly sms: SignInSms,
    /** The county a new shopper's account is scoped to (the address book's port answers it). */
    private readonly county: { countyCode(): Promise<string> },
  ) {
    this.db = accounts.repo.db as unknown as Kysely<SmsSignInTables>;
    this.windows = new SmsWindows(this.db, clock);
    this.guard = new SignInGuard(accounts.repo.db, clock);
  }

  private codePrint = (phone: string, code: string) => this.sealer.fingerprint(`sms-sign-in ${phone} ${code}`);

  /** Sends a new code to the phone (the last one stops working), within the limits of SMS_CODE_LIMITS. */
  async sendCode(ctx: RequestContext, phone: string): Promise<{ resendAfterSeconds: number; expiresInSeconds: number }> {
    checkPhone(phone);
    const now = this.clock.now();
    const phonePrint = this.sealer.fingerprint(phone);
    const resendFrom = new Date(now.getTime() - SMS_CODE_LIMITS.resendMs).toISOString();
    const live = await this.db.selectFrom('identity_sms_codes').select('sent_at').where('phone_print', '=', phonePrint).executeTakeFirst();
    if (live && live.sent_at > resendFrom) throw this.resendWait(live.sent_at);

    const taken: Taken[] = [];
    const take = async (key: string, window: Window, refusal: (waitMs: number) => AppError) => {
      const got = await this.windows.take(key, window);
      if ('waitMs' in got) {
        await this.windows.giveBack(taken);
        throw refusal(got.waitMs);
      }
      taken.push(got);
    };
    await take(`ip:${addressGroup(ctx.ip)}`, SMS_CODE_LIMITS.addressHour, (waitMs) =>
      new AppError(429, 'SMS_CODE_RATE_LIMITED', `Too many codes asked for from this address; try again in ${Math.ceil(waitMs / 60_000)} min`, { retryAfterSeconds: seconds(waitMs) }),
    );
    const phoneLimit = (waitMs: number) =>
      new AppError(429, 'SMS_CODE_LIMIT', `body.phone: this number has been sent as many codes as allowed for now; try again in ${Math.ceil(waitMs / 60_000)} min`, { field: 'body.phone', retryAfterSeconds: seconds(waitMs) });
    await take(`phone-hour:${phonePrint}`, SMS_CODE_LIMITS.phoneHour, phoneLimit);
    await take(`phone-day:${phonePrint}`, SMS_CODE_LIMITS.phoneDay, phoneLimit);

    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const row = { phone_print: phonePrint, code_print: this.codePrint(phone, code), sent_at: now.toISOString(), expires_at: new Date(now.getTime() + SMS_CODE_LIMITS.ttlMs).toISOString(), tries: 0 };
    try {
      const text = await this.sms.codeText(phone, code);
      await this.db.transaction().execute(async (trx) => {
        // Replaces the phone's code only if it is at least a minute old: two requests at once send one text.
        const kept = await trx
          .insertInto('identity_sms_codes')
          .values(row)
          .onConflict((oc) => oc.column('phone_print').doUpdateSet(row).where('identity_sms_codes.sent_at', '<=', resendFrom))
          .returning('phone_print')
          .executeTakeFirst();
        if (!kept) throw this.resendWait(now.toISOString());
        await text(trx);
        await recordAudit(trx, ctx, { action: 'auth.sms_code_sent', entityType: 'phone', entityId: maskPhone(phone)!, details: { ip: ctx.ip } }, now);
      });
    } catch (err) {
      await this.windows.giveBack(taken);
      throw err;
    }
    return { resendAfterSeconds: SMS_CODE_LIMITS.resendMs / 1000, expiresInSeconds: SMS_CODE_LIMITS.ttlMs / 1000 };
  }

  private resendWait(sentAt: string): AppError {
    const waitMs = Date.parse(sentAt) + SMS_CODE_LIMITS.resendMs - this.clock.now().getTime();
    return new AppError(429, 'SMS_CODE_RESEND_WAIT', `body.phone: a code was just sent to this number; ask again in ${seconds(waitMs)} s`, { field: 'body.phone', retryAfterSeconds: seconds(waitMs) });
  }

  /**
   * Signs in with the phone's live code, making a shopper's account on the first sign-in (named `name`, else
   * 顾客 and the phone's last four digits). Each try is counted before it is checked; the fifth wrong one voids
   * the code. A right code works once.
   */
  async signIn(ctx: RequestContext, input: { phone: string; code: string; name?: string }, userAgent?: string) {
    checkPhone(input.phone);
    if (!/^\d{6}$/.test(input.code)) throw invalidField('body.code', 'must be the 6 digits of the text message');
    const address = await this.guard.checkAddress(ctx.ip);
    const now = this.clock.now();
    const phonePrint = this.sealer.fingerprint(input.phone);
    const counted = await this.db
      .updateTable('identity_sms_codes')
      .set((eb) => ({ tries: eb('tries', '+', 1) }))
      .where('phone_print', '=', phonePrint)
      .where('tries', '<', SMS_CODE_LIMITS.maxTries)
      .where('expires_at', '>', now.toISOString())
      .returning(['code_print', 'tries'])
      .executeTakeFirst();
    if (!counted) throw noLiveCode();
    const given = Buffer.from(this.codePrint(input.phone, input.code));
    if (!timingSafeEqual(given, Buffer.from(counted.code_print))) return this.wrongCode(ctx, input.phone, phonePrint, counted);
    // Whoever removes the row first has used the code; a second request with it (a replay) finds none.
    const used = await this.db.deleteFrom('identity_sms_codes').where('phone_print', '=', phonePrint).where('code_print', '=', counted.code_print).returning('phone_print').executeTakeFirst();
    if (!used) throw noLiveCode();
    await this.guard.giveBack(address);

    const found = await this.shopperByPhone(input.phone);
    const user = found ?? (await this.signUp(ctx, input.phone, input.name));
    if (user.status !== 'active') throw new AppError(403, 'ACCOUNT_DISABLED', 'This account is disabled');
    const session = await this.accounts.openSession(ctx, user, userAgent, { method: 'sms' });
    return { ...session, created: !found };
  }

  private async wrongCode(ctx: RequestContext, phone: string, phonePrint: string, counted: { code_print: string; tries: number }): Promise<never> {
    const left = SMS_CODE_LIMITS.maxTries - counted.tries;
    if (left > 0) throw new AppError(400, 'SMS_CODE_WRONG', `body.code: wrong code; ${left} tries left`, { field: 'body.code', triesLeft: left });
    await this.db.deleteFrom('identity_sms_codes').where('phone_print', '=', phonePrint).where('code_print', '=', counted.code_print).execute();
    await recordAudit(this.db, ctx, { action: 'auth.sms_code_voided', entityType: 'phone', entityId: maskPhone(phone)!, details: { ip: ctx.ip } }, this.clock.now());
    throw invalidField('body.code', 'wrong code; this code no longer works after 5 wrong tries, ask for a new one', 'SMS_CODE_EXPIRED');
  }

  /** The oldest shopper's account on this phone. */
  private shopperByPhone(phone: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('identity_users').selectAll().where('phone', '=', phone).where('roles', '=', SHOPPER_ROLES).orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
  }

  private async signUp(ctx: RequestContext, phone: string, name: string | undefined): Promise<UserRow> {
    const countyCode = await this.county.countyCode();
    const now = this.clock.now().toISOString();
    const tail = phone.slice(-4);
    const row: UserRow = {
      id: newId('usr'),
      // Unique and readable without showing the number: the last four digits, as a masked phone shows them.
      username: `shopper-${tail}-${newSecret().toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 6)}`,
      display_name: name?.trim() || `顾客${tail}`,
      phone,
      // Nobody knows this password: the account signs in with text-message codes only.
      password_hash: await hashPassword(newSecret()),
      roles: SHOPPER_ROLES,
      scope_kind: 'county',
      scope_id: countyCode,
      status: 'active',
      failed_logins: 0,
      locked_until: null,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('identity_users').values(row).execute();
      // The shopper signed themselves up: the record names them as who did it.
      const self = { userId: row.id, username: row.username, displayName: row.display_name, roles: ['consumer' as const], scope: { kind: 'county' as const, id: countyCode }, via: 'session' as const };
      await recordAudit(trx, { ...ctx, principal: self }, { action: 'user.created', entityType: 'user', entityId: row.id, details: { username: row.username, roles: ['consumer'], method: 'sms' } }, this.clock.now());
    });
    return row;
  }

  /** Removes codes past their time and counters whose window has ended. */
  async purge(): Promise<void> {
    await this.db.deleteFrom('identity_sms_codes').where('expires_at', '<=', this.clock.now().toISOString()).execute();
    await this.windows.purge();
  }
}
