import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from './http.js';
import type { Role, User } from './auth.js';

export interface AuditRecord {
  id: string;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string;
  ip: string;
  requestId: string;
  details: unknown;
}

export interface UserFilter {
  role?: Role;
  q?: string;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** ISO-8601 date-time, inclusive. */
  from?: string;
  /** ISO-8601 date-time, exclusive. */
  to?: string;
}

const PAGE_SIZE = 50;

/** Users page by page ("load more"): a county may have many thousands of consumer accounts. */
export function useUsers(filter: UserFilter) {
  return useInfiniteQuery({
    queryKey: ['identity', 'users', filter],
    queryFn: ({ pageParam, signal }) => api<Page<User>>('/identity/users', { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** The audit log, newest first, page by page. */
export function useAudit(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['identity', 'audit', filter],
    queryFn: ({ pageParam, signal }) => api<Page<AuditRecord>>('/identity/audit', { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}
