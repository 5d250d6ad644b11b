import { sql } from 'kysely';
import { recordAudit } from '../../kernel/audit.js';
import { shanghaiDate, isoNow, type Clock } from '../../kernel/clock.js';
import type { RequestContext } from '../../kernel/context.js';
import { AppError, conflict, forbidden, invalidField } from '../../kernel/errors.js';
import { decodeCursor, toPage, type PageResult } from '../../kernel/http/paging.js';
import { afterKey, cursorKey, keyOf } from '../../kernel/http/keyset.js';
import { newId } from '../../kernel/ids.js';
import type { AnyKysely } from '../../kernel/db.js';
import { mayRead } from './access.js';
import { NOT_STOCKED, type BatchMaker } from './batch-maker.js';
import type { ScanCounter } from './scan-counter.js';
import type { TraceRepository, Trx } from './trace.repository.js';
import { gtin14, newSerial, traceUrl } from './trace-code.js';
import type { BatchView, PackageView, StockInput } from './trace.schema.js';
import type { BatchRow, PackageRow } from './trace.tables.js';
import type { TraceAccess } from './trace-access.js';
import type { TracePorts } from './ports.js';
import { settleSupersededHolds } from './holds.js';

export interface BatchFilter {
  producerId?: string;
  crop?: string;
  status?: 'active' | 'recalled' | 'held';
  q?: string;
}

/** Copied-label signs: this many scans, or scans from this many different networks. */
export const SCAN_WARNING = { scans: 20, networks: 4 };
/** Packages a batch holds in all (one packing's limits): every label, genealogy and EPCIS export lists them. */
const MAX_UNITS = 20_000;
const MAX_CARTONS = 1000;

/** Whether a serialised code looks copied, and how to say it. */
export function packageWarning(row: Pick<PackageRow, 'scans' | 'networks'>): { kind: 'many_places' | 'many_scans'; text: string } | null {
  const networks = (JSON.parse(row.networks) as string[]).length;
  if (networks >= SCAN_WARNING.networks) return { kind: 'many_places', text: `scanned from ${networks} different networks: the label may have been copied` };
  if (row.scans >= SCAN_WARNING.scans) return { kind: 'many_scans', text: `scanned ${row.scans} times: the label may have been copied` };
  return null;
}

/** Batches after harvest: split, merge, pack into serialised cartons and units, put in stock, sold. */
export class BatchService {
  constructor(
    private readonly repo: TraceRepository,
    private readonly access: TraceAccess,
    private readonly ports: TracePorts,
    private readonly clock: Clock,
    private readonly maker: BatchMaker,
    private readonly counter: ScanCounter,
  ) {}

