import { recordAudit } from '../../kernel/audit.js';
import type { RequestContext } from '../../kernel/context.js';
import { newId } from '../../kernel/ids.js';
import type { GenealogyService } from './genealogy.service.js';
import type { TraceRepository, Trx } from './trace.repository.js';
import { unkeyed, type KeyedFinding } from './harvest-rules.js';
import type { BatchRow, PlotRow, RecordRow, RefusalRow } from './trace.tables.js';
import type { TracePorts } from './ports.js';
import type { TraceStock } from './ports.js';
import { isoNow, type Clock } from '../../kernel/clock.js';

type Location = 'county_warehouse' | 'seller';

/** The units of a batch a hold takes off the shelf: what is stocked and not sold, unless a recall holds them already. */
const onShelf = (b: BatchRow) => (b.status === 'active' && b.sku_id && b.stock_location ? Math.max(0, b.stocked - b.sold) : 0);

/**
 * A recall holds the unsold units of every batch it reaches itself: a review's hold on such a batch gives its units
 * back in the same transaction, so they are never held twice (the batch stays held for the review). Run after every
 * write that changes what public pages show (with the trace revision's bump).
 */
export async function settleSupersededHolds(trx: Trx, stock: TraceStock): Promise<void> {
  const superseded = await trx.selectFrom('trace_batches').selectAll().where('held', '=', 1).where('held_frozen', '>', 0).where('status', '=', 'recalled').execute();
  for (const b of superseded) {
    if (b.sku_id && b.stock_location) await stock.thawStock(trx, b.sku_id, b.stock_location as 'seller', b.held_frozen);
    await trx.updateTable('trace_batches').set({ held_frozen: 0 }).where('id', '=', b.id).execute();
  }
}

/**
 * Holding batches from sale while the regulator reviews them. A hold takes a batch's unsold units off the shelf
 * the way a recall does (`catalog_stock.frozen`, through the stock port), and gives them back only when no review
 * holds the batch any more. Everything runs in the caller's transaction.
 */
export class HoldService {
  constructor(
    private readonly repo: TraceRepository,
    private readonly ports: TracePorts,
    private readonly clock: Clock,
    private readonly genealogy: GenealogyService,
  ) {}

  /** Holds a harvest batch and every batch made from it, and puts the review in the regulator's queue. */
  async hold(trx: Trx, ctx: RequestContext, at: { plot: PlotRow; harvest: BatchRow; trigger: RecordRow; found: KeyedFinding[] }): Promise<RefusalRow> {
    const { plot, harvest, trigger, found } = at;
    const findings = unkeyed(found);
    const breaches = found.map((f) => f.breach).filter((b) => !!b);
    const review: RefusalRow = {
      id: newId('rfs'),
      kind: 'hold',
      plot_id: plot.id,
      occurred_on: harvest.harvested_on,
      quantity: harvest.quantity,
      unit: harvest.unit,
      note: trigger.note,
      breaches: JSON.stringify(breaches),
      findings: JSON.stringify(findings),
      attempted_by: trigger.recorded_by,
      attempted_by_name: trigger.recorded_by_name,
      attempted_at: isoNow(this.clock),
      override_by: null,
      override_reason: null,
      override_at: null,
      decision: null,
      record_id: trigger.id,
      batch_id: harvest.id,
      is_demo: trigger.is_demo,
    };
    await trx.insertInto('trace_refusals').values(review).execute();
    const batches = await this.genealogy.reach([harvest.id], 'down', trx);
    for (const batch of batches) {
      await trx.insertInto('trace_holds').values({ refusal_id: review.id, batch_id: batch.id }).execute();
      if (batch.held === 1) continue;
      const frozen = onShelf(batch);
      await trx.updateTable('trace_batches').set({ held: 1, held_frozen: frozen }).where('id', '=', batch.id).execute();
      if (frozen > 0) await this.ports.stock.freezeStock(trx, batch.sku_id!, batch.stock_location as Location, frozen);
    }
    await recordAudit(trx, ctx, { action: 'batch.held', entityType: 'trace_refusal', entityId: review.id, details: { recordId: trigger.id, findings: findings.map((f) => f.code), batches: batches.map((b) => b.code) } });
    return review;
  }

  /** After a review is released: each of its batches that no other review holds goes back on sale. */
  async releaseBatches(trx: Trx, reviewId: string): Promise<string[]> {
    const linked = await trx.selectFrom('trace_holds').select('batch_id').where('refusal_id', '=', reviewId).execute();
    const released: string[] = [];
    for (const { batch_id } of linked) {
      const still = await trx
        .selectFrom('trace_holds as h')
        .innerJoin('trace_refusals as r', 'r.id', 'h.refusal_id')
        .select('r.id')
        .where('h.batch_id', '=', batch_id)
        .where('r.id', '!=', reviewId)
        .where((eb) => eb.or([eb('r.decision', 'is', null), eb('r.decision', '=', 'upheld')]))
        .limit(1)
        .executeTakeFirst();
      if (still) continue;
      const batch = await this.repo.batch(batch_id, trx);
      if (batch.held_frozen > 0 && batch.sku_id && batch.stock_location) await this.ports.stock.thawStock(trx, batch.sku_id, batch.stock_location as Location, batch.held_frozen);
      await trx.updateTable('trace_batches').set({ held: 0, held_frozen: 0 }).where('id', '=', batch_id).execute();
      released.push(batch.code);
    }
    return released;
  }
}
