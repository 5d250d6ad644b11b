import { createRequire } from 'node:module';
import type sharp from 'sharp';
import { AppError, invalidField } from './errors.js';

const require = createRequire(import.meta.url);
let sharpLibrary: typeof sharp | undefined;
/** libvips, loaded with the first image rather than at start (it holds ~15 MB that most requests never use). */
const images = () => (sharpLibrary ??= require('sharp') as typeof sharp);

/**
 * Limits on uploaded images, checked from the header before any pixel is decoded: a small PNG can claim a huge
 * canvas (12 000 × 12 000 compresses to under 500 KB and decodes to over 400 MB).
 */
export const IMAGE_LIMITS = { maxSide: 8000, maxPixels: 40_000_000 } as const;

export type ImageFormat = 'jpeg' | 'png' | 'webp';

const tooLarge = (field: string, width: number, height: number) =>
  new AppError(400, 'IMAGE_TOO_LARGE', `${field}: ${width} × ${height} pixels is too large; at most ${IMAGE_LIMITS.maxSide} pixels a side and ${IMAGE_LIMITS.maxPixels / 1_000_000} megapixels`, {
    field,
    width,
    height,
    maxSide: IMAGE_LIMITS.maxSide,
    maxPixels: IMAGE_LIMITS.maxPixels,
  });

const undecodable = (field: string) => invalidField(field, 'cannot be decoded: the image is truncated or corrupt', 'NOT_AN_IMAGE');

/** A decoder that refuses more pixels than the limit and any damage libvips notices. */
export const openImage = (bytes: Buffer) => images()(bytes, { limitInputPixels: IMAGE_LIMITS.maxPixels, failOn: 'warning' });

/** Reads the header only: the format must be one of `formats` and the canvas within the limits. */
export async function imageHeader(bytes: Buffer, field: string, formats: readonly ImageFormat[]): Promise<sharp.Metadata> {
  let meta: sharp.Metadata;
  try {
    meta = await images()(bytes).metadata();
  } catch {
    throw invalidField(field, `is not an image (${formats.map((f) => f.toUpperCase()).join(', ')})`, 'NOT_AN_IMAGE');
  }
  if (!formats.includes(meta.format as ImageFormat)) throw invalidField(field, `must be ${formats.map((f) => f.toUpperCase()).join(', ')}`, 'NOT_AN_IMAGE');
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (!width || !height) throw undecodable(field);
  if (width > IMAGE_LIMITS.maxSide || height > IMAGE_LIMITS.maxSide || width * height > IMAGE_LIMITS.maxPixels) throw tooLarge(field, width, height);
  return meta;
}

/** Runs decoding work; whatever libvips cannot decode is the caller's 400 naming the field, never a 500. */
export async function decoding<T>(field: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (/pixel limit/i.test((err as Error).message)) throw new AppError(400, 'IMAGE_TOO_LARGE', `${field}: more than ${IMAGE_LIMITS.maxPixels / 1_000_000} megapixels`, { field, maxPixels: IMAGE_LIMITS.maxPixels });
    throw undecodable(field);
  }
}

/** Checks the header, then that every pixel decodes (into a small thumbnail, which is thrown away). */
export async function checkImage(bytes: Buffer, field: string, formats: readonly ImageFormat[]): Promise<sharp.Metadata> {
  const meta = await imageHeader(bytes, field, formats);
  await decoding(field, () => openImage(bytes).resize(64, 64, { fit: 'inside' }).raw().toBuffer());
  return meta;
}
