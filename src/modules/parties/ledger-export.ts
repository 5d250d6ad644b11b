import ExcelJS from 'exceljs';
import type { RequestContext } from '../../kernel/context.js';
import type { LedgerService, GroupBy, Period } from './ledger.service.js';
import type { LedgerRepository } from './ledger.repository.js';
import type { ProductDirectory } from './product-directory.js';

const PAGE = 1000;
const YUAN = '#,##0.00';
const yuan = (fen: number) => fen / 100;
const KIND = { credit: '计入', reversal: '冲回' } as const;
const GROUP = { township: '乡镇', village: '村（社区）', household: '贫困户' } as const;

/**
 * The ledger as an Excel workbook for auditors: the period's totals and groups (the API's figures), every entry,
 * and every sale line with the remainder its rounding left. Columns are in Chinese; money in yuan to the fen.
 */
export class LedgerExport {
  constructor(
    private readonly ledger: LedgerService,
    private readonly repo: LedgerRepository,
    private readonly products: ProductDirectory,
  ) {}

  async workbook(ctx: RequestContext, by: GroupBy, period: Period): Promise<{ fileName: string; body: Buffer }> {
    const first = await this.ledger.summary(ctx, by, period, 500);
    const groups = [...first.items];
    for (let cursor = first.nextCursor; cursor; ) {
      const next = await this.ledger.summary(ctx, by, period, 500, cursor);
      groups.push(...next.items);
      cursor = next.nextCursor;
    }
    const { totals } = first;
    const names = await this.repo.names();
    const workbook = new ExcelJS.Workbook();
    const span = `${period.from ?? '最早'} 至 ${period.to ?? '最近'}`;

    const summary = workbook.addWorksheet('汇总');
    summary.columns = [{ width: 26 }, { width: 22 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 12 }];
    summary.addRows([
      ['鲁甸县扶贫台账'],
      ['期间（按记账日期）', span],
      ['销售额（元）', yuan(totals.salesFen)],
      ['贫困户增收（元）', yuan(totals.incomeFen)],
      ['其中冲回（元）', yuan(totals.reversedFen)],
      ['舍入余数（分）', totals.remainderE4 / 10_000],
      ['计入订单数', totals.orders],
      [],
      [`按${GROUP[by]}`, '名称', '销售额（元）', '贫困户增收（元）', '其中冲回（元）', '订单数'],
    ]);
    for (const g of groups) {
      const household = by === 'household' ? names.households.get(g.key) : undefined;
      summary.addRow([household ? household.no : g.key, household ? household.head : '', yuan(g.salesFen), yuan(g.incomeFen), yuan(g.reversedFen), g.orders]);
    }
    const groupTotal = summary.addRow(['合计', '', null, yuan(groups.reduce((n, g) => n + g.incomeFen, 0)), yuan(groups.reduce((n, g) => n + g.reversedFen, 0)), null]);
    groupTotal.font = { bold: true };
    summary.getRow(1).font = { bold: true, size: 14 };
    summary.getRow(9).font = { bold: true };
    for (const c of [3, 4, 5]) summary.getColumn(c).numFmt = YUAN;
    summary.getCell('B3').numFmt = YUAN;
    summary.getCell('B4').numFmt = YUAN;
    summary.getCell('B5').numFmt = YUAN;
    summary.getCell('B6').numFmt = '0.0000';

    const entries = workbook.addWorksheet('台账明细');
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
    let income = 0;
    const productIds = new Set<string>();
    const entryRows: (string | number | null)[][] = [];
    for (let after: string | undefined, page; (page = await this.repo.entriesPage(period, PAGE, after)).length; after = page[page.length - 1].id) {
      for (const e of page) {
        const h = names.households.get(e.household_id);
        productIds.add(e.product_id);
        income += e.credit_fen;
        entryRows.push([e.entry_date, KIND[e.kind], e.sale_date, e.order_id, e.line_no + 1, h?.no ?? e.household_id, h?.head ?? '', e.village_code, names.sellers.get(e.seller_id) ?? e.seller_id, e.product_id, yuan(e.sale_fen), e.share_bp / 10_000, yuan(e.credit_fen), e.reverses_id ?? '']);
      }
    }

    const lines = workbook.addWorksheet('销售行与余数');
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
    const lineRows: (string | number)[][] = [];
    let lineSales = 0;
    let lineCredited = 0;
    let remainder = 0;
    for (let after: string | undefined, page; (page = await this.repo.linesPage(period, PAGE, after)).length; after = page[page.length - 1].id) {
      for (const l of page) {
        productIds.add(l.product_id);
        lineSales += l.sale_fen;
        lineCredited += l.credited_fen;
        remainder += l.remainder_e4;
        const holds = l.credited_fen * 10_000 + l.remainder_e4 === l.sale_fen * l.share_bp;
        lineRows.push([l.entry_date, KIND[l.kind], l.order_id, l.line_no + 1, names.sellers.get(l.seller_id) ?? l.seller_id, l.product_id, yuan(l.sale_fen), l.share_bp / 10_000, yuan(l.credited_fen), l.remainder_e4 / 10_000, holds ? '相符' : '不符']);
      }
    }
    const productNames = await this.products.namesOf([...productIds]);
    for (const r of entryRows) entries.addRow(r.map((v, i) => (i === 9 ? (productNames.get(String(v)) ?? v) : v)));
    entries.addRow(['合计', '', '', '', null, '', '', '', '', '', null, null, yuan(income), '']).font = { bold: true };
    for (const r of lineRows) lines.addRow(r.map((v, i) => (i === 5 ? (productNames.get(String(v)) ?? v) : v)));
    lines.addRow(['合计', '', '', null, '', '', yuan(lineSales), null, yuan(lineCredited), remainder / 10_000, '']).font = { bold: true };
    for (const sheet of [entries, lines]) {
      sheet.getRow(1).font = { bold: true };
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
    }
    const fileName = `ledger-${by}-${period.from ?? 'start'}-${period.to ?? 'now'}.xlsx`;
    return { fileName, body: Buffer.from(await workbook.xlsx.writeBuffer()) };
  }
}
