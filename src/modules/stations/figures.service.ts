import { shanghaiDate, type Clock } from '../../kernel/clock.js';
import type { RequestContext } from '../../kernel/context.js';
import { forbidden, invalidField, notFound } from '../../kernel/errors.js';
import { sightOf } from './access.js';
import { SERVICE_KINDS, SERVICE_KIND_LABELS, type ServiceKind, type StationSiteKind } from './events.js';
import { figuresWorkbook } from './figures-workbook.js';
import { daysBetween, groupFigures, type FigureGroup, type FigureRow, type RowKey, type ServiceFigure } from './figures-rule.js';
import type { FiguresRepository, FigureWhere } from './figures.repository.js';
import type { StationPlaces, StationSite } from './ports.js';

/** The longest span one question may cover (a year and a day: a leap year's whole). */
export const MAX_SPAN_DAYS = 366;

export interface FiguresQuery {
  from?: string;
  to?: string;
  groupBy?: FigureGroup;
  township?: string;
  siteId?: string;
}

/** A row as the API answers it: for a site, also its township's name and its kind. */
export interface FigureRowView extends Omit<FigureRow, 'services'> {
  /** Every kind, zero when none. */
  services: Record<ServiceKind, ServiceFigure>;
  townshipName: string | null;
  siteKind: StationSiteKind | null;
}

export interface FiguresView {
  from: string;
  to: string;
  groupBy: FigureGroup;
  rows: FigureRowView[];
  total: FigureRowView;
}

/** The three groupings the workbook holds, as the sheets show them. */
export interface FiguresBook {
  from: string;
  to: string;
  /** Where the figures are of: 鲁甸县, a township's name or a site's name. */
  placeLabel: string;
  bySite: FigureRowView[];
  byTownship: FigureRowView[];
  byService: FigureRowView[];
  total: FigureRowView;
}

const siteOrder = (a: StationSite, b: StationSite) => a.townshipCode.localeCompare(b.townshipCode) || (a.kind === b.kind ? 0 : a.kind === 'township_station' ? -1 : 1) || a.name.localeCompare(b.name, 'zh-CN');

/**
 * 站点服务 figures (the daily book summed): per point, township, kind or day over a span of Shanghai days, in the
 * caller's sight — a point its own, a township its station and points, the county and regulators all. Every figure
 * is summed from the records not voided, the days and the parcels (figures.repository.ts, figures-rule.ts), so the
 * totals are those of `GET /stations/records` for the same span.
 */
export class FiguresService {
  constructor(
    private readonly repo: FiguresRepository,
    private readonly places: StationPlaces,
    private readonly clock: Clock,
  ) {}

  async figures(ctx: RequestContext, q: FiguresQuery): Promise<FiguresView> {
    const { where, sites, from, to } = await this.resolve(ctx, q);
    const group = q.groupBy ?? 'site';
    const { rows, total } = await this.grouped(where, sites, group, from, to);
    return { from, to, groupBy: group, rows, total };
  }

  /** The same question as a workbook: 按站点, 按乡镇, 按服务类型, each with its totals row. */
  async workbook(ctx: RequestContext, q: FiguresQuery): Promise<{ fileName: string; asciiName: string; body: Buffer }> {
    const { where, sites, from, to, placeLabel } = await this.resolve(ctx, q);
    const [bySite, byTownship, byService] = await Promise.all((['site', 'township', 'service'] as const).map((g) => this.grouped(where, sites, g, from, to)));
    const book: FiguresBook = { from, to, placeLabel, bySite: bySite!.rows, byTownship: byTownship!.rows, byService: byService!.rows, total: bySite!.total };
    // A few hundred rows at most (one a site): built here, as the statistics' export is, not on the offload pool.
    const body = await figuresWorkbook(book);
    return { fileName: `${placeLabel}站点服务统计（${from}至${to}）.xlsx`, asciiName: `station-figures-${from}-${to}.xlsx`, body };
  }

