import { AppError } from '../../kernel/errors.js';
import { monthFromCell, yuanToFen } from './report-rules.js';
import { checkWorkbookBounds, type SheetLimits } from '../../kernel/xlsx-bounds.js';
import { PLATFORM_LABELS, PLATFORMS, type Platform } from './players.tables.js';

/** An import takes at most 5 000 reports (a county's shops for a year, or more); a file up to 40 columns wide. */
export const IMPORT_LIMITS: SheetLimits = { rows: 5_000, cells: 200_000, unpackedBytes: 32 * 1024 * 1024 };

/** The column names a report file may use, for each field (spaces and brackets' width do not matter). */
const HEADERS: Record<string, string[]> = {
  shopId: ['店铺编号', '店铺id', 'shopid'],
  platform: ['平台', 'platform'],
  shopName: ['店铺名', '店铺名称', '店铺', 'shopname'],
  month: ['月份', '统计月份', 'month'],
  sales: ['销售额(元)', '销售额', '网络销售额(元)', 'sales'],
  orders: ['订单数', '订单量', '订单数(单)', 'orders'],
  produce: ['其中农产品(元)', '农产品销售额(元)', '其中农产品', '农产品销售额', 'produce'],
};
const REQUIRED = ['month', 'sales', 'orders'] as const;

export const TEMPLATE_HEADER = ['店铺编号', '平台', '店铺名', '月份', '销售额（元）', '订单数', '其中农产品（元）'];

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface FileRow {
  row: number;
  shopId: string | null;
  platform: Platform | null;
  shopName: string | null;
  month: string;
  salesFen: number;
  orders: number;
  produceFen: number;
  /** The header text of each field's column, for errors the service finds (the shop, the month). */
  columns: Record<string, string>;
}

const normalise = (header: string) => header.replace(/\s/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
const platformOf = (text: string): Platform | null => {
  const t = text.trim().toLowerCase();
  return PLATFORMS.find((p) => p === t || PLATFORM_LABELS[p] === text.trim()) ?? null;
};

// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF\uE000-\uF8FF]/u;

/** All or nothing: one refusal naming every bad row and column (up to 200 of them), the first in the message. */
export function rowErrors(errors: RowError[]): AppError {
  const first = errors[0];
  return new AppError(400, 'IMPORT_ROWS_INVALID', `file: 第 ${first.row} 行「${first.column}」${first.message}${errors.length > 1 ? `（另有 ${errors.length - 1} 处错误）` : ''}；未导入任何数据`, { field: 'file', rows: errors.slice(0, 200), count: errors.length });
}

/** The cells of a sheet's rows: each as Excel shows it, dates as Date. Row numbers are the sheet's own. */
export type Sheet = { row: number; cells: unknown[] }[];

/** Checks each row's form (its columns, month, amounts) and collects every problem, so the file is fixed in one go. */
export function toRows(sheet: Sheet): { rows: FileRow[]; errors: RowError[] } {
  const [head, ...body] = sheet;
  if (!head) throw new AppError(400, 'VALIDATION_FAILED', 'file: 文件是空的 is empty', { field: 'file' });
  const header = head.cells.map((c) => String(c ?? '').trim());
  const columns = new Map<string, number>();
  header.forEach((h, i) => {
    const name = normalise(h);
    for (const [field, names] of Object.entries(HEADERS)) if (!columns.has(field) && names.map(normalise).includes(name)) columns.set(field, i);
  });
  const missing: string[] = REQUIRED.filter((f) => !columns.has(f)).map((f) => HEADERS[f][0]);
  if (!columns.has('shopId') && !(columns.has('platform') && columns.has('shopName'))) missing.push('店铺编号（或 平台 + 店铺名）');
  if (missing.length) throw new AppError(400, 'VALIDATION_FAILED', `file: 第 1 行应为列名，缺少：${missing.join('、')}`, { field: 'file', missing });
  const names: Record<string, string> = {};
  for (const [field, index] of columns) names[field] = header[index];
  const errors: RowError[] = [];
  const rows: FileRow[] = [];
  for (const { row, cells } of body) {
    const raw = (field: string) => (columns.has(field) ? cells[columns.get(field)!] : undefined);
    const text = (field: string) => {
      const value = raw(field);
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '').trim();
    };
    if (cells.every((c) => !String(c ?? '').trim())) continue;
    const fail = (field: string, message: string) => errors.push({ row, column: names[field] ?? HEADERS[field][0], message });
    for (const field of columns.keys()) if (NOT_TEXT.test(text(field))) fail(field, '含有乱码或控制字符，请检查文件编码');
    const shopId = text('shopId') || null;
    const platformText = text('platform');
    const platform = platformText ? platformOf(platformText) : null;
    if (platformText && !platform) fail('platform', `「${platformText}」不是可选的平台（${PLATFORMS.map((p) => PLATFORM_LABELS[p]).join('、')}）`);
    const shopName = text('shopName') || null;
    if (!shopId && !(platform && shopName)) fail(columns.has('shopId') ? 'shopId' : 'shopName', '请填写店铺编号，或平台和店铺名');
    const month = monthFromCell(raw('month'));
    if (!month) fail('month', text('month') ? `「${text('month')}」不是月份，应写作 2026-11` : '不能为空');
    const amount = (field: 'sales' | 'produce', optional: boolean) => {
      const value = text(field);
      if (!value) {
        if (!optional) fail(field, '不能为空');
        return 0;
      }
      const fen = yuanToFen(value);
      if (fen === null) fail(field, `「${value}」不是金额：应为不小于 0 的数，最多两位小数`);
      return fen ?? 0;
    };
    const salesFen = amount('sales', false);
    const produceFen = amount('produce', true);
    const ordersText = text('orders');
    const orders = /^\d{1,9}$/.test(ordersText.replace(/[,，]/g, '')) ? Number(ordersText.replace(/[,，]/g, '')) : null;
    if (orders === null) fail('orders', ordersText ? `「${ordersText}」不是订单数：应为不小于 0 的整数` : '不能为空');
    if (produceFen > salesFen) fail('produce', '农产品销售额不能大于销售额');
    rows.push({ row, shopId, platform, shopName, month: month ?? '', salesFen, orders: orders ?? 0, produceFen, columns: names });
  }
  if (!rows.length && !errors.length) throw new AppError(400, 'VALIDATION_FAILED', 'file: 列名下没有数据 has no reports under its header row', { field: 'file' });
  return { rows, errors };
}

