import { AppError } from '../../kernel/errors.js';
import { checkWorkbookBounds, type SheetLimits } from '../../kernel/xlsx-bounds.js';
import type { TrainingPlaceBook } from './ports.js';
import type { CheckedTrainee } from './trainees.service.js';

/** A roster holds at most 2 000 people; a sheet up to 20 columns wide. */
export const ROSTER_LIMITS: SheetLimits = { rows: 2_000, cells: 40_000, unpackedBytes: 16 * 1024 * 1024 };

/** The template's columns, in order. */
export const ROSTER_HEADER = ['姓名', '身份证号', '手机号', '乡镇', '村', '建档立卡贫困户', '残疾人', '党员', '女性', '青年'] as const;
type Column = (typeof ROSTER_HEADER)[number];
const ALIASES: Record<Column, string[]> = {
  姓名: ['姓名', '学员姓名', 'name'],
  身份证号: ['身份证号', '身份证号码', '公民身份号码', 'idnumber'],
  手机号: ['手机号', '手机号码', '联系电话', '电话', 'phone'],
  乡镇: ['乡镇', '乡(镇)', '乡镇(街道)', 'township'],
  村: ['村', '村(社区)', '行政村', 'village'],
  建档立卡贫困户: ['建档立卡贫困户', '贫困户', '建档立卡', 'poor'],
  残疾人: ['残疾人', 'disabled'],
  党员: ['党员', 'partymember'],
  女性: ['女性', '女', 'woman'],
  青年: ['青年', 'youth'],
};

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

export interface RosterLine extends CheckedTrainee {
  row: number;
}

/** The cells of a sheet's rows as Excel shows them. Row numbers are the sheet's own. */
export type Sheet = { row: number; cells: string[] }[];

const normalise = (header: string) => header.replace(/\s/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF\uE000-\uF8FF]/u;

/** 是/否/blank (also Y/N, 1/0, √). */
function yesNo(text: string): boolean | null | 'bad' {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  if (['是', 'y', 'yes', '1', '√', 'true'].includes(t)) return true;
  if (['否', 'n', 'no', '0', '×', 'false'].includes(t)) return false;
  return 'bad';
}

/**
 * Checks every row of a roster (name, ID number by parties' rule, phone, township and village by name or code in
 * force, flags) and collects every problem by row and column. The same ID number twice in the file is one person:
 * the later row fills what the earlier left blank.
 */
