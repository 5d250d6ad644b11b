import type { RequestContext, Role, Scope } from '../kernel/context.js';
import type { Modules } from '../app.js';
import type { DivisionInput, SiteInput } from '../modules/network/index.js';
import { loadDemoCatalog } from './load-demo-catalog.js';
import { loadDemoLogistics } from './load-demo-logistics.js';
import { loadDemoParties } from './load-demo-parties.js';
import { loadDemoOrders, type ModulesAt } from './load-demo-orders.js';
import { loadDemoTrace } from './load-demo-trace.js';
import { loadDemoPlayers } from './load-demo-players.js';
import { loadDemoUplink } from './load-demo-uplink.js';
import { loadDemoTraining } from './load-demo-training.js';
import { loadDemoStations } from './load-demo-stations.js';
import { COUNTY, DEMO_PASSWORD, EXTRA_POINT_VILLAGES, NOT_YET_OPERATING, TARGETS, TOWNSHIPS } from '../seed/ludian.js';

const FROM = '2017-01-01';
const SERVICES_POINT: SiteInput['services'] = ['buy_for', 'sell_for', 'parcels', 'bill_payment', 'cash', 'farm_inputs', 'produce_collection'];
const SERVICES_STATION: SiteInput['services'] = ['buy_for', 'sell_for', 'parcels', 'bill_payment', 'tickets', 'cash', 'farm_inputs', 'produce_collection', 'training'];
const SURNAMES = '张王李赵陈刘杨黄周吴马孔朱胡罗';
const GIVEN = ['建华', '明', '秀英', '志强', '丽', '国平', '海燕', '文', '学军', '春梅', '永福', '小红'];

/** A small deterministic number from a string, so demo figures are the same on every load. */
function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return h;
}

interface VillageSeed {
  code: string;
  name: string;
  kind: 'village' | 'community';
  poor: boolean;
  real: boolean;
  township: (typeof TOWNSHIPS)[number];
}

/** Parses the compact marks of ludian.ts (`*` real, `!` poor, `@201` known code suffix). */
function villagesOf(t: (typeof TOWNSHIPS)[number]): VillageSeed[] {
  const parse = (entry: string, kind: VillageSeed['kind'], index: number): VillageSeed => {
    const [label, suffix] = entry.split('@');
    const name = label.replace(/[*!]/g, '');
    const base = kind === 'community' ? 1 : 201;
    return { code: t.code + (suffix ?? String(base + index).padStart(3, '0')), name, kind, poor: label.includes('!'), real: label.includes('*'), township: t };
  };
  return [...t.communities.map((c, i) => parse(c, 'community', i)), ...t.villages.map((v, i) => parse(v, 'village', i))];
}

export const demoVillages = () => TOWNSHIPS.flatMap(villagesOf);

function demoOperator(key: string, userId: string | null = null) {
  const h = hash(key);
  return {
    userId,
    name: SURNAMES[h % SURNAMES.length] + GIVEN[(h >>> 4) % GIVEN.length],
    phone: `1390870${String(h % 10000).padStart(4, '0')}`,
    poorHousehold: h % 3 === 0,
    disabled: h % 11 === 0,
    partyMember: h % 4 === 0,
  };
}

const jitter = (key: string, scale: number) => ((hash(key) % 1000) / 1000 - 0.5) * scale;

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  scope: Scope;
}

const DEMO_VILLAGE_SITE = 'site_ld3_530621110205';

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'demo.county', displayName: '县工科局 电商办', roles: ['county_admin'], scope: { kind: 'county', id: COUNTY.code } },
  { username: 'demo.township', displayName: '乐红镇服务站', roles: ['township_operator'], scope: { kind: 'township', id: '530621110' } },
  { username: 'demo.village', displayName: '乐红村服务点', roles: ['village_operator'], scope: { kind: 'site', id: DEMO_VILLAGE_SITE } },
  { username: 'demo.merchant', displayName: '鲁甸青花椒合作社', roles: ['merchant'], scope: { kind: 'county', id: COUNTY.code } },
  { username: 'demo.courier', displayName: '县仓配中心 配送员', roles: ['courier'], scope: { kind: 'county', id: COUNTY.code } },
  { username: 'demo.regulator', displayName: '县市场监管局', roles: ['regulator'], scope: { kind: 'county', id: COUNTY.code } },
  { username: 'demo.trainer', displayName: '电商培训讲师', roles: ['trainer'], scope: { kind: 'county', id: COUNTY.code } },
  { username: 'demo.consumer', displayName: '上海买家', roles: ['consumer'], scope: { kind: 'county', id: COUNTY.code } },
  { username: 'demo.datacenter', displayName: '昭通市数据中心', roles: ['data_center'], scope: { kind: 'county', id: COUNTY.code } },
];

