import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

const YUAN = '#,##0.00';
const GROUP = { township: '乡镇', village: '村（社区）', household: '贫困户' } as const;

type Cell = string | number | null;
/** The detail sheets keep their header row in view while scrolling. */
const FROZEN_HEADER: Partial<ExcelJS.WorksheetView>[] = [{ state: 'frozen', ySplit: 1 }];

/** Everything the workbook shows, as plain data: it crosses to a worker thread, which builds the file. */
export interface LedgerSheets {
  by: keyof typeof GROUP;
  span: string;
  totals: { salesFen: number; incomeFen: number; reversedFen: number; remainderE4: number; orders: number };
  /** The summary's group rows: key or household number, head's name, sales, income, reversed (yuan), orders. */
  groups: Cell[][];
  groupIncome: number;
  groupReversed: number;
  entries: Cell[][];
  income: number;
  lines: Cell[][];
  lineSales: number;
  lineCredited: number;
  remainder: number;
}

const yuan = (fen: number) => fen / 100;

/**
 * The ledger as an Excel workbook for auditors; columns in Chinese, money in yuan to the fen. Written as a stream,
 * each row let go once written, so 50 000 rows a sheet fit a worker's heap (the whole-workbook API needs gigabytes).
 */
export async function ledgerWorkbook(data: LedgerSheets): Promise<Buffer> {
  const { totals } = data;
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  const summary = workbook.addWorksheet('汇总');
  summary.columns = [{ width: 26 }, { width: 22 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 12 }];
  const heading: Cell[][] = [
    ['鲁甸县扶贫台账'],
    ['期间（按记账日期）', data.span],
    ['销售额（元）', yuan(totals.salesFen)],
    ['贫困户增收（元）', yuan(totals.incomeFen)],
    ['其中冲回（元）', yuan(totals.reversedFen)],
    ['舍入余数（分）', totals.remainderE4 / 10_000],
    ['计入订单数', totals.orders],
    [],
    [`按${GROUP[data.by]}`, '名称', '销售额（元）', '贫困户增收（元）', '其中冲回（元）', '订单数'],
  ];
  for (const r of heading) summary.addRow(r);
  for (const g of data.groups) summary.addRow(g);
  summary.addRow(['合计', '', null, yuan(data.groupIncome), yuan(data.groupReversed), null]).font = { bold: true };
  summary.getRow(1).font = { bold: true, size: 14 };
  summary.getRow(9).font = { bold: true };
  for (const c of [3, 4, 5]) summary.getColumn(c).numFmt = YUAN;
  for (const cell of ['B3', 'B4', 'B5']) summary.getCell(cell).numFmt = YUAN;
  summary.getCell('B6').numFmt = '0.0000';
  summary.commit();

  const entries = workbook.addWorksheet('台账明细', { views: FROZEN_HEADER });
  entries.columns = [
    { header: '记账日期', width: 12 },
    { header: '类型', width: 8 },
    { header: '销售日期', width: 12 },
    { header: '订单号', width: 30 },
    { header: '行号', width: 6 },
    { header: '户编号', width: 18 },
    { header: '户主', width: 10 },
    { header: '村（社区）代码', width: 16 },
    { header: '商户', width: 30 },
    { header: '商品', width: 24 },
    { header: '销售额（元）', width: 14, style: { numFmt: YUAN } },
    { header: '分成比例', width: 10, style: { numFmt: '0.00%' } },
    { header: '计入收入（元）', width: 14, style: { numFmt: YUAN } },
    { header: '冲回的记录', width: 30 },
  ];
  header(entries);
  for (const r of data.entries) entries.addRow(r).commit();
  const total = entries.addRow(['合计', '', '', '', null, '', '', '', '', '', null, null, yuan(data.income), '']);
  total.font = { bold: true };
  total.commit();
  entries.commit();

  const lines = workbook.addWorksheet('销售行与余数', { views: FROZEN_HEADER });
  lines.columns = [
    { header: '记账日期', width: 12 },
    { header: '类型', width: 8 },
    { header: '订单号', width: 30 },
    { header: '行号', width: 6 },
    { header: '商户', width: 30 },
    { header: '商品', width: 24 },
    { header: '销售额（元）', width: 14, style: { numFmt: YUAN } },
    { header: '分成合计', width: 10, style: { numFmt: '0.00%' } },
    { header: '计入合计（元）', width: 14, style: { numFmt: YUAN } },
    { header: '舍入余数（分）', width: 14, style: { numFmt: '0.0000' } },
    { header: '核对：计入 + 余数 = 销售额 × 分成', width: 30 },
  ];
  header(lines);
  for (const r of data.lines) lines.addRow(r).commit();
  const lineTotal = lines.addRow(['合计', '', '', null, '', '', yuan(data.lineSales), null, yuan(data.lineCredited), data.remainder / 10_000, '']);
  lineTotal.font = { bold: true };
  lineTotal.commit();
  lines.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** A detail sheet's first row, bold. */
function header(sheet: ExcelJS.Worksheet): void {
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
}
