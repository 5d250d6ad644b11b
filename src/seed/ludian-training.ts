/**
 * Training demo (培训) for Ludian: the organisers the plan names (§五(四): 人社, 工科, 教育, 扶贫, 妇联, 团委, third-party
 * training bodies and a leading e-commerce firm), courses in its three tracks, and the programme's first year of
 * sessions — spring 2018 (towards the 1 750 person-times due 2018-08-31) and autumn 2018. The bodies and the firm's
 * training are invented for the demo; the sizes are chosen so the first two milestones are met and the 3 500 of
 * 2019-12-31 is not (the county's progress page shows the shortfall).
 */

export type DemoTrack = 'officials' | 'sellers' | 'station_staff';
export type DemoLevel = 'basic' | 'advanced' | 'elite';

export interface DemoOrganiser {
  key: string;
  name: string;
  kind: 'department' | 'body' | 'enterprise';
  contactName: string;
  notes: string;
}

export const DEMO_ORGANISERS: DemoOrganiser[] = [
  { key: 'hrss', name: '县人社局', kind: 'department', contactName: '李国平', notes: '鲁甸县人力资源和社会保障局：电商创业培训补贴' },
  { key: 'ict', name: '县工科局', kind: 'department', contactName: '张建华', notes: '鲁甸县工业信息化和科技局：示范县工作领导小组办公室' },
  { key: 'edu', name: '县教育局', kind: 'department', contactName: '周文', notes: '鲁甸县教育体育局：县职业高级中学电商专业' },
  { key: 'poverty', name: '县扶贫办', kind: 'department', contactName: '陈志强', notes: '鲁甸县扶贫开发办公室：建档立卡贫困人口专场' },
  { key: 'women', name: '县妇联', kind: 'department', contactName: '杨秀英', notes: '鲁甸县妇女联合会：巾帼电商' },
  { key: 'youth', name: '团县委', kind: 'department', contactName: '吴明', notes: '共青团鲁甸县委员会：青年返乡创业' },
  { key: 'school', name: '昭通云商电子商务职业培训学校', kind: 'body', contactName: '罗海燕', notes: '第三方培训机构（演示）' },
  { key: 'incubator', name: '鲁甸县农村电商创业孵化中心', kind: 'body', contactName: '孔学军', notes: '第三方培训机构，设在县电子商务公共服务中心（演示）' },
  { key: 'yunpinhui', name: '鲁甸县云品汇电子商务有限公司', kind: 'enterprise', contactName: '李文', notes: '电商龙头企业，县电商公共服务中心运营企业（演示）' },
];

/** The organiser whose member the demo trainer (demo.trainer) is. */
export const TRAINER_ORGANISER = 'school';

export interface DemoCourse {
  key: string;
  title: string;
  track: DemoTrack;
  level: DemoLevel | null;
  hours: number;
  online: boolean;
  organiser: string | null;
  summary: string;
}

