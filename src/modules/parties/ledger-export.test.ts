import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../kernel/context.js';
import { LedgerExport } from './ledger-export.js';
import type { LedgerService } from './ledger.service.js';
import type { LedgerRepository } from './ledger.repository.js';
import type { ProductDirectory } from './product-directory.js';

const entry = (i: number) => ({
  id: `led_${String(i).padStart(4, '0')}`, kind: 'credit', household_id: 'hh_1', village_code: '530621110205', seller_id: 'sel_1', order_id: `ord_${i}`, line_no: 0, product_id: 'prd_1', link_id: 'lnk_1',
  sale_fen: 10_000, share_bp: 1000, credit_fen: 1000, sale_date: '2030-03-01', entry_date: '2030-03-01', reverses_id: null,
});

/** An export over `count` ledger entries (and as many sale lines), from stand-ins for the ledger's reads. */
function exportOf(count: number, maxRows: number) {
  const rows = Array.from({ length: count }, (_, i) => entry(i));
  const page = <T extends { id: string }>(all: T[]) => async (_period: unknown, limit: number, after?: string) => all.filter((r) => !after || r.id > after).slice(0, limit);
  const ledger = { summary: async () => ({ items: [{ key: '530621110', salesFen: 10_000 * count, incomeFen: 1000 * count, reversedFen: 0, orders: count }], nextCursor: null, totals: { salesFen: 10_000 * count, incomeFen: 1000 * count, reversedFen: 0, remainderE4: 0, orders: count, groups: 1 } }) };
  const repo = {
    names: async () => ({ households: new Map([['hh_1', { no: '5306211102050001', head: '马文学' }]]), sellers: new Map([['sel_1', '乐红青花椒合作社']]) }),
    entriesPage: page(rows),
    linesPage: page(rows.map((r) => ({ ...r, credited_fen: 1000, remainder_e4: 0 }))),
  };
  const products = { namesOf: async () => new Map([['prd_1', '青花椒 500 克']]) };
  return new LedgerExport(ledger as unknown as LedgerService, repo as unknown as LedgerRepository, products as unknown as ProductDirectory, maxRows).workbook(systemContext('530621'), 'township', { from: '2030-03-01', to: '2030-03-31' });
}

describe('the ledger export', () => {
  it('is built on a worker thread into a workbook with every entry', async () => {
    const file = await exportOf(30, 30);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '台账明细', '销售行与余数']);
    const entries = workbook.getWorksheet('台账明细')!;
    expect(entries.rowCount).toBe(32);
    expect(entries.getRow(2).getCell(10).text).toBe('青花椒 500 克');
    expect(entries.getRow(32).getCell(13).value).toBe(300);
  });

  it('refuses a period of more rows than a sheet may hold with 413, naming the period', async () => {
    const err = await exportOf(31, 30).then(() => null, (e: unknown) => e as { status: number; code: string; details: unknown });
    expect(err).toMatchObject({ status: 413, code: 'TOO_MANY_ROWS', details: { field: 'query.from', limit: 30 } });
  });
});
