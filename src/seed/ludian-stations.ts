/**
 * The 站点服务 demo's data: which points worked the past month, their villagers (invented names), what they asked for
 * and brought in, the providers they paid through, and the one day the till came out short. Pure data; the loader
 * (src/flows/load-demo-stations.ts) turns it into the records an operator's phone sends, day by day.
 */

export interface DemoStationSite {
  siteId: string;
  /** The account that records there, when the demo has one; otherwise the site's operator (from the network demo). */
  account?: { username: 'demo.village' | 'demo.township'; displayName: string };
  scope: { kind: 'site' | 'township'; id: string };
  /** How busy the place is: records a day besides opening and closing (before the day's own jitter). */
  busy: number;
  /** What villagers bring here to sell (代卖) and what the point buys outright (收购). */
  consign: ('pepper' | 'walnut' | 'apple')[];
  purchase: ('pepper' | 'walnut' | 'apple' | 'potato')[];
  /** Whether tickets are booked here (township stations, and points with the service). */
  tickets: boolean;
  /** The cash the till starts the month with (fen). */
  openingCashFen: number;
  /** The site's villagers: name, phone (or none), ID number's first 17 characters (or none), registered poor. */
  villagers: DemoVillager[];
}

export interface DemoVillager {
  name: string;
  phone?: string;
  /** The first 17 characters of the resident ID number; the check character is computed by parties' rule. */
  id17?: string;
  poor?: boolean;
}

/** 乐红镇 and its 乐红村 point (the demo accounts'), 龙头山镇's station and 光明村's point, 龙树镇's 龙树村 point. */
export const DEMO_STATION_SITES: DemoStationSite[] = [
  {
    siteId: 'site_ld3_530621110205',
    account: { username: 'demo.village', displayName: '乐红村服务点' },
    scope: { kind: 'site', id: 'site_ld3_530621110205' },
    busy: 6,
    consign: ['pepper', 'walnut'],
    purchase: ['pepper', 'potato'],
    tickets: false,
    openingCashFen: 150_000,
    villagers: [
      { name: '马春梅', phone: '13908702211', id17: '53062119880612102', poor: true },
      { name: '杨德富', phone: '15912843306', poor: true },
      { name: '李桂英' },
      { name: '张发顺', phone: '18787015524' },
      { name: '孔祥云', phone: '13577056190', id17: '53062119750911051', poor: true },
      { name: '朱国才', phone: '15125461127' },
      { name: '王秀珍', poor: true },
      { name: '陈有贵', phone: '13887044972' },
      { name: '罗正华', phone: '18213260583', id17: '53062119920304151' },
      { name: '胡兴莲' },
    ],
  },
  {
    siteId: 'site_ld2_530621110',
    account: { username: 'demo.township', displayName: '乐红镇服务站' },
    scope: { kind: 'township', id: '530621110' },
    busy: 8,
    consign: ['pepper'],
    purchase: ['pepper', 'walnut', 'potato'],
    tickets: true,
    openingCashFen: 300_000,
    villagers: [
      { name: '赵光荣', phone: '13708706631' },
      { name: '吴加美', phone: '15808702278', poor: true },
      { name: '刘世才', phone: '18308705514' },
      { name: '黄永芬', id17: '53062119690722102', poor: true },
      { name: '周建平', phone: '13987015246' },
      { name: '孔德英', phone: '15187053381' },
      { name: '马文祥', phone: '13638705597', poor: true },
      { name: '杨丽琼', phone: '18869052210' },
      { name: '陈明礼' },
      { name: '李成富', phone: '13577091845', id17: '53062119810205203' },
    ],
  },
  {
    siteId: 'site_ld2_530621103',
    scope: { kind: 'township', id: '530621103' },
    busy: 7,
    consign: ['apple'],
    purchase: ['apple', 'potato'],
    tickets: true,
    openingCashFen: 250_000,
    villagers: [
      { name: '罗开明', phone: '13908703317' },
      { name: '朱永仙', phone: '15969031124', poor: true },
      { name: '王正清', phone: '18725041176' },
      { name: '张玉兰' },
      { name: '刘国兴', phone: '13529752238', poor: true },
      { name: '胡德荣', phone: '15287054493' },
      { name: '赵秀芬', phone: '18208700652' },
      { name: '吴天福', id17: '53062119780816301', poor: true },
    ],
  },
  {
    siteId: 'site_ld3_530621103202',
    scope: { kind: 'site', id: 'site_ld3_530621103202' },
    busy: 5,
    consign: ['apple', 'walnut'],
    purchase: ['apple'],
    tickets: false,
    openingCashFen: 120_000,
    villagers: [
      { name: '杨光富', phone: '13769031158', poor: true },
      { name: '李玉珍' },
      { name: '陈德学', phone: '15087046623' },
      { name: '马应福', phone: '18487021179', poor: true },
      { name: '孔令芬', phone: '13187014435' },
      { name: '周正发' },
    ],
  },
  {
    siteId: 'site_ld3_530621107201',
    scope: { kind: 'site', id: 'site_ld3_530621107201' },
    busy: 5,
    consign: ['walnut', 'pepper'],
    purchase: ['walnut'],
    tickets: false,
    openingCashFen: 100_000,
    villagers: [
      { name: '黄德明', phone: '13988702204', poor: true },
      { name: '张秀兰', phone: '15025068817' },
      { name: '王开富' },
      { name: '罗玉仙', phone: '18388701126', poor: true },
      { name: '赵永昌', phone: '13759205563' },
      { name: '刘桂芳', id17: '53062119860419202' },
    ],
  },
];

