import { AppError } from '../../kernel/errors.js';
import { offloaded } from '../../kernel/offload.js';
import type { ManifestParcelInput } from './logistics.schema.js';
import { gbkTextProblem, textProblem } from './text-check.js';
import { checkWorkbookBounds, tooManyCells, tooManyRows, type SheetLimits } from '../../kernel/xlsx-bounds.js';

/** A manifest file is read only this far: 10 000 parcels (as the JSON API takes) of up to 40 columns. */
export const MANIFEST_LIMITS: SheetLimits = { rows: 10_000, cells: 400_000, unpackedBytes: 64 * 1024 * 1024 };

/** The column names carriers' exports use, in Chinese or English, for each field. */
const HEADERS: Record<string, string[]> = {
  waybillNo: ['运单号', '快递单号', '运单编号', 'waybill', 'waybillno'],
  recipientName: ['收件人', '收件人姓名', '姓名', 'name', 'recipient', 'recipientname'],
  recipientPhone: ['电话', '手机', '手机号', '收件人电话', '收件人手机', '联系电话', 'phone', 'recipientphone'],
  address: ['地址', '收件地址', '收件人地址', '详细地址', 'address'],
  weightG: ['重量(克)', '重量（克）', '重量g', 'weightg'],
  weightKg: ['重量', '重量(kg)', '重量（kg）', '重量kg', '重量(公斤)', 'weightkg', 'weight'],
  orderId: ['订单号', '平台订单号', 'orderid'],
};
const REQUIRED = ['waybillNo', 'recipientName', 'recipientPhone', 'address'];

interface RowError {
  row: number;
  column: string;
  message: string;
}

