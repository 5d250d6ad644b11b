import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { forgetDeviceData, keepUser, keptUser } from '../app/offlineUser.js';
import { api, ApiError } from './http.js';
import { ROLES, type ApiBody, type ApiResponse } from './generated/openapi.js';

export { ROLES };
export type Role = (typeof ROLES)[number];

/** A user as the API shows one; `lockedUntil` is deprecated, always null (sign-in delays an address, never locks the account). */
export type User = ApiResponse<'GET /api/v1/auth/me'>;

export const meKey = ['auth', 'me'] as const;

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async ({ signal }) => {
      try {
        const user = await api<User>('/auth/me', { signal });
        keepUser(user);
        return user;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          forgetDeviceData();
          return null;
        }
        // No connection: a village point operator's page still opens, with its queue (app/offlineUser.ts).
        const kept = keptUser(err);
        if (kept) return kept;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api<{ user: User }>('/auth/login', { method: 'POST', body }),
    // A wrong password is a 401 too; it must not count as "session ended".
    meta: { quietUnauthorized: true },
    onSuccess: ({ user }) => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      client.setQueryData(meKey, user);
      keepUser(user);
    },
  });
}

/** Ends the session on the server; the caller leaves the console first, then calls forget(). */
export function useSignOut() {
  const client = useQueryClient();
  const mutation = useMutation({ mutationFn: () => api<{ ok: boolean }>('/auth/logout', { method: 'POST' }) });
  const forget = () => {
    client.clear();
    client.setQueryData(meKey, null);
    forgetDeviceData();
  };
  return { ...mutation, forget };
}

/** Changes your own password; the server signs out your other sessions and keeps this one. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api<{ ok: boolean }>('/auth/password', { method: 'POST', body }),
  });
}

/** Texts a sign-in code to a shopper's phone; the answer is the same whether or not the phone has an account. */
export function useSendSmsCode() {
  return useMutation({
    mutationFn: (body: ApiBody<'POST /api/v1/auth/sms-codes'>) => api<ApiResponse<'POST /api/v1/auth/sms-codes'>>('/auth/sms-codes', { method: 'POST', body }),
  });
}

/** Signs a shopper in with the texted code; a phone new to the shop becomes an account (`created`). */
export function useSmsSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'POST /api/v1/auth/sms-sign-in'>) => api<ApiResponse<'POST /api/v1/auth/sms-sign-in'>>('/auth/sms-sign-in', { method: 'POST', body }),
    onSuccess: ({ user }) => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      client.setQueryData(meKey, user);
    },
  });
}
