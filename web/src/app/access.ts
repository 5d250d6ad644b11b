import type { Role, User } from '../api/auth.js';
import type { Site } from '../api/network.js';

/** Roles that see the whole county's network (the server's COUNTY_READERS). */
const COUNTY_WIDE: Role[] = ['county_admin', 'regulator', 'trainer', 'courier'];

const has = (user: User, ...roles: Role[]) => user.roles.some((r) => roles.includes(r));

export const isCountyAdmin = (user: User) => has(user, 'county_admin');
export const isCountyWide = (user: User) => has(user, ...COUNTY_WIDE);
export const isTownshipOperator = (user: User) => !isCountyWide(user) && has(user, 'township_operator');
export const isVillageOperator = (user: User) => !isCountyWide(user) && !has(user, 'township_operator') && has(user, 'village_operator');

/** The sites list and the coverage dashboard: county-wide roles and township operators. */
export const mayListSites = (user: User) => isCountyWide(user) || has(user, 'township_operator');
export const maySeeCoverage = mayListSites;
/** Any part of the service network at all. */
export const maySeeNetwork = (user: User) => mayListSites(user) || has(user, 'village_operator');

/** The village operator's own site, from the user's scope. */
export const ownSiteId = (user: User) => (user.scope.kind === 'site' ? user.scope.id : null);

/** The county changes any site, a township operator the sites of its township, a village operator its own site. */
export function mayEditSite(user: User, site: Pick<Site, 'id' | 'townshipCode'>): boolean {
  if (isCountyAdmin(user)) return true;
  if (has(user, 'township_operator') && user.scope.kind === 'township' && site.townshipCode === user.scope.id) return true;
  return has(user, 'village_operator') && user.scope.kind === 'site' && site.id === user.scope.id;
}

/** Only the county or the site's township appoints its operator. */
export function mayAppointOperator(user: User, site: Pick<Site, 'townshipCode'>): boolean {
  if (isCountyAdmin(user)) return true;
  return has(user, 'township_operator') && user.scope.kind === 'township' && site.townshipCode === user.scope.id;
}

/** Where a user lands after signing in. */
export function homePath(user: User): string {
  if (mayListSites(user)) return '/network/sites';
  const own = ownSiteId(user);
  if (has(user, 'village_operator') && own) return `/network/sites/${own}`;
  return '/welcome';
}
