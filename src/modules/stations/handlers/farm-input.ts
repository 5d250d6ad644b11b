import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { EXEMPT_LABEL, priceAt } from '../farm-inputs.service.js';
import type { FarmInputRow, FarmInputsTables } from '../farm-inputs.tables.js';
import { FARM_INPUT_KIND_LABELS, type FarmInputKind } from '../registration-number.js';
import type { StationsTables } from '../stations.tables.js';
import type { StationProducer } from '../farm-inputs.ports.js';
import { CustomerFields, refusal, yuan, type ApplyContext, type RecordHandler, type StationsTrx } from './types.js';

type Trx = Kysely<FarmInputsTables & StationsTables>;
const tables = (trx: StationsTrx) => trx as unknown as Trx;

const InputId = Type.String({ minLength: 1, maxLength: 64, description: 'a farm input of the catalogue (GET /stations/farm-inputs, or the desk)' });
const Quantity = Type.Integer({ minimum: 1, maximum: 100_000, description: 'units (袋, 瓶, 株 … as the catalogue says)' });

export const StockInSchema = Type.Object({ inputId: InputId, quantity: Quantity });
export type StockInInput = Static<typeof StockInSchema>;

export const SaleSchema = Type.Object({
  ...CustomerFields,
  inputId: InputId,
  quantity: Quantity,
  producerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'the traceability producer the buyer is (from the desk): the purchase is shown beside its farm records' })),
});
export type SaleInput = Static<typeof SaleSchema>;

/** What a farm-input record's details hold: the receipt prints the registration number from here. */
export interface FarmInputDetails {
  inputId: string;
  name: string;
  kind: FarmInputKind;
  kindName: string;
  spec: string;
  unit: string;
  maker: string;
  registrationNo: string | null;
  /** 农药登记证号, 肥料登记证号, 品种审定编号 … or 免于登记. */
  registrationLabel: string;
  quantity: number;
  /** Sales only: the price in force at the sale's time, and whether it is a restricted-use pesticide. */
  priceFen?: number;
  restricted?: boolean;
  producerId?: string | null;
  producerName?: string | null;
}

/** The catalogue item, refused UNKNOWN_REFERENCE when unknown and INPUT_INACTIVE when it had stopped being sold by `at`. */
async function catalogued(trx: Trx, inputId: string, at: string): Promise<FarmInputRow> {
  const row = await trx.selectFrom('stations_farm_inputs').selectAll().where('id', '=', inputId).executeTakeFirst();
  if (!row) throw refusal('UNKNOWN_REFERENCE', '农资目录里没有这种农资，请刷新后重新选择', { field: 'inputId' });
  if (row.inactive_since !== null && Date.parse(row.inactive_since) <= Date.parse(at)) throw refusal('INPUT_INACTIVE', `${row.name}（${row.spec}）已停售`, { field: 'inputId', inactiveSince: row.inactive_since });
  return row;
}

const stockItem = (row: FarmInputRow) => ({ kind: 'farm_input' as const, key: row.id, name: `${row.name} ${row.spec}` });

function details(row: FarmInputRow, quantity: number): FarmInputDetails {
  return {
    inputId: row.id,
    name: row.name,
    kind: row.kind,
    kindName: FARM_INPUT_KIND_LABELS[row.kind],
    spec: row.spec,
    unit: row.unit,
    maker: row.maker,
    registrationNo: row.registration_no,
    registrationLabel: row.registration_label ?? EXEMPT_LABEL,
    quantity,
  };
}

/** 农资入库 Units of a catalogued input received at the site: stock in, no cash. */
export const farmInputStockIn: RecordHandler<StockInInput> = {
  type: 'farm_input.stock_in',
  schema: StockInSchema,
  service: null,
  async apply(trx, c, input) {
    const row = await catalogued(tables(trx), input.inputId, c.at);
    await c.stock.move(trx, { siteId: c.site.id, item: stockItem(row), delta: input.quantity, unit: 'unit', recordId: c.recordId });
    return { amountFen: 0, feeFen: 0, cashInFen: 0, cashOutFen: 0, details: { ...details(row, input.quantity) }, summary: `农资入库 · ${row.name} ${row.spec} × ${input.quantity}${row.unit}` };
  },
};

