import type { Clock } from '../../kernel/clock.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { invalidField } from '../../kernel/errors.js';
import type { UplinkPorts } from './ports.js';
import type { Grain } from './schedule-rule.js';
import { PULL_ROLES } from './uplink.schema.js';

const PERIOD_OF: Record<Grain, RegExp> = {
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
};

/** The pull API: the county's figures of a period and the indicator catalogue, for data centres' machine clients. */
export class PullService {
  constructor(
    private readonly ports: UplinkPorts,
    private readonly clock: Clock,
  ) {}

  indicators(ctx: RequestContext) {
    requireRole(ctx, ...PULL_ROLES);
    return { indicators: this.ports.figures.indicators().map((i) => ({ key: i.key, name: i.name, unit: i.unit })) };
  }

  async figures(ctx: RequestContext, grain: Grain, period: string, indicator?: string) {
    requireRole(ctx, ...PULL_ROLES);
    if (!PERIOD_OF[grain].test(period)) throw invalidField('querystring.period', `does not fit the grain ${grain}`);
    if (grain === 'day' && Number.isNaN(Date.parse(`${period}T00:00:00Z`))) throw invalidField('querystring.period', 'is not a date');
    if (indicator !== undefined && !this.ports.figures.indicators().some((i) => i.key === indicator)) throw invalidField('querystring.indicator', 'is not an indicator of the catalogue (GET /api/v1/uplink/indicators)');
    const figures = (await this.ports.figures.period(grain, period))
      .filter((f) => indicator === undefined || f.indicator === indicator)
      .map((f) => ({ indicator: f.indicator, name: f.name, unit: f.unit, value: f.value, previousPeriod: f.previousPeriod, previousYear: f.previousYear, momPct: f.momPct, yoyPct: f.yoyPct, status: f.status }));
    return { county: await this.ports.county.county(), grain, period, generatedAt: this.clock.now().toISOString(), figures };
  }
}
