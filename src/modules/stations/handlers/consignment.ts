import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { consignmentBalance, consignmentItemKey } from '../consignment.service.js';
import type { ConsignmentTables } from '../consignment.tables.js';
import { creditFen } from '../consignment.rules.js';
import { receiptStandard } from '../grade-standards.service.js';
import { OFF_GRADE, OFF_GRADE_NAME } from '../grading.js';
import type { ProduceTables } from '../produce.tables.js';
import { newId } from '../../../kernel/ids.js';
import { CustomerFields, refusal, yuan, type ApplyContext, type Customer, type RecordHandler, type StationsTrx } from './types.js';

const kg = (g: number) => `${Number((g / 1000).toFixed(3))} kg`;
const tables = (trx: StationsTrx) => trx as unknown as Kysely<ConsignmentTables>;
const produce = (trx: StationsTrx) => trx as unknown as Kysely<ProduceTables>;

/** The consignor: the batch's validator answers 400 for a record without one (`needsCustomer`), so this only guards. */
function requireCustomer(c: ApplyContext): Customer {
  if (!c.customer) throw refusal('CUSTOMER_REQUIRED', '请选择或登记客户', { field: 'customer' });
  return c.customer;
}

const Key = (description: string) => Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z][A-Za-z0-9_]*$', description });

export const IntakeSchema = Type.Object({
  ...CustomerFields,
  produce: Key('a grade standard’s produce key (pepper, walnut, apple, potato …)'),
  grade: Key(`a grade key of that standard, or "${OFF_GRADE}" for 等外 where the standard takes it`),
  weightG: Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'net weight received, grams (at most 10 t)' }),
  priceFenPerKg: Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'what the villager is offered per kg sold (fen)' }),
});
export type IntakeInput = Static<typeof IntakeSchema>;

export const PayoutSchema = Type.Object({
  ...CustomerFields,
  amountFen: Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'cash paid to the consignor out of the till (fen), at most its balance' }),
});
export type PayoutInput = Static<typeof PayoutSchema>;

/** What a consignment intake's details hold (the receipt and the lists show them). */
export interface IntakeDetails {
  produce: string;
  produceName: string;
  grade: string;
  gradeName: string;
  weightG: number;
  priceFenPerKg: number;
  /** What the whole lot would bring the villager at the offered price (fen). */
  valueFen: number;
}

/**
 * 代卖收货 A villager's produce received to be sold on its behalf: its weight and grade (against the grade standard in
 * force), the price per kg sold it is offered; stocked at the site as consignment stock of that villager (one item
 * per consignor, produce and grade). No cash moves; the villager is paid out of its balance as it sells.
 */
export const consignmentIntake: RecordHandler<IntakeInput> = {
  type: 'consignment.intake',
  schema: IntakeSchema,
  service: 'consignment',
  needsCustomer: true,
  async apply(trx, c, input) {
    const customer = requireCustomer(c);
    const standard = await receiptStandard(produce(trx), input.produce, c.at);
    if (!standard) throw refusal('UNKNOWN_REFERENCE', '没有这种农产品的分级标准', { field: 'produce' });
    const grade = input.grade === OFF_GRADE && standard.offGradePriceFenPerKg !== null ? { key: OFF_GRADE, name: OFF_GRADE_NAME } : standard.grades.find((g) => g.key === input.grade);
    if (!grade) throw refusal('UNKNOWN_REFERENCE', `${standard.name}的分级标准里没有这个等级`, { field: 'grade' });
    const itemKey = consignmentItemKey(customer.id, standard.produce);
    await c.stock.move(trx, { siteId: c.site.id, item: { kind: 'consignment', key: itemKey, grade: grade.key, name: `代卖 · ${customer.name} · ${standard.name} · ${grade.name}` }, delta: input.weightG, unit: 'g', recordId: c.recordId });
    await tables(trx)
      .insertInto('stations_consignment_lots')
      .values({ record_id: c.recordId, site_id: c.site.id, customer_id: customer.id, produce: standard.produce, produce_name: standard.name, grade: grade.key, grade_name: grade.name, item_key: itemKey, weight_g: input.weightG, price_fen_per_kg: input.priceFenPerKg, day: c.day, at: c.at, listed_g: 0, voided: 0 })
      .execute();
    const valueFen = creditFen(1, input.weightG, input.priceFenPerKg);
    const details: IntakeDetails = { produce: standard.produce, produceName: standard.name, grade: grade.key, gradeName: grade.name, weightG: input.weightG, priceFenPerKg: input.priceFenPerKg, valueFen };
    return {
      amountFen: valueFen,
      feeFen: 0,
      cashInFen: 0,
      cashOutFen: 0,
      details: { ...details },
      summary: `代卖收货 · ${standard.name} ${grade.name} · ${kg(input.weightG)} · ${yuan(input.priceFenPerKg)}/kg`,
    };
  },
  async onVoid(trx, _c, target) {
    // The core took the lot's grams back off the site's stock; a lot already listed in the shop stays. One
    // conditional update, so a listing of the lot at the same moment and this void cannot both pass.
    const voided = await tables(trx).updateTable('stations_consignment_lots').set({ voided: 1 }).where('record_id', '=', target.id).where('listed_g', '=', 0).executeTakeFirst();
    if (Number(voided.numUpdatedRows) === 0) throw refusal('ALREADY_LISTED', '这批代卖货已经上架到商城，不能作废');
  },
};

/** 代卖结算 Cash paid to a consignor out of the till, refused BALANCE_INSUFFICIENT above what its sales left it. */
export const consignmentPayout: RecordHandler<PayoutInput> = {
  type: 'consignment.payout',
  schema: PayoutSchema,
  service: null,
  needsCustomer: true,
  async apply(trx, c, input) {
    const customer = requireCustomer(c);
    // The customer's row was written (last seen) in this transaction when it was resolved: a second payout for the
    // same villager waits for this one, so both cannot spend the same balance.
    const balanceFen = await consignmentBalance(tables(trx), customer.id);
    if (input.amountFen > balanceFen) throw refusal('BALANCE_INSUFFICIENT', `${customer.name}的代卖余额只有${yuan(balanceFen)}，不能付${yuan(input.amountFen)}`, { balanceFen, field: 'amountFen' });
    await tables(trx)
      .insertInto('stations_consignment_entries')
      .values({ id: newId('sce'), site_id: c.site.id, customer_id: customer.id, kind: 'payout', ref: c.recordId, order_id: null, line_no: null, listing_id: null, record_id: c.recordId, order_total_fen: null, units: 0, amount_fen: -input.amountFen, product_name: null, at: c.at, day: c.day, restocked: 0, voided: 0 })
      .execute();
    return {
      amountFen: input.amountFen,
      feeFen: 0,
      cashInFen: 0,
      cashOutFen: input.amountFen,
      details: { balanceBeforeFen: balanceFen, balanceAfterFen: balanceFen - input.amountFen },
      summary: `代卖结算 · ${customer.name} · ${yuan(input.amountFen)}`,
    };
  },
  async onVoid(trx, _c, target) {
    await tables(trx).updateTable('stations_consignment_entries').set({ voided: 1 }).where('kind', '=', 'payout').where('record_id', '=', target.id).execute();
  },
};

export const CONSIGNMENT_HANDLERS = [consignmentIntake, consignmentPayout];
