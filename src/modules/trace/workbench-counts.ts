import { sql } from 'kysely';
import type { RequestContext } from '../../kernel/context.js';
import { mayRead } from './access.js';
import type { TraceAccess } from './trace-access.js';
import type { TraceRepository } from './trace.repository.js';

/**
 * The traceability figures of the 工作台 (workbench module), over the producers the caller may read (the county
 * office and regulators read all), as 监管复核, 投诉 and 召回 list them.
 */
export class TraceWorkbenchCounts {
  constructor(
    private readonly repo: TraceRepository,
    private readonly access: TraceAccess,
  ) {}

  /**
   * Reviews waiting for the regulator's decision (refused harvests and held batches), complaints sent from the
   * scan pages (they have no closed state: all of them), and recalls still open.
   */
  async oversight(ctx: RequestContext): Promise<{ reviewsPending: number; complaints: number; recallsOpen: number }> {
    const viewer = await this.access.viewer(ctx);
    const producers = (await this.repo.db.selectFrom('trace_producers').selectAll().execute()).filter((p) => mayRead(viewer, p)).map((p) => p.id);
    if (producers.length === 0) return { reviewsPending: 0, complaints: 0, recallsOpen: 0 };
    const count = sql<number>`count(distinct r.id)`.as('n');
    const reviews = await this.repo.db.selectFrom('trace_refusals as r').innerJoin('trace_plots as p', 'p.id', 'r.plot_id').select(count).where('p.producer_id', 'in', producers).where('r.decision', 'is', null).executeTakeFirstOrThrow();
    const complaints = await this.repo.db.selectFrom('trace_complaints as c').innerJoin('trace_batches as b', 'b.id', 'c.batch_id').select(sql<number>`count(*)`.as('n')).where('b.producer_id', 'in', producers).executeTakeFirstOrThrow();
    const recalls = viewer.readsAll
      ? await this.repo.db.selectFrom('trace_recalls as r').select(count).where('r.status', '=', 'open').executeTakeFirstOrThrow()
      : await this.repo.db
          .selectFrom('trace_recalls as r')
          .innerJoin('trace_recall_batches as rb', 'rb.recall_id', 'r.id')
          .innerJoin('trace_batches as b', 'b.id', 'rb.batch_id')
          .select(count)
          .where('r.status', '=', 'open')
          .where('b.producer_id', 'in', producers)
          .executeTakeFirstOrThrow();
    return { reviewsPending: Number(reviews.n), complaints: Number(complaints.n), recallsOpen: Number(recalls.n) };
  }
}
