import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from './http.js';
import { meKey, type Role, type User } from './auth.js';

export type Scope = User['scope'];

/** The body of `POST /identity/users` (county admin). */
export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  phone?: string;
  roles: Role[];
  scope: Scope;
}

/** The body of `PATCH /identity/users/:id`: only what changes; `password` resets it, `phone: null` removes it. */
export interface UserChanges {
  displayName?: string;
  phone?: string | null;
  roles?: Role[];
  scope?: Scope;
  status?: User['status'];
  password?: string;
}

export interface AuditRecord {
  id: string;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  /** How the actor acted; null on records older than this field. */
  actorVia: 'session' | 'token' | 'system' | null;
  actorTokenId: string | null;
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
const usersKey = ['identity', 'users'] as const;

/** Users page by page ("load more"): a county may have many thousands of consumer accounts. */
export function useUsers(filter: UserFilter) {
  return useInfiniteQuery({
    queryKey: [...usersKey, filter],
    queryFn: ({ pageParam, signal }) => api<Page<User>>('/identity/users', { query: { ...filter, limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Creates an account (county admin); one idempotency key per opened form, so a double click makes one. */
export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ user, idempotencyKey }: { user: NewUser; idempotencyKey: string }) => api<User>('/identity/users', { method: 'POST', body: user, idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Changes an account (county admin); changing your own name or phone also refreshes the signed-in user. */
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UserChanges }) => api<User>(`/identity/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: (user) => {
      void client.invalidateQueries({ queryKey: usersKey });
      if (client.getQueryData<User | null>(meKey)?.id === user.id) void client.invalidateQueries({ queryKey: meKey });
    },
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
