import type { Kysely } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import type { RequestContext } from '../../kernel/context.js';
import type { AnyKysely } from '../../kernel/db.js';
import { notFound } from '../../kernel/errors.js';
import type { Sealer } from '../../kernel/sealed.js';
import { checkKeeps, checkReads, mayRead, traceViewer, type TraceViewer } from './access.js';
import type { TraceNotifier, TracePlaceBook, TracePlaces, TraceSales, TraceSellers, TraceStock } from './ports.js';
import type { BatchRow, PlotRow, ProducerRow, TraceTables } from './trace.tables.js';

export type Trx = Kysely<TraceTables>;

export interface TracePorts {
  places: TracePlaces;
  sellers: TraceSellers;
  stock: TraceStock;
  sales: TraceSales;
  notifier: TraceNotifier;
}

/** What every traceability service shares: the database, the clock, the sealer, the other modules' ports. */
export class TraceBase {
  readonly db: Trx;

  constructor(
    db: AnyKysely,
    readonly clock: Clock,
    readonly sealer: Sealer,
    readonly ports: TracePorts,
  ) {
    this.db = db as Trx;
  }

  now() {
    return this.clock.now().toISOString();
  }

  viewer(ctx: RequestContext): Promise<TraceViewer> {
    return traceViewer(ctx, this.ports.sellers, this.ports.places);
  }

  /** "龙头山镇 光明村" for a village code; the township alone for a township code. */
  placeName(book: TracePlaceBook, code: string): string {
    const village = book.villages.find((v) => v.code === code);
    if (village) return `${village.townshipName} ${village.name}`;
    return book.townships.find((t) => t.code === code.slice(0, 9))?.name ?? code;
  }

  /** Bumped in this process with every write that changes what public pages show (see `bump`). */
  revision = 0;

  /**
   * Public pages are cached by revision: every write that changes what they show bumps it, in the database (seen by
   * every process) and in this process (seen without a query).
   */
  async bump(trx: Trx): Promise<void> {
    await trx.updateTable('trace_revision').set((eb) => ({ revision: eb('revision', '+', 1) })).where('id', '=', 1).execute();
    await this.settleHolds(trx);
    this.revision++;
  }

  /**
   * A recall holds the unsold units of every batch it reaches itself: a review's hold on such a batch gives its
   * units back in the same transaction, so they are never held twice (the batch stays held for the review).
   */
  private async settleHolds(trx: Trx): Promise<void> {
    const superseded = await trx.selectFrom('trace_batches').selectAll().where('held', '=', 1).where('held_frozen', '>', 0).where('status', '=', 'recalled').execute();
    for (const b of superseded) {
      if (b.sku_id && b.stock_location) await this.ports.stock.thawStock(trx, b.sku_id, b.stock_location as 'seller', b.held_frozen);
      await trx.updateTable('trace_batches').set({ held_frozen: 0 }).where('id', '=', b.id).execute();
    }
  }

  async producer(id: string, db: Trx = this.db): Promise<ProducerRow | undefined> {
    return db.selectFrom('trace_producers').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A plot and its producer, for one the caller may read (404 otherwise). */
  async readPlot(ctx: RequestContext, plotId: string): Promise<{ viewer: TraceViewer; plot: PlotRow; producer: ProducerRow }> {
    const viewer = await this.viewer(ctx);
    const plot = await this.db.selectFrom('trace_plots').selectAll().where('id', '=', plotId).executeTakeFirst();
    if (!plot) throw notFound('Plot');
    return { viewer, plot, producer: checkReads(viewer, await this.producer(plot.producer_id)) };
  }

  /** The same, for one the caller may keep records of (403 for those who only read it). */
  async keptPlot(ctx: RequestContext, plotId: string): Promise<{ viewer: TraceViewer; plot: PlotRow; producer: ProducerRow }> {
    const found = await this.readPlot(ctx, plotId);
    checkKeeps(found.viewer, found.producer);
    return found;
  }

  async batch(id: string, db: Trx = this.db): Promise<BatchRow> {
    const row = await db.selectFrom('trace_batches').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Batch');
    return row;
  }

  async readBatch(ctx: RequestContext, id: string): Promise<{ viewer: TraceViewer; batch: BatchRow; producer: ProducerRow }> {
    const viewer = await this.viewer(ctx);
    const batch = await this.batch(id);
    const producer = await this.producer(batch.producer_id);
    if (!producer || !mayRead(viewer, producer)) throw notFound('Batch');
    return { viewer, batch, producer };
  }

  async keptBatch(ctx: RequestContext, id: string): Promise<{ viewer: TraceViewer; batch: BatchRow; producer: ProducerRow }> {
    const found = await this.readBatch(ctx, id);
    checkKeeps(found.viewer, found.producer);
    return found;
  }
}