/** Days of history, ending yesterday (Shanghai). */
export const HISTORY_DAYS = 30;

/** The one day that did not agree: at 乐红村's point, this many days ago, counted short by ¥20.00. */
export const SHORT_DAY = { siteId: 'site_ld3_530621110205', daysAgo: 9, shortFen: 2_000, reason: '短款 ¥20.00：找零错误，已向村民核实' };

/** What villagers ask a point to buy for them online (代买): item, quantity, budget and cost (fen), platform. */
export const PROXY_BUY_ITEMS: { item: string; quantityText: string; budgetFen: number; costFen: number; platform: 'taobao' | 'pinduoduo' | 'countyhub' }[] = [
  { item: '儿童羽绒服 130 码', quantityText: '1 件', budgetFen: 15_000, costFen: 12_900, platform: 'taobao' },
  { item: '电热毯 双人', quantityText: '1 床', budgetFen: 10_000, costFen: 8_900, platform: 'pinduoduo' },
  { item: '老人棉鞋 41 码', quantityText: '2 双', budgetFen: 8_000, costFen: 6_980, platform: 'pinduoduo' },
  { item: '电动喷雾器 16 升', quantityText: '1 台', budgetFen: 30_000, costFen: 26_800, platform: 'taobao' },
  { item: '小米 红米手机 4G+64G', quantityText: '1 部', budgetFen: 80_000, costFen: 69_900, platform: 'taobao' },
  { item: '昭通酱 500 克', quantityText: '4 瓶', budgetFen: 6_000, costFen: 4_800, platform: 'countyhub' },
  { item: '书包 小学生', quantityText: '1 个', budgetFen: 8_000, costFen: 5_990, platform: 'pinduoduo' },
  { item: '取暖器 小太阳', quantityText: '1 台', budgetFen: 12_000, costFen: 9_900, platform: 'pinduoduo' },
  { item: '鲁甸青花椒油 250 毫升', quantityText: '2 瓶', budgetFen: 5_000, costFen: 3_600, platform: 'countyhub' },
  { item: '保温饭盒', quantityText: '1 个', budgetFen: 5_000, costFen: 3_980, platform: 'taobao' },
];

/** Carriers the parcels come by, with a waybill prefix of their usual shape. */
export const CARRIERS = [
  { name: '中通快递', prefix: '78' },
  { name: '韵达快递', prefix: '43' },
  { name: '邮政快递包裹', prefix: '98' },
  { name: '极兔速递', prefix: 'JT' },
];

