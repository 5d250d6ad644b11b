import type { WorkbenchItemKey } from '../../../api/workbench.js';

/** Where each count's work is done: the page that lists exactly what the count counts (or the closest one). */
export const ITEM_LINKS: Record<WorkbenchItemKey, string> = {
  parcelsToHandOver: '/logistics/point',
  cashToCollect: '/network/pickup-orders',
  produceToSendUp: '/logistics/point?tab=send',
  ordersToShip: '/sales/orders',
  runsToday: '/logistics/runs',
  stopsToday: '/logistics/runs',
  stopsLeftToday: '/logistics/runs',
  lowStockSkus: '/sales/products',
  certificatesExpiring: '/sales/products',
  reviewsPending: '/trace/refusals',
  complaints: '/trace/complaints',
  recallsOpen: '/trace/recalls',
  pointsOperating: '/network/sites?kind=village_point&status=operating',
  pointsNotOperating: '/network/sites?kind=village_point',
  pointsWithoutOperator: '/network/sites?kind=village_point',
  parcelsOverdue: '/logistics/promise',
  parcelsAtRisk: '/logistics/promise',
  promiseBreaches: '/logistics/promise',
  sellersToReview: '/parties/sellers?status=pending',
  sessionsUpcoming: '/training/sessions?status=planned',
  personTimesThisMonth: '/training/progress',
  stationDay: '/station',
};

/** Counts that tell how things stand rather than what waits: never shown as a warning. */
export const FIGURES_ONLY: ReadonlySet<WorkbenchItemKey> = new Set(['pointsOperating', 'runsToday', 'stopsToday', 'sessionsUpcoming', 'personTimesThisMonth', 'stationDay']);
