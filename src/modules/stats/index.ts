import { subscriber } from '../../kernel/events/index.js';
import { defineModule } from '../../kernel/module.js';
import { STATS_INPUT_EVENTS } from './events.js';
import { Figures, type StatsFigures } from './figures.js';
import { statsInit } from './migrations/2026-12-07-stats.js';
import { statsTrainingTargets } from './migrations/2026-12-10-training-targets.js';
import type { StatsPorts } from './ports.js';
import { StatsRebuilds } from './rebuild.js';
import { Rollups } from './rollups.js';
import { StatsScreen } from './screen.js';
import { StatsSnapshot } from './snapshot.js';
import { StatsRepository } from './stats.repository.js';
import { statsRoutes } from './stats.routes.js';
import { shanghaiToday } from './periods.js';
import { StatsService } from './stats.service.js';

export type { StatsFigures, FigureValue, FigureTarget, BreakdownItem, Place } from './figures.js';
export type { IndicatorDef, Dim, Unit } from './indicators.js';
export type { Grain } from './periods.js';
export type { StatsProducts, StatsPlaces, StatsCoverage, CoverageCounts, DivisionFacts } from './ports.js';
export type { ProductFacts, StatsInput } from './inputs.js';
export { INDICATORS, DIMS, PLATFORM_LABELS, CHANNEL_LABELS, KIND_LABELS } from './indicators.js';
export { GRAINS, periodsOf, previousPeriod, previousYear, monthsOf, checkPeriod } from './periods.js';
export { StatsRepository } from './stats.repository.js';
export { applyInputs } from './rollups.js';
export { StatsRebuilds, REBUILD_JOB, REBUILD_BATCH } from './rebuild.js';

/**
 * 统计: indicators as data, rollups kept from other modules' events (never their tables), figures by period and
 * place with year-on-year, month-on-month and the plan's targets, the data screen's answer, exports, and a rebuild
 * from the module's own permanent copy of the events.
 */
export const statsModule = defineModule({
  name: 'stats',
  tablePrefix: 'stats_',
  summary: '统计 Indicators as data, rollups from events, figures by period and place against the plan’s targets, the data screen, rebuilds',
  migrations: [statsInit, statsTrainingTargets],
  requires: {
    products: 'a paid product’s name, category (farm produce or not), brand, pavilions and traced batches, and its seller’s township and village (catalog, parties, trace)',
    places: 'the county’s townships and villages with their poor flags, a site’s village, the village points (network)',
    coverage: 'today’s coverage counts for the snapshot figures (network)',
  },
  publishes: [],
  build(kernel, ports: StatsPorts) {
    const repo = new StatsRepository(kernel.db, kernel.dialect);
    const figures = new Figures(repo, () => repo.targetRows(), () => shanghaiToday(kernel.clock));
    const stats = new StatsService(repo, figures, ports.places, kernel.clock);
    const rollups = new Rollups(repo, ports.products, ports.places, kernel.clock);
    const rebuilds = new StatsRebuilds(repo, kernel.clock);
    const screen = new StatsScreen(stats, figures, ports.places, kernel.clock);
    const snapshot = new StatsSnapshot(repo, ports.coverage, ports.places, kernel.clock);
    return {
      provides: { figures: figures as StatsFigures, service: stats, rollups, rebuilds, snapshot },
      routes: statsRoutes(stats, screen, rebuilds),
      jobs: [rebuilds.job(), snapshot.job()],
      subscriptions: [subscriber('stats.rollups', STATS_INPUT_EVENTS, (event) => rollups.receive(event))],
    };
  },
});