/** What a consignment intake is offered per kg by grade (fen), near the grade standards' purchase prices. */
export const CONSIGN_OFFERS: Record<'pepper' | 'walnut' | 'apple', { grade: 'special' | 'first' | 'second'; priceFenPerKg: number; minKg: number; maxKg: number }[]> = {
  pepper: [
    { grade: 'special', priceFenPerKg: 10_000, minKg: 5, maxKg: 25 },
    { grade: 'first', priceFenPerKg: 8_400, minKg: 5, maxKg: 30 },
  ],
  walnut: [
    { grade: 'first', priceFenPerKg: 2_300, minKg: 20, maxKg: 80 },
    { grade: 'second', priceFenPerKg: 1_800, minKg: 20, maxKg: 60 },
  ],
  apple: [
    { grade: 'special', priceFenPerKg: 900, minKg: 50, maxKg: 200 },
    { grade: 'first', priceFenPerKg: 700, minKg: 50, maxKg: 250 },
  ],
};

/** Measurements as the scale and the sampler give them, one set per grade (the standards' keys). */
export const PURCHASE_SAMPLES: Record<'pepper' | 'walnut' | 'apple' | 'potato', { measurements: Record<string, number>; minKg: number; maxKg: number; tareG: number }[]> = {
  pepper: [
    { measurements: { moisture: 9.5, impurity: 0.8, opening: 96 }, minKg: 5, maxKg: 20, tareG: 300 },
    { measurements: { moisture: 10.6, impurity: 1.5, opening: 92 }, minKg: 5, maxKg: 25, tareG: 300 },
    { measurements: { moisture: 12.4, impurity: 2.6, opening: 84 }, minKg: 5, maxKg: 20, tareG: 300 },
  ],
  walnut: [
    { measurements: { diameter: 35, moisture: 7.2, kernel: 52 }, minKg: 20, maxKg: 60, tareG: 500 },
    { measurements: { diameter: 31, moisture: 7.8, kernel: 47 }, minKg: 20, maxKg: 80, tareG: 500 },
    { measurements: { diameter: 29, moisture: 9.1, kernel: 42 }, minKg: 20, maxKg: 60, tareG: 500 },
  ],
  apple: [
    { measurements: { diameter: 86, defect: 2 }, minKg: 100, maxKg: 300, tareG: 2_000 },
    { measurements: { diameter: 78, defect: 4 }, minKg: 100, maxKg: 400, tareG: 2_000 },
    { measurements: { diameter: 68, defect: 8 }, minKg: 80, maxKg: 300, tareG: 2_000 },
  ],
  potato: [
    { measurements: { tuberWeight: 280, damage: 2 }, minKg: 200, maxKg: 600, tareG: 1_000 },
    { measurements: { tuberWeight: 180, damage: 4 }, minKg: 200, maxKg: 800, tareG: 1_000 },
  ],
};

/**
 * Bills paid at the till: service, provider (GET /stations/providers), account, amount range (fen), fee. Accounts fit
 * the providers' shapes (ACCOUNT_RULES: electricity 10 digits, water 8) and end in 1, so the provider has them (the
 * local provider does not have an account ending 0000).
 */
export const BILLS = [
  { service: 'electricity' as const, providerId: 'yn_power', account: (n: number) => `5306${String(n % 100_000).padStart(5, '0')}1`, minFen: 3_000, maxFen: 20_000, feeFen: 0 },
  { service: 'water' as const, providerId: 'ld_water', account: (n: number) => `88${String(n % 100_000).padStart(5, '0')}1`, minFen: 1_500, maxFen: 6_000, feeFen: 0 },
  { service: 'phone' as const, providerId: 'china_mobile', account: (n: number) => `1878703${String(n % 10_000).padStart(4, '0')}`, minFen: 3_000, maxFen: 10_000, feeFen: 0 },
  { service: 'phone' as const, providerId: 'china_telecom', account: (n: number) => `1330870${String(n % 10_000).padStart(4, '0')}`, minFen: 5_000, maxFen: 10_000, feeFen: 0 },
];

