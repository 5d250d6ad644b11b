import type { Clock } from '../../kernel/clock.js';
import { recordAudit } from '../../kernel/audit.js';
import { requireRole, type RequestContext } from '../../kernel/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../kernel/errors.js';
import { pageOf, type PageResult } from '../../kernel/http/paging.js';
import type { Figures, FigureValue, Place } from './figures.js';
import { DIMS, INDICATORS, indicatorOf, type Dim } from './indicators.js';
import { checkPeriod, shanghaiToday, type Grain } from './periods.js';
import type { DivisionFacts, StatsPlaces } from './ports.js';
import type { StatsRepository } from './stats.repository.js';
import { STATS_ADMIN, STATS_READERS, type FiguresAnswerView, type IndicatorView, type PlaceRow, type TargetInput, type TargetView } from './stats.schema.js';
import type { StatsTargetRow } from './stats.tables.js';

/** Where a caller may look: the whole county, one township (and its villages) or one village. */
export interface StatsScope {
  kind: 'county' | 'township' | 'village';
  township: string | null;
  village: string | null;
}

/**
 * The statistics the console, the data screen and exports read: each call checks who asks and where they may look
 * (county admin and regulator the county; a township operator its township; a village operator its village).
 */
export class StatsService {
  private divisions: { at: number; rows: DivisionFacts[] } | null = null;

  constructor(
    readonly repo: StatsRepository,
    readonly figures: Figures,
    private readonly places: StatsPlaces,
    private readonly clock: Clock,
  ) {}

  // ---- scope ----

  async scopeOf(ctx: RequestContext): Promise<StatsScope> {
    const p = requireRole(ctx, ...STATS_READERS);
    if (p.roles.includes('county_admin') || p.roles.includes('regulator')) return { kind: 'county', township: null, village: null };
    if (p.roles.includes('township_operator') && p.scope.kind === 'township') return { kind: 'township', township: p.scope.id, village: null };
    if (p.roles.includes('village_operator') && p.scope.kind === 'site') {
      const site = await this.places.siteVillage(p.scope.id);
      if (site?.villageCode) return { kind: 'village', township: site.townshipCode ?? site.villageCode.slice(0, 9), village: site.villageCode };
    }
    throw forbidden('统计数据只对县、乡镇和村级服务点开放 Statistics are for the county, a township or a village point');
  }

  /** The place asked for, within the caller's scope (an operator who asks for nothing gets its own place). */
  async placeFor(ctx: RequestContext, asked: Place): Promise<Place> {
    const scope = await this.scopeOf(ctx);
    if (asked.village && asked.township && !asked.village.startsWith(asked.township)) throw invalidField('village', `村 ${asked.village} 不在乡镇 ${asked.township} The village is not in that township`);
    if (scope.kind === 'county') return asked;
    const outside = () => forbidden('只能查看本辖区的统计 You may see the statistics of your own place only');
    if (scope.kind === 'township') {
      if (asked.township && asked.township !== scope.township) throw outside();
      if (asked.village && !asked.village.startsWith(scope.township!)) throw outside();
      return { township: scope.township!, ...(asked.village && { village: asked.village }) };
    }
    // A village point sees its village: a township (even its own) asked without the village is outside.
    if (asked.township && (asked.township !== scope.township || !asked.village)) throw outside();
    if (asked.village && asked.village !== scope.village) throw outside();
    return { township: scope.township!, village: scope.village! };
  }

  private async requireCounty(ctx: RequestContext): Promise<void> {
    const scope = await this.scopeOf(ctx);
    if (scope.kind !== 'county') throw forbidden('全县统计只对县级用户开放 County-wide statistics are for the county');
  }

  // ---- catalogue and targets ----

  async indicators(ctx: RequestContext, limit: number, cursor?: string): Promise<PageResult<IndicatorView>> {
    await this.scopeOf(ctx);
    const rows = INDICATORS.map((d, i) => ({
      sort: String(i).padStart(4, '0'),
      view: { key: d.key, name: d.name, nameEn: d.nameEn, unit: d.unit, definition: d.definition, formula: d.formula, kind: d.kind, numerator: d.numerator ?? null, denominator: d.denominator ?? null, dims: d.dims, sources: d.sources, owner: d.owner, status: d.status, headline: d.headline, monthlyOnly: d.monthlyOnly ?? false },
    }));
    const page = pageOf(rows, limit, cursor, (r) => r.sort);
    return { items: page.items.map((r) => r.view), nextCursor: page.nextCursor };
  }

