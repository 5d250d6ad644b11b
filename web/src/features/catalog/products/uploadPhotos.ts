import { api } from '../../../api/http.js';
import type { Photo } from '../../../api/catalog.js';

/** The server's limits, checked first so a shopper's phone photo of 12 MB is refused here with a clear message. */
export const MAX_PHOTOS = 9;
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
export const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';

/** Sends photos one after another (in the order chosen: the first becomes the main one); says which failed. */
export async function uploadPhotos(productId: string, files: File[]): Promise<{ sent: Photo[]; failed: { file: File; error: unknown }[] }> {
  const sent: Photo[] = [];
  const failed: { file: File; error: unknown }[] = [];
  for (const file of files) {
    const body = new FormData();
    body.append('photo', file, file.name);
    try {
      sent.push(await api<Photo>(`/catalog/products/${encodeURIComponent(productId)}/photos`, { method: 'POST', body }));
    } catch (error) {
      failed.push({ file, error });
    }
  }
  return { sent, failed };
}