/** Tickets booked: mode, provider, what, price (fen), fee. */
export const TICKETS = [
  { mode: 'train' as const, providerId: 'rail_12306', description: '昭通—昆明南 D8634 二等座', amountFen: 14_850, feeFen: 500 },
  { mode: 'bus' as const, providerId: 'zt_bus', description: '鲁甸—昭通 客运班车', amountFen: 1_500, feeFen: 200 },
  { mode: 'train' as const, providerId: 'rail_12306', description: '昭通—成都东 D1788 二等座', amountFen: 24_600, feeFen: 500 },
  { mode: 'plane' as const, providerId: 'caac', description: '昭通—上海虹桥 经济舱', amountFen: 98_000, feeFen: 1_000 },
];

/**
 * Bills paid with an account of the right shape that the provider does not have (户号不存在): stored and paid in cash,
 * refused by the provider the job asks, so they stop counting, and refunded (provider.refund) on a later day.
 */
export const REFUSED_BILLS = [
  { siteId: 'site_ld3_530621110205', daysAgo: 9, refundDaysAgo: 7, villager: 2, service: 'electricity' as const, providerId: 'yn_power', accountNo: '5306210000', amountFen: 8_600 },
  { siteId: 'site_ld2_530621110', daysAgo: 6, refundDaysAgo: 5, villager: 1, service: 'electricity' as const, providerId: 'yn_power', accountNo: '5306230000', amountFen: 15_000 },
  { siteId: 'site_ld3_530621110205', daysAgo: 4, refundDaysAgo: 3, villager: 3, service: 'water' as const, providerId: 'ld_water', accountNo: '88120000', amountFen: 3_200 },
];

/** Banks a villager withdraws from (助农取款) or is referred to for a loan. */
export const BANKS = ['ld_rcb', 'psbc'] as const;

/** The month's loan referrals: at which site, how many days ago, for whom (villager index), how much, what for. */
export const LOAN_REFERRALS = [
  { siteId: 'site_ld3_530621110205', daysAgo: 17, villager: 0, providerId: 'ld_rcb', amountFen: 3_000_000, purpose: '扩种青花椒 10 亩，购苗和有机肥' },
  { siteId: 'site_ld2_530621103', daysAgo: 6, villager: 1, providerId: 'psbc', amountFen: 5_000_000, purpose: '苹果冷藏库改造' },
];

/** Farm inputs (DEFAULT_FARM_INPUTS by name) each point stocks at the month's start, and how many units. */
export const FARM_INPUT_STOCK: Record<string, { name: string; quantity: number }[]> = {
  site_ld3_530621110205: [
    { name: '复合肥 15-15-15（硫酸钾型）', quantity: 20 },
    { name: '生物有机肥', quantity: 30 },
    { name: '多菌灵', quantity: 40 },
    { name: '吡虫啉', quantity: 60 },
    { name: '青花椒苗 鲁甸青花椒', quantity: 500 },
  ],
  site_ld2_530621110: [
    { name: '复合肥 15-15-15（硫酸钾型）', quantity: 60 },
    { name: '尿素', quantity: 40 },
    { name: '阿维菌素', quantity: 50 },
    { name: '马铃薯种薯 合作88', quantity: 30 },
  ],
  site_ld2_530621103: [
    { name: '复合肥 15-15-15（硫酸钾型）', quantity: 50 },
    { name: '硫酸钾', quantity: 40 },
    { name: '苹果苗 红富士', quantity: 300 },
    { name: '多菌灵', quantity: 60 },
  ],
  site_ld3_530621103202: [
    { name: '硫酸钾', quantity: 20 },
    { name: '吡虫啉', quantity: 40 },
  ],
  site_ld3_530621107201: [
    { name: '生物有机肥', quantity: 20 },
    { name: '多菌灵', quantity: 30 },
  ],
};

/**
 * The farmer registered in traceability at 乐红村 (load-demo-trace.ts) who buys a pesticide at his point, so the
 * purchase shows beside his farm records: 多菌灵 for the walnut trees, with his ID number (a real-name purchase).
 */
export const TRACE_BUYER = { siteId: 'site_ld3_530621110205', producerName: '杨永福', phone: '13908701234', idNumber: '53062119850315105X', input: '多菌灵', quantity: 4, daysAgo: 12 };

/** What demo.village's point has done so far today (left open for the phone page). */
export const TODAY_AT_POINT = { siteId: 'site_ld3_530621110205' };