  async list(ctx: RequestContext, filter: BatchFilter, limit: number, cursor: string | undefined, origin: string): Promise<PageResult<BatchView>> {
    const viewer = await this.access.viewer(ctx);
    const producers = (await this.repo.db.selectFrom('trace_producers').selectAll().execute()).filter((p) => mayRead(viewer, p)).map((p) => p.id);
    if (producers.length === 0) return { items: [], nextCursor: null };
    let query = this.repo.db.selectFrom('trace_batches').selectAll().where('producer_id', 'in', producers).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1);
    if (filter.producerId) query = query.where('producer_id', '=', filter.producerId);
    if (filter.crop) query = query.where('crop', '=', filter.crop as BatchRow['crop']);
    if (filter.status === 'held') query = query.where('held', '=', 1);
    else if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.q?.trim()) {
      const q = `%${filter.q.trim()}%`;
      query = query.where((eb) => eb.or([eb('code', 'like', q), eb('product_name', 'like', q), eb('variety', 'like', q)]));
    }
    const key = cursorKey(cursor, 2);
    if (key) query = query.where((eb) => afterKey(eb, ['created_at', 'id'], key, 'desc'));
    const page = toPage(await query.execute(), limit, (r) => keyOf(r.created_at, r.id));
    return { items: await this.maker.views(page.items, origin), nextCursor: page.nextCursor };
  }

  async get(ctx: RequestContext, id: string, origin: string): Promise<BatchView> {
    const { batch } = await this.access.readBatch(ctx, id);
    return this.maker.view(batch, origin);
  }

  private today() {
    return shanghaiDate(this.clock.now());
  }

  /** Splits part of a batch into new batches; what is split off no longer counts in the parent. */
  async split(ctx: RequestContext, id: string, parts: { quantity: number }[], origin: string): Promise<BatchView[]> {
    const { producer } = await this.access.keptBatch(ctx, id);
    const children = await this.repo.db.transaction().execute(async (trx) => {
      const parent = await this.repo.batch(id, trx);
      if (parent.status === 'recalled') throw conflict('BATCH_RECALLED', 'A recalled batch cannot be split');
      if (parent.held === 1) throw conflict('BATCH_HELD', 'A batch held for the regulator’s review cannot be split');
      const total = parts.reduce((n, p) => n + p.quantity, 0);
      if (total > parent.quantity_left + 1e-9) throw invalidField('body.parts', `the parts add up to ${total} ${parent.unit}; only ${parent.quantity_left} are left`);
      const made: BatchRow[] = [];
      for (const part of parts) {
        const child: BatchRow = { ...parent, ...NOT_STOCKED, gtin: parent.gtin, id: newId('bat'), code: await this.maker.nextCode(trx, parent.division_code, producer, this.today()), origin: 'split', quantity: part.quantity, quantity_left: part.quantity, created_at: isoNow(this.clock) };
        await this.maker.insert(trx, child);
        await trx.insertInto('trace_batch_links').values({ parent_id: parent.id, child_id: child.id, kind: 'split', quantity: part.quantity }).execute();
        made.push(child);
      }
      await trx.updateTable('trace_batches').set({ quantity_left: parent.quantity_left - total }).where('id', '=', parent.id).execute();
      await this.repo.bump(trx);
      await settleSupersededHolds(trx, this.ports.stock);
      await recordAudit(trx, ctx, { action: 'batch.split', entityType: 'trace_batch', entityId: parent.id, details: { into: made.map((c) => c.code), quantities: parts.map((p) => p.quantity) } });
      return made;
    });
    return this.maker.views(children, origin);
  }

  /** Merges what is left of several batches of one crop into a new batch (a co-op pooling its members' fruit). */
  async merge(ctx: RequestContext, batchIds: string[], origin: string): Promise<BatchView> {
    if (new Set(batchIds).size !== batchIds.length) throw invalidField('body.batchIds', 'names a batch twice');
    const kept: Awaited<ReturnType<TraceAccess['keptBatch']>>[] = [];
    for (const [i, id] of batchIds.entries()) kept.push(await this.access.keptBatch(ctx, id).catch((err) => Promise.reject(Object.assign(err, { details: { field: `body.batchIds.${i}` } }))));
    const merged = await this.repo.db.transaction().execute(async (trx) => {
      const parents = await Promise.all(batchIds.map((id) => this.repo.batch(id, trx)));
      const first = parents[0];
      for (const [i, p] of parents.entries()) {
        if (p.status === 'recalled') throw conflict('BATCH_RECALLED', `body.batchIds.${i}: batch ${p.code} is recalled`, { field: `body.batchIds.${i}` });
        if (p.held === 1) throw conflict('BATCH_HELD', `body.batchIds.${i}: batch ${p.code} is held for the regulator’s review`, { field: `body.batchIds.${i}` });
        if (p.crop !== first.crop || p.unit !== first.unit) throw invalidField(`body.batchIds.${i}`, `batch ${p.code} is ${p.crop} in ${p.unit}; the first is ${first.crop} in ${first.unit}`);
        if (p.quantity_left <= 0) throw invalidField(`body.batchIds.${i}`, `nothing is left of batch ${p.code}`);
      }
      const total = parents.reduce((n, p) => n + p.quantity_left, 0);
      const varieties = [...new Set(parents.map((p) => p.variety))];
      const row: BatchRow = {
        ...first,
        id: newId('bat'),
        code: await this.maker.nextCode(trx, first.division_code, kept[0].producer, this.today()),
        origin: 'merge',
        plot_id: null,
        variety: varieties.length === 1 ? varieties[0] : varieties.join('/').slice(0, 40),
        harvested_on: parents.map((p) => p.harvested_on).sort()[0],
        quantity: total,
        quantity_left: total,
        ...NOT_STOCKED,
        overridden: parents.some((p) => p.overridden === 1) ? 1 : 0,
        created_at: isoNow(this.clock),
      };
      await this.maker.insert(trx, row);
      for (const p of parents) {
        await trx.insertInto('trace_batch_links').values({ parent_id: p.id, child_id: row.id, kind: 'merge', quantity: p.quantity_left }).execute();
        await trx.updateTable('trace_batches').set({ quantity_left: 0 }).where('id', '=', p.id).execute();
      }
      await this.repo.bump(trx);
      await settleSupersededHolds(trx, this.ports.stock);
      await recordAudit(trx, ctx, { action: 'batch.merged', entityType: 'trace_batch', entityId: row.id, details: { from: parents.map((p) => p.code) } });
      return row;
    });
    return this.maker.view(merged, origin);
  }

  /** Packs a batch into serialised cartons, each holding serialised units; every code counts its scans. */
  async pack(ctx: RequestContext, id: string, cartons: number, unitsPerCarton: number): Promise<{ cartons: number; units: number }> {
    if (cartons * unitsPerCarton > MAX_UNITS) throw invalidField('body.unitsPerCarton', `at most ${MAX_UNITS} units at a time`);
    await this.access.keptBatch(ctx, id);
    const now = isoNow(this.clock);
    await this.repo.db.transaction().execute(async (trx) => {
      const batch = await this.repo.batch(id, trx);
      if (batch.status === 'recalled') throw conflict('BATCH_RECALLED', 'A recalled batch cannot be packed');
      // One packing's limits hold for the batch as a whole: its labels, genealogy and EPCIS export list every package.
      const counts = await trx.selectFrom('trace_packages').select(['level', (eb) => eb.fn.countAll<number | string>().as('n')]).where('batch_id', '=', id).groupBy('level').execute();
      const packed = (level: string) => Number(counts.find((c) => c.level === level)?.n ?? 0);
      if (packed('unit') + cartons * unitsPerCarton > MAX_UNITS) throw new AppError(400, 'VALIDATION_FAILED', `body.unitsPerCarton: a batch takes at most ${MAX_UNITS} units in all; it has ${packed('unit')}`, { field: 'body.unitsPerCarton', limit: MAX_UNITS, packed: packed('unit') });
      if (packed('carton') + cartons > MAX_CARTONS) throw new AppError(400, 'VALIDATION_FAILED', `body.cartons: a batch takes at most ${MAX_CARTONS} cartons in all; it has ${packed('carton')}`, { field: 'body.cartons', limit: MAX_CARTONS, packed: packed('carton') });
      const rows: PackageRow[] = [];
      for (let c = 0; c < cartons; c++) {
        const carton: PackageRow = { id: newId('pkg'), batch_id: id, serial: newSerial(), level: 'carton', parent_id: null, scans: 0, networks: '[]', first_scan_at: null, last_scan_at: null, created_at: now };
        rows.push(carton);
        for (let u = 0; u < unitsPerCarton; u++) rows.push({ ...carton, id: newId('pkg'), serial: newSerial(), level: 'unit', parent_id: carton.id });
      }
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('trace_packages').values(rows.slice(i, i + 500)).execute();
      await recordAudit(trx, ctx, { action: 'batch.packed', entityType: 'trace_batch', entityId: id, details: { cartons, unitsPerCarton } });
    });
    return { cartons, units: cartons * unitsPerCarton };
  }

  async packages(ctx: RequestContext, id: string, level: 'carton' | 'unit' | undefined, limit: number, cursor: string | undefined, origin: string): Promise<PageResult<PackageView>> {
    const { batch } = await this.access.readBatch(ctx, id);
    await this.counter.flush();
    let query = this.repo.db.selectFrom('trace_packages').selectAll().where('batch_id', '=', id).orderBy('serial').limit(limit + 1);
    if (level) query = query.where('level', '=', level);
    const after = decodeCursor(cursor);
    if (after) query = query.where('serial', '>', after);
    const page = toPage(await query.execute(), limit, (r) => r.serial);
    const parents = page.items.filter((p) => p.parent_id).map((p) => p.parent_id!);
    const cartonSerial = new Map((parents.length ? await this.repo.db.selectFrom('trace_packages').select(['id', 'serial']).where('id', 'in', [...new Set(parents)]).execute() : []).map((p) => [p.id, p.serial]));
    return {
      items: page.items.map((p) => ({ id: p.id, serial: p.serial, level: p.level, parentSerial: p.parent_id ? (cartonSerial.get(p.parent_id) ?? null) : null, url: traceUrl(origin, batch, p.serial), scans: p.scans, places: (JSON.parse(p.networks) as string[]).length, lastScanAt: p.last_scan_at, warning: packageWarning(p)?.text ?? null, warningKind: packageWarning(p)?.kind ?? null })),
      nextCursor: page.nextCursor,
    };
  }

  /** The batch becomes units of a SKU on the shelf; with a GTIN its codes become GS1 Digital Links. */
  async stock(ctx: RequestContext, id: string, input: StockInput, origin: string): Promise<BatchView> {
    const { viewer } = await this.access.keptBatch(ctx, id);
    const sku = await this.ports.stock.skuOwner(input.skuId);
    if (!sku) throw invalidField('body.skuId', 'no such SKU');
    if (!viewer.county && !viewer.sellerIds.has(sku.sellerId)) throw forbidden('body.skuId: you do not manage the seller of this SKU');
    // The product's own GTIN unless the batch's labels carry another (a different pack size, say).
    const given = input.gtin ?? sku.gtin;
    const gtin = given ? gtin14(given) : null;
    if (given && !gtin) throw invalidField(input.gtin ? 'body.gtin' : 'body.skuId', `GTIN ${given}: the check digit is wrong`);
    const location = input.location ?? 'seller';
    const updated = await this.repo.db.transaction().execute(async (trx) => {
      const batch = await this.repo.batch(id, trx);
      if (batch.status === 'recalled') throw conflict('BATCH_RECALLED', 'A recalled batch cannot be put in stock');
      if (batch.held === 1) throw conflict('BATCH_HELD', 'A batch held for the regulator’s review cannot be put in stock');
      if (batch.sku_id && batch.sku_id !== sku.skuId) throw conflict('BATCH_LINKED', `body.skuId: this batch is stock of another SKU (${batch.product_name})`, { field: 'body.skuId' });
      if (batch.stock_location && batch.stock_location !== location) throw conflict('BATCH_LINKED', `body.location: this batch is stocked at ${batch.stock_location}`, { field: 'body.location' });
      const packed = await trx.selectFrom('trace_packages').select('id').where('batch_id', '=', id).limit(1).executeTakeFirst();
      if (packed && (gtin ?? batch.gtin) !== batch.gtin) throw conflict('LABELS_PRINTED', 'body.gtin: the batch is packed and its labels carry the codes; keep its GTIN', { field: 'body.gtin' });
      const next = { sku_id: sku.skuId, product_id: sku.productId, product_name: `${sku.productName} ${sku.spec}`, stock_location: location, stocked: batch.stocked + input.quantity, stocked_at: batch.stocked_at ?? isoNow(this.clock), gtin: gtin ?? batch.gtin };
      await trx.updateTable('trace_batches').set(next).where('id', '=', id).execute();
      await this.ports.stock.addStock(trx, sku.skuId, location, input.quantity);
      await this.repo.bump(trx);
      await settleSupersededHolds(trx, this.ports.stock);
      await recordAudit(trx, ctx, { action: 'batch.stocked', entityType: 'trace_batch', entityId: id, details: { skuId: sku.skuId, quantity: input.quantity, location, gtin: next.gtin } });
      return { ...batch, ...next };
    });
    return this.maker.view(updated, origin);
  }

  // ---- sales (run inside the order's transaction) ----

  /** An order's units come from the oldest stocked batches of each SKU that are neither recalled nor held. */
  async allocate(trx: AnyKysely, order: { orderId: string; lines: { skuId: string; quantity: number }[] }): Promise<void> {
    const db = trx as Trx;
    if (await db.selectFrom('trace_allocations').select('order_id').where('order_id', '=', order.orderId).limit(1).executeTakeFirst()) return;
    const now = isoNow(this.clock);
    for (const line of order.lines) {
      let need = line.quantity;
      const batches = await db.selectFrom('trace_batches').select(['id', 'stocked', 'sold']).where('sku_id', '=', line.skuId).where('status', '=', 'active').where('held', '=', 0).where(sql<boolean>`stocked > sold`).orderBy('created_at').orderBy('id').execute();
      for (const batch of batches) {
        if (need === 0) break;
        const take = Math.min(need, batch.stocked - batch.sold);
        // Taken only while the batch is still on sale and has the units: a recall (or another order) that got there
        // first, since it was read, leaves this batch out.
        const taken = await db.updateTable('trace_batches').set((eb) => ({ sold: eb('sold', '+', take) })).where('id', '=', batch.id).where('status', '=', 'active').where('held', '=', 0).where(sql<boolean>`stocked - sold >= ${take}`).executeTakeFirst();
        if (Number(taken.numUpdatedRows) !== 1) continue;
        await db.insertInto('trace_allocations').values({ batch_id: batch.id, order_id: order.orderId, sku_id: line.skuId, quantity: take, allocated_at: now }).execute();
        need -= take;
      }
    }
  }

  /** Whether any of an order's units were taken from a recalled batch. */
  async recalledIn(trx: AnyKysely, orderId: string): Promise<boolean> {
    const hit = await (trx as Trx).selectFrom('trace_allocations as a').innerJoin('trace_batches as b', 'b.id', 'a.batch_id').select('a.batch_id').where('a.order_id', '=', orderId).where('b.status', '=', 'recalled').limit(1).executeTakeFirst();
    return !!hit;
  }

  /** Cancelled before shipping: the units go back to their batches (held again if the batch is recalled or held). */
  async release(trx: AnyKysely, orderId: string): Promise<void> {
    const db = trx as Trx;
    const allocations = await db.selectFrom('trace_allocations').selectAll().where('order_id', '=', orderId).execute();
    for (const a of allocations) {
      const batch = await this.repo.batch(a.batch_id, db);
      await db.updateTable('trace_batches').set((eb) => ({ sold: eb('sold', '-', a.quantity) })).where('id', '=', batch.id).execute();
      if (batch.status === 'recalled' && batch.sku_id && batch.stock_location) {
        await this.ports.stock.freezeStock(trx, batch.sku_id, batch.stock_location as 'seller', a.quantity);
        await db.updateTable('trace_recall_batches').set((eb) => ({ frozen: eb('frozen', '+', a.quantity) })).where('batch_id', '=', batch.id).where('recall_id', '=', batch.recall_id!).execute();
      } else if (batch.held === 1 && batch.sku_id && batch.stock_location) {
        await this.ports.stock.freezeStock(trx, batch.sku_id, batch.stock_location as 'seller', a.quantity);
        await db.updateTable('trace_batches').set((eb) => ({ held_frozen: eb('held_frozen', '+', a.quantity) })).where('id', '=', batch.id).execute();
      }
    }
    await db.deleteFrom('trace_allocations').where('order_id', '=', orderId).execute();
  }
}
