import type { Modules } from '../app.js';
import type { RequestContext, Role } from '../kernel/context.js';
import { creditCodeCheck, organisationCodeCheck } from '../modules/parties/index.js';
import type { Platform, PlayerKind } from '../modules/players/index.js';

/** A small deterministic number from a string, so demo figures are the same on every load. */
function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return h;
}
/** A deterministic fraction in [0, 1). */
const unit = (key: string) => (hash(key) % 10_000) / 10_000;

type Produce = 'pepper' | 'apple' | 'walnut' | 'tianma' | 'potato' | 'beef' | 'honey' | 'mixed';

/** Month factors, January first: pepper (青花椒) peaks August–October, apples September–November, walnuts autumn. */
const SEASON: Record<Produce, number[]> = {
  pepper: [0.6, 0.5, 0.5, 0.5, 0.6, 0.8, 1.2, 2.2, 2.6, 1.8, 0.9, 0.8],
  apple: [0.9, 0.8, 0.7, 0.6, 0.6, 0.6, 0.7, 0.9, 2.2, 2.4, 2.0, 1.3],
  walnut: [0.9, 0.7, 0.5, 0.5, 0.5, 0.5, 0.6, 0.8, 1.8, 2.0, 1.7, 1.5],
  tianma: [1.2, 1.0, 0.8, 0.8, 0.8, 0.8, 0.8, 0.9, 1.0, 1.2, 1.4, 1.3],
  potato: [0.8, 0.7, 0.7, 0.7, 0.8, 0.9, 1.2, 1.4, 1.5, 1.3, 1.1, 0.9],
  beef: [1.6, 1.4, 0.8, 0.8, 0.8, 0.7, 0.7, 0.8, 0.9, 1.0, 1.2, 1.3],
  honey: [1.1, 1.0, 0.8, 0.8, 0.9, 0.9, 0.9, 1.0, 1.1, 1.1, 1.2, 1.2],
  mixed: [1.2, 1.1, 0.7, 0.7, 0.8, 0.8, 0.8, 1.0, 1.3, 1.3, 1.4, 1.2],
};
/** Average order (fen) by produce. */
const ORDER_FEN: Record<Produce, number> = { pepper: 5_800, apple: 7_900, walnut: 8_800, tianma: 16_800, potato: 3_900, beef: 9_800, honey: 8_600, mixed: 12_800 };

interface DemoShop {
  platform: Platform;
  name: string;
  openedOn: string;
  /** Sales a year (yuan) at the start of the two years shown. */
  yearYuan: number;
  closedOn?: string;
}

interface DemoPlayer {
  name: string;
  kind: PlayerKind;
  serial: number;
  township: string;
  village?: string;
  contact: string;
  produce: Produce;
  /** Share of sales that is farm produce. */
  produceShare: number;
  owner?: 'demo.merchant';
  notes?: string;
  shops: DemoShop[];
}

