import { hasRole, requireRole, signedIn, type RequestContext } from '../../kernel/context.js';
import type { NetworkRepository } from './network.repository.js';

/** The network figures of the 工作台 (workbench module). */
export class NetworkWorkbenchCounts {
  constructor(private readonly repo: NetworkRepository) {}

  /**
   * Village service points by state: operating, not operating (planned, building, suspended or closed), and those
   * with nobody named to run them. A township operator counts its own township's, the county office all of them.
   */
  async points(ctx: RequestContext): Promise<{ total: number; operating: number; notOperating: number; noOperator: number }> {
    const principal = requireRole(ctx, 'county_admin', 'township_operator', 'regulator', 'trainer', 'courier');
    const countyWide = hasRole(ctx, 'county_admin', 'regulator', 'trainer', 'courier');
    const points = await this.repo.listSites({ kind: 'village_point', townshipCode: countyWide ? undefined : principal.scope.id }, Number.MAX_SAFE_INTEGER);
    const operating = points.filter((p) => p.status === 'operating').length;
    return { total: points.length, operating, notOperating: points.length - operating, noOperator: points.filter((p) => !p.operator_name?.trim()).length };
  }

  /** The name of where the caller works: its site, its township or its county (null when the scope names nothing). */
  async placeName(ctx: RequestContext): Promise<string | null> {
    const { scope } = signedIn(ctx);
    if (scope.kind === 'site') return (await this.repo.siteById(scope.id))?.name ?? null;
    return (await this.repo.currentDivision(scope.id))?.name ?? null;
  }
}
