import type { User } from '../../../api/auth.js';

const has = (user: User, ...roles: User['roles']) => user.roles.some((r) => roles.includes(r));

/** 站点服务概况 and the service ledger: the county office and regulators all sites, a township operator its township's. */
export const maySeeStationFigures = (user: User) => has(user, 'county_admin', 'regulator', 'township_operator');
/** 日结账本 and 服务台账: those, and a village operator its own point's books. */
export const maySeeStationBooks = (user: User) => has(user, 'county_admin', 'regulator', 'township_operator', 'village_operator');
/** 分级标准 and 农资目录: read by every station role; the county office edits them. */
export const maySeeStationConfig = maySeeStationBooks;
export const mayEditStationConfig = (user: User) => has(user, 'county_admin');
/** 代卖结算: the villagers' balances and statements, for the same readers as the books. */
export const maySeeConsignors = maySeeStationBooks;
/** Any page of the 站点服务 console menu. */
export const maySeeStationsConsole = maySeeStationBooks;
/** Pick a township (county-wide readers) or see one's own only. */
export const isStationsCountyReader = (user: User) => has(user, 'county_admin', 'regulator');
