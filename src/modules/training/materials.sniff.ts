import type { MaterialKind, MaterialType } from './learning.tables.js';

/** Bytes enough to tell a PDF, an MP4 or a WebM apart. */
export const SNIFF_BYTES = 64;

/**
 * What an upload is, by its first bytes, never by its name or the type the browser claims: a PDF starts `%PDF-`;
 * an MP4 (ISO base media) has an `ftyp` box first; a WebM is an EBML document (1A 45 DF A3) whose DocType is `webm`.
 */
export function sniffMaterial(head: Buffer): { kind: MaterialKind; type: MaterialType } | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { kind: 'document', type: 'application/pdf' };
  if (head.length >= 12 && head.subarray(4, 8).toString('latin1') === 'ftyp') return { kind: 'video', type: 'video/mp4' };
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3 && head.subarray(0, SNIFF_BYTES).includes(Buffer.from('webm', 'latin1'))) return { kind: 'video', type: 'video/webm' };
  return null;
}

/** A PDF ends with `%%EOF` in its last kilobyte (a truncated upload does not). */
export const pdfEndsWell = (tail: Buffer) => tail.subarray(-1024).includes(Buffer.from('%%EOF', 'latin1'));

/** Reads `length` bytes at `offset` of a stored file (null past its end). */
export type ReadAt = (offset: number, length: number) => Promise<Buffer>;

interface Box {
  type: string;
  /** Where the box's content starts, and where the box ends. */
  start: number;
  end: number;
}

async function boxAt(read: ReadAt, offset: number, limit: number): Promise<Box | null> {
  if (offset + 8 > limit) return null;
  const head = await read(offset, 16);
  if (head.length < 8) return null;
  let size = head.readUInt32BE(0);
  const type = head.subarray(4, 8).toString('latin1');
  let start = offset + 8;
  if (size === 1) {
    if (head.length < 16) return null;
    size = Number(head.readBigUInt64BE(8));
    start = offset + 16;
  } else if (size === 0) size = limit - offset;
  if (size < start - offset || offset + size > limit) return null;
  return { type, start, end: offset + size };
}

/**
 * A video's length in whole seconds from an MP4's movie header (`moov` → `mvhd`: timescale and duration), or null
 * when the file has none that reads (then the uploader must give the length). Only box headers and the mvhd are read.
 */
export async function mp4DurationSeconds(read: ReadAt, size: number): Promise<number | null> {
  let moov: Box | null = null;
  for (let at = 0, n = 0; at < size && n < 1000; n++) {
    const box = await boxAt(read, at, size);
    if (!box) return null;
    if (box.type === 'moov') {
      moov = box;
      break;
    }
    at = box.end;
  }
  if (!moov) return null;
  for (let at = moov.start, n = 0; at < moov.end && n < 1000; n++) {
    const box = await boxAt(read, at, moov.end);
    if (!box) return null;
    if (box.type === 'mvhd') {
      const body = await read(box.start, Math.min(box.end - box.start, 32));
      const version = body[0];
      const timescale = version === 1 ? body.readUInt32BE(20) : body.readUInt32BE(12);
      const duration = version === 1 ? Number(body.readBigUInt64BE(24)) : body.readUInt32BE(16);
      if (!timescale || !Number.isFinite(duration) || duration <= 0 || duration === 0xffffffff) return null;
      return Math.max(1, Math.round(duration / timescale));
    }
    at = box.end;
  }
  return null;
}

/** A tiny MP4 (ftyp, moov with mvhd, empty mdat) of the given length, for tests and demos of the header reading. */
export function mp4Skeleton(durationSeconds: number, padding = 0): Buffer {
  const box = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(8 + body.length, 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, body]);
  };
  const ftyp = box('ftyp', Buffer.concat([Buffer.from('isom', 'latin1'), Buffer.alloc(4), Buffer.from('isomiso2mp41', 'latin1')]));
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12);
  mvhd.writeUInt32BE(durationSeconds * 1000, 16);
  // mdat first, as many encoders write it, so the header is found after the media data.
  const mdat = box('mdat', Buffer.alloc(padding, 7));
  return Buffer.concat([ftyp, mdat, box('moov', box('mvhd', mvhd))]);
}
