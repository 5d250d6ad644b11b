import { recordAudit } from '../../kernel/audit.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { conflict, invalidField, notFound } from '../../kernel/errors.js';
import { toPage, type PageResult } from '../../kernel/http/paging.js';
import { afterKey, cursorKey, keyOf } from '../../kernel/http/keyset.js';
import { mayRead } from './access.js';
import type { HoldService } from './holds.js';
import { REASON_MIN, type RecordService } from './records.service.js';
import type { TraceRepository } from './trace.repository.js';
import type { RefusalView } from './trace.schema.js';
import type { TraceAccess } from './trace-access.js';
import type { TracePorts } from './ports.js';
import { placeName } from './place-name.js';
import { settleSupersededHolds } from './holds.js';
import { isoNow, type Clock } from '../../kernel/clock.js';

/**
 * The regulator's queue: harvests refused by the interval rule, and batches held because a later record put their
 * harvest in breach. The regulator upholds (the refusal stands, the batch stays off sale) or releases (the harvest
 * is made, the batch goes back on sale), always with a reason; every decision is audited.
 */
export class ReviewService {
  constructor(
    private readonly repo: TraceRepository,
    private readonly access: TraceAccess,
    private readonly ports: TracePorts,
    private readonly clock: Clock,
    private readonly records: RecordService,
    private readonly holds: HoldService,
  ) {}

  /** Newest first; `pending` leaves out what is decided. Readers see the reviews of producers they may read. */
  async list(ctx: RequestContext, pendingOnly: boolean, limit: number, cursor: string | undefined): Promise<PageResult<RefusalView>> {
    const viewer = await this.access.viewer(ctx);
    const producers = (await this.repo.db.selectFrom('trace_producers').selectAll().execute()).filter((p) => mayRead(viewer, p)).map((p) => p.id);
    if (producers.length === 0) return { items: [], nextCursor: null };
    let query = this.repo.db
      .selectFrom('trace_refusals as r')
      .innerJoin('trace_plots as p', 'p.id', 'r.plot_id')
      .select('r.id')
      .select('r.attempted_at')
      .where('p.producer_id', 'in', producers)
      .orderBy('r.attempted_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit + 1);
    if (pendingOnly) query = query.where('r.decision', 'is', null);
    const key = cursorKey(cursor, 2);
    if (key) query = query.where((eb) => afterKey(eb, ['r.attempted_at', 'r.id'], key, 'desc'));
    const page = toPage(await query.execute(), limit, (r) => keyOf(r.attempted_at, r.id));
    return { items: await this.views(page.items.map((r) => r.id)), nextCursor: page.nextCursor };
  }

  async get(ctx: RequestContext, id: string): Promise<RefusalView> {
    const viewer = await this.access.viewer(ctx);
    const [view] = await this.views([id]);
    const plot = view && (await this.repo.db.selectFrom('trace_plots').select('producer_id').where('id', '=', view.plotId).executeTakeFirst());
    const producer = plot && (await this.repo.producer(plot.producer_id));
    if (!view || !producer || !mayRead(viewer, producer)) throw notFound('Review');
    return view;
  }

  async views(ids: string[]): Promise<RefusalView[]> {
    if (ids.length === 0) return [];
    const db = this.repo.db;
    const [rows, held] = await Promise.all([
      db
        .selectFrom('trace_refusals as r')
        .innerJoin('trace_plots as p', 'p.id', 'r.plot_id')
        .innerJoin('trace_producers as pr', 'pr.id', 'p.producer_id')
        .leftJoin('trace_records as rec', 'rec.id', 'r.record_id')
        .selectAll('r')
        .select(['p.name as plot_name', 'p.crop', 'p.division_code', 'pr.name as producer_name', 'rec.batch_id as made_batch_id'])
        .where('r.id', 'in', ids)
        .execute(),
      db.selectFrom('trace_holds as h').innerJoin('trace_batches as b', 'b.id', 'h.batch_id').select(['h.refusal_id', 'b.id', 'b.code', 'b.held']).where('h.refusal_id', 'in', ids).orderBy('b.created_at').execute(),
    ]);
    const book = await this.ports.places.placeBook();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)!).filter(Boolean).map((r) => {
      const decided = r.decision && r.override_at ? { outcome: r.decision, by: r.override_by!, reason: r.override_reason!, at: r.override_at } : null;
      return {
        id: r.id,
        kind: r.kind,
        plotId: r.plot_id,
        plotName: r.plot_name,
        producerName: r.producer_name,
        crop: r.crop,
        place: placeName(book, r.division_code),
        occurredOn: r.occurred_on,
        quantity: r.quantity,
        unit: r.unit,
        breaches: JSON.parse(r.breaches),
        findings: JSON.parse(r.findings),
        attemptedBy: r.attempted_by_name,
        attemptedAt: r.attempted_at,
        decision: decided,
        override: decided && decided.outcome === 'released' && r.kind === 'harvest' ? { by: decided.by, reason: decided.reason, at: decided.at } : null,
        batchId: r.kind === 'hold' ? r.batch_id : r.made_batch_id,
        heldBatches: held.filter((h) => h.refusal_id === r.id).map((h) => ({ id: h.id, code: h.code, held: h.held === 1 })),
      };
    });
  }

  /** The regulator's decision on a review in the queue. Releasing a refused harvest makes its batch (`override`). */
  async decide(ctx: RequestContext, id: string, outcome: 'uphold' | 'release', reason: string, origin = ''): Promise<RefusalView> {
    const principal = requireRole(ctx, 'regulator');
    const why = reason.trim();
    if (why.length < REASON_MIN) throw invalidField('body.reason', `give the reason for the decision (at least ${REASON_MIN} characters)`);
    const review = await this.repo.db.selectFrom('trace_refusals').select(['id', 'kind', 'decision']).where('id', '=', id).executeTakeFirst();
    if (!review) throw notFound('Review');
    if (review.decision) throw conflict('ALREADY_DECIDED', `The regulator has decided this already (${review.decision})`);
    if (review.kind === 'harvest' && outcome === 'release') {
      await this.records.override(ctx, id, why, origin);
      return this.get(ctx, id);
    }
    await this.repo.db.transaction().execute(async (trx) => {
      const decision = outcome === 'uphold' ? 'upheld' : 'released';
      const result = await trx.updateTable('trace_refusals').set({ decision, override_by: principal.displayName, override_reason: why, override_at: isoNow(this.clock) }).where('id', '=', id).where('decision', 'is', null).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw conflict('ALREADY_DECIDED', 'The regulator has decided this already');
      const released = decision === 'released' ? await this.holds.releaseBatches(trx, id) : [];
      await this.repo.bump(trx);
      await settleSupersededHolds(trx, this.ports.stock);
      const action = review.kind === 'harvest' ? 'harvest.refusal_upheld' : decision === 'upheld' ? 'hold.upheld' : 'hold.released';
      await recordAudit(trx, ctx, { action, entityType: 'trace_refusal', entityId: id, details: { reason: why, released } });
    });
    return this.get(ctx, id);
  }
}
