import { hasRole, requireRole, type RequestContext } from '../../kernel/context.js';
import { forbidden } from '../../kernel/errors.js';
import type { StationPlaces, StationSite } from './ports.js';

/** Who records at a till: village operators at their point, township operators at their township's station. */
export const RECORDERS = ['village_operator', 'township_operator'] as const;
/** Who reads records, days and stock (each in its own sight). */
export const READERS = ['county_admin', 'regulator', 'township_operator', 'village_operator'] as const;
/** Who changes the configuration (grade standards and prices, the farm-input catalogue). */
export const CONFIGURERS = ['county_admin'] as const;

/** What part of the stations' records a caller reads. */
export type Sight = { kind: 'all' } | { kind: 'township'; code: string } | { kind: 'site'; siteId: string; townshipCode: string };

/** The caller's sight: everything (county, regulator), its township, or its own site; 403 for anyone else. */
export async function sightOf(ctx: RequestContext, places: StationPlaces): Promise<Sight> {
  const principal = requireRole(ctx, ...READERS);
  if (hasRole(ctx, 'county_admin', 'regulator')) return { kind: 'all' };
  if (hasRole(ctx, 'township_operator') && principal.scope.kind === 'township') return { kind: 'township', code: principal.scope.id };
  if (hasRole(ctx, 'village_operator') && principal.scope.kind === 'site') {
    const site = await places.site(principal.scope.id);
    return { kind: 'site', siteId: principal.scope.id, townshipCode: site?.townshipCode ?? '' };
  }
  throw forbidden('该账号没有站点服务范围 This account has no stations scope');
}

/** Whether a sight covers a site. */
export const sees = (sight: Sight, site: { id: string; townshipCode: string }) =>
  sight.kind === 'all' || (sight.kind === 'township' && site.townshipCode === sight.code) || (sight.kind === 'site' && site.id === sight.siteId);

/** The site a caller reads, or 403 (a site out of sight answers like a site it may not read). */
export async function readableSite(ctx: RequestContext, places: StationPlaces, siteId: string): Promise<StationSite> {
  const sight = await sightOf(ctx, places);
  const site = await places.site(siteId);
  if (!site || !sees(sight, site)) throw forbidden('不能查看该站点 You may not read this site');
  return site;
}

/** Whether the caller records at this site: its own point (village), its township's operating station (township). */
export function mayRecordAt(ctx: RequestContext, site: StationSite): boolean {
  const principal = ctx.principal;
  if (!principal || !site.operating) return false;
  if (hasRole(ctx, 'village_operator') && principal.scope.kind === 'site' && principal.scope.id === site.id) return true;
  if (hasRole(ctx, 'township_operator') && principal.scope.kind === 'township' && site.kind === 'township_station' && site.townshipCode === principal.scope.id) return true;
  return false;
}

const NOT_OPERATING: Partial<Record<StationSite['status'], string>> = {
  suspended: '站点已暂停服务，不能记账',
  closed: '站点已关闭，不能记账',
  planned: '站点尚未开始运营，不能记账',
  building: '站点尚未开始运营，不能记账',
};

/** The site a caller records at, or 403 for the whole batch. */
export async function recordingSite(ctx: RequestContext, places: StationPlaces, siteId: string): Promise<StationSite> {
  requireRole(ctx, ...RECORDERS);
  // Read fresh, not from the places' cache: a point suspended a moment ago on another process records no more.
  const site = await places.siteNow(siteId);
  if (!site || !mayRecordAt(ctx, site)) {
    // The caller's own site, not operating: say why, so the operator knows it is not the phone or the account.
    if (site && !site.operating && mayRecordAt(ctx, { ...site, operating: true })) throw forbidden(NOT_OPERATING[site.status] ?? '站点未在运营，不能记账');
    throw forbidden('不能在该站点记账 You may not record at this site');
  }
  return site;
}

/** Every operating site the caller records at. */
export async function sitesICanRecordAt(ctx: RequestContext, places: StationPlaces): Promise<StationSite[]> {
  const principal = ctx.principal;
  if (!principal || !hasRole(ctx, ...RECORDERS)) return [];
  if (principal.scope.kind === 'site') {
    // Read fresh, as a batch's check is: a point suspended a moment ago is not offered to record at.
    const site = await places.siteNow(principal.scope.id);
    return site && mayRecordAt(ctx, site) ? [site] : [];
  }
  if (principal.scope.kind === 'township') return (await places.sitesOfTownship(principal.scope.id)).filter((s) => mayRecordAt(ctx, s));
  return [];
}