export function checkRoster(sheet: Sheet, book: TrainingPlaceBook, residentIdProblem: (id: string) => string | null): { lines: RosterLine[]; problems: RowProblem[]; rows: number } {
  const [head, ...body] = sheet;
  if (!head) throw new AppError(400, 'VALIDATION_FAILED', 'file: 文件是空的 is empty', { field: 'file' });
  const header = head.cells.map((c) => normalise(String(c ?? '')));
  const columns = new Map<Column, number>();
  for (const column of ROSTER_HEADER) {
    const index = header.findIndex((h) => ALIASES[column].map(normalise).includes(h));
    if (index >= 0) columns.set(column, index);
  }
  const missing = (['姓名', '身份证号'] as const).filter((c) => !columns.has(c));
  if (missing.length) throw new AppError(400, 'VALIDATION_FAILED', `file: 第 1 行应为列名，缺少：${missing.join('、')}`, { field: 'file', missing });

  const townshipByName = new Map(book.townships.map((t) => [t.name, t.code]));
  const townshipCodes = new Set(book.townships.map((t) => t.code));
  const problems: RowProblem[] = [];
  const byId = new Map<string, RosterLine>();
  let rows = 0;
  for (const { row, cells } of body) {
    const text = (column: Column) => (columns.has(column) ? String(cells[columns.get(column)!] ?? '').trim() : '');
    if (ROSTER_HEADER.every((c) => !text(c))) continue;
    rows++;
    const before = problems.length;
    const fail = (column: Column, message: string) => problems.push({ row, column, message });
    for (const c of ROSTER_HEADER) if (NOT_TEXT.test(text(c))) fail(c, '含有乱码或控制字符，请检查文件编码');
    const name = text('姓名');
    if (!name) fail('姓名', '不能为空');
    else if ([...name].length > 40) fail('姓名', '超过 40 个字');
    const idText = text('身份证号').toUpperCase();
    let idNumber = '';
    if (!idText) fail('身份证号', '不能为空');
    else if (/E\+/i.test(idText) || /^\d{15,17}$/.test(idText.replace(/\.0+$/, '')) && idText.includes('.')) fail('身份证号', '被 Excel 当成了数字，请将该列设为文本格式后重新填写');
    else {
      const problem = residentIdProblem(idText);
      if (problem) fail('身份证号', /birth date/.test(problem) ? `「${idText}」中的出生日期不存在` : /check/.test(problem) ? `「${idText}」校验位不对，请核对` : `「${idText}」应为 18 位（最后一位可为 X）`);
      else idNumber = idText;
    }
    const phone = text('手机号').replace(/[\s-]/g, '');
    if (phone && !/^1\d{10}$/.test(phone)) fail('手机号', `「${text('手机号')}」应为 11 位手机号`);
    const townshipText = text('乡镇');
    let townshipCode: string | null = null;
    if (townshipText) {
      townshipCode = townshipCodes.has(townshipText) ? townshipText : (townshipByName.get(townshipText) ?? null);
      if (!townshipCode) fail('乡镇', `没有「${townshipText}」这个乡镇`);
    }
    const villageText = text('村');
    let villageCode: string | null = null;
    if (villageText && !(townshipText && !townshipCode)) {
      const matches = book.villages.filter((v) => (v.code === villageText || v.name === villageText) && (!townshipCode || v.townshipCode === townshipCode));
      if (matches.length === 1) {
        villageCode = matches[0].code;
        townshipCode = matches[0].townshipCode;
      } else if (matches.length > 1) fail('村', `有几个村叫「${villageText}」，请同时填写乡镇`);
      else fail('村', townshipCode ? `${book.townships.find((t) => t.code === townshipCode)?.name ?? ''}没有「${villageText}」这个村` : `没有「${villageText}」这个村`);
    }
    const flag = (column: Column) => {
      const value = yesNo(text(column));
      if (value === 'bad') {
        fail(column, `「${text(column)}」应填 是、否 或留空`);
        return null;
      }
      return value;
    };
    const poor = flag('建档立卡贫困户');
    const disabled = flag('残疾人');
    const partyMember = flag('党员');
    const woman = flag('女性');
    const youth = flag('青年');
    if (problems.length > before) continue;
    const line: RosterLine = { row, name, idNumber, phone: phone || null, townshipCode, villageCode, poor: !!poor, disabled: !!disabled, partyMember: !!partyMember, woman, youth };
    const earlier = byId.get(idNumber);
    if (!earlier) byId.set(idNumber, line);
    else
      byId.set(idNumber, {
        ...earlier,
        phone: earlier.phone ?? line.phone,
        townshipCode: earlier.townshipCode ?? line.townshipCode,
        villageCode: earlier.villageCode ?? (earlier.townshipCode === null || earlier.townshipCode === line.townshipCode ? line.villageCode : null),
        poor: earlier.poor || line.poor,
        disabled: earlier.disabled || line.disabled,
        partyMember: earlier.partyMember || line.partyMember,
        woman: earlier.woman ?? line.woman,
        youth: earlier.youth ?? line.youth,
      });
  }
  if (!rows) throw new AppError(400, 'VALIDATION_FAILED', 'file: 列名下没有学员 has no trainees under its header row', { field: 'file' });
  return { lines: [...byId.values()], problems, rows };
}

/** All or nothing: one refusal naming every bad row and column (up to 200), the first in the message. */
export function rowErrors(problems: RowProblem[]): AppError {
  const first = problems[0];
  return new AppError(400, 'IMPORT_ROWS_INVALID', `file: 第 ${first.row} 行「${first.column}」${first.message}${problems.length > 1 ? `（另有 ${problems.length - 1} 处错误）` : ''}；未导入任何学员`, { field: 'file', rows: problems.slice(0, 200), count: problems.length });
}

/** The first sheet of an .xlsx workbook, refused unbuilt when over the limits. */
export async function readRoster(bytes: Buffer): Promise<Sheet> {
  await checkWorkbookBounds(bytes, ROSTER_LIMITS);
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
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(String(row.getCell(i).text ?? ''));
    rows.push({ row: number, cells });
  });
  return rows;
}

/** The roster template: the header (ID and phone columns as text, so Excel keeps every digit) and one example row. */
export async function rosterTemplate(example: { township: string; village: string }): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('培训名单');
  sheet.addRow([...ROSTER_HEADER]);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c, i) => (c.width = [10, 22, 14, 12, 14, 14, 8, 8, 8, 8][i]));
  sheet.getColumn(2).numFmt = '@';
  sheet.getColumn(3).numFmt = '@';
  sheet.addRow(['张三', '53062119900101001X', '13800000000', example.township, example.village, '否', '否', '否', '', '']);
  const notes = workbook.addWorksheet('填写说明');
  for (const line of [
    ['姓名、身份证号必填；身份证号请按文本填写（18 位，最后一位可为 X）。'],
    ['手机号 11 位，可留空。乡镇、村填名称（或区划代码）；只填村时须在全县唯一。'],
    ['建档立卡贫困户、残疾人、党员、女性、青年填 是 / 否 或留空；女性、青年留空时按身份证号推算（青年：培训当日 18–35 岁）。'],
    ['同一身份证号在文件中出现多次算一人；已登记过的学员不会重复登记。示例行请删除。'],
  ])
    notes.addRow(line);
  notes.getColumn(1).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