function divisionInputs(): DivisionInput[] {
  const list: DivisionInput[] = [{ code: COUNTY.code, name: COUNTY.name, kind: 'county', population: COUNTY.population, validFrom: FROM }];
  for (const t of TOWNSHIPS) {
    const villages = villagesOf(t);
    const populations = villages.map((v) => 2500 + (hash(v.code) % 4000));
    list.push({ code: t.code, name: t.name, kind: t.kind, population: populations.reduce((a, b) => a + b, 0), isPoorTownship: t.poor, validFrom: FROM });
    villages.forEach((v, i) =>
      list.push({ code: v.code, name: v.name, kind: v.kind, population: populations[i], isPoorVillage: v.poor, validFrom: FROM, isDemo: !v.real }),
    );
  }
  return list;
}

function siteInputs(): SiteInput[] {
  const sites: SiteInput[] = [];
  const status = (key: string) => NOT_YET_OPERATING[key] ?? 'operating';
  const county = { divisionCode: COUNTY.code, longitude: COUNTY.lng, latitude: COUNTY.lat, isDemo: true, statusDate: '2018-06-30' };
  sites.push({ ...county, id: 'site_ld1_530621', kind: 'county_centre', name: '鲁甸县电子商务公共服务中心', address: '鲁甸县文屏镇', floorAreaM2: 1200, openingHours: '周一至周日 8:30–18:00', status: 'operating', services: SERVICES_STATION, operator: demoOperator('centre') });
  sites.push({ ...county, id: 'site_ld4_530621', kind: 'county_warehouse', name: '鲁甸县电商仓储物流配送中心', address: '鲁甸县文屏镇物流园', floorAreaM2: 2400, openingHours: '每天 7:00–21:00', status: 'operating', services: ['parcels', 'produce_collection'], operator: demoOperator('warehouse') });
  for (const t of TOWNSHIPS) {
    const place = { divisionCode: t.code, longitude: t.lng, latitude: t.lat, isDemo: true, statusDate: '2018-09-30' };
    sites.push({ ...place, id: `site_ld2_${t.code}`, kind: 'township_station', name: `${t.name}电商服务站`, address: `${t.name}集镇`, floorAreaM2: 120 + (hash(t.code) % 80), openingHours: '每天 8:00–19:00', status: status(`station:${t.code}`), services: SERVICES_STATION, operator: demoOperator(`station:${t.code}`) });
    sites.push({ ...place, id: `site_ld5_${t.code}`, kind: 'township_transfer', name: `${t.name}物流中转站`, address: `${t.name}集镇`, floorAreaM2: 100 + (hash(`tr${t.code}`) % 60), openingHours: '每天 7:00–20:00', status: status(`transfer:${t.code}`), services: ['parcels', 'produce_collection'], operator: demoOperator(`transfer:${t.code}`) });
  }
  const pointVillages = demoVillages().filter((v) => v.poor || EXTRA_POINT_VILLAGES.includes(v.name));
  for (const v of pointVillages) {
    const place = {
      divisionCode: v.code,
      longitude: Number((v.township.lng + jitter(v.code, 0.08)).toFixed(5)),
      latitude: Number((v.township.lat + jitter(`lat${v.code}`, 0.08)).toFixed(5)),
      address: `${v.township.name}${v.name}村委会`,
      isDemo: true,
      statusDate: '2019-03-31',
    };
    const pointStatus = status(`point:${v.name}`);
    sites.push({ ...place, id: `site_ld3_${v.code}`, kind: 'village_point', name: `${v.name}电商服务点`, floorAreaM2: 15 + (hash(v.code) % 30), openingHours: '每天 8:00–20:00', status: pointStatus, services: SERVICES_POINT, operator: demoOperator(`point:${v.code}`) });
    sites.push({ ...place, id: `site_ld6_${v.code}`, kind: 'village_delivery', name: `${v.name}快递收发点`, floorAreaM2: 10, openingHours: '每天 8:00–20:00', status: pointStatus, services: ['parcels'], operator: demoOperator(`point:${v.code}`) });
  }
  return sites;
}

/** Fields of a stored site that the demo sets, to tell whether a reload has anything to change. */
const siteFingerprint = (s: Partial<SiteInput>) =>
  JSON.stringify([s.name, s.address, s.longitude, s.latitude, s.floorAreaM2, s.openingHours, s.status, s.services, s.operator && { ...s.operator, phone: undefined }]);

/**
 * Loads the Ludian demo data through the modules' services: divisions, targets, one account per role, and the
 * whole network. Loading again puts changed demo records back and leaves identical ones untouched.
 */
