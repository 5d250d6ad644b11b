import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../kernel/clock.js';
import { requireRole, signedIn, type Principal, type RequestContext, type Role, type Scope } from '../../kernel/context.js';
import { recordAudit, searchAudit, type AuditFilter } from '../../kernel/audit.js';
import { AppError, conflict, forbidden, invalidField, notFound, unauthorized } from '../../kernel/errors.js';
import { newId, newSecret } from '../../kernel/ids.js';
import { maskPhone } from '../../kernel/mask.js';
import { decodeCursor, toPage } from '../../kernel/http/paging.js';
import { isUniqueViolation, type AnyKysely } from '../../kernel/db.js';
import { IdentityRepository } from './identity.repository.js';
import { nameAuditRecords, type RecordNames } from './audit-names.js';
import { KnownDevices } from './known-devices.js';
import { SignInGuard, type Attempt } from './sign-in-guard.js';
import type { UserRow } from './identity.tables.js';
import { checkPasswordStrength, decoyHash, hashPassword, passwordMatches } from './passwords.js';

export const SESSION_COOKIE = 'countyhub_session';
const SESSION_TTL_MS = 12 * 3600_000;
/** However busy, a session ends this long after its sign-in. */
const SESSION_MAX_MS = 7 * 24 * 3600_000;
/** A session's expiry moves forward at most this often, so most requests only read. */
const SESSION_TOUCH_MS = 5 * 60_000;
const DAY_MS = 86400_000;
export const TOKEN_DEFAULT_DAYS = 90;

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  roles: Role[];
  scope: Scope;
  status: 'active' | 'disabled';
  lockedUntil: string | null;
  isDemo: boolean;
  createdAt: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  phone?: string;
  roles: Role[];
  scope: Scope;
  isDemo?: boolean;
}

export interface UserChanges {
  displayName?: string;
  phone?: string | null;
  roles?: Role[];
  scope?: Scope;
  status?: 'active' | 'disabled';
  password?: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function toPrincipal(row: UserRow, via: Principal['via'], tokenId?: string): Principal {
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as Role[],
    scope: { kind: row.scope_kind as Scope['kind'], id: row.scope_id },
    via,
    ...(tokenId && { tokenId }),
  };
}

/**
 * Credentials are managed from a signed-in session only: an API token cannot make or revoke tokens or set a
 * password, so a leaked token cannot outlive its revocation or take over the account.
 */
function requireNotToken(ctx: RequestContext, details?: unknown): Principal {
  const principal = signedIn(ctx);
  if (principal.via === 'token') {
    throw new AppError(403, 'TOKEN_NOT_ALLOWED', 'An API token cannot manage tokens, passwords or accounts; sign in to do this', details);
  }
  return principal;
}

function toView(row: UserRow, viewer: Principal | null): UserView {
  const own = viewer?.userId === row.id;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    phone: own ? row.phone : maskPhone(row.phone),
    roles: JSON.parse(row.roles) as Role[],
    scope: { kind: row.scope_kind as Scope['kind'], id: row.scope_id },
    status: row.status,
    lockedUntil: row.locked_until,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
  };
}

/** A role's scope must fit it: operators are tied to their township or site, everyone else to the county. */
function checkScope(roles: Role[], scope: Scope): void {
  if (roles.length === 0) throw invalidField('body.roles', 'must name at least one role');
  if (roles.includes('township_operator') && (scope.kind !== 'township' || !/^\d{9}$/.test(scope.id))) {
    throw invalidField('body.scope', 'a township operator needs scope kind "township" with a 9-digit township code');
  }
  if (roles.includes('village_operator') && (scope.kind !== 'site' || !scope.id.startsWith('site_'))) {
    throw invalidField('body.scope', 'a village operator needs scope kind "site" with a site id');
  }
  if (scope.kind === 'county' && !/^\d{6}$/.test(scope.id)) {
    throw invalidField('body.scope.id', 'a county scope needs the 6-digit county code');
  }
}

