import type { RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { offloaded } from '../../kernel/offload.js';
import type { LedgerService, GroupBy, Period } from './ledger.service.js';
import type { LedgerRepository } from './ledger.repository.js';
import type { LedgerSheets } from './ledger-workbook.js';
import type { ProductDirectory } from './product-directory.js';

const PAGE = 1000;
/** Rows a sheet of the export may have: a county's year is far fewer; more is a period to split. */
export const MAX_EXPORT_ROWS = 50_000;
const yuan = (fen: number) => fen / 100;
const KIND = { credit: '计入', reversal: '冲回' } as const;

const workbooks = offloaded<typeof import('./ledger-workbook.js')>(new URL('./ledger-workbook.js', import.meta.url));

const tooManyRows = (limit: number) =>
  new AppError(413, 'TOO_MANY_ROWS', `query.from: the period holds more than ${limit} ledger rows; export a shorter period (from, to)`, { field: 'query.from', limit });

/**
 * The ledger as an Excel workbook for auditors: the period's totals and groups (the API's figures), every entry,
 * and every sale line with the remainder its rounding left. The rows are read here, at most `maxRows` a sheet; the
 * workbook is built on a worker thread (kernel/offload.ts), as building tens of thousands of rows takes seconds.
 */
export class LedgerExport {
  constructor(
    private readonly ledger: LedgerService,
    private readonly repo: LedgerRepository,
    private readonly products: ProductDirectory,
    private readonly maxRows = MAX_EXPORT_ROWS,
  ) {}

  async workbook(ctx: RequestContext, by: GroupBy, period: Period): Promise<{ fileName: string; body: Buffer }> {
    const first = await this.ledger.summary(ctx, by, period, 500);
    const groups = [...first.items];
    for (let cursor = first.nextCursor; cursor; ) {
      if (groups.length > this.maxRows) throw tooManyRows(this.maxRows);
      const next = await this.ledger.summary(ctx, by, period, 500, cursor);
      groups.push(...next.items);
      cursor = next.nextCursor;
    }
    const names = await this.repo.names();

    let income = 0;
    const productIds = new Set<string>();
    const entryRows: (string | number | null)[][] = [];
    for (let after: string | undefined, page; (page = await this.repo.entriesPage(period, PAGE, after)).length; after = page[page.length - 1].id) {
      if (entryRows.length + page.length > this.maxRows) throw tooManyRows(this.maxRows);
      for (const e of page) {
        const h = names.households.get(e.household_id);
        productIds.add(e.product_id);
        income += e.credit_fen;
        entryRows.push([e.entry_date, KIND[e.kind], e.sale_date, e.order_id, e.line_no + 1, h?.no ?? e.household_id, h?.head ?? '', e.village_code, names.sellers.get(e.seller_id) ?? e.seller_id, e.product_id, yuan(e.sale_fen), e.share_bp / 10_000, yuan(e.credit_fen), e.reverses_id ?? '']);
      }
    }

    const lineRows: (string | number)[][] = [];
    let lineSales = 0;
    let lineCredited = 0;
    let remainder = 0;
    for (let after: string | undefined, page; (page = await this.repo.linesPage(period, PAGE, after)).length; after = page[page.length - 1].id) {
      if (lineRows.length + page.length > this.maxRows) throw tooManyRows(this.maxRows);
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
    const sheets: LedgerSheets = {
      by,
      span: `${period.from ?? '最早'} 至 ${period.to ?? '最近'}`,
      totals: first.totals,
      groups: groups.map((g) => {
        const household = by === 'household' ? names.households.get(g.key) : undefined;
        return [household ? household.no : g.key, household ? household.head : '', yuan(g.salesFen), yuan(g.incomeFen), yuan(g.reversedFen), g.orders];
      }),
      groupIncome: groups.reduce((n, g) => n + g.incomeFen, 0),
      groupReversed: groups.reduce((n, g) => n + g.reversedFen, 0),
      entries: entryRows.map((r) => r.map((v, i) => (i === 9 ? (productNames.get(String(v)) ?? v) : v))),
      income,
      lines: lineRows.map((r) => r.map((v, i) => (i === 5 ? (productNames.get(String(v)) ?? v) : v))),
      lineSales,
      lineCredited,
      remainder,
    };
    const fileName = `ledger-${by}-${period.from ?? 'start'}-${period.to ?? 'now'}.xlsx`;
    return { fileName, body: await workbooks('ledgerWorkbook', sheets) };
  }
}
