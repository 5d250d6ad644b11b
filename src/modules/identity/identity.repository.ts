import type { Kysely } from 'kysely';
import { compiledOnce } from '../../kernel/compiled-once.js';
import type { AnyKysely } from '../../kernel/db.js';
import type { IdentityTables, UserRow } from './identity.tables.js';

/** Data access for users, sessions, tokens and sign-in throttles. No rules here: those live in the service. */
export class IdentityRepository {
  readonly db: Kysely<IdentityTables>;
  constructor(db: AnyKysely) {
    this.db = db as Kysely<IdentityTables>;
  }

  private readonly userQuery = compiledOnce((id: string) => this.db.selectFrom('identity_users').selectAll().where('id', '=', id));
  async userById(id: string, db = this.db) {
    return (await this.userQuery(db, id)).at(0);
  }

  userByUsername(username: string, db = this.db) {
    return db.selectFrom('identity_users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  listUsers(filter: { role?: string; q?: string; after?: string }, limit: number) {
    let q = this.db.selectFrom('identity_users').selectAll();
    // roles is a JSON array in text; the quotes make the match exact.
    if (filter.role) q = q.where('roles', 'like', `%"${filter.role}"%`);
    if (filter.q) q = q.where((eb) => eb.or([eb('username', 'like', `%${filter.q}%`), eb('display_name', 'like', `%${filter.q}%`)]));
    if (filter.after) q = q.where('id', '>', filter.after);
    return q.orderBy('id').limit(limit).execute();
  }

  insertUser(row: UserRow, db = this.db) {
    return db.insertInto('identity_users').values(row).execute();
  }

  updateUser(id: string, changes: Partial<UserRow>, db = this.db) {
    return db.updateTable('identity_users').set(changes).where('id', '=', id).execute();
  }

  /** The session and its user in one query, for every signed-in request. */
  private readonly sessionQuery = compiledOnce((sessionId: string) =>
    this.db
      .selectFrom('identity_sessions as s')
      .innerJoin('identity_users as u', 'u.id', 's.user_id')
      .select(['s.id as session_id', 's.created_at as session_created_at', 's.expires_at', 's.last_seen_at'])
      .selectAll('u')
      .where('s.id', '=', sessionId),
  );
  async sessionWithUser(sessionId: string) {
    return (await this.sessionQuery(this.db, sessionId)).at(0);
  }

  private readonly tokenQuery = compiledOnce((tokenHash: string) =>
    this.db
      .selectFrom('identity_api_tokens as t')
      .innerJoin('identity_users as u', 'u.id', 't.user_id')
      .select(['t.id as token_id', 't.expires_at', 't.revoked_at', 't.last_used_at'])
      .selectAll('u')
      .where('t.token_hash', '=', tokenHash),
  );
  async tokenWithUser(tokenHash: string) {
    return (await this.tokenQuery(this.db, tokenHash)).at(0);
  }
}
