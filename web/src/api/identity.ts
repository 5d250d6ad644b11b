import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from './http.js';
import { meKey, type User } from './auth.js';
import type { ApiBody, ApiListItem, ApiQuery } from './generated/openapi.js';

export type Scope = User['scope'];

/** The body of `POST /identity/users` (county admin). */
export type NewUser = ApiBody<'POST /api/v1/identity/users'>;

/** The body of `PATCH /identity/users/:id`: only what changes; `password` resets it, `phone: null` removes it. */
export type UserChanges = ApiBody<'PATCH /api/v1/identity/users/{id}'>;

/** `actorVia` is null on records older than that field; `actorName` null is the platform acting by itself (系统). */
export type AuditRecord = ApiListItem<'GET /api/v1/identity/audit'>;

export type UserFilter = Omit<ApiQuery<'GET /api/v1/identity/users'>, 'limit' | 'cursor'>;

/** `from` is inclusive, `to` exclusive (ISO-8601 date-times). */
export type AuditFilter = Omit<ApiQuery<'GET /api/v1/identity/audit'>, 'limit' | 'cursor'>;

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
