import type { Role, User } from '../api/auth.js';
import type { Site } from '../api/network.js';
import type { Seller, SellerKind } from '../api/parties.js';
import type { ProducerKind } from '../api/trace-farm.js';

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

/** Market players (市场主体): who reads the register of sellers and households, and who changes it. */
const ALL_SELLERS: Role[] = ['county_admin', 'regulator'];
const APPLICANTS: Role[] = ['merchant', 'village_operator', 'county_admin'];

/** The sellers page: the county office and regulators see every seller, merchants and village operators their own. */
export const maySeeSellers = (user: User) => has(user, ...ALL_SELLERS, ...APPLICANTS);
export const maySeeAllSellers = (user: User) => has(user, ...ALL_SELLERS);
/** 申请入驻: a merchant for itself, a village operator for a farmer it sells for (代卖), the county for anyone. */
export const mayApplySeller = (user: User) => has(user, ...APPLICANTS);
/** Approve, reject, suspend and reinstate sellers. */
export const mayReviewSellers = isCountyAdmin;
/** The kinds of seller a user applies for: a village operator (and nothing more) sells for farmers only. */
export function applicantKinds(user: User): readonly SellerKind[] {
  if (has(user, 'county_admin')) return ['enterprise', 'cooperative', 'individual_business', 'farmer'];
  // A merchant applies for itself; a farmer (with an ID number) is registered by the village point or the county.
  if (has(user, 'merchant')) return ['enterprise', 'cooperative', 'individual_business'];
  return ['farmer'];
}
/** The account that manages a seller; it sees the contact phone in full and may ask for the full ID number. */
export const managesSeller = (user: User, seller: Pick<Seller, 'ownerUserId'>) => seller.ownerUserId === user.id;
/** Contact, address, tags and description: the managing account or the county office. */
export const mayEditSeller = (user: User, seller: Pick<Seller, 'ownerUserId'>) => managesSeller(user, seller) || isCountyAdmin(user);
/** The poor-household register (建档立卡贫困户台账): read by the county office and regulators, kept by the county. */
export const maySeeHouseholds = (user: User) => has(user, ...ALL_SELLERS);
export const mayManageHouseholds = isCountyAdmin;

/** 网店管理: products, stock, orders and presales of the sellers one manages (a village point sells for its farmers). */
export const maySell = (user: User) => has(user, 'merchant', 'village_operator', 'county_admin');
/** 代收订单: the village point collecting cash for the orders that name it. */
export const isPickupPoint = (user: User) => has(user, 'village_operator') && user.scope.kind === 'site';
/** Regional brands and their licences, and the 鲁甸特色馆 curation: the county office. */
export const mayRunMarket = isCountyAdmin;
/** The poverty-alleviation ledger (扶贫台账): the county office and regulators. */
export const maySeeLedger = (user: User) => has(user, ...ALL_SELLERS);
/** Someone who only buys: the shop is all of the platform for them. */
export const isShopperOnly = (user: User) => user.roles.every((r) => r === 'consumer');

/** Parcels, manifests, the unmatched-address queue and the sorting screen: the county warehouse and township stations. */
export const mayHandleParcels = (user: User) => has(user, 'county_admin', 'courier', 'township_operator');
/** Delivery runs and the 48-hour dashboard: those who run logistics, and regulators reading them. */
export const maySeeLogistics = (user: User) => has(user, 'county_admin', 'courier', 'township_operator', 'regulator');
/** Plan and dispatch runs: the county office and the warehouse's couriers. */
export const mayDispatch = (user: User) => has(user, 'county_admin', 'courier');
/** 服务点收发: the village point's phone page for arrivals, pick-up and produce going up. */
export const isParcelPoint = (user: User) => has(user, 'village_operator') && user.scope.kind === 'site';

/** 质量追溯: those who keep farm records (merchants, village and township points, the county office) and regulators, who read. */
const FARM_KEEPERS: Role[] = ['county_admin', 'merchant', 'village_operator', 'township_operator'];
export const maySeeTrace = (user: User) => has(user, ...FARM_KEEPERS, 'regulator');
/** Producers, bases, plots and farm records are written by their keepers; a regulator only reads them. */
export const mayKeepFarmRecords = (user: User) => has(user, ...FARM_KEEPERS);
/** A merchant registers its own seller as a producer; farmers are registered by their point or the county. */
export const producerKinds = (user: User): readonly ProducerKind[] => (has(user, 'county_admin', 'village_operator', 'township_operator') ? ['seller', 'farmer'] : ['seller']);
/** Split, merge, pack and stock batches: those who sell the produce (merchants, village points for farmers, the county). */
export const mayWorkBatches = (user: User) => has(user, 'county_admin', 'merchant', 'village_operator');
/** 准予采收 after a refused harvest: the regulator only. */
export const mayOverrideHarvest = (user: User) => has(user, 'regulator');
/** 发起召回 and 结束召回: the regulator, and the county office too. */
export const mayOpenRecall = (user: User) => has(user, 'regulator', 'county_admin');
/** 投诉 sent from the public scan pages: everyone in traceability (producers see those about their own batches). */
export const maySeeComplaints = (user: User) => maySeeTrace(user);

/** 统计分析: the county office and regulators the county, a township operator its township, a village operator its village. */
export const maySeeStats = (user: User) => has(user, 'county_admin', 'regulator', 'township_operator', 'village_operator');
/** 数据大屏: the county's wall (county office, regulators) and a township's (its operator sees its own township). */
export const mayOpenScreen = (user: User) => has(user, 'county_admin', 'regulator', 'township_operator');
/** 指标说明: whoever reads statistics; 重建统计 the county office only. */
export const maySeeIndicators = maySeeStats;
export const mayRebuildStats = isCountyAdmin;

/** 工作台: every staff role has one (the server's WORKBENCH_ROLES); a shopper's home is the shop. */
export const hasWorkbench = (user: User) => has(user, 'county_admin', 'township_operator', 'village_operator', 'merchant', 'courier', 'regulator', 'trainer');

/** Where a user lands after signing in: the 工作台 for staff, the shop for shoppers. */
export function homePath(user: User): string {
  if (hasWorkbench(user)) return '/workbench';
  if (mayListSites(user)) return '/network/sites';
  const own = ownSiteId(user);
  if (has(user, 'village_operator') && own) return `/network/sites/${own}`;
  if (maySeeSellers(user)) return '/parties/sellers';
  if (isShopperOnly(user)) return '/shop';
  return '/welcome';
}
