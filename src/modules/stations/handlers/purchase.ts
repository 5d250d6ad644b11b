import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { StringEnum } from '../../../kernel/http/schema.js';
import { receiptStandard } from '../grade-standards.service.js';
import { criteriaOf, gradeLines, kgText, type GradedLine } from '../grading.js';
import type { ProduceTables } from '../produce.tables.js';
import { CustomerFields, refusal, yuan, type RecordHandler } from './types.js';

export const PAID_BY = ['cash', 'transfer'] as const;

const Line = Type.Object({
  grossG: Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'gross weight in grams (at most 10 t a line)' }),
  tareG: Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'tare (sacks, crates) in grams, below the gross' }),
  measurements: Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,31}$' }), Type.Number({ minimum: -1_000_000, maximum: 1_000_000 }), {
    maxProperties: 10,
    description: 'one number for every criterion of the standard, by its key (moisture: 9.5)',
  }),
});

export const PurchaseReceiptSchema = Type.Object({
  ...CustomerFields,
  produce: Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z][A-Za-z0-9_]*$', description: 'a grade standard’s produce key (pepper, walnut, apple, potato …)' }),
  lines: Type.Array(Line, { minItems: 1, maxItems: 50 }),
  paidBy: StringEnum(PAID_BY),
  standardVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'the version of the standard the phone graded with (from the desk); default: the one in force at `at`' })),
});
export type PurchaseReceiptInput = Static<typeof PurchaseReceiptSchema>;

/** What a purchase receipt's details hold (the receipt page, the console and trace batches read them). */
export interface PurchaseDetails {
  produce: string;
  produceName: string;
  standardVersion: number;
  paidBy: (typeof PAID_BY)[number];
  criteria: { key: string; label: string; unit: string }[];
  lines: GradedLine[];
  byGrade: { grade: string; gradeName: string; netG: number; amountFen: number }[];
  netG: number;
  totalFen: number;
  /** Set once the receipt was made into a traceability batch. */
  traceBatch: { id: string; code: string } | null;
}

/**
 * 收购 A produce intake receipt: every line weighed and graded here against the standard in force at the receipt's
 * time (the phone graded it the same way offline), the total paid out of the till when in cash, the net weight
 * stocked at the site by produce and grade.
 */
export const purchaseReceipt: RecordHandler<PurchaseReceiptInput> = {
  type: 'purchase.receipt',
  schema: PurchaseReceiptSchema,
  service: 'purchase',
  needsCustomer: true,
  async apply(trx, c, input) {
    const standard = await receiptStandard(trx as unknown as Kysely<ProduceTables>, input.produce, c.at, input.standardVersion);
    if (!standard) {
      throw input.standardVersion === undefined
        ? refusal('UNKNOWN_REFERENCE', '没有这种农产品的分级标准', { field: 'produce' })
        : refusal('UNKNOWN_REFERENCE', '手机上的分级标准版本在收购时还未生效或不存在，请刷新后重新开单', { field: 'standardVersion' });
    }
    const graded = gradeLines(standard, input.lines);
    if (!graded.ok) throw refusal(graded.refusal.code, graded.refusal.message, { field: graded.refusal.field });
    const byGrade = new Map<string, { grade: string; gradeName: string; netG: number; amountFen: number }>();
    for (const l of graded.lines) {
      const g = byGrade.get(l.grade) ?? { grade: l.grade, gradeName: l.gradeName, netG: 0, amountFen: 0 };
      g.netG += l.netG;
      g.amountFen += l.amountFen;
      byGrade.set(l.grade, g);
    }
    for (const g of byGrade.values()) {
      await c.stock.move(trx, { siteId: c.site.id, item: { kind: 'produce', key: standard.produce, grade: g.grade, name: `${standard.name} · ${g.gradeName}` }, delta: g.netG, unit: 'g', recordId: c.recordId });
    }
    const details: PurchaseDetails = {
      produce: standard.produce,
      produceName: standard.name,
      standardVersion: standard.version,
      paidBy: input.paidBy,
      criteria: criteriaOf(standard),
      lines: graded.lines,
      byGrade: [...byGrade.values()],
      netG: graded.netG,
      totalFen: graded.totalFen,
      traceBatch: null,
    };
    const grades = details.byGrade.map((g) => `${g.gradeName} ${kgText(g.netG)}`).join('、');
    return {
      amountFen: graded.totalFen,
      feeFen: 0,
      cashInFen: 0,
      cashOutFen: input.paidBy === 'cash' ? graded.totalFen : 0,
      details: details as unknown as Record<string, unknown>,
      summary: `收购${standard.name} · ${grades} · ${yuan(graded.totalFen)}${input.paidBy === 'transfer' ? '（转账）' : ''}`,
    };
  },
  async onVoid(trx, _c, target) {
    // A receipt already made into a traceability batch stays: the batch's harvest is in the producer's book.
    const made = await (trx as unknown as Kysely<ProduceTables>).selectFrom('stations_receipt_batches').select('record_id').where('record_id', '=', target.id).executeTakeFirst();
    if (made) throw refusal('TRACE_BATCH_MADE', '这张收购单已生成追溯批次，不能作废');
  },
};
