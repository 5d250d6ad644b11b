import type { Kysely } from 'kysely';
import { newId } from '../../../kernel/ids.js';
import type { ModuleMigration } from '../../../kernel/migrator.js';

interface OldRow {
  id: string;
  household_id: string;
  village_code: string;
  seller_id: string;
  order_id: string;
  product_id: string;
  link_id: string;
  sale_fen: number;
  share_bp: number;
  credit_fen: number;
  sale_date: string;
  reversed: number;
}

type Db = Kysely<Record<string, Record<string, unknown>>>;

/**
 * The ledger becomes append-only. Entries get a kind (credit or reversal), the order line they come from and the
 * day they count in; a reversal is its own entry naming the credit it takes back; each credited line is kept in
 * `parties_ledger_lines` with the remainder the rounding down left.
 *
 * Existing rows: each credit counts on its sale's day. A row flagged `reversed` gets a reversal entry dated on
 * that same day, since the old ledger kept no refund date — so every period reads exactly as it was last reported
 * (the flag already took the credit out of its sale's day). Old rows carry no line number: the rows of one order,
 * product and amount are split into lines by how often each link occurs (identical lines credit identically).
 */
export const ledgerEntries: ModuleMigration = {
  name: '2026-12-06-ledger-entries',
  async up(kdb) {
    const db = kdb as unknown as Db;
    await db.schema.alterTable('parties_ledger').addColumn('kind', 'text', (c) => c.notNull().defaultTo('credit')).execute();
    await db.schema.alterTable('parties_ledger').addColumn('line_no', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('parties_ledger').addColumn('entry_date', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.alterTable('parties_ledger').addColumn('reverses_id', 'text').execute();
    await db.schema
      .createTable('parties_ledger_lines')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('line_no', 'integer', (c) => c.notNull())
      .addColumn('seller_id', 'text', (c) => c.notNull())
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('sale_fen', 'integer', (c) => c.notNull())
      .addColumn('share_bp', 'integer', (c) => c.notNull())
      .addColumn('credited_fen', 'integer', (c) => c.notNull())
      .addColumn('remainder_e4', 'integer', (c) => c.notNull())
      .addColumn('sale_date', 'text', (c) => c.notNull())
      .addColumn('entry_date', 'text', (c) => c.notNull())
      .addColumn('reverses_id', 'text')
      .execute();

    const old = (await db.selectFrom('parties_ledger').selectAll().orderBy('order_id').orderBy('id').execute()) as unknown as OldRow[];
    // Line numbers: per order, the n-th occurrence of a link among rows of one product and amount is line n of them.
    const lineOf = new Map<string, number>();
    const byOrder = new Map<string, OldRow[]>();
    for (const r of old) byOrder.set(r.order_id, [...(byOrder.get(r.order_id) ?? []), r]);
    for (const rows of byOrder.values()) {
      const seen = new Map<string, number>();
      const keys: string[] = [];
      const occurrence = new Map<string, string>();
      for (const r of rows) {
        const n = seen.get(`${r.product_id}|${r.sale_fen}|${r.link_id}`) ?? 0;
        seen.set(`${r.product_id}|${r.sale_fen}|${r.link_id}`, n + 1);
        const key = `${r.product_id}|${r.sale_fen}|${n}`;
        if (!keys.includes(key)) keys.push(key);
        occurrence.set(r.id, key);
      }
      keys.sort();
      for (const r of rows) lineOf.set(r.id, keys.indexOf(occurrence.get(r.id)!));
    }
    await db.updateTable('parties_ledger').set((eb) => ({ entry_date: eb.ref('sale_date') })).execute();
    const idsByLine = new Map<number, string[]>();
    for (const r of old) if (lineOf.get(r.id)! > 0) idsByLine.set(lineOf.get(r.id)!, [...(idsByLine.get(lineOf.get(r.id)!) ?? []), r.id]);
    for (const [lineNo, ids] of idsByLine) {
      for (let i = 0; i < ids.length; i += 200) await db.updateTable('parties_ledger').set({ line_no: lineNo }).where('id', 'in', ids.slice(i, i + 200)).execute();
    }

    const reversals = old
      .filter((r) => r.reversed === 1)
      .map((r) => ({
        id: newId('led'),
        kind: 'reversal',
        household_id: r.household_id,
        village_code: r.village_code,
        seller_id: r.seller_id,
        order_id: r.order_id,
        line_no: lineOf.get(r.id)!,
        product_id: r.product_id,
        link_id: r.link_id,
        sale_fen: -r.sale_fen,
        share_bp: r.share_bp,
        credit_fen: -r.credit_fen,
        sale_date: r.sale_date,
        entry_date: r.sale_date,
        reverses_id: r.id,
        reversed: 0,
      }));
    for (let i = 0; i < reversals.length; i += 200) await db.insertInto('parties_ledger').values(reversals.slice(i, i + 200)).execute();

    // The lines, each with what its credits left over.
    const lines = new Map<string, { order_id: string; line_no: number; seller_id: string; product_id: string; sale_fen: number; share_bp: number; credited_fen: number; sale_date: string; reversed: boolean }>();
    for (const r of old) {
      const key = `${r.order_id}|${lineOf.get(r.id)}`;
      const line = lines.get(key) ?? { order_id: r.order_id, line_no: lineOf.get(r.id)!, seller_id: r.seller_id, product_id: r.product_id, sale_fen: r.sale_fen, share_bp: 0, credited_fen: 0, sale_date: r.sale_date, reversed: r.reversed === 1 };
      line.share_bp += r.share_bp;
      line.credited_fen += r.credit_fen;
      lines.set(key, line);
    }
    const lineRows = [...lines.values()].flatMap((l) => {
      const sale = { id: newId('lln'), kind: 'credit', order_id: l.order_id, line_no: l.line_no, seller_id: l.seller_id, product_id: l.product_id, sale_fen: l.sale_fen, share_bp: l.share_bp, credited_fen: l.credited_fen, remainder_e4: l.sale_fen * l.share_bp - l.credited_fen * 10_000, sale_date: l.sale_date, entry_date: l.sale_date, reverses_id: null };
      return l.reversed ? [sale, { ...sale, id: newId('lln'), kind: 'reversal', sale_fen: -sale.sale_fen, credited_fen: -sale.credited_fen, remainder_e4: -sale.remainder_e4, reverses_id: sale.id }] : [sale];
    });
    for (let i = 0; i < lineRows.length; i += 200) await db.insertInto('parties_ledger_lines').values(lineRows.slice(i, i + 200)).execute();

    await db.schema.alterTable('parties_ledger').dropColumn('reversed').execute();
    await db.schema.createIndex('parties_ledger_reverses').on('parties_ledger').column('reverses_id').unique().execute();
    await db.schema.createIndex('parties_ledger_entry_date').on('parties_ledger').columns(['entry_date', 'village_code']).execute();
    await db.schema.createIndex('parties_ledger_household_entry').on('parties_ledger').columns(['household_id', 'entry_date', 'id']).execute();
    await db.schema.createIndex('parties_ledger_lines_line').on('parties_ledger_lines').columns(['order_id', 'line_no', 'kind']).unique().execute();
    await db.schema.createIndex('parties_ledger_lines_entry_date').on('parties_ledger_lines').columns(['entry_date', 'id']).execute();
  },
  async down(kdb) {
    const db = kdb as unknown as Db;
    await db.schema.dropTable('parties_ledger_lines').execute();
    for (const index of ['parties_ledger_reverses', 'parties_ledger_entry_date', 'parties_ledger_household_entry']) await db.schema.dropIndex(index).execute();
    await db.schema.alterTable('parties_ledger').addColumn('reversed', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    const reversed = (await db.selectFrom('parties_ledger').select('reverses_id').where('kind', '=', 'reversal').execute()).map((r) => r.reverses_id as string);
    for (let i = 0; i < reversed.length; i += 200) await db.updateTable('parties_ledger').set({ reversed: 1 }).where('id', 'in', reversed.slice(i, i + 200)).execute();
    await db.deleteFrom('parties_ledger').where('kind', '=', 'reversal').execute();
    for (const column of ['kind', 'line_no', 'entry_date', 'reverses_id']) await db.schema.alterTable('parties_ledger').dropColumn(column).execute();
  },
};
