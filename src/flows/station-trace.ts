import type { RequestContext } from '../kernel/context.js';
import { AppError } from '../kernel/errors.js';
import type { StationTrace } from '../modules/stations/index.js';
import type { TraceServices } from '../modules/trace/index.js';

/** The trace crops a station's produce key may be harvested from (a produce with no crop of its own is `other`). */
const CROP_OF: Record<string, string> = { pepper: 'pepper', walnut: 'walnut', apple: 'apple' };

/**
 * A station's purchase receipt becomes a traceability batch: a harvest of the receipt's net weight on the
 * producer's plot, written by trace's own record service as the caller, so the pre-harvest interval and who keeps
 * the producer's records still decide (a refusal comes back as trace gave it). The harvest's note names the
 * receipt; a retry after a lost answer finds that harvest among the plot's newest records instead of making two.
 */
export const stationTrace = (trace: Pick<TraceServices, 'producers' | 'records' | 'batches'>): StationTrace => ({
  async harvestBatch(ctx: RequestContext, h) {
    const plot = await trace.producers.plot(ctx, h.plotId);
    if (plot.producerId !== h.producerId) throw new AppError(400, 'VALIDATION_FAILED', 'body.plotId: 这块地不属于所选的生产主体 (the plot is not the producer’s)', { field: 'body.plotId' });
    const crop = CROP_OF[h.produce] ?? 'other';
    if (plot.crop !== crop) throw new AppError(422, 'PLOT_CROP_MISMATCH', `body.plotId: 这块地种的不是${h.produceName} (the plot's crop is not the receipt's produce)`, { field: 'body.plotId', plotCrop: plot.crop, produce: h.produce });
    const earlier = (await trace.producers.records(ctx, h.plotId, 100)).items.find((r) => r.kind === 'harvest' && r.batchId && r.note?.includes(h.recordId));
    if (earlier?.batchId) {
      const batch = await trace.batches.get(ctx, earlier.batchId, '');
      return { batchId: batch.id, code: batch.code };
    }
    const made = await trace.records.add(ctx, h.plotId, { kind: 'harvest', occurredOn: h.occurredOn, note: h.note, harvest: { quantity: h.quantityKg, unit: 'kg' } });
    if (!made.batch) throw new AppError(500, 'INTERNAL', 'a harvest made no batch');
    return { batchId: made.batch.id, code: made.batch.code };
  },
});
