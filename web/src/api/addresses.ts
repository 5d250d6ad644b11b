import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll } from './http.js';
import type { ApiBody, ApiListItem } from './generated/openapi.js';

/**
 * One entry of 我的地址; the phone is in full (only its owner reads it). `inCounty`: a village of this county, with
 * its township's and its own name; otherwise a county elsewhere, by its 6-digit code.
 */
export type Address = ApiListItem<'GET /api/v1/me/addresses'>;
export type NewAddress = ApiBody<'POST /api/v1/me/addresses'>;
export type AddressChanges = ApiBody<'PATCH /api/v1/me/addresses/{id}'>;

/** The most a book holds (the server's MAX_ADDRESSES). */
export const MAX_ADDRESSES = 20;

export const addressesKey = ['me', 'addresses'] as const;
const addressPath = (id: string) => `/me/addresses/${encodeURIComponent(id)}`;

/** Your address book, the default first (at most 20, so every page at once). */
export function useAddresses(enabled = true) {
  return useQuery({
    queryKey: addressesKey,
    queryFn: ({ signal }) => fetchAll<Address>('/me/addresses', {}, signal),
    enabled,
    staleTime: 60_000,
  });
}

const useBookChange = <V, R>(mutationFn: (vars: V) => Promise<R>) => {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => client.invalidateQueries({ queryKey: addressesKey }) });
};

/** Adds an address; one idempotency key per opened form, so a double click adds one. */
export const useAddAddress = () =>
  useBookChange(({ address, idempotencyKey }: { address: NewAddress; idempotencyKey: string }) => api<Address>('/me/addresses', { method: 'POST', body: address, idempotencyKey }));

export const useUpdateAddress = () => useBookChange(({ id, changes }: { id: string; changes: AddressChanges }) => api<Address>(addressPath(id), { method: 'PATCH', body: changes }));

/** Deleting the default makes the address changed most recently the default. */
export const useDeleteAddress = () => useBookChange((id: string) => api<{ ok: boolean }>(addressPath(id), { method: 'DELETE' }));

export const useMakeDefault = () => useBookChange((id: string) => api<Address>(`${addressPath(id)}/default`, { method: 'POST' }));