/**
 * `catalog: false` stops before the products; `modulesAt` (services bound to a given clock) lets the loader write
 * months of order history as it would have happened; without it no orders are made.
 */
export async function loadDemoData(modules: Modules, ctx: RequestContext, opts: { catalog?: boolean; logistics?: boolean; trace?: boolean; photos?: boolean; modulesAt?: ModulesAt } = {}) {
  const { network, identity } = modules;

  const existing = new Map((await network.service.listDivisions(ctx, { history: true })).map((d) => [`${d.code}@${d.validFrom}`, d]));
  const divisions = divisionInputs();
  for (const d of divisions) {
    const have = existing.get(`${d.code}@${d.validFrom}`);
    const same = have && have.validTo === null && have.name === d.name && have.kind === d.kind && have.population === (d.population ?? null) && have.isPoorVillage === !!d.isPoorVillage && have.isPoorTownship === !!d.isPoorTownship && have.isDemo === !!d.isDemo;
    if (!same) await network.service.saveDivision(ctx, d);
  }

  const targets = await network.service.getTargets(ctx);
  if (JSON.stringify(targets) !== JSON.stringify(TARGETS)) await network.service.setTargets(ctx, TARGETS);

  // Sites before accounts: an operator's scope must name a site that exists. The account a site's operator
  // signs in with is linked afterwards, and a reload keeps whatever account a site is linked to.
  const sites = siteInputs();
  for (const site of sites) {
    const have = await network.service.getSite(ctx, site.id!).catch(() => null);
    const wanted = { ...site, operator: site.operator && { ...site.operator, userId: have?.operator?.userId ?? null } };
    if (!have) {
      await network.service.createSite(ctx, wanted);
    } else if (siteFingerprint(have) !== siteFingerprint(wanted)) {
      const { id: _id, kind: _kind, divisionCode: _division, isDemo: _demo, ...changes } = wanted;
      await network.service.updateSite(ctx, site.id!, changes);
    }
  }

  const users: Record<string, string> = {};
  for (const account of DEMO_ACCOUNTS) {
    const id = await identity.service.upsertDemoUser(ctx, { ...account, password: DEMO_PASSWORD, phone: `1380000${String(hash(account.username) % 10000).padStart(4, '0')}` });
    users[account.username] = id;
    if (account.scope.kind === 'site') {
      const site = await network.service.getSite(ctx, account.scope.id);
      if (site.operator?.userId !== id) {
        await network.service.updateSite(ctx, site.id, { operator: demoOperator(`point:${site.divisionCode}`, id) });
      }
    }
  }
  const poorVillages = demoVillages()
    .filter((v) => v.poor)
    .map((v) => ({ code: v.code, townshipCode: v.township.code }));
  const market = await loadDemoParties(modules, ctx, users, poorVillages);
  const catalogue = opts.catalog === false ? { products: 0 } : await loadDemoCatalog(modules, ctx, { photos: opts.photos !== false });
  if (!(await modules.orders.service.fees(1)).items.some((f) => f.townshipCode !== 'parcel')) {
    // Same-town delivery within each township, 3 yuan; a parcel anywhere, 10 yuan.
    await modules.orders.service.setFees(ctx, [{ townshipCode: 'parcel', feeFen: 1000 }, ...TOWNSHIPS.map((t) => ({ townshipCode: t.code, feeFen: 300 }))]);
  }
  const courier = { principal: { userId: users['demo.courier'], username: 'demo.courier', displayName: 'demo.courier', roles: ['courier' as const], scope: { kind: 'county' as const, id: COUNTY.code }, via: 'system' as const }, ip: '127.0.0.1', requestId: 'demo' };
  const logistics = opts.logistics === false ? { parcels: 0, routes: 0 } : await loadDemoLogistics(modules, courier, modules.logistics.clock.now());
  const history = opts.catalog !== false && opts.modulesAt ? await loadDemoOrders(opts.modulesAt, users, new Date()) : { orders: 0 };
  const traced = opts.catalog !== false && opts.trace !== false ? await loadDemoTrace(modules, ctx, users) : { batches: 0 };
  const external = await loadDemoPlayers(modules, users);
  const training = await loadDemoTraining(modules, users, opts.modulesAt);
  const stations = opts.modulesAt ? await loadDemoStations(opts.modulesAt, users) : { stationRecords: 0 };
  await loadDemoUplink(modules, ctx);
  return { divisions: divisions.length, sites: sites.length, accounts: DEMO_ACCOUNTS.length, ...market, ...catalogue, ...history, ...logistics, ...traced, externalPlayers: external.players, externalShops: external.shops, externalReports: external.reports, ...training, ...stations };
}
