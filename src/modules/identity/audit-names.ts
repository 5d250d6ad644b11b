import type { AuditRecord } from '../../kernel/audit.js';
import type { IdentityRepository } from './identity.repository.js';

/** A record the audit log mentions, by the type and id it was written with. */
export interface RecordRef {
  entityType: string;
  entityId: string;
}

/**
 * The name a person knows a record by (a site's name, a parcel's waybill tail and masked recipient, a batch's
 * code), for the records other modules own; null where nobody can name it (deleted, or a type without a name).
 */
export interface RecordNames {
  names(refs: RecordRef[]): Promise<Map<string, string>>;
}

export const refKey = (r: RecordRef) => `${r.entityType}:${r.entityId}`;

/** An audit record as the console shows it: who by name, and what by name. */
export type NamedAuditRecord = AuditRecord & { actorName: string | null; entityName: string | null };

/**
 * Names the actors (their display names, from this module's users) and the records (users here, the rest through
 * the port). The platform acting by itself (jobs, payment callbacks, a carrier's push) is no user and has no
 * name: the console says 系统.
 */
export async function nameAuditRecords(repo: IdentityRepository, others: RecordNames, rows: AuditRecord[]): Promise<NamedAuditRecord[]> {
  const userIds = new Set<string>();
  for (const r of rows) {
    if (r.actorUserId) userIds.add(r.actorUserId);
    if (r.entityType === 'user') userIds.add(r.entityId);
  }
  const users = new Map<string, string>();
  if (userIds.size > 0) {
    for (const u of await repo.db.selectFrom('identity_users').select(['id', 'display_name']).where('id', 'in', [...userIds]).execute()) users.set(u.id, u.display_name);
  }
  const theirs = rows.filter((r) => r.entityType !== 'user');
  const named = theirs.length > 0 ? await others.names(theirs.map(({ entityType, entityId }) => ({ entityType, entityId }))).catch(() => new Map<string, string>()) : new Map<string, string>();
  return rows.map((r) => ({
    ...r,
    actorName: r.actorUserId ? (users.get(r.actorUserId) ?? null) : null,
    entityName: r.entityType === 'user' ? (users.get(r.entityId) ?? null) : (named.get(refKey(r)) ?? null),
  }));
}