  private async grouped(where: FigureWhere, sites: StationSite[], group: FigureGroup, from: string, to: string): Promise<{ rows: FigureRowView[]; total: FigureRowView }> {
    const cells = await this.repo.cells(where);
    const byId = new Map(sites.map((s) => [s.id, s]));
    const townships = new Map<string, string>();
    for (const s of sites) townships.set(s.townshipCode, s.townshipName);
    let listed: RowKey[];
    if (group === 'site') listed = sites.map((s) => ({ key: s.id, name: s.name }));
    else if (group === 'township') listed = [...townships].sort(([a], [b]) => a.localeCompare(b)).map(([key, name]) => ({ key, name }));
    else if (group === 'service') listed = SERVICE_KINDS.map((k) => ({ key: k, name: SERVICE_KIND_LABELS[k] }));
    else listed = daysBetween(from, to).map((d) => ({ key: d, name: d }));
    // A site or township with records but no longer operating (the network answers only operating ones) keeps its rows.
    const unknown = new Set<string>();
    const { rows, total } = groupFigures(cells, group, SERVICE_KINDS, listed, (key) => {
      unknown.add(key);
      return key;
    });
    for (const key of unknown) {
      const row = rows.find((r) => r.key === key)!;
      if (group === 'site') {
        const site = await this.places.site(key);
        row.name = site?.name ?? '已停用的站点';
        if (site) byId.set(key, site);
      } else if (group === 'township') row.name = (await this.places.townshipName(key)) ?? '未知乡镇';
    }
    const view = (r: FigureRow): FigureRowView => {
      const site = group === 'site' ? byId.get(r.key) : undefined;
      return { ...r, services: r.services as Record<ServiceKind, ServiceFigure>, townshipName: site?.townshipName ?? null, siteKind: site?.kind ?? null };
    };
    return { rows: rows.map(view), total: { ...total, services: total.services as Record<ServiceKind, ServiceFigure>, townshipName: null, siteKind: null } };
  }

  /** The span (this month so far by default) and the sites the question covers, within the caller's sight. */
  private async resolve(ctx: RequestContext, q: FiguresQuery): Promise<{ where: FigureWhere; sites: StationSite[]; from: string; to: string; placeLabel: string }> {
    const sight = await sightOf(ctx, this.places);
    const today = shanghaiDate(this.clock.now());
    const to = q.to ?? today;
    const from = q.from ?? (q.to ? `${q.to.slice(0, 7)}-01` : `${today.slice(0, 7)}-01`);
    if (from > to) throw invalidField('querystring.to', '截止日期不能早于开始日期 must not be before from');
    if (daysBetween(from, to).length > MAX_SPAN_DAYS) throw invalidField('querystring.to', `一次最多统计 ${MAX_SPAN_DAYS} 天 at most ${MAX_SPAN_DAYS} days at a time`);
    const outside = () => forbidden('只能查看本辖区站点的统计 You may see the figures of your own sites only');

    if (sight.kind === 'site') {
      if (q.siteId && q.siteId !== sight.siteId) throw outside();
      if (q.township && q.township !== sight.townshipCode) throw outside();
      const site = await this.places.site(sight.siteId);
      return { where: { from, to, siteIds: [sight.siteId] }, sites: site ? [site] : [], from, to, placeLabel: site?.name ?? '' };
    }
    const township = sight.kind === 'township' ? sight.code : q.township;
    if (sight.kind === 'township' && q.township && q.township !== sight.code) throw outside();
    if (q.siteId) {
      const site = await this.places.site(q.siteId);
      if (!site) throw notFound('Site');
      if (sight.kind === 'township' && site.townshipCode !== sight.code) throw outside();
      if (township && site.townshipCode !== township) throw invalidField('querystring.siteId', '该站点不在所选乡镇 The site is not in that township');
      return { where: { from, to, siteIds: [site.id] }, sites: [site], from, to, placeLabel: site.name };
    }
    if (township) {
      const sites = [...(await this.places.sitesOfTownship(township))].sort(siteOrder);
      const name = (await this.places.townshipName(township)) ?? sites[0]?.townshipName;
      if (!name) throw invalidField('querystring.township', '没有这个乡镇 No such township');
      return { where: { from, to, township }, sites, from, to, placeLabel: name };
    }
    const sites = [...(await this.places.allSites())].sort(siteOrder);
    return { where: { from, to }, sites, from, to, placeLabel: '全县' };
  }
}