/** The first sheet of an .xlsx workbook, refused unbuilt when over the limits. */
export async function readWorkbook(bytes: Buffer, limits: SheetLimits = IMPORT_LIMITS): Promise<Sheet> {
  await checkWorkbookBounds(bytes, limits);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, 'VALIDATION_FAILED', 'file: 不是 Excel .xlsx 文件 is not an Excel .xlsx workbook', { field: 'file' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError(400, 'VALIDATION_FAILED', 'file: 工作簿没有工作表 the workbook has no sheet', { field: 'file' });
  const rows: Sheet = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: unknown[] = [];
    for (let i = 1; i <= row.cellCount; i++) {
      const cell = row.getCell(i);
      cells.push(cell.value instanceof Date ? cell.value : (cell.text ?? ''));
    }
    rows.push({ row: number, cells });
  });
  return rows;
}

/** The import template: the header, an example row, and the caller's shops on a second sheet to copy from. */
export async function templateWorkbook(shops: { id: string; platform: Platform; name: string; playerName: string }[], exampleMonth: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('月报');
  sheet.addRow(TEMPLATE_HEADER);
  const first = shops[0];
  sheet.addRow([first?.id ?? '', first ? PLATFORM_LABELS[first.platform] : '淘宝', first?.name ?? '示例店铺', exampleMonth, '12345.60', 86, '10000']);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c, i) => (c.width = [26, 10, 28, 10, 14, 10, 16][i]));
  sheet.getColumn(4).numFmt = '@';
  const list = workbook.addWorksheet('店铺清单');
  list.addRow(['店铺编号', '平台', '店铺名', '市场主体']);
  list.getRow(1).font = { bold: true };
  for (const s of shops) list.addRow([s.id, PLATFORM_LABELS[s.platform], s.name, s.playerName]);
  list.columns.forEach((c, i) => (c.width = [26, 10, 28, 36][i]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