function checkPhone(phone: string | null | undefined): void {
  if (phone && !/^1\d{10}$/.test(phone)) throw invalidField('body.phone', 'must be an 11-digit mobile number');
}

/** Scopes name other modules' records (townships, sites), so whether one exists is asked of them. */
export interface ScopeRules {
  /** What is wrong with a scope for these roles (a township that does not exist, a site that is no village point), or null. */
  problem(roles: Role[], scope: Scope): Promise<string | null>;
}

export class IdentityService {
  private readonly guard: SignInGuard;
  private readonly devices: KnownDevices;
  constructor(
    readonly repo: IdentityRepository,
    private readonly clock: Clock,
    private readonly scopes: ScopeRules,
    private readonly recordNames: RecordNames,
  ) {
    this.guard = new SignInGuard(repo.db, clock);
    this.devices = new KnownDevices(repo.db, clock);
  }

  private now() {
    return this.clock.now();
  }

  private async checkScopeExists(roles: Role[], scope: Scope): Promise<void> {
    const problem = await this.scopes.problem(roles, scope);
    if (problem) throw invalidField('body.scope', problem);
  }

  /** Who is calling: the session cookie, or `Authorization: Bearer <api token>`. */
  async resolvePrincipal(request: FastifyRequest): Promise<Principal | null> {
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) return this.principalFromToken(auth.slice(7).trim());
    const cookie = request.cookies?.[SESSION_COOKIE];
    return cookie ? this.principalFromSession(cookie) : null;
  }

  private async principalFromSession(cookie: string): Promise<Principal | null> {
    const row = await this.repo.sessionWithUser(sha256(cookie));
    const now = this.now();
    const end = Date.parse(row?.session_created_at ?? '') + SESSION_MAX_MS;
    if (!row || row.status !== 'active' || row.expires_at <= now.toISOString() || !(now.getTime() < end)) return null;
    if (now.getTime() - Date.parse(row.last_seen_at) > SESSION_TOUCH_MS) {
      await this.repo.db
        .updateTable('identity_sessions')
        .set({ last_seen_at: now.toISOString(), expires_at: new Date(Math.min(now.getTime() + SESSION_TTL_MS, end)).toISOString() })
        .where('id', '=', row.session_id)
        .execute();
    }
    return toPrincipal(row, 'session');
  }

  private async principalFromToken(token: string): Promise<Principal | null> {
    const row = await this.repo.tokenWithUser(sha256(token));
    const now = this.now();
    // A token without an expiry predates expiries and the upgrade that gave every token one: refused.
    if (!row || row.status !== 'active' || row.revoked_at || !row.expires_at || row.expires_at <= now.toISOString()) return null;
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > SESSION_TOUCH_MS) {
      await this.repo.db.updateTable('identity_api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.token_id).execute();
    }
    return toPrincipal(row, 'token', row.token_id);
  }

  /**
   * Signs in. A user name that is no account is answered exactly as a wrong password, and is counted and
   * delayed the same way, so neither the answer nor the delay tells whether the account exists. A browser
   * whose device cookie is known for this account is not held by the per-account limit.
   */
  async login(ctx: RequestContext, username: string, password: string, userAgent?: string, deviceCookie?: string) {
    const address = await this.guard.checkAddress(ctx.ip);
    const account = (await this.devices.trusts(deviceCookie, username)) ? null : await this.guard.checkAccount(username);
    let attempt: Attempt;
    try {
      attempt = await this.guard.begin(username, ctx.ip);
    } catch (err) {
      // Held for this address: no password was tried, so the account's hour is not charged.
      await this.guard.giveBack(account);
      throw err;
    }
    const user = await this.repo.userByUsername(username);
    const matches = user ? await passwordMatches(user.password_hash, password) : await passwordMatches(await decoyHash, password).then(() => false);
    if (!user || !matches) {
      const until = await this.guard.failed(attempt);
      if (until && user) await recordAudit(this.repo.db, ctx, { action: 'auth.locked', entityType: 'user', entityId: user.id, details: { until, ip: ctx.ip } });
      const accountUntil = account && (await this.guard.accountFilled(account));
      if (accountUntil && user) {
        await recordAudit(this.repo.db, ctx, { action: 'auth.account_delayed', entityType: 'user', entityId: user.id, details: { until: accountUntil, ip: ctx.ip } });
      }
      throw new AppError(401, 'INVALID_CREDENTIALS', 'Wrong user name or password');
    }
    await this.guard.succeeded(attempt, address, account);
    if (user.status !== 'active') throw new AppError(403, 'ACCOUNT_DISABLED', 'This account is disabled');

    const session = await this.openSession(ctx, user, userAgent);
    const device = await this.devices.remember(deviceCookie, user.id);
    return { ...session, device };
  }

  /**
   * Starts a session for a user who has just proved who they are (a password, a text-message code), audited as
   * a sign-in with how it was done. The caller sets the cookie.
   */
  async openSession(ctx: RequestContext, user: UserRow, userAgent: string | undefined, details?: Record<string, unknown>) {
    const now = this.now();
    const token = newSecret();
    await this.repo.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('identity_sessions')
        .values({
          id: sha256(token),
          user_id: user.id,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
          last_seen_at: now.toISOString(),
          ip: ctx.ip,
          user_agent: userAgent?.slice(0, 300) ?? null,
        })
        .execute();
      await recordAudit(trx, { ...ctx, principal: toPrincipal(user, 'session') }, { action: 'auth.login', entityType: 'user', entityId: user.id, ...(details && { details }) });
    });
    const principal = toPrincipal(user, 'session');
    // The cookie lives as long as the session can; the server ends it sooner when it goes idle.
    return { token, maxAgeSeconds: SESSION_MAX_MS / 1000, user: toView(user, principal) };
  }

  /** Removes sessions and sign-in counters that have run out; safe to run in every process at any time. */
  async purgeExpired(): Promise<number> {
    const now = this.now();
    const sessions = await this.repo.db.deleteFrom('identity_sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
    await this.guard.purge();
    await this.devices.purge();
    return Number(sessions.numDeletedRows);
  }

  async logout(cookie: string | undefined): Promise<void> {
    if (cookie) await this.repo.db.deleteFrom('identity_sessions').where('id', '=', sha256(cookie)).execute();
  }

  async me(ctx: RequestContext): Promise<UserView> {
    const principal = signedIn(ctx);
    const row = await this.repo.userById(principal.userId);
    if (!row) throw unauthorized();
    return toView(row, principal);
  }

  /**
   * Changes your password, signs out your other sessions (the one making the change stays) and revokes your tokens.
   * A wrong current password counts like a wrong sign-in for that user name (see sign-in-guard.ts), on the
   * account whatever the device, so a session cannot be used to guess past the sign-in limits; the tenth
   * wrong one in a session signs it out.
   */
  async changeOwnPassword(ctx: RequestContext, current: string, next: string, currentCookie?: string): Promise<void> {
    const principal = requireNotToken(ctx);
    const row = await this.repo.userById(principal.userId);
    if (!row) throw unauthorized();
    await this.checkPassword(ctx, row, current, currentCookie);
    checkPasswordStrength(next, 'body.newPassword');
    const hash = await hashPassword(next);
    await this.repo.db.transaction().execute(async (trx) => {
      await this.repo.updateUser(row.id, { password_hash: hash, updated_at: this.now().toISOString() }, trx);
      await trx.deleteFrom('identity_sessions').where('user_id', '=', row.id).where('id', '!=', currentCookie ? sha256(currentCookie) : '').execute();
      await this.revokeAllTokens(trx, ctx, row.id, 'password_changed');
      await recordAudit(trx, ctx, { action: 'user.password_changed', entityType: 'user', entityId: row.id });
    });
  }

  /** The current password checked under the sign-in counters; wrong ones audited (never the password itself). */
  private async checkPassword(ctx: RequestContext, row: UserRow, password: string, cookie?: string): Promise<void> {
    const account = await this.guard.checkAccount(row.username);
    let attempt: Attempt;
    try {
      attempt = await this.guard.begin(row.username, ctx.ip);
    } catch (err) {
      await this.guard.giveBack(account);
      throw err;
    }
    if (await passwordMatches(row.password_hash, password)) {
      await this.guard.succeeded(attempt, null, account);
      return;
    }
    const until = await this.guard.failed(attempt);
    if (until) await recordAudit(this.repo.db, ctx, { action: 'auth.locked', entityType: 'user', entityId: row.id, details: { until, ip: ctx.ip } });
    const accountUntil = await this.guard.accountFilled(account);
    if (accountUntil) await recordAudit(this.repo.db, ctx, { action: 'auth.account_delayed', entityType: 'user', entityId: row.id, details: { until: accountUntil, ip: ctx.ip } });
    await recordAudit(this.repo.db, ctx, { action: 'user.password_change_failed', entityType: 'user', entityId: row.id, details: { ip: ctx.ip } });
    if (cookie && (await this.guard.sessionFailed(sha256(cookie)))) {
      await this.repo.db.deleteFrom('identity_sessions').where('id', '=', sha256(cookie)).execute();
      await recordAudit(this.repo.db, ctx, { action: 'auth.session_ended', entityType: 'user', entityId: row.id, details: { reason: 'password_change_failed', ip: ctx.ip } });
      throw new AppError(401, 'SESSION_ENDED', 'Too many wrong current passwords; this session is signed out, sign in again');
    }
    throw invalidField('body.currentPassword', 'is not your current password', 'INVALID_CREDENTIALS');
  }

  async listUsers(ctx: RequestContext, filter: { role?: Role; q?: string }, limit: number, cursor?: string) {
    const principal = requireRole(ctx, 'county_admin');
    const rows = await this.repo.listUsers({ ...filter, after: decodeCursor(cursor) }, limit + 1);
    const page = toPage(rows, limit, (r) => r.id);
    return { items: page.items.map((r) => toView(r, principal)), nextCursor: page.nextCursor };
  }

  /** The phone on an account, unmasked, for other modules to recognise what is addressed to its owner. */
  async phoneOf(userId: string): Promise<string | null> {
    return (await this.repo.userById(userId))?.phone ?? null;
  }

  async getUser(ctx: RequestContext, id: string): Promise<UserView> {
    const principal = signedIn(ctx);
    if (principal.userId !== id) requireRole(ctx, 'county_admin');
    const row = await this.repo.userById(id);
    if (!row) throw notFound('User');
    return toView(row, principal);
  }

  async createUser(ctx: RequestContext, input: NewUser): Promise<UserView> {
    requireNotToken(ctx);
    const principal = requireRole(ctx, 'county_admin');
    checkScope(input.roles, input.scope);
    checkPhone(input.phone);
    checkPasswordStrength(input.password);
    await this.checkScopeExists(input.roles, input.scope);
    const now = this.now().toISOString();
    const row: UserRow = {
      id: newId('usr'),
      username: input.username,
      display_name: input.displayName,
      phone: input.phone ?? null,
      password_hash: await hashPassword(input.password),
      roles: JSON.stringify([...new Set(input.roles)]),
      scope_kind: input.scope.kind,
      scope_id: input.scope.id,
      status: 'active',
      failed_logins: 0,
      locked_until: null,
      is_demo: input.isDemo ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    try {
      await this.repo.db.transaction().execute(async (trx) => {
        await this.repo.insertUser(row, trx);
        await recordAudit(trx, ctx, { action: 'user.created', entityType: 'user', entityId: row.id, details: { username: row.username, roles: input.roles, scope: input.scope } });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('USERNAME_TAKEN', `User name ${input.username} is taken`, { field: 'body.username' });
      throw err;
    }
    return toView(row, principal);
  }

  async updateUser(ctx: RequestContext, id: string, changes: UserChanges): Promise<UserView> {
    const principal = requireRole(ctx, 'county_admin');
    if (changes.password !== undefined) requireNotToken(ctx, { field: 'body.password' });
    const row = await this.repo.userById(id);
    if (!row) throw notFound('User');
    if (id === principal.userId && (changes.status === 'disabled' || (changes.roles && !changes.roles.includes('county_admin')))) {
      throw forbidden('You cannot disable yourself or take away your own admin role');
    }
    // Your own password changes only with the current one (POST /auth/password), even for an admin.
    if (id === principal.userId && changes.password !== undefined) {
      throw new AppError(403, 'FORBIDDEN', 'body.password: change your own password with the current one (POST /auth/password)', { field: 'body.password' });
    }
    const roles = changes.roles ?? (JSON.parse(row.roles) as Role[]);
    const scope = changes.scope ?? { kind: row.scope_kind as Scope['kind'], id: row.scope_id };
    checkScope(roles, scope);
    checkPhone(changes.phone);
    if (changes.password !== undefined) checkPasswordStrength(changes.password);
    if (changes.roles || changes.scope) await this.checkScopeExists(roles, scope);
    const update: Partial<UserRow> = {
      display_name: changes.displayName ?? row.display_name,
      phone: changes.phone === undefined ? row.phone : changes.phone,
      roles: JSON.stringify([...new Set(roles)]),
      scope_kind: scope.kind,
      scope_id: scope.id,
      status: changes.status ?? row.status,
      updated_at: this.now().toISOString(),
      ...(changes.password !== undefined ? { password_hash: await hashPassword(changes.password), failed_logins: 0, locked_until: null } : {}),
    };
    await this.repo.db.transaction().execute(async (trx) => {
      await this.repo.updateUser(id, update, trx);
      // A disabled account, or one whose password an admin reset, is signed out everywhere and loses its tokens.
      if (update.status === 'disabled' || changes.password !== undefined) {
        await trx.deleteFrom('identity_sessions').where('user_id', '=', id).execute();
        await this.revokeAllTokens(trx, ctx, id, changes.password !== undefined ? 'password_reset' : 'user_disabled');
      }
      const { password: _secret, ...audited } = changes;
      await recordAudit(trx, ctx, { action: 'user.updated', entityType: 'user', entityId: id, details: { ...audited, passwordReset: _secret !== undefined } });
    });
    return toView({ ...row, ...update } as UserRow, principal);
  }

  /**
   * Creates an API token for a machine client of the signed-in user, and for nobody else: a token acts as its
   * owner, so one made for another user would let the maker act under their name. Shown this once; only its hash is kept.
   */
  async createToken(ctx: RequestContext, input: { name: string; userId?: string; expiresInDays?: number }) {
    const principal = requireNotToken(ctx);
    const userId = principal.userId;
    if (input.userId !== undefined && input.userId !== userId) {
      throw new AppError(403, 'TOKEN_NOT_ALLOWED', 'body.userId: an API token can only be made for yourself; that user signs in to make their own', { field: 'body.userId' });
    }
    const days = input.expiresInDays ?? TOKEN_DEFAULT_DAYS;
    const token = newSecret('chk_');
    const now = this.now();
    const row = {
      id: newId('tok'),
      user_id: userId,
      name: input.name,
      token_hash: sha256(token),
      token_prefix: token.slice(0, 10),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + days * DAY_MS).toISOString(),
      last_used_at: null,
      revoked_at: null,
    };
    await this.repo.db.transaction().execute(async (trx) => {
      await trx.insertInto('identity_api_tokens').values(row).execute();
      await recordAudit(trx, ctx, { action: 'token.created', entityType: 'api_token', entityId: row.id, details: { name: row.name, userId, expiresAt: row.expires_at } });
    });
    return { ...tokenView(row), token };
  }

  /** A user's API tokens, newest first, a page at a time. */
  async listTokens(ctx: RequestContext, userId: string | undefined, limit: number, cursor?: string) {
    const principal = requireNotToken(ctx);
    const owner = userId ?? principal.userId;
    if (owner !== principal.userId) requireRole(ctx, 'county_admin');
    const after = decodeCursor(cursor);
    let query = this.repo.db.selectFrom('identity_api_tokens').selectAll().where('user_id', '=', owner).orderBy('id', 'desc').limit(limit + 1);
    if (after) query = query.where('id', '<', after);
    const page = toPage(await query.execute(), limit, (r) => r.id);
    return { items: page.items.map(tokenView), nextCursor: page.nextCursor };
  }

  async revokeToken(ctx: RequestContext, id: string): Promise<void> {
    const principal = requireNotToken(ctx);
    const row = await this.repo.db.selectFrom('identity_api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('API token');
    if (row.user_id !== principal.userId) requireRole(ctx, 'county_admin');
    if (row.revoked_at) return;
    await this.repo.db.transaction().execute(async (trx) => {
      await trx.updateTable('identity_api_tokens').set({ revoked_at: this.now().toISOString() }).where('id', '=', id).execute();
      await recordAudit(trx, ctx, { action: 'token.revoked', entityType: 'api_token', entityId: id });
    });
  }

  /** Revokes every live token of a user, each audited with why, in the caller's transaction. */
  private async revokeAllTokens(trx: AnyKysely, ctx: RequestContext, userId: string, reason: 'password_changed' | 'password_reset' | 'user_disabled') {
    const live = await trx.selectFrom('identity_api_tokens').select('id').where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    if (live.length === 0) return;
    await trx.updateTable('identity_api_tokens').set({ revoked_at: this.now().toISOString() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    for (const { id } of live) await recordAudit(trx, ctx, { action: 'token.revoked', entityType: 'api_token', entityId: id, details: { reason } });
  }

  async searchAudit(ctx: RequestContext, filter: AuditFilter, limit: number, cursor?: string) {
    requireRole(ctx, 'county_admin');
    const rows = await searchAudit(this.repo.db, filter, limit + 1, decodeCursor(cursor));
    const page = toPage(rows, limit, (r) => r.id);
    return { ...page, items: await nameAuditRecords(this.repo, this.recordNames, page.items) };
  }

  /**
   * Makes sure the first county admin, `admin`, exists. Its password is the given one, or a generated one
   * that is returned so the caller can show it once.
   */
  async ensureFirstAdmin(ctx: RequestContext, countyCode: string, password?: string): Promise<{ created: boolean; password?: string }> {
    if (await this.repo.userByUsername('admin')) return { created: false };
    const chosen = password ?? generatePassword();
    await this.createUser(ctx, { username: 'admin', displayName: '县电商办管理员', password: chosen, roles: ['county_admin'], scope: { kind: 'county', id: countyCode } });
    return { created: true, password: password ? undefined : chosen };
  }

  /** For demo data: creates the account, or brings it back to the given values; loading twice changes nothing. */
  async upsertDemoUser(ctx: RequestContext, input: NewUser): Promise<string> {
    const row = await this.repo.userByUsername(input.username);
    if (!row) return (await this.createUser(ctx, { ...input, isDemo: true })).id;
    const same =
      row.display_name === input.displayName &&
      row.phone === (input.phone ?? null) &&
      row.roles === JSON.stringify([...new Set(input.roles)]) &&
      row.scope_kind === input.scope.kind &&
      row.scope_id === input.scope.id &&
      row.status === 'active' &&
      (await passwordMatches(row.password_hash, input.password));
    if (!same) {
      await this.updateUser(ctx, row.id, { displayName: input.displayName, phone: input.phone ?? null, roles: input.roles, scope: input.scope, status: 'active', password: input.password });
    }
    return row.id;
  }
}

function tokenView(row: { id: string; name: string; token_prefix: string; user_id: string; created_at: string; expires_at: string | null; last_used_at: string | null; revoked_at: string | null }) {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    prefix: row.token_prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

function generatePassword(): string {
  // Letters and digits only, so it survives copy and paste from a terminal.
  return newSecret().replace(/[-_]/g, '').slice(0, 16) + '7a';
}