/** Ludian's players selling on other platforms (invented, flagged demo); three of them carry real weight. */
const DEMO_PLAYERS: DemoPlayer[] = [
  { name: '云南鲁甸绿源农业开发有限公司', kind: 'enterprise', serial: 201, township: '530621101', contact: '张海燕', produce: 'apple', produceShare: 1, notes: '县级龙头企业，昭通苹果冷库 5 000 吨', shops: [
    { platform: 'tmall', name: '绿源昭通苹果旗舰店', openedOn: '2019-08-20', yearYuan: 4_200_000 },
    { platform: 'jd', name: '绿源农业京东自营专区', openedOn: '2020-09-01', yearYuan: 2_300_000 },
    { platform: 'douyin', name: '绿源苹果抖音小店', openedOn: '2022-07-15', yearYuan: 1_100_000 },
    { platform: 'pdd', name: '绿源鲜果拼多多店', openedOn: '2025-06-01', yearYuan: 900_000 },
  ] },
  { name: '昭通鲁甸花椒产业发展有限公司', kind: 'enterprise', serial: 202, township: '530621110', contact: '王学军', produce: 'pepper', produceShare: 1, notes: '鲁甸青花椒地理标志使用企业', shops: [
    { platform: 'tmall', name: '鲁甸青花椒天猫旗舰店', openedOn: '2020-03-10', yearYuan: 3_600_000 },
    { platform: 'pdd', name: '鲁甸花椒拼多多官方店', openedOn: '2021-05-01', yearYuan: 1_800_000 },
    { platform: 'douyin', name: '鲁甸花椒产业抖音号', openedOn: '2023-06-18', yearYuan: 1_200_000 },
  ] },
  { name: '鲁甸县云品汇电子商务有限公司', kind: 'service_firm', serial: 203, township: '530621101', contact: '李文', produce: 'mixed', produceShare: 0.75, notes: '县电商公共服务中心运营企业，代运营 20 余家合作社网店', shops: [
    { platform: 'taobao', name: '鲁甸特产馆', openedOn: '2019-05-01', yearYuan: 1_900_000 },
    { platform: 'wechat', name: '云品汇鲁甸好物', openedOn: '2020-11-11', yearYuan: 1_000_000 },
    { platform: 'kuaishou', name: '云品汇乡村直播间', openedOn: '2023-03-01', yearYuan: 800_000 },
  ] },
  { name: '鲁甸县乐红青花椒种植专业合作社', kind: 'cooperative', serial: 204, township: '530621110', village: '530621110205', contact: '马建国', produce: 'pepper', produceShare: 1, owner: 'demo.merchant', shops: [
    { platform: 'taobao', name: '乐红青花椒合作社', openedOn: '2020-07-01', yearYuan: 420_000 },
    { platform: 'douyin', name: '乐红花椒马建国', openedOn: '2024-06-01', yearYuan: 260_000 },
  ] },
  { name: '鲁甸县龙头山苹果产销专业合作社', kind: 'cooperative', serial: 205, township: '530621103', village: '530621103202', contact: '陈志强', produce: 'apple', produceShare: 1, shops: [
    { platform: 'pdd', name: '龙头山高原苹果', openedOn: '2020-09-15', yearYuan: 560_000 },
    { platform: 'weidian', name: '龙头山苹果微店', openedOn: '2019-10-01', yearYuan: 90_000, closedOn: '2025-12-31' },
  ] },
  { name: '鲁甸县龙树大麻核桃专业合作社', kind: 'cooperative', serial: 206, township: '530621107', village: '530621107201', contact: '李永福', produce: 'walnut', produceShare: 1, shops: [
    { platform: 'taobao', name: '龙树大麻核桃', openedOn: '2021-08-01', yearYuan: 310_000 },
    { platform: 'jd', name: '龙树核桃京东店', openedOn: '2023-09-01', yearYuan: 240_000 },
  ] },
  { name: '鲁甸县江底核桃专业合作社', kind: 'cooperative', serial: 207, township: '530621105', village: '530621105201', contact: '罗文', produce: 'walnut', produceShare: 1, shops: [
    { platform: 'pdd', name: '江底山核桃', openedOn: '2022-09-01', yearYuan: 180_000 },
  ] },
  { name: '鲁甸县梭山天麻种植专业合作社', kind: 'cooperative', serial: 208, township: '530621109', village: '530621109201', contact: '黄春梅', produce: 'tianma', produceShare: 1, shops: [
    { platform: 'taobao', name: '梭山乌天麻', openedOn: '2021-03-01', yearYuan: 380_000 },
    { platform: 'douyin', name: '梭山天麻黄春梅', openedOn: '2023-11-01', yearYuan: 300_000 },
  ] },
  { name: '鲁甸县小寨马铃薯专业合作社', kind: 'cooperative', serial: 209, township: '530621104', village: '530621104201', contact: '周国平', produce: 'potato', produceShare: 1, shops: [
    { platform: 'pdd', name: '小寨高山洋芋', openedOn: '2022-06-01', yearYuan: 150_000 },
  ] },
  { name: '鲁甸县桃源民族食品商贸有限公司', kind: 'trader', serial: 210, township: '530621201', contact: '马明', produce: 'beef', produceShare: 0.6, notes: '传统清真牛干巴批发商，2021 年开网店', shops: [
    { platform: 'taobao', name: '桃源清真牛干巴', openedOn: '2021-01-10', yearYuan: 520_000 },
    { platform: 'kuaishou', name: '桃源牛干巴马明', openedOn: '2023-12-01', yearYuan: 330_000 },
  ] },
  { name: '鲁甸县水磨镇兴农农资商贸有限公司', kind: 'trader', serial: 211, township: '530621102', contact: '朱学军', produce: 'mixed', produceShare: 0.45, shops: [
    { platform: 'wechat', name: '兴农鲁甸土特产', openedOn: '2022-02-01', yearYuan: 210_000 },
    { platform: 'other', name: '兴农农资社区团购', openedOn: '2023-04-01', yearYuan: 160_000 },
  ] },
  { name: '鲁甸县火德红花椒专业合作社', kind: 'cooperative', serial: 212, township: '530621106', contact: '杨秀英', produce: 'pepper', produceShare: 1, shops: [
    { platform: 'taobao', name: '火德红青花椒', openedOn: '2022-07-01', yearYuan: 230_000 },
    { platform: 'pdd', name: '火德红花椒拼多多', openedOn: '2024-08-01', yearYuan: 170_000 },
  ] },
  { name: '鲁甸县茨院回族乡农特产品专业合作社', kind: 'cooperative', serial: 213, township: '530621202', contact: '马海燕', produce: 'mixed', produceShare: 0.9, shops: [
    { platform: 'douyin', name: '茨院农特产', openedOn: '2023-05-01', yearYuan: 140_000 },
  ] },
  { name: '鲁甸县新街山里蜂蜜店', kind: 'individual', serial: 214, township: '530621108', contact: '吴丽', produce: 'honey', produceShare: 1, notes: '返乡大学生创业', shops: [
    { platform: 'weidian', name: '新街山里蜂蜜', openedOn: '2021-06-01', yearYuan: 120_000 },
    { platform: 'douyin', name: '山里蜂蜜吴丽', openedOn: '2024-03-01', yearYuan: 160_000 },
  ] },
  { name: '鲁甸县乐红镇春梅花椒网店', kind: 'individual', serial: 215, township: '530621110', contact: '马春梅', produce: 'pepper', produceShare: 1, shops: [
    { platform: 'kuaishou', name: '春梅家的青花椒', openedOn: '2023-07-01', yearYuan: 90_000 },
    { platform: 'taobao', name: '春梅花椒小铺', openedOn: '2022-08-01', yearYuan: 60_000 },
  ] },
];

