import type { RequestContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors.js';
import { checkKeeps, checkReads, mayRead, traceViewer, type TraceViewer } from './access.js';
import type { TracePlaces, TraceSellers } from './ports.js';
import type { TraceRepository } from './trace.repository.js';
import type { BatchRow, PlotRow, ProducerRow } from './trace.tables.js';

/** Who is asking, and the plot or batch they ask for if they may read it (404) or keep its records (403). */
export class TraceAccess {
  constructor(
    private readonly repo: TraceRepository,
    private readonly sellers: TraceSellers,
    private readonly places: TracePlaces,
  ) {}

  viewer(ctx: RequestContext): Promise<TraceViewer> {
    return traceViewer(ctx, this.sellers, this.places);
  }

  /** A plot and its producer, for one the caller may read (404 otherwise). */
  async readPlot(ctx: RequestContext, plotId: string): Promise<{ viewer: TraceViewer; plot: PlotRow; producer: ProducerRow }> {
    const viewer = await this.viewer(ctx);
    const plot = await this.repo.plot(plotId);
    if (!plot) throw notFound('Plot');
    return { viewer, plot, producer: checkReads(viewer, await this.repo.producer(plot.producer_id)) };
  }

  /** The same, for one the caller may keep records of (403 for those who only read it). */
  async keptPlot(ctx: RequestContext, plotId: string): Promise<{ viewer: TraceViewer; plot: PlotRow; producer: ProducerRow }> {
    const found = await this.readPlot(ctx, plotId);
    checkKeeps(found.viewer, found.producer);
    return found;
  }

  async readBatch(ctx: RequestContext, id: string): Promise<{ viewer: TraceViewer; batch: BatchRow; producer: ProducerRow }> {
    const viewer = await this.viewer(ctx);
    const batch = await this.repo.batch(id);
    const producer = await this.repo.producer(batch.producer_id);
    if (!producer || !mayRead(viewer, producer)) throw notFound('Batch');
    return { viewer, batch, producer };
  }

  async keptBatch(ctx: RequestContext, id: string): Promise<{ viewer: TraceViewer; batch: BatchRow; producer: ProducerRow }> {
    const found = await this.readBatch(ctx, id);
    checkKeeps(found.viewer, found.producer);
    return found;
  }
}
