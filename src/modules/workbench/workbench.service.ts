import { requireRole, type RequestContext } from '../../kernel/context.js';
import type { WorkbenchPorts } from './ports.js';
import { WORKBENCH_ROLES, type WorkbenchItem, type WorkbenchRole, type WorkbenchView } from './workbench.schema.js';

type Block = (ctx: RequestContext) => Promise<WorkbenchItem[]>;

/**
 * 工作台: what each role has to do today, as counts. Every figure comes from the module that owns the work, through
 * a port, scoped to the caller there (a village point counts its own parcels, a township its own points).
 */
export class WorkbenchService {
  private readonly blocks: Record<WorkbenchRole, Block>;

  constructor(private readonly ports: WorkbenchPorts) {
    const { logistics, orders, catalog, sellers, oversight, network, training, stations } = ports;
    // 今日账本: today's services at the caller's tills and the cash they should hold, with each till's day.
    const stationDay = async (ctx: RequestContext): Promise<WorkbenchItem> => {
      const days = await stations.today(ctx);
      return { key: 'stationDay', count: days.reduce((n, d) => n + d.services, 0), amountFen: Math.max(0, days.reduce((n, d) => n + d.expectedCashFen, 0)), stationDays: days as WorkbenchItem['stationDays'] };
    };
    this.blocks = {
      county_admin: async (ctx) => {
        const [promise, points, toReview] = await Promise.all([logistics.promiseAlerts(ctx), network.points(ctx), sellers.sellersToReview(ctx)]);
        return [
          { key: 'promiseBreaches', count: promise.breaches },
          { key: 'parcelsOverdue', count: promise.overdue },
          { key: 'parcelsAtRisk', count: promise.atRisk },
          { key: 'pointsWithoutOperator', count: points.noOperator },
          { key: 'pointsNotOperating', count: points.notOperating },
          { key: 'sellersToReview', count: toReview },
        ];
      },
      township_operator: async (ctx) => {
        const [points, promise, book] = await Promise.all([network.points(ctx), logistics.promiseAlerts(ctx), stationDay(ctx)]);
        return [
          { key: 'pointsOperating', count: points.operating },
          { key: 'pointsNotOperating', count: points.notOperating },
          { key: 'pointsWithoutOperator', count: points.noOperator },
          { key: 'parcelsOverdue', count: promise.overdue },
          book,
        ];
      },
      village_operator: async (ctx) => {
        const [point, cash, toShip, book] = await Promise.all([logistics.point(ctx), orders.cashToCollect(ctx), orders.toShip(ctx), stationDay(ctx)]);
        return [
          { key: 'parcelsToHandOver', count: point.toHandOver },
          { key: 'cashToCollect', count: cash.orders, amountFen: cash.totalFen },
          { key: 'produceToSendUp', count: point.toSendUp },
          { key: 'ordersToShip', count: toShip },
          book,
        ];
      },
      merchant: async (ctx) => {
        const [toShip, stock] = await Promise.all([orders.toShip(ctx), catalog.seller(ctx)]);
        return [
          { key: 'ordersToShip', count: toShip },
          { key: 'lowStockSkus', count: stock.lowStock },
          { key: 'certificatesExpiring', count: stock.expiringCertificates },
        ];
      },
      courier: async (ctx) => {
        const runs = await logistics.runsToday(ctx);
        return [
          { key: 'runsToday', count: runs.runs },
          { key: 'stopsToday', count: runs.stops },
          { key: 'stopsLeftToday', count: runs.stopsLeft },
        ];
      },
      regulator: async (ctx) => {
        const figures = await oversight.oversight(ctx);
        return [
          { key: 'reviewsPending', count: figures.reviewsPending },
          { key: 'complaints', count: figures.complaints },
          { key: 'recallsOpen', count: figures.recallsOpen },
        ];
      },
      // The trainer's sessions to come (the next few named) and this month's person-times of their sessions and organisers.
      trainer: async (ctx) => {
        const desk = await training.trainer(ctx);
        return [
          { key: 'sessionsUpcoming', count: desk.upcomingSessions, sessions: desk.next },
          { key: 'personTimesThisMonth', count: desk.personTimesThisMonth },
        ];
      },
    };
  }

  /** The caller's name and place, and one block per role it holds (a shopper has none: its home is the shop). */
  async forCaller(ctx: RequestContext): Promise<WorkbenchView> {
    const principal = requireRole(ctx, ...WORKBENCH_ROLES);
    const roles = WORKBENCH_ROLES.filter((role) => principal.roles.includes(role));
    const [place, ...blocks] = await Promise.all([this.ports.network.placeName(ctx), ...roles.map((role) => this.blocks[role](ctx))]);
    return { name: principal.displayName, place, blocks: roles.map((role, i) => ({ role, items: blocks[i] })) };
  }
}