export const DEMO_COURSES: DemoCourse[] = [
  { key: 'trends', title: '县域电商发展趋势与政策机遇', track: 'officials', level: null, hours: 3, online: false, organiser: 'ict', summary: '电商发展趋势，国家和省市县电子商务进农村政策，示范县项目的机遇与任务。' },
  { key: 'models', title: '农村电商发展模式与成功案例', track: 'officials', level: null, hours: 3, online: false, organiser: 'ict', summary: '县域电商的几种发展模式，遂昌、沙集、通榆等地的案例，乡村干部在其中的作用。' },
  { key: 'open-shop', title: '网店注册与开店实操', track: 'sellers', level: 'basic', hours: 6, online: false, organiser: null, summary: '在淘宝、微店、拼多多和本平台注册开店，实名认证，发布第一个商品。' },
  { key: 'shop-design', title: '网店设计与装修', track: 'sellers', level: 'basic', hours: 6, online: false, organiser: null, summary: '用手机拍好农产品，主图、详情页和店铺首页的制作。' },
  { key: 'wechat-basics', title: '微商与社交电商入门（线上）', track: 'sellers', level: 'basic', hours: 2, online: true, organiser: 'school', summary: '线上课程：朋友圈、微信群和小程序卖货的基本做法，读完讲义即完成。' },
  { key: 'operations', title: '网店运营与推广', track: 'sellers', level: 'advanced', hours: 6, online: false, organiser: null, summary: '选品、定价、活动报名、直通车等推广工具，看懂店铺数据。' },
  { key: 'service', title: '网店客服与售后', track: 'sellers', level: 'advanced', hours: 4, online: false, organiser: null, summary: '售前咨询话术，退换货与差评处理，生鲜农产品的售后。' },
  { key: 'branding', title: '农产品网货化与品牌营销', track: 'sellers', level: 'elite', hours: 8, online: false, organiser: null, summary: '分级、包装、标准化，让农产品成为网货；区域公共品牌与自有品牌。' },
  { key: 'team', title: '电商创业团队运营', track: 'sellers', level: 'elite', hours: 8, online: false, organiser: 'yunpinhui', summary: '从一个人到一个团队：分工、供应链、资金与合作社带动贫困户。' },
  { key: 'agency', title: '代购代销与在线支付', track: 'station_staff', level: null, hours: 4, online: false, organiser: 'ict', summary: '为村民代购、代卖农产品，收付款与对账，代缴费。' },
  { key: 'logistics', title: '物流软件与多平台销售', track: 'station_staff', level: null, hours: 4, online: false, organiser: 'ict', summary: '快递收发与取件码，服务点物流软件，同一商品在多个平台销售。' },
  { key: 'platform', title: '县电商公共服务平台应用（线上）', track: 'station_staff', level: null, hours: 2, online: true, organiser: 'ict', summary: '线上课程：服务点账号、代下单、包裹交接和农户代卖在本平台上的操作，读完讲义即完成。' },
];

export interface DemoSession {
  /** YYYY-MM-DD, Asia/Shanghai; sessions run 09:00–12:00 or 14:00–17:00 (whole-day courses 09:00–17:00). */
  date: string;
  course: string;
  organiser: string;
  /** Township code; at the county centre (文屏镇) when `centre`. */
  township: string;
  centre?: boolean;
  /** Where it was held when not at a site of the network. */
  placeText?: string;
  /** People present (person-times); the roster holds about a tenth more (no-shows). */
  present: number;
  /** Who attended: the usual mix, a poverty-alleviation session, women, young people, cadres, point staff. */
  audience: 'villagers' | 'poor' | 'women' | 'youth' | 'cadres' | 'staff' | 'alumni';
  /** Run by the demo trainer's organiser, demo.trainer teaching. */
  demoTrainer?: boolean;
  cancelled?: string;
}

const WENPING = '530621101';

