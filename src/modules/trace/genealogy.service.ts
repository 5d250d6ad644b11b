import type { RequestContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors.js';
import { maskName, maskPhone } from '../../kernel/mask.js';
import { effective, harvestOf, inputAgainst } from './record-book.js';
import type { TraceRepository, Trx } from './trace.repository.js';
import type { Genealogy } from './trace.schema.js';
import type { BatchRow } from './trace.tables.js';
import type { TraceAccess } from './trace-access.js';
import type { TracePorts } from './ports.js';

/** A batch sold to thousands lists its latest orders; the recall reaches every one. */
export const FORWARD_LISTED = 200;

/** Follows links from a batch: up to where it grew and what was put on it, down to who bought it. */
export class GenealogyService {
  constructor(
    private readonly repo: TraceRepository,
    private readonly access: TraceAccess,
    private readonly ports: TracePorts,
  ) {}

  /** Every batch reachable by following links one way (parents or children), the start included. */
  async reach(start: string[], direction: 'up' | 'down', db: Trx = this.repo.db): Promise<BatchRow[]> {
    const seen = new Set(start);
    let frontier = start;
    while (frontier.length) {
      const links = direction === 'up' ? await db.selectFrom('trace_batch_links').select('parent_id as next').where('child_id', 'in', frontier).execute() : await db.selectFrom('trace_batch_links').select('child_id as next').where('parent_id', 'in', frontier).execute();
      frontier = [...new Set(links.map((l) => l.next))].filter((id) => !seen.has(id));
      frontier.forEach((id) => seen.add(id));
    }
    return db.selectFrom('trace_batches').selectAll().where('id', 'in', [...seen]).orderBy('created_at').execute();
  }

  async of(ctx: RequestContext, batchId: string, serial?: string): Promise<Genealogy> {
    const { batch } = await this.access.readBatch(ctx, batchId);
    let pkg: Genealogy['backward']['package'] = null;
    if (serial) {
      const row = await this.repo.db.selectFrom('trace_packages').selectAll().where('serial', '=', serial).where('batch_id', '=', batch.id).executeTakeFirst();
      if (!row) throw notFound('Package');
      const carton = row.parent_id ? await this.repo.db.selectFrom('trace_packages').select('serial').where('id', '=', row.parent_id).executeTakeFirst() : undefined;
      pkg = { serial: row.serial, level: row.level, carton: carton?.serial ?? null };
    }
    const [backward, forward] = await Promise.all([this.backward(batch), this.forward(batch)]);
    return { batch: { id: batch.id, code: batch.code }, backward: { package: pkg, ...backward }, forward };
  }

  async backward(batch: BatchRow): Promise<Omit<Genealogy['backward'], 'package'>> {
    const ancestors = await this.reach([batch.id], 'up');
    const harvested = ancestors.filter((b) => b.plot_id);
    const plotIds = [...new Set(harvested.map((b) => b.plot_id!))];
    const [plots, records] = await Promise.all([
      plotIds.length ? this.repo.db.selectFrom('trace_plots').select(['id', 'name']).where('id', 'in', plotIds).execute() : [],
      plotIds.length ? this.repo.db.selectFrom('trace_records').selectAll().where('plot_id', 'in', plotIds).where('kind', '=', 'input').orderBy('occurred_on').execute() : [],
    ]);
    const plotName = new Map(plots.map((p) => [p.id, p.name]));
    const inputs: Genealogy['backward']['inputs'] = [];
    for (const row of effective(records)) {
      const harvest = harvestOf(harvested, row);
      if (!harvest) continue;
      const { input, intervalDays, intervalKept } = inputAgainst(row, harvest.harvested_on);
      inputs.push({ recordId: row.id, plotName: plotName.get(row.plot_id) ?? '', occurredOn: row.occurred_on, productName: input.productName, category: input.category, intervalDays, intervalKept });
    }
    return { batches: ancestors.map((b) => ({ id: b.id, code: b.code, origin: b.origin, plotId: b.plot_id, plotName: b.plot_id ? (plotName.get(b.plot_id) ?? null) : null })), inputs };
  }

  /** Where a batch went. All its orders are counted; the latest `shown` are listed with their buyers and parcels. */
  async forward(batch: BatchRow, shown = FORWARD_LISTED): Promise<Genealogy['forward']> {
    const descendants = await this.reach([batch.id], 'down');
    const ids = descendants.map((b) => b.id);
    const allocations = await this.repo.db.selectFrom('trace_allocations').selectAll().where('batch_id', 'in', ids).orderBy('allocated_at', 'desc').execute();
    const orderIds = [...new Set(allocations.map((a) => a.order_id))];
    const listed = orderIds.slice(0, shown);
    const [orders, parcels, buyerCount] = await Promise.all([this.ports.sales.orders(listed), this.ports.sales.parcels(listed), this.ports.sales.buyerCount(orderIds)]);
    const orderById = new Map(orders.map((o) => [o.id, o]));
    const parcelsOf = new Map<string, typeof parcels>();
    for (const p of parcels) parcelsOf.set(p.orderId, [...(parcelsOf.get(p.orderId) ?? []), p]);
    const code = new Map(descendants.map((b) => [b.id, b.code]));
    const lines = allocations
      .filter((a) => orderById.has(a.order_id))
      .map((a) => {
        const order = orderById.get(a.order_id)!;
        const carried = parcelsOf.get(a.order_id) ?? (order.waybillNo ? [{ orderId: order.id, carrier: order.carrier, waybillNo: order.waybillNo, status: order.status }] : []);
        return { orderId: a.order_id, batchCode: code.get(a.batch_id)!, quantity: a.quantity, status: order.status, paidAt: order.paidAt, buyer: maskName(order.recipientName), buyerPhone: maskPhone(order.recipientPhone), parcels: carried.map(({ carrier, waybillNo, status }) => ({ carrier, waybillNo, status })) };
      })
      .sort((a, b) => (b.paidAt ?? '').localeCompare(a.paidAt ?? ''));
    return {
      batches: descendants.map((b) => ({ id: b.id, code: b.code, origin: b.origin })),
      stock: descendants.filter((b) => b.sku_id).map((b) => ({ batchCode: b.code, skuId: b.sku_id!, productName: b.product_name, stocked: b.stocked, sold: b.sold })),
      orders: lines,
      orderCount: orderIds.length,
      buyerCount,
    };
  }
}
