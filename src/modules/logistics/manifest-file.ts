import ExcelJS from 'exceljs';
import { AppError } from '../../kernel/errors.js';
import type { ManifestParcelInput } from './logistics.schema.js';

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
    let weightG: number | undefined;
    if (cell('weightG')) weightG = Math.round(Number(cell('weightG')));
    else if (cell('weightKg')) weightG = Math.round(Number(cell('weightKg')) * 1000);
    if (weightG !== undefined && !(weightG >= 1 && weightG <= 100_000)) fail(cell('weightG') ? 'weightG' : 'weightKg', 'must be a weight between 1 g and 100 kg');
    const orderId = cell('orderId') || undefined;
    parcels.push({ waybillNo, recipientName, recipientPhone, address, ...(weightG !== undefined && { weightG }), ...(orderId && { orderId }) });
  });
  if (errors.length) {
    const first = errors[0];
    throw new AppError(400, 'VALIDATION_FAILED', `file: row ${first.row}, ${first.column}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, { field: 'file', rows: errors.slice(0, 100) });
  }
  if (!parcels.length) throw new AppError(400, 'VALIDATION_FAILED', 'file: has no parcels under its header row', { field: 'file' });
  if (parcels.length > 10_000) throw new AppError(400, 'VALIDATION_FAILED', 'file: at most 10 000 parcels a manifest; split the file', { field: 'file' });
  return parcels;
}

/** CSV as spreadsheets save it: UTF-8 (with or without BOM) or GBK, quoted fields, CRLF or LF. */
export function parseCsv(bytes: Buffer): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gbk').decode(bytes);
  }
  text = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** The first sheet of an .xlsx workbook, each cell as the text Excel shows. */
export async function parseXlsx(bytes: Buffer): Promise<string[][]> {
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