/** Spring 2018: 1 818 person-times by the end of August (the plan's 1 750 met). */
export const SPRING_2018: DemoSession[] = [
  { date: '2018-03-20', course: 'trends', organiser: 'ict', township: WENPING, centre: true, present: 118, audience: 'cadres' },
  { date: '2018-03-28', course: 'models', organiser: 'poverty', township: WENPING, centre: true, present: 96, audience: 'cadres' },
  { date: '2018-04-10', course: 'open-shop', organiser: 'hrss', township: '530621102', present: 62, audience: 'villagers' },
  { date: '2018-04-12', course: 'open-shop', organiser: 'hrss', township: '530621103', present: 64, audience: 'villagers' },
  { date: '2018-04-17', course: 'open-shop', organiser: 'school', township: '530621110', present: 58, audience: 'villagers', demoTrainer: true },
  { date: '2018-04-19', course: 'shop-design', organiser: 'school', township: '530621104', present: 52, audience: 'villagers' },
  { date: '2018-04-24', course: 'agency', organiser: 'ict', township: WENPING, centre: true, present: 84, audience: 'staff' },
  { date: '2018-05-08', course: 'open-shop', organiser: 'youth', township: WENPING, centre: true, present: 72, audience: 'youth' },
  { date: '2018-05-10', course: 'open-shop', organiser: 'women', township: '530621108', present: 56, audience: 'women' },
  { date: '2018-05-15', course: 'shop-design', organiser: 'incubator', township: '530621105', present: 47, audience: 'villagers' },
  { date: '2018-05-17', course: 'open-shop', organiser: 'poverty', township: '530621106', present: 54, audience: 'poor' },
  { date: '2018-05-22', course: 'logistics', organiser: 'yunpinhui', township: WENPING, centre: true, present: 78, audience: 'staff' },
  { date: '2018-05-29', course: 'open-shop', organiser: 'school', township: '530621107', present: 57, audience: 'villagers', demoTrainer: true },
  { date: '2018-06-05', course: 'operations', organiser: 'school', township: WENPING, centre: true, present: 51, audience: 'alumni', demoTrainer: true },
  { date: '2018-06-07', course: 'open-shop', organiser: 'hrss', township: '530621109', present: 53, audience: 'villagers' },
  { date: '2018-06-12', course: 'shop-design', organiser: 'incubator', township: '530621201', present: 50, audience: 'villagers' },
  { date: '2018-06-14', course: 'open-shop', organiser: 'edu', township: WENPING, centre: true, present: 66, audience: 'youth' },
  { date: '2018-06-19', course: 'service', organiser: 'yunpinhui', township: WENPING, centre: true, present: 46, audience: 'alumni' },
  { date: '2018-06-26', course: 'open-shop', organiser: 'poverty', township: '530621202', placeText: '茨院回族乡人民政府会议室', present: 52, audience: 'poor' },
  { date: '2018-07-05', course: 'operations', organiser: 'incubator', township: '530621110', present: 46, audience: 'alumni' },
  { date: '2018-07-10', course: 'agency', organiser: 'ict', township: '530621103', present: 58, audience: 'staff' },
  { date: '2018-07-12', course: 'shop-design', organiser: 'incubator', township: '530621105', present: 0, audience: 'villagers', cancelled: '暴雨道路中断，改期至 9 月' },
  { date: '2018-07-17', course: 'open-shop', organiser: 'women', township: '530621104', present: 51, audience: 'women' },
  { date: '2018-07-24', course: 'team', organiser: 'yunpinhui', township: WENPING, centre: true, present: 32, audience: 'alumni' },
  { date: '2018-07-31', course: 'open-shop', organiser: 'youth', township: '530621105', present: 52, audience: 'youth' },
  { date: '2018-08-02', course: 'open-shop', organiser: 'youth', township: '530621109', present: 48, audience: 'youth' },
  { date: '2018-08-07', course: 'trends', organiser: 'ict', township: '530621103', placeText: '龙头山镇人民政府会议室', present: 71, audience: 'cadres' },
  { date: '2018-08-14', course: 'logistics', organiser: 'ict', township: '530621108', present: 55, audience: 'staff' },
  { date: '2018-08-16', course: 'open-shop', organiser: 'women', township: '530621201', present: 54, audience: 'women' },
  { date: '2018-08-21', course: 'service', organiser: 'school', township: '530621102', present: 47, audience: 'alumni', demoTrainer: true },
  { date: '2018-08-23', course: 'open-shop', organiser: 'poverty', township: '530621107', present: 52, audience: 'poor' },
  { date: '2018-08-28', course: 'branding', organiser: 'incubator', township: WENPING, centre: true, present: 36, audience: 'alumni' },
];

