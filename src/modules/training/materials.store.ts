import { Readable } from 'node:stream';
import type { FileStore } from '../../kernel/files.js';

/** Pieces of 1 MiB: a Range request reads only the pieces it covers, from the local disk or an S3-compatible store. */
export const CHUNK_BYTES = 1024 * 1024;

const keyOf = (materialId: string, n: number) => `training/materials/${materialId.toLowerCase()}/${n}.bin`;

/**
 * A material's bytes in the kernel's file store, kept as numbered pieces so that neither an upload nor a Range
 * answer ever holds a whole video in memory (the store's interface reads and writes whole files).
 */
export class MaterialChunks {
  constructor(
    private readonly files: FileStore,
    readonly chunkBytes = CHUNK_BYTES,
  ) {}

  put(materialId: string, n: number, body: Buffer): Promise<void> {
    return this.files.put(keyOf(materialId, n), body);
  }

  async remove(materialId: string, chunks: number): Promise<void> {
    for (let n = 0; n < chunks; n++) await this.files.delete(keyOf(materialId, n));
  }

  private async piece(materialId: string, n: number): Promise<Buffer> {
    const body = await this.files.get(keyOf(materialId, n));
    if (!body) throw new Error(`Material ${materialId}: piece ${n} is missing`);
    return body;
  }

  /** Bytes `start`..`end` inclusive (already checked against the size). */
  async read(materialId: string, start: number, end: number, chunkBytes = this.chunkBytes): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const part of this.pieces(materialId, start, end, chunkBytes)) parts.push(part);
    return Buffer.concat(parts);
  }

  /** Bytes `start`..`end` inclusive as a stream, one piece at a time. */
  stream(materialId: string, start: number, end: number, chunkBytes = this.chunkBytes): Readable {
    return Readable.from(this.pieces(materialId, start, end, chunkBytes), { objectMode: false });
  }

  private async *pieces(materialId: string, start: number, end: number, chunkBytes: number): AsyncGenerator<Buffer> {
    for (let n = Math.floor(start / chunkBytes); n * chunkBytes <= end; n++) {
      const body = await this.piece(materialId, n);
      const from = Math.max(0, start - n * chunkBytes);
      const to = Math.min(body.length, end - n * chunkBytes + 1);
      if (to > from) yield body.subarray(from, to);
    }
  }
}
