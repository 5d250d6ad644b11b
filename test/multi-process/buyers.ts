import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../src/kernel/db.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * `n` consumer accounts, each with a live session, written straight into the identity tables: making them through
 * the API would hash and check 200 passwords (seconds each on a busy machine) and meet the sign-in limits per
 * address. Returns the session cookies, which both processes accept because sessions live in the database.
 */
export async function seedBuyers(database: Database, n: number): Promise<string[]> {
  const now = new Date();
  const expires = new Date(now.getTime() + 3600_000).toISOString();
  const { password_hash } = await database.db.selectFrom('identity_users').select('password_hash').where('username', '=', 'demo.consumer').executeTakeFirstOrThrow();
  const tag = randomBytes(3).toString('hex');
  const users = Array.from({ length: n }, (_, i) => ({
    id: `usr_buyer${tag}${String(i).padStart(4, '0')}`,
    username: `buyer.${tag}.${i}`,
    display_name: `买家${i}`,
    phone: null,
    password_hash,
    roles: JSON.stringify(['consumer']),
    scope_kind: 'county',
    scope_id: '530621',
    status: 'active',
    failed_logins: 0,
    locked_until: null,
    is_demo: 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  }));
  const cookies = users.map(() => randomBytes(32).toString('base64url'));
  await database.db.insertInto('identity_users').values(users).execute();
  await database.db
    .insertInto('identity_sessions')
    .values(users.map((u, i) => ({ id: sha256(cookies[i]), user_id: u.id, created_at: now.toISOString(), expires_at: expires, last_seen_at: now.toISOString(), ip: '127.0.0.1', user_agent: 'two-process test' })))
    .execute();
  return cookies.map((c) => `countyhub_session=${c}`);
}
