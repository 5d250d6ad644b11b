import type { ModuleMigration } from '../../../kernel/migrator.js';

const DAY = 86400_000;

/**
 * Tokens made before expiries were required: one without an expiry, or with one more than 365 days after it
 * was made, now runs out 90 days after this upgrade (sooner if it already did). A token an admin made for
 * another user (the audit shows who made it) is revoked: tokens are only for oneself.
 */
export const tokenLimits: ModuleMigration = {
  name: '2026-12-07-token-limits',
  async up(db) {
    const now = new Date();
    const cap = new Date(now.getTime() + 90 * DAY).toISOString();
    const tokens = await db.selectFrom('identity_api_tokens').select(['id', 'created_at', 'expires_at']).where('revoked_at', 'is', null).execute();
    for (const t of tokens) {
      const tooLong = t.expires_at === null || Date.parse(t.expires_at) - Date.parse(t.created_at) > 365 * DAY;
      if (tooLong && (t.expires_at === null || t.expires_at > cap)) {
        await db.updateTable('identity_api_tokens').set({ expires_at: cap }).where('id', '=', t.id).execute();
      }
    }
    const made = await db.selectFrom('kernel_audit_log').select(['entity_id', 'actor_user_id', 'details']).where('action', '=', 'token.created').execute();
    for (const record of made) {
      const owner = record.details ? (JSON.parse(record.details) as { userId?: string }).userId : undefined;
      if (owner && record.actor_user_id && owner !== record.actor_user_id) {
        await db.updateTable('identity_api_tokens').set({ revoked_at: now.toISOString() }).where('id', '=', record.entity_id).where('revoked_at', 'is', null).execute();
      }
    }
  },
  async down() {
    // Expiries and revocations stay: giving them back would reopen the hole.
  },
};