  async targetRows(): Promise<StatsTargetRow[]> {
    return this.repo.targetRows();
  }

  async targets(ctx: RequestContext, limit: number, cursor?: string): Promise<PageResult<TargetView>> {
    await this.scopeOf(ctx);
    const rows = await this.targetRows();
    const page = pageOf(rows, limit, cursor, (r) => `${String(r.sort).padStart(6, '0')}:${r.id}`);
    return { items: page.items.map(targetView), nextCursor: page.nextCursor };
  }

  async updateTarget(ctx: RequestContext, id: string, input: TargetInput): Promise<TargetView> {
    const p = requireRole(ctx, ...STATS_ADMIN);
    return this.repo.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('stats_targets').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('Target');
      const next = {
        label: input.label ?? row.label,
        value: input.value === undefined ? row.value : input.value,
        growth_pct: input.growthPct === undefined ? row.growth_pct : input.growthPct,
        due: input.due === undefined ? row.due : input.due,
      };
      if (next.value === null && next.growth_pct === null) throw invalidField('value', '目标值和增长率至少填一项 A target needs a value or a growth rate');
      if (next.due !== null) checkPeriod('day', next.due, 'due');
      const at = this.clock.now().toISOString();
      await trx.updateTable('stats_targets').set({ ...next, updated_at: at, updated_by: p.username }).where('id', '=', id).execute();
      await recordAudit(trx, ctx, { action: 'stats.target-updated', entityType: 'stats_target', entityId: id, details: next });
      return targetView({ ...row, ...next, updated_at: at, updated_by: p.username });
    });
  }

  // ---- figures ----

  async figuresAt(ctx: RequestContext, grain: Grain, period: string, asked: Place): Promise<FiguresAnswerView> {
    const place = await this.placeFor(ctx, asked);
    const figures = await this.figures.period(grain, period, place);
    return { grain, period, place: await this.placeView(place), figures };
  }

  async series(ctx: RequestContext, q: { indicator: string; grain: Grain; from: string; to: string; dim?: Dim; dimValue?: string }) {
    const def = indicatorOf(q.indicator);
    if (!def) throw invalidField('indicator', `没有指标 ${q.indicator} No such indicator`);
    const scope = await this.scopeOf(ctx);
    let { dim, dimValue } = q;
    if (scope.kind !== 'county') {
      if (!dim) {
        dim = scope.kind === 'village' ? 'village' : 'township';
        dimValue = scope.kind === 'village' ? scope.village! : scope.township!;
      } else if (dim === 'township' || dim === 'village') {
        await this.placeFor(ctx, dim === 'township' ? { township: dimValue } : { village: dimValue });
      } else throw forbidden('按类目、品牌等分项的统计只对县级用户开放 Breakdowns other than by place are for the county');
    }
    const points = await this.figures.series({ ...q, dim, dimValue });
    return { indicator: def.key, name: def.name, unit: def.unit, points };
  }

  async breakdown(ctx: RequestContext, q: { indicator: string; grain: Grain; period: string; dim: Dim; township?: string; limit?: number; cursor?: string }) {
    const def = indicatorOf(q.indicator);
    if (!def) throw invalidField('indicator', `没有指标 ${q.indicator} No such indicator`);
    if (!DIMS.includes(q.dim)) throw invalidField('dim', `no dimension ${q.dim}`);
    const scope = await this.scopeOf(ctx);
    let township = q.township;
    if (scope.kind === 'village') throw forbidden('村级只能查看本村统计 A village point sees its own village');
    if (scope.kind === 'township') {
      if (q.dim !== 'village') throw forbidden('乡镇只能按村查看分项 A township sees its villages');
      if (township && township !== scope.township) throw forbidden('只能查看本辖区的统计 You may see the statistics of your own place only');
      township = scope.township!;
    }
    const { limit = 50, cursor, ...query } = q;
    const ranked = (await this.figures.breakdown({ ...query, township })).map((item, rank) => ({ item, rank: String(rank).padStart(6, '0') }));
    const page = pageOf(ranked, limit, cursor, (r) => r.rank);
    return { indicator: def.key, name: def.name, unit: def.unit, dim: q.dim, items: page.items.map((r) => r.item), nextCursor: page.nextCursor };
  }

  /** The children of a place with their headline figures: the county's townships, or a township's villages. */
  async children(ctx: RequestContext, grain: Grain, period: string, township: string | undefined): Promise<PlaceRow[]> {
    checkPeriod(grain, period);
    const place = await this.placeFor(ctx, { township });
    const scope = await this.scopeOf(ctx);
    if (scope.kind === 'village') throw forbidden('村级没有下级 A village has no places under it');
    const divisions = await this.divisionList();
    const level: 'township' | 'village' = place.township ? 'village' : 'township';
    const rows = divisions.filter((d) => d.level === level && (level === 'township' || d.parentCode === place.township));
    const points = await this.places.points();
    const operating = new Map<string, number>();
    for (const p of points.filter((p) => p.operating)) {
      const key = level === 'township' ? (p.townshipCode ?? p.villageCode.slice(0, 9)) : p.villageCode;
      operating.set(key, (operating.get(key) ?? 0) + 1);
    }
    const keys = ['online_retail_fen', 'parcels_down', 'parcels_up', 'on_time_share', 'poor_households_benefiting', 'training_person_times', 'training_poor_person_times'];
    const by = await this.figures.valuesByMany(keys.map((k) => indicatorOf(k)!), grain, period, level);
    const [sales, down, up, onTime, households, trained, poorTrained] = keys.map((k) => by.get(k)!);
    return rows.map((d) => ({
      code: d.code,
      name: d.name,
      level,
      isPoor: d.isPoor,
      points: operating.get(d.code) ?? 0,
      onlineRetailFen: sales.get(d.code) ?? 0,
      parcelsDown: down.get(d.code) ?? 0,
      parcelsUp: up.get(d.code) ?? 0,
      onTimeShare: onTime.get(d.code) ?? null,
      poorHouseholdsBenefiting: households.get(d.code) ?? 0,
      trainingPersonTimes: trained.get(d.code) ?? 0,
      trainingPoorPersonTimes: poorTrained.get(d.code) ?? 0,
    }));
  }

  async childrenPage(ctx: RequestContext, q: { grain: Grain; period: string; township?: string; limit: number; cursor?: string }): Promise<PageResult<PlaceRow>> {
    return pageOf(await this.children(ctx, q.grain, q.period, q.township), q.limit, q.cursor, (r) => r.code);
  }

  async divisionList(): Promise<DivisionFacts[]> {
    const now = this.clock.now().getTime();
    if (!this.divisions || now - this.divisions.at > 60_000) this.divisions = { at: now, rows: await this.places.divisions() };
    return this.divisions.rows;
  }

  async placeView(place: Place): Promise<FiguresAnswerView['place']> {
    const divisions = await this.divisionList();
    const code = place.village ?? place.township;
    if (!code) {
      const county = await this.places.county();
      return { level: 'county', code: county.code, name: county.name };
    }
    const d = divisions.find((x) => x.code === code);
    if (!d) throw invalidField(place.village ? 'village' : 'township', `没有这个${place.village ? '村' : '乡镇'} ${code} No such place in force`);
    return { level: d.level, code: d.code, name: d.name };
  }

  async requireCountyReader(ctx: RequestContext): Promise<void> {
    await this.requireCounty(ctx);
  }

  today(): string {
    return shanghaiToday(this.clock);
  }

  async headline(figures: FigureValue[], keys: string[]) {
    return keys.map((k) => figures.find((f) => f.indicator === k)!).map((f) => ({ indicator: f.indicator, name: f.name, unit: f.unit, value: f.value, yoyPct: f.yoyPct, momPct: f.momPct }));
  }
}

export function targetView(r: StatsTargetRow): TargetView {
  return { id: r.id, indicator: r.indicator, indicatorName: indicatorOf(r.indicator)?.name ?? r.indicator, label: r.label, value: r.value === null ? null : Number(r.value), growthPct: r.growth_pct === null ? null : Number(r.growth_pct), due: r.due, updatedAt: r.updated_at, updatedBy: r.updated_by };
}

export const rebuildConflict = () => new AppError(409, 'REBUILD_RUNNING', '统计正在重建 A rebuild is already running');
