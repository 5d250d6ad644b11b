import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { AppError } from './errors.js';

/**
 * What an uploaded workbook may hold (a manifest, a month's shop reports), checked from the zip before exceljs builds
 * it: bounds that fit the upload's purpose, not a way to fill the server's memory.
 */
export interface SheetLimits {
  rows: number;
  cells: number;
  unpackedBytes: number;
}

/** 10000 → "10 000", as the rest of the platform's messages write numbers. */
const spaced = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

export const tooManyRows = (limit: number) =>
  new AppError(413, 'TOO_MANY_ROWS', `file: 超过 ${spaced(limit)} 行，请拆分后分批导入 more than ${spaced(limit)} rows under the header; split the file`, { field: 'file', limit });
export const tooManyCells = (limit: number) => new AppError(413, 'TOO_MANY_CELLS', `file: 超过 ${spaced(limit)} 个单元格 more than ${spaced(limit)} cells`, { field: 'file', limit });
const tooLargeUnpacked = (limit: number) => new AppError(413, 'FILE_TOO_LARGE', `file: unpacks to more than ${limit / 1024 / 1024} MB`, { field: 'file', limit });
const notXlsx = () => new AppError(400, 'VALIDATION_FAILED', 'file: 不是 Excel .xlsx 文件 is not an Excel .xlsx workbook', { field: 'file' });

interface Entry {
  name: string;
  method: number;
  data: Buffer;
}

/** The entries of a zip archive, from its central directory: nothing is unpacked. */
function zipEntries(zip: Buffer): Entry[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notXlsx();
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw notXlsx();
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) throw notXlsx();
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + size > zip.length) throw notXlsx();
    entries.push({ name, method, data: zip.subarray(start, start + size) });
  }
  return entries;
}

/** Counts a worksheet's rows that hold a value, and its cells, from its XML as it streams past. */
class SheetCounter {
  rows = 0;
  cells = 0;
  private open = false;
  private valued = false;
  private carry = '';

  feed(text: string): void {
    // Tokens are ASCII and at most 6 characters: the last 4 of a chunk are looked at again with the next.
    const window = this.carry + text;
    for (const [token] of window.matchAll(/<row[\s>/]|<\/row>|<c[\s>/]|<v>|<is>/g)) {
      if (token.startsWith('<row')) {
        this.close();
        this.open = !token.endsWith('/');
      } else if (token === '</row>') this.close();
      else if (token.startsWith('<c')) this.cells++;
      else if (this.open) this.valued = true;
    }
    this.carry = window.slice(-4);
  }

  close(): void {
    if (this.open && this.valued) this.rows++;
    this.open = false;
    this.valued = false;
  }
}

/**
 * Checks a workbook against the limits by unpacking it as a stream, before any spreadsheet library builds it in
 * memory: it stops as soon as a sheet passes the row or cell limit or the archive the unpacked size.
 */
export async function checkWorkbookBounds(zip: Buffer, limits: SheetLimits): Promise<void> {
  let unpacked = 0;
  let cells = 0;
  for (const entry of zipEntries(zip)) {
    if (entry.method !== 0 && entry.method !== 8) throw notXlsx();
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name) ? new SheetCounter() : null;
    const chunks = entry.method === 0 ? Readable.from([entry.data]) : Readable.from([entry.data]).pipe(createInflateRaw());
    try {
      for await (const chunk of chunks as AsyncIterable<Buffer>) {
        unpacked += chunk.length;
        if (unpacked > limits.unpackedBytes) throw tooLargeUnpacked(limits.unpackedBytes);
        if (!sheet) continue;
        sheet.feed(chunk.toString('latin1'));
        // The header row is not a record.
        if (sheet.rows > limits.rows + 1) throw tooManyRows(limits.rows);
        if (cells + sheet.cells > limits.cells) throw tooManyCells(limits.cells);
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw notXlsx();
    } finally {
      chunks.destroy();
    }
    if (sheet) {
      sheet.close();
      if (sheet.rows > limits.rows + 1) throw tooManyRows(limits.rows);
      cells += sheet.cells;
    }
  }
}