/** Whether the record's customer has given a resident ID number (a restricted-use pesticide is sold by real name). */
async function customerHasId(trx: Trx, c: ApplyContext): Promise<boolean> {
  if (!c.customer) return false;
  const row = await trx.selectFrom('stations_customers').select('id_print').where('id', '=', c.customer.id).executeTakeFirst();
  return !!row?.id_print;
}

/**
 * 农资销售 A sale to a villager: the units leave the site's stock (refused STOCK_INSUFFICIENT), the till takes quantity ×
 * the price in force at the sale's time, and the registration number goes into the details for the receipt. A
 * restricted-use pesticide (限制使用农药) is sold only to a buyer who gave a resident ID number (REAL_NAME_REQUIRED). A
 * buyer who is a traceability producer (`producerId`) has the purchase shown beside its farm records.
 */
export const farmInputSale: RecordHandler<SaleInput> = {
  type: 'farm_input.sale',
  schema: SaleSchema,
  service: 'farm_input',
  needsCustomer: true,
  /** The buyer's producer, read from traceability before the record's transaction. */
  async prepare(c, input): Promise<StationProducer | null> {
    if (!input.producerId) return null;
    const producer = await c.ports.producers.producer(input.producerId);
    if (!producer) throw refusal('UNKNOWN_REFERENCE', '追溯系统里没有这位生产者，请刷新后重新选择', { field: 'producerId' });
    return producer;
  },
  async apply(trx, c, input) {
    const db = tables(trx);
    const row = await catalogued(db, input.inputId, c.at);
    if (row.restricted === 1 && !(await customerHasId(db, c))) {
      throw refusal('REAL_NAME_REQUIRED', `${row.name}是限制使用农药，须登记购买人身份证号（实名购买）`, { field: 'customer.idNumber' });
    }
    const producer = c.prepared as StationProducer | null;
    const priceFen = await priceAt(db as unknown as Kysely<FarmInputsTables>, row.id, c.at);
    if (priceFen === null) throw refusal('UNKNOWN_REFERENCE', `${row.name}还没有定价`, { field: 'inputId' });
    const amountFen = priceFen * input.quantity;
    await c.stock.move(trx, { siteId: c.site.id, item: stockItem(row), delta: -input.quantity, unit: 'unit', recordId: c.recordId });
    await db
      .insertInto('stations_farm_input_sales')
      .values({
        record_id: c.recordId,
        site_id: c.site.id,
        site_name: c.site.name,
        township_code: c.site.townshipCode,
        village_code: c.site.villageCode,
        day: c.day,
        at: c.at,
        input_id: row.id,
        kind: row.kind,
        name: row.name,
        spec: row.spec,
        unit: row.unit,
        registration_no: row.registration_no,
        quantity: input.quantity,
        price_fen: priceFen,
        amount_fen: amountFen,
        customer_id: c.customer?.id ?? null,
        producer_id: producer?.id ?? null,
        restricted: row.restricted,
        voided: 0,
      })
      .execute();
    const saleDetails: FarmInputDetails = { ...details(row, input.quantity), priceFen, restricted: row.restricted === 1, producerId: producer?.id ?? null, producerName: producer?.name ?? null };
    const number = row.registration_no ?? EXEMPT_LABEL;
    return { amountFen, feeFen: 0, cashInFen: amountFen, cashOutFen: 0, details: { ...saleDetails }, summary: `农资 · ${row.name} ${row.spec} × ${input.quantity}${row.unit} · ${number} · ${yuan(amountFen)}` };
  },
  async onVoid(trx, _c, target) {
    await tables(trx).updateTable('stations_farm_input_sales').set({ voided: 1 }).where('record_id', '=', target.id).execute();
  },
};

export const FARM_INPUT_HANDLERS = [farmInputStockIn, farmInputSale];
