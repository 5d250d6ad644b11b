import { describe, expect, it } from 'vitest';
import { parseRange } from './materials.service.js';
import { mp4DurationSeconds, mp4Skeleton, pdfEndsWell, sniffMaterial } from './materials.sniff.js';

describe('what an upload is, by its bytes', () => {
  it('tells PDF, MP4 and WebM apart and refuses the rest', () => {
    expect(sniffMaterial(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toEqual({ kind: 'document', type: 'application/pdf' });
    expect(sniffMaterial(mp4Skeleton(10))).toEqual({ kind: 'video', type: 'video/mp4' });
    const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84]), Buffer.from('webm'), Buffer.alloc(40)]);
    expect(sniffMaterial(webm)).toEqual({ kind: 'video', type: 'video/webm' });
    expect(sniffMaterial(Buffer.concat([webm.subarray(0, 12), Buffer.from('matroska'), Buffer.alloc(40)]))).toBeNull();
    expect(sniffMaterial(Buffer.from('PK\u0003\u0004 a zip renamed .pdf'))).toBeNull();
    expect(sniffMaterial(Buffer.from('<html>%PDF-</html>'))).toBeNull();
  });

  it('a PDF must end with %%EOF', () => {
    expect(pdfEndsWell(Buffer.from('%PDF-1.4 ... startxref\n123\n%%EOF\n'))).toBe(true);
    expect(pdfEndsWell(Buffer.from('%PDF-1.4 ... cut'))).toBe(false);
  });
});

describe('an MP4 length from its movie header', () => {
  const reader = (file: Buffer) => async (offset: number, length: number) => file.subarray(offset, offset + length);
  it('finds moov after mdat and reads mvhd', async () => {
    const file = mp4Skeleton(754, 5000);
    expect(await mp4DurationSeconds(reader(file), file.length)).toBe(754);
  });
  it('answers null for a file without one, or with broken box sizes', async () => {
    const noMoov = mp4Skeleton(10).subarray(0, 32);
    expect(await mp4DurationSeconds(reader(noMoov), noMoov.length)).toBeNull();
    const broken = Buffer.from(mp4Skeleton(10));
    broken.writeUInt32BE(0xffffff, 0);
    expect(await mp4DurationSeconds(reader(broken), broken.length)).toBeNull();
  });
});

describe('Range headers', () => {
  it('reads a-b, a-, -n; clamps the end; ignores what it does not understand; 416 past the end', () => {
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=0-9', 100)).toEqual([0, 9]);
    expect(parseRange('bytes=90-', 100)).toEqual([90, 99]);
    expect(parseRange('bytes=-10', 100)).toEqual([90, 99]);
    expect(parseRange('bytes=-500', 100)).toEqual([0, 99]);
    expect(parseRange('bytes=50-5000', 100)).toEqual([50, 99]);
    expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(parseRange('items=0-1', 100)).toBeNull();
    expect(parseRange('bytes=9-3', 100)).toBeNull();
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
  });
});
