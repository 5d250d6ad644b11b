import { newId } from './ids.js';
import type { AnyKysely } from './db.js';
import type { Principal, RequestContext } from './context.js';
import type { ModuleMigration } from './migrator.js';
import { maskPersonalData } from './audit-mask.js';

/**
 * One change: who did what to which record, when, from where and how (session or which API token). Written in
 * the same transaction as the change. Phone and ID numbers in the details are masked here, for every module.
 */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  details?: unknown;
}

export interface AuditRecord extends AuditEntry {
  details: unknown;
  id: string;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  /** How the actor acted: a signed-in session, an API token (and which), or the platform itself. */
  actorVia: Principal['via'] | null;
  actorTokenId: string | null;
  ip: string;
  requestId: string;
}

export async function recordAudit(db: AnyKysely, ctx: RequestContext, entry: AuditEntry, at = new Date()): Promise<void> {
  await db
    .insertInto('kernel_audit_log')
    .values({
      id: newId('aud', at.getTime()),
      at: at.toISOString(),
      actor_user_id: ctx.principal?.userId ?? null,
      actor_username: ctx.principal?.username ?? null,
      actor_via: ctx.principal?.via ?? null,
      actor_token_id: ctx.principal?.tokenId ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      ip: ctx.ip,
      request_id: ctx.requestId,
      details: entry.details === undefined ? null : JSON.stringify(maskPersonalData(entry.details)),
    })
    .execute();
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

/** Newest first; `before` is the id of the last record of the previous page. */
export async function searchAudit(db: AnyKysely, filter: AuditFilter, limit: number, before?: string) {
  let q = db.selectFrom('kernel_audit_log').selectAll();
  if (filter.actor) q = q.where('actor_username', '=', filter.actor);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', filter.to);
  if (before) q = q.where('id', '<', before);
  const rows = await q.orderBy('id', 'desc').limit(limit).execute();
  return rows.map(
    (r): AuditRecord => ({
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      actorUsername: r.actor_username,
      actorVia: r.actor_via as Principal['via'] | null,
      actorTokenId: r.actor_token_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      ip: r.ip,
      requestId: r.request_id,
      details: r.details === null ? null : JSON.parse(r.details),
    }),
  );
}

export const auditMigrations: ModuleMigration[] = [
  {
    name: '2026-11-28-audit-log',
    async up(db) {
      await db.schema
        .createTable('kernel_audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_user_id', 'text')
        .addColumn('actor_username', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('request_id', 'text', (c) => c.notNull())
        .addColumn('details', 'text')
        .execute();
      await db.schema.createIndex('kernel_audit_log_entity').on('kernel_audit_log').columns(['entity_type', 'entity_id']).execute();
      await db.schema.createIndex('kernel_audit_log_actor').on('kernel_audit_log').column('actor_username').execute();
    },
    async down(db) {
      await db.schema.dropTable('kernel_audit_log').execute();
    },
  },
  {
    name: '2026-12-07-audit-actor-and-masking',
    async up(db) {
      await db.schema.alterTable('kernel_audit_log').addColumn('actor_via', 'text').execute();
      await db.schema.alterTable('kernel_audit_log').addColumn('actor_token_id', 'text').execute();
      // Records written before masking keep no full phone or ID number either.
      let after = '';
      for (;;) {
        const rows = await db.selectFrom('kernel_audit_log').select(['id', 'details']).where('id', '>', after).where('details', 'is not', null).orderBy('id').limit(500).execute();
        for (const row of rows) {
          const masked = JSON.stringify(maskPersonalData(JSON.parse(row.details as string)));
          if (masked !== row.details) await db.updateTable('kernel_audit_log').set({ details: masked }).where('id', '=', row.id).execute();
        }
        if (rows.length < 500) break;
        after = rows[rows.length - 1].id as string;
      }
    },
    async down(db) {
      await db.schema.alterTable('kernel_audit_log').dropColumn('actor_token_id').execute();
      await db.schema.alterTable('kernel_audit_log').dropColumn('actor_via').execute();
    },
  },
];
