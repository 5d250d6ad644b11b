import { useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiError, fetchAll, type Page } from './http.js';
import type { ApiListItem, ApiResponse } from './generated/openapi.js';
import { logisticsKey, useInvalidateLogistics, type Parcel, type ParcelDetail } from './logistics.js';

/** An express carrier the county warehouse takes, as the server names it. */
export type Carrier = ApiListItem<'GET /api/v1/logistics/carriers'>;

/** `updated`: waybills already known (scanned before their manifest, or sent again) that were updated. */
export type Manifest = ApiResponse<'POST /api/v1/logistics/manifests/upload'>;

/** A problem in one row of an uploaded manifest file (`error.details.rows` of a 400). */
export interface ManifestRowError {
  row: number;
  column: string;
  message: string;
}

/** The row errors a refused manifest file carries, if any. */
export function manifestRowErrors(error: unknown): ManifestRowError[] {
  if (!(error instanceof ApiError)) return [];
  const rows = (error.details as { rows?: unknown } | undefined)?.rows;
  return Array.isArray(rows) ? (rows as ManifestRowError[]) : [];
}

/** The largest file the server takes (its multipart limit). */
export const MANIFEST_MAX_BYTES = 16 * 1024 * 1024;

/** Carriers the county warehouse takes (public, changes with a release only). */
export function useCarriers() {
  return useQuery({
    queryKey: [...logisticsKey, 'carriers'],
    queryFn: ({ signal }) => fetchAll<Carrier>('/logistics/carriers', {}, signal),
    staleTime: Infinity,
  });
}

/** Parcels with exactly this waybill number (one per carrier that uses it), for a scanner's lookup. */
export function findByWaybill(waybillNo: string, signal?: AbortSignal): Promise<Parcel[]> {
  return api<Page<Parcel>>('/logistics/parcels', { query: { waybillNo, limit: 10 }, signal }).then((p) => p.items);
}

/** POST /logistics/manifests/upload?carrier=…: a CSV or .xlsx file as multipart field `file`. */
function uploadManifest(carrier: string, file: File, idempotencyKey: string): Promise<Manifest> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<Manifest>('/logistics/manifests/upload', { method: 'POST', query: { carrier }, body: form, idempotencyKey });
}

/** Uploads a manifest file; one idempotency key per chosen file, so a double click takes it in once. */
export function useUploadManifest() {
  const invalidate = useInvalidateLogistics();
  return useMutation({
    mutationFn: ({ carrier, file, idempotencyKey }: { carrier: string; file: File; idempotencyKey: string }) => uploadManifest(carrier, file, idempotencyKey),
    onSuccess: invalidate,
  });
}

/** Settles an unmatched address: the 12-digit code of the village the parcel goes to. */
export function useAssignParcel() {
  const invalidate = useInvalidateLogistics();
  return useMutation({
    mutationFn: ({ id, villageCode }: { id: string; villageCode: string }) => api<ParcelDetail>(`/logistics/parcels/${encodeURIComponent(id)}/assign`, { method: 'POST', body: { villageCode } }),
    onSuccess: invalidate,
  });
}

/** The manifest template people fill in: the server's column names and one example row (UTF-8 with BOM, for Excel). */
export const MANIFEST_TEMPLATE_CSV = '\uFEFF运单号,收件人,电话,地址,重量(kg)\r\nZT7300012345,张三,13800001234,云南省昭通市鲁甸县乐红镇乐红村3组,1.2\r\n';
