import { conflict } from '../../kernel/errors.js';
import { isUniqueViolation } from '../../kernel/db.js';
import { newId } from '../../kernel/ids.js';
import type { TraceRepository, Trx } from './trace.repository.js';
import { traceCode, traceUrl } from './trace-code.js';
import type { BatchView, RecordDetails } from './trace.schema.js';
import type { BatchRow, PlotRow, ProducerRow, RecordRow } from './trace.tables.js';
import type { TracePorts } from './ports.js';
import { placeName } from './place-name.js';
import { isoNow, type Clock } from '../../kernel/clock.js';

/** A new batch is in no one's stock yet: no SKU, nothing stocked, sold or held. */
export const NOT_STOCKED = { gtin: null, sku_id: null, product_id: null, product_name: null, stock_location: null, stocked: 0, stocked_at: null, sold: 0, held: 0, held_frozen: 0 } as const;

/** Makes batches with their trace codes, and shows them. */
export class BatchMaker {
  constructor(
    private readonly repo: TraceRepository,
    private readonly ports: TracePorts,
    private readonly clock: Clock,
  ) {}

  /** The next free code for a township, producer and day (the serial counts every code with that prefix). */
  async nextCode(trx: Trx, divisionCode: string, producer: ProducerRow, day: string): Promise<string> {
    const prefix = traceCode(divisionCode.slice(0, 9), producer.number, day, 1).slice(0, 18);
    const taken = await trx.selectFrom('trace_batches').select('code').where('code', 'like', `${prefix}%`).execute();
    const serial = taken.reduce((n, r) => Math.max(n, Number(r.code.slice(18))), 0) + 1;
    if (serial > 99) throw conflict('TOO_MANY_BATCHES', 'A producer can make at most 99 batches a day in one township');
    return `${prefix}${String(serial).padStart(2, '0')}`;
  }

  async insert(trx: Trx, row: BatchRow): Promise<void> {
    try {
      await trx.insertInto('trace_batches').values(row).execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('TRACE_CODE_TAKEN', 'Another batch took this trace code at the same moment; send again');
      throw err;
    }
  }

  async fromHarvest(trx: Trx, from: { producer: ProducerRow; plot: PlotRow; record: RecordRow; overridden: boolean }): Promise<BatchRow> {
    const { harvest } = JSON.parse(from.record.details) as RecordDetails;
    const row: BatchRow = {
      id: newId('bat'),
      code: await this.nextCode(trx, from.plot.division_code, from.producer, from.record.occurred_on),
      origin: 'harvest',
      producer_id: from.producer.id,
      plot_id: from.plot.id,
      crop: from.plot.crop,
      variety: from.plot.variety,
      division_code: from.plot.division_code,
      harvested_on: from.record.occurred_on,
      quantity: harvest!.quantity,
      quantity_left: harvest!.quantity,
      unit: harvest!.unit,
      ...NOT_STOCKED,
      status: 'active',
      recall_id: null,
      overridden: from.overridden ? 1 : 0,
      created_at: isoNow(this.clock),
      is_demo: from.record.is_demo,
    };
    await this.insert(trx, row);
    await trx.updateTable('trace_records').set({ batch_id: row.id }).where('id', '=', from.record.id).execute();
    return row;
  }

  async view(row: BatchRow, origin = ''): Promise<BatchView> {
    return (await this.views([row], origin))[0];
  }

  async views(rows: BatchRow[], origin = ''): Promise<BatchView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const db = this.repo.db;
    const heldIds = rows.filter((r) => r.held === 1).map((r) => r.id);
    const [book, producers, plots, parentLinks, childLinks, packages, upheld] = await Promise.all([
      this.ports.places.placeBook(),
      db.selectFrom('trace_producers').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.producer_id))]).execute(),
      db.selectFrom('trace_plots').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.plot_id ?? ''))]).execute(),
      db.selectFrom('trace_batch_links as l').innerJoin('trace_batches as b', 'b.id', 'l.parent_id').select(['l.child_id', 'b.id', 'b.code']).where('l.child_id', 'in', ids).execute(),
      db.selectFrom('trace_batch_links as l').innerJoin('trace_batches as b', 'b.id', 'l.child_id').select(['l.parent_id', 'b.id', 'b.code', 'b.origin']).where('l.parent_id', 'in', ids).execute(),
      db.selectFrom('trace_packages').select(['batch_id', 'level', (eb) => eb.fn.countAll<number>().as('n')]).where('batch_id', 'in', ids).groupBy(['batch_id', 'level']).execute(),
      heldIds.length ? db.selectFrom('trace_holds as h').innerJoin('trace_refusals as r', 'r.id', 'h.refusal_id').select('h.batch_id').where('h.batch_id', 'in', heldIds).where('r.decision', '=', 'upheld').execute() : [],
    ]);
    const upheldIds = new Set(upheld.map((u) => u.batch_id));
    const producerName = new Map(producers.map((p) => [p.id, p.name]));
    const plotName = new Map(plots.map((p) => [p.id, p.name]));
    const count = (batchId: string, level: string) => Number(packages.find((p) => p.batch_id === batchId && p.level === level)?.n ?? 0);
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      origin: r.origin,
      crop: r.crop,
      variety: r.variety,
      producerId: r.producer_id,
      producerName: producerName.get(r.producer_id) ?? '',
      plotId: r.plot_id,
      plotName: r.plot_id ? (plotName.get(r.plot_id) ?? null) : null,
      divisionCode: r.division_code,
      place: placeName(book, r.division_code),
      harvestedOn: r.harvested_on,
      quantity: r.quantity,
      quantityLeft: r.quantity_left,
      unit: r.unit,
      parents: parentLinks.filter((l) => l.child_id === r.id).map((l) => ({ id: l.id, code: l.code })),
      children: childLinks.filter((l) => l.parent_id === r.id).map((l) => ({ id: l.id, code: l.code, origin: l.origin })),
      skuId: r.sku_id,
      productId: r.product_id,
      productName: r.product_name,
      gtin: r.gtin,
      stockLocation: r.stock_location as BatchView['stockLocation'],
      stocked: r.stocked,
      sold: r.sold,
      cartons: count(r.id, 'carton'),
      units: count(r.id, 'unit'),
      status: r.status,
      recallId: r.recall_id,
      overridden: r.overridden === 1,
      held: r.held === 1,
      hold: r.held === 1 ? (upheldIds.has(r.id) ? ('upheld' as const) : ('pending' as const)) : null,
      url: traceUrl(origin, r),
      createdAt: r.created_at,
    }));
  }
}
