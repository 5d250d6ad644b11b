import { sql } from 'kysely';
import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import type { LogisticsRepository } from './logistics.repository.js';
import type { ParcelViews } from './parcel-views.js';
import type { PromiseService } from './promise.service.js';

/** Parcels at a point waiting for their recipient (the 服务点收发 page's 在点 tab). */
const AT_POINT = ['arrived_village', 'notified'] as const;

/**
 * The logistics figures of the 工作台 (workbench module), each scoped as the pages they link to are: a village point
 * counts its own parcels, a township its own, the county warehouse all.
 */
export class LogisticsWorkbenchCounts {
  constructor(
    private readonly repo: LogisticsRepository,
    private readonly views: ParcelViews,
    private readonly promise: PromiseService,
    private readonly clock: Clock,
  ) {}

  /** A village point's parcels to hand over (at the point) and produce handed in, not yet on a run up. */
  async point(ctx: RequestContext): Promise<{ toHandOver: number; toSendUp: number }> {
    requireRole(ctx, 'village_operator');
    const viewer = await this.views.viewer(ctx);
    if (!viewer.pointCode) return { toHandOver: 0, toSendUp: 0 };
    const rows = await this.repo.db
      .selectFrom('logistics_parcels')
      .select(['direction', sql<number>`count(*)`.as('n')])
      .where('point_code', '=', viewer.pointCode)
      .where((eb) => eb.or([eb.and([eb('direction', '=', 'down'), eb('status', 'in', AT_POINT)]), eb.and([eb('direction', '=', 'up'), eb('status', '=', 'opened')])]))
      .groupBy('direction')
      .execute();
    const of = (direction: string) => Number(rows.find((r) => r.direction === direction)?.n ?? 0);
    return { toHandOver: of('down'), toSendUp: of('up') };
  }

  /** Today's delivery runs (Asia/Shanghai) and their stops, and the stops not yet signed for. */
  async runsToday(ctx: RequestContext): Promise<{ runs: number; stops: number; stopsLeft: number }> {
    requireRole(ctx, 'county_admin', 'courier', 'township_operator', 'regulator');
    const today = shanghaiDate(this.clock.now());
    const runs = await this.repo.db.selectFrom('logistics_runs').select(sql<number>`count(*)`.as('n')).where('run_date', '=', today).executeTakeFirstOrThrow();
    const stops = await this.repo.db
      .selectFrom('logistics_run_stops')
      .innerJoin('logistics_runs', 'logistics_runs.id', 'logistics_run_stops.run_id')
      .select([sql<number>`count(*)`.as('n'), sql<number>`sum(case when logistics_run_stops.signed_at is null then 1 else 0 end)`.as('left')])
      .where('logistics_runs.run_date', '=', today)
      .executeTakeFirstOrThrow();
    return { runs: Number(runs.n), stops: Number(stops.n), stopsLeft: Number(stops.left ?? 0) };
  }

  /**
   * The 48-hour promise as the 时效看板 shows it (a township its own): parcels past 48 hours not at their point,
   * those past 36 hours, and the parcels of the last 30 days that arrived late or not at all.
   */
  async promiseAlerts(ctx: RequestContext): Promise<{ overdue: number; atRisk: number; breaches: number }> {
    const summary = await this.promise.summary(ctx, {});
    return { overdue: summary.overdue, atRisk: summary.atRisk, breaches: summary.overall.late };
  }
}