/** Autumn 2018: 561 more by the end of October, 187 in November; 2019's sessions are not in the demo. */
export const AUTUMN_2018: DemoSession[] = [
  { date: '2018-09-11', course: 'open-shop', organiser: 'school', township: '530621108', present: 51, audience: 'villagers', demoTrainer: true },
  { date: '2018-09-13', course: 'operations', organiser: 'hrss', township: '530621103', present: 49, audience: 'alumni' },
  { date: '2018-09-18', course: 'shop-design', organiser: 'incubator', township: '530621105', present: 48, audience: 'villagers' },
  { date: '2018-09-20', course: 'open-shop', organiser: 'poverty', township: '530621109', present: 53, audience: 'poor' },
  { date: '2018-09-25', course: 'models', organiser: 'ict', township: WENPING, centre: true, present: 88, audience: 'cadres' },
  { date: '2018-10-09', course: 'shop-design', organiser: 'women', township: '530621110', present: 45, audience: 'women' },
  { date: '2018-10-11', course: 'operations', organiser: 'incubator', township: '530621104', present: 44, audience: 'alumni' },
  { date: '2018-10-16', course: 'open-shop', organiser: 'youth', township: '530621106', present: 50, audience: 'youth' },
  { date: '2018-10-18', course: 'service', organiser: 'yunpinhui', township: WENPING, centre: true, present: 41, audience: 'alumni' },
  { date: '2018-10-23', course: 'logistics', organiser: 'ict', township: WENPING, centre: true, present: 61, audience: 'staff' },
  { date: '2018-10-25', course: 'branding', organiser: 'school', township: WENPING, centre: true, present: 31, audience: 'alumni', demoTrainer: true },
  { date: '2018-11-06', course: 'open-shop', organiser: 'hrss', township: '530621202', placeText: '茨院回族乡人民政府会议室', present: 50, audience: 'villagers' },
  { date: '2018-11-13', course: 'team', organiser: 'yunpinhui', township: WENPING, centre: true, present: 30, audience: 'alumni' },
  { date: '2018-11-20', course: 'operations', organiser: 'school', township: '530621107', present: 45, audience: 'alumni', demoTrainer: true },
  { date: '2018-11-27', course: 'trends', organiser: 'hrss', township: WENPING, centre: true, present: 62, audience: 'cadres' },
];

/** Sessions ahead of the demo's today, open for enrolment: days from today, and how many are enrolled already. */
export interface UpcomingSession {
  inDays: number;
  course: string;
  organiser: string;
  township: string;
  centre?: boolean;
  capacity: number;
  enrolled: number;
  demoTrainer?: boolean;
}

export const UPCOMING: UpcomingSession[] = [
  { inDays: 3, course: 'operations', organiser: 'school', township: '530621110', capacity: 40, enrolled: 12, demoTrainer: true },
  { inDays: 9, course: 'open-shop', organiser: 'hrss', township: '530621103', capacity: 60, enrolled: 20 },
  { inDays: 16, course: 'agency', organiser: 'ict', township: WENPING, centre: true, capacity: 80, enrolled: 0 },
];

/** Surnames as common in Ludian (many Hui families: 马, 王, 李, 张, 杨, 陈…), weighted by repetition. */
export const TRAINEE_SURNAMES = '马马马王王李李张张杨杨陈刘朱罗周孔胡赵黄吴徐沈蒋邓潘冯蔡余何龙夏丁苏';
export const GIVEN_MEN = '建国明永志学文海德正光成兴富贵华军林强平伟勇刚俊杰涛磊鹏飞云龙福顺祥忠荣江发';
export const GIVEN_WOMEN = '秀英春梅丽芳燕红兰琼艳娟敏静霞玲凤萍婷雪慧琴桂花仙美丹莉娇会';

/**
 * People of the demo whose later life the follow-up shows: 马春梅 is the demo's farmer seller (same ID number as
 * parties' seller serial 111) and runs a player's shop (春梅花椒网店); 吴丽 came home from university and opened
 * 新街山里蜂蜜 (a player's shop, linked by hand).
 */
export const FOLLOWED = {
  chunmei: { name: '马春梅', sellerSerial: 111, township: '530621110', village: '乐红村', poor: true, woman: true, player: '鲁甸县乐红镇春梅花椒网店' },
  wuli: { name: '吴丽', idNumber17: '53062119960312024', township: '530621108', village: '新街社区', poor: false, woman: true, player: '鲁甸县新街山里蜂蜜店' },
} as const;