/** Entity-type prefixes of the credit code: 91 enterprise (firms and traders), 92 individual business, 93 co-op. */
const PREFIX: Record<PlayerKind, string> = { enterprise: '91', service_firm: '91', trader: '91', individual: '92', cooperative: '93' };

function demoCreditCode(kind: PlayerKind, serial: number): string {
  const org8 = `MA6L${String(serial).padStart(4, '0')}`;
  const first17 = `${PREFIX[kind]}530621${org8}${organisationCodeCheck(org8)}`;
  return first17 + creditCodeCheck(first17);
}

const monthAdd = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
};

/** Reports that came in late, and one implausible jump: the review list has work on the first morning. */
const LATE = new Set(['桃源清真牛干巴|-3', '小寨高山洋芋|-2', '茨院农特产|-5', '兴农鲁甸土特产|-1']);
const JUMP = '江底山核桃|-2';
/** Shops whose last month is not reported yet: the missing list. */
const NOT_YET = new Set(['江底山核桃', '兴农农资社区团购', '春梅花椒小铺']);

/**
 * Demo market players with their shops on other platforms and 24 months of reports up to last month: growing about
 * a quarter a year, with the harvest seasons (pepper August–October, apples September–November), each month reported
 * early in the next (a few late), one implausible jump. Skipped for a player already registered (by credit code).
 */