/** One refusal for a whole file, naming its first bad row and column and listing up to 100. */
function rowErrors(errors: RowError[], extra: Record<string, unknown> = {}): AppError {
  const first = errors[0];
  return new AppError(400, 'VALIDATION_FAILED', `file: row ${first.row}, ${first.column}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, { field: 'file', ...extra, rows: errors.slice(0, 100) });
}

const normalise = (header: string) => header.replace(/\s/g, '').toLowerCase();

function columnsOf(header: string[]): Map<string, number> {
  const columns = new Map<string, number>();
  header.forEach((h, i) => {
    const name = normalise(h);
    for (const [field, names] of Object.entries(HEADERS)) if (!columns.has(field) && names.includes(name)) columns.set(field, i);
  });
  const missing = REQUIRED.filter((f) => !columns.has(f));
  if (missing.length) throw new AppError(400, 'VALIDATION_FAILED', `file: the first row must name the columns; missing ${missing.map((f) => HEADERS[f][0]).join(', ')}`, { field: 'file', missing });
  return columns;
}

/** Checks each row as the JSON API would and collects every problem, so a person can fix the file in one go. */
export function toParcels(table: string[][]): ManifestParcelInput[] {
  const [header, ...rows] = table;
  if (!header) throw new AppError(400, 'VALIDATION_FAILED', 'file: is empty', { field: 'file' });
  const columns = columnsOf(header);
  const errors: RowError[] = [];
  const parcels: ManifestParcelInput[] = [];
  rows.forEach((cells, index) => {
    const row = index + 2;
    const cell = (field: string) => (columns.has(field) ? (cells[columns.get(field)!] ?? '').trim() : '');
    if (cells.every((c) => !c.trim())) return;
    const fail = (field: string, message: string) => errors.push({ row, column: header[columns.get(field)!] ?? field, message });
    const waybillNo = cell('waybillNo');
    const recipientName = cell('recipientName');
    const recipientPhone = cell('recipientPhone').replace(/[\s-]/g, '').replace(/^\+?86/, '');
    const address = cell('address');
    if (!/^[A-Za-z0-9-]{6,32}$/.test(waybillNo)) fail('waybillNo', 'must be 6–32 letters or digits');
    if (!recipientName || recipientName.length > 50) fail('recipientName', 'must be 1–50 characters');
    if (!/^1\d{10}$/.test(recipientPhone)) fail('recipientPhone', 'must be an 11-digit mobile number');
    if (address.length < 2 || address.length > 200) fail('address', 'must be 2–200 characters');
    // Whatever the file was (an Excel cell can hold U+FFFD or control characters too), garbled text is not stored.
    for (const [field, value] of [['recipientName', recipientName], ['address', address], ['orderId', cell('orderId')]] as const) {
      const problem = textProblem(value);
      if (problem) fail(field, problem);
    }
    let weightG: number | undefined;
    if (cell('weightG')) weightG = Math.round(Number(cell('weightG')));
    else if (cell('weightKg')) weightG = Math.round(Number(cell('weightKg')) * 1000);
    if (weightG !== undefined && !(weightG >= 1 && weightG <= 100_000)) fail(cell('weightG') ? 'weightG' : 'weightKg', 'must be a weight between 1 g and 100 kg');
    const orderId = cell('orderId') || undefined;
    parcels.push({ waybillNo, recipientName, recipientPhone, address, ...(weightG !== undefined && { weightG }), ...(orderId && { orderId }) });
  });
  if (errors.length) throw rowErrors(errors);
  if (!parcels.length) throw new AppError(400, 'VALIDATION_FAILED', 'file: has no parcels under its header row', { field: 'file' });
  if (parcels.length > MANIFEST_LIMITS.rows) throw tooManyRows(MANIFEST_LIMITS.rows);
  return parcels;
}

/** A CSV file split into rows of fields, each field still as its bytes; it stops at the row and cell limits. */
function splitCsv(bytes: Buffer, limits: SheetLimits): Buffer[][] {
  // The bytes that shape a CSV (quote, comma, CR, LF) never occur inside a UTF-8 or GBK character, so the file is
  // split before it is decoded and a field that does not decode is known by its row and column.
  const rows: Buffer[][] = [];
  let row: Buffer[] = [];
  let field: number[] = [];
  let quoted = false;
  let touched = false;
  let filled = false;
  let valuedRows = 0;
  let cells = 0;
  const end = () => {
    row.push(Buffer.from(field));
    field = [];
    if (++cells > limits.cells) throw tooManyCells(limits.cells);
  };
  const endRow = () => {
    rows.push(row);
    row = [];
    touched = false;
    // Blank rows are skipped later; the header row is not a parcel.
    if (filled && ++valuedRows > limits.rows + 1) throw tooManyRows(limits.rows);
    filled = false;
  };
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    touched = true;
    if (c > 0x20 && c !== 0x2c && c !== 0x22) filled = true;
    if (quoted) {
      if (c === 0x22 && bytes[i + 1] === 0x22) {
        field.push(0x22);
        i++;
      } else if (c === 0x22) quoted = false;
      else field.push(c);
    } else if (c === 0x22) quoted = true;
    else if (c === 0x2c) end();
    else if (c === 0x0a || c === 0x0d) {
      if (c === 0x0d && bytes[i + 1] === 0x0a) i++;
      end();
      endRow();
    } else field.push(c);
  }
  if (touched) {
    end();
    endRow();
  }
  return rows;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });
const decodes = (decoder: TextDecoder, bytes: Uint8Array) => {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
};

/**
 * Which encoding a file is in: UTF-8 when all of it decodes as UTF-8, or when most of its non-ASCII fields do
 * (the others are then broken bytes, not GBK); else GBK (read as GB18030, of which GBK is a part).
 */
function encodingOf(bytes: Buffer, rows: Buffer[][]): 'utf-8' | 'gbk' {
  if (decodes(utf8, bytes) !== null) return 'utf-8';
  let asUtf8 = 0;
  let other = 0;
  for (const row of rows) {
    for (const field of row) {
      if (field.every((b) => b < 0x80)) continue;
      const text = decodes(utf8, field);
      if (text !== null && /[\u0800-\uFFFF]/u.test(text)) asUtf8++;
      else other++;
    }
  }
  return asUtf8 > other ? 'utf-8' : 'gbk';
}

/**
 * CSV as spreadsheets save it: UTF-8 (with or without BOM) or GBK, quoted fields, CRLF or LF. Decoding is strict: a
 * field that is not valid in the file's encoding, or that holds characters no name or address would (U+FFFD,
 * control characters; in a GBK file anything outside GB2312, which is what Big5 or Latin-1 read as GBK turns
 * into), refuses the file with every such row and column named.
 */
export function parseCsv(bytes: Buffer, limits: SheetLimits = MANIFEST_LIMITS): string[][] {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const raw = splitCsv(body, limits);
  const encoding = encodingOf(body, raw);
  const decoder = encoding === 'utf-8' ? utf8 : gb18030;
  const errors: RowError[] = [];
  const header = (raw[0] ?? []).map((f) => decodes(decoder, f));
  const rows = raw.map((fields, r) =>
    fields.map((bytesOf, c) => {
      const fail = (message: string) => errors.push({ row: r + 1, column: (r > 0 && header[c]?.trim()) || `column ${c + 1}`, message });
      const text = decodes(decoder, bytesOf);
      if (text === null) {
        fail(`is not valid ${encoding === 'utf-8' ? 'UTF-8' : 'GBK'} text (the rest of the file is ${encoding === 'utf-8' ? 'UTF-8' : 'GBK'}); the bytes are broken or in another encoding`);
        return '';
      }
      const problem = textProblem(text) ?? (encoding === 'gbk' ? gbkTextProblem(text) : null);
      if (problem) fail(problem);
      return text;
    }),
  );
  if (errors.length) throw rowErrors(errors, { encoding });
  return rows;
}

/** The first sheet of an .xlsx workbook, each cell as the text Excel shows; refused unbuilt when over the limits. */
export async function parseXlsx(bytes: Buffer, limits: SheetLimits = MANIFEST_LIMITS): Promise<string[][]> {
  await checkWorkbookBounds(bytes, limits);
  // Loaded here, not at the top: the module is imported by the routes too, and only a worker reading a workbook needs it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, 'VALIDATION_FAILED', 'file: is not an Excel .xlsx workbook', { field: 'file' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError(400, 'VALIDATION_FAILED', 'file: the workbook has no sheet', { field: 'file' });
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(row.getCell(i).text ?? '');
    rows.push(cells);
  });
  return rows;
}

/** The parcels of a manifest file, checked as `toParcels` does; what a worker thread runs. */
export async function parcelsOf(bytes: Uint8Array, kind: 'csv' | 'xlsx'): Promise<ManifestParcelInput[]> {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return toParcels(kind === 'xlsx' ? await parseXlsx(buffer) : parseCsv(buffer));
}

const inWorker = offloaded<typeof import('./manifest-file.js')>(new URL('./manifest-file.js', import.meta.url));

/**
 * Reads a manifest file on a worker thread (kernel/offload.ts): 10 000 rows of Excel take seconds of CPU, which
 * on the request thread would stall every other request meanwhile.
 */
export const readManifest = (bytes: Buffer, kind: 'csv' | 'xlsx') => inWorker('parcelsOf', bytes, kind);
