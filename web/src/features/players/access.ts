import type { User } from '../../api/auth.js';

const has = (user: User, ...roles: User['roles']) => user.roles.some((r) => roles.includes(r));

/** The register: the county office and regulators all of it, a township its own, a merchant the players it owns. */
export const maySeePlayers = (user: User) => has(user, 'county_admin', 'regulator', 'township_operator', 'merchant');
/** Registering a player: the county office, a township operator in its township. */
export const mayRegisterPlayers = (user: User) => has(user, 'county_admin', 'township_operator');
/** Shops, monthly reports and imports: the registrars, and a merchant for its own players. */
export const mayReportShops = (user: User) => has(user, 'county_admin', 'township_operator', 'merchant');
/** Marking a flagged report reviewed. */
export const mayReviewReports = (user: User) => has(user, 'county_admin');