export async function loadDemoPlayers(modules: Modules, users: Record<string, string>): Promise<{ players: number; shops: number; reports: number }> {
  const now = modules.players.clock.now();
  const { players, reports } = modules.players;
  const county = actor(users['demo.county'], 'demo.county', '县工科局 电商办', ['county_admin']);
  const merchant = actor(users['demo.merchant'], 'demo.merchant', '鲁甸青花椒合作社', ['merchant']);
  const lastMonth = monthAdd(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7), -1);
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const existing = new Set((await players.list(county, {}, 500)).items.map((p) => p.creditCode));
  let made = 0;
  let shopCount = 0;
  let reportCount = 0;
  for (const seed of DEMO_PLAYERS) {
    const creditCode = demoCreditCode(seed.kind, seed.serial);
    if (existing.has(creditCode)) continue;
    const player = await players.register(county, {
      name: seed.name,
      kind: seed.kind,
      creditCode,
      contactName: seed.contact,
      contactPhone: `1398710${String(seed.serial).padStart(4, '0')}`,
      townshipCode: seed.township,
      villageCode: seed.village ?? null,
      ownerUserId: seed.owner ? users[seed.owner] : null,
      notes: seed.notes ?? '',
      isDemo: true,
    });
    made++;
    const reporter = seed.owner ? merchant : county;
    for (const s of seed.shops) {
      const shop = await players.addShop(county, player.id, { platform: s.platform, name: s.name, url: null, openedOn: s.openedOn });
      shopCount++;
      const months: Parameters<typeof reports.recordHistory>[2] = [];
      for (let back = 24; back >= 1; back--) {
        const month = monthAdd(lastMonth, 1 - back);
        if (month < s.openedOn.slice(0, 7)) continue;
        if (s.closedOn && month > s.closedOn.slice(0, 7)) continue;
        if (back === 1 && NOT_YET.has(s.name)) continue;
        const key = `${s.name}|${month}`;
        // About +25 % a year, the season of the produce, ±10 % of noise; a shop's first months ramp up.
        const age = Math.max(0, (Date.parse(`${month}-01`) - Date.parse(s.openedOn)) / (30 * 86_400_000));
        const ramp = Math.min(1, 0.6 + age / 12);
        const growth = Math.pow(1.25, (24 - back) / 12);
        const season = SEASON[seed.produce][Number(month.slice(5)) - 1];
        const noise = 0.9 + unit(key) * 0.2;
        let salesFen = Math.round(((s.yearYuan * 100) / 12) * growth * season * noise * ramp);
        if (`${s.name}|-${back}` === JUMP) salesFen *= 8;
        const orders = Math.max(1, Math.round(salesFen / (ORDER_FEN[seed.produce] * (0.9 + unit(`o${key}`) * 0.2))));
        const produceFen = Math.min(salesFen, Math.round(salesFen * seed.produceShare));
        const next = monthAdd(month, 1);
        const day = LATE.has(`${s.name}|-${back}`) ? 14 + (hash(key) % 6) : 2 + (hash(key) % 7);
        let at = new Date(`${next}-${String(day).padStart(2, '0')}T0${1 + (hash(`h${key}`) % 8)}:${String(hash(`m${key}`) % 60).padStart(2, '0')}:00.000Z`);
        if (at > now) at = new Date(now.getTime() - 3600_000);
        months.push({ month, salesFen, orders, produceFen, reportedAt: at });
      }
      // The firms' systems send by API, the service firm imports its spreadsheet, the rest fill in the form.
      reportCount += await reports.recordHistory(reporter, shop.id, months, seed.kind === 'enterprise' ? 'api' : seed.kind === 'service_firm' ? 'import' : 'form');
      if (s.closedOn && s.closedOn <= today) await players.closeShop(county, shop.id, s.closedOn);
    }
  }
  return { players: made, shops: shopCount, reports: reportCount };
}

function actor(userId: string, username: string, displayName: string, roles: Role[]): RequestContext {
  return { principal: { userId, username, displayName, roles, scope: { kind: 'county', id: '530621' }, via: 'system' }, ip: '127.0.0.1', requestId: 'demo' };
}
